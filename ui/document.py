"""The open report as the UI sees it: the Report, its file, last year's report, undo stack and live findings.

Every change goes through here as an undo command on one QUndoStack (ui/commands.py): cells (an auto-sum recomputed
in the same step, what a tool stores in the draft with its cells in the same step too), the 自动合计 switches, the
基本信息 fields and the deadline, the narrative texts (typing merged into words), a sub-heading's wording. The text
editors keep no undo history of their own: Ctrl+Z anywhere takes back the last change the clerk made, wherever it
was. Confirming a carried paragraph and a finding's 说明 note are the changes that are not undo steps.

After a cell or meta change all rules run again at once and the findings are indexed by cell and by text key for
the views. Typing in a narrative re-checks after a short pause instead (TEXT_SETTLE_MS): a keystroke only stores the
text. Whoever reads the findings before then gets them up to date (the pending check runs first), so nothing ever
acts on stale findings.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from models.findings import Finding, Severity, error_count
from models.format import format2021 as fmt
from models.report import Provenance, Report
from models.rules.rule_set import evaluate
from models.storage.draft_format import lift_v1_workspace
from models.tools import autosum, carried_text
from models.values import CellValue, Parsed, check_value, parse
from ui.commands import SetAutoSumCommand, SetCellsCommand, SetHeadingCommand, SetMetaCommand, SetTextCommand, diff
from ui.page_status import PAGE_KEYS, page_of, split_pending

READ_ONLY = "此草稿只能查看，不能修改；“另存为”可保存一份可以修改的副本。"
#: The draft key of the 自动合计 switches in schema 1 (now `report.workspace.auto_sum`): a Report built with it in
#: `extra` (ui/file_actions.py's new report) has it moved into the workspace when its document is made.
META_NAMES = {"agency": fmt.META_AGENCY, "year": fmt.META_YEAR, "level": fmt.META_LEVEL,
              "publish_date": fmt.META_PUBLISH_DATE}
_KEEP = object()  # set_cells: the tool's store is left as it is
#: Undo steps kept (a step holds only the cells it changed): ample for a day's work, and memory stays bounded.
UNDO_LIMIT = 5000
TEXT_SETTLE_MS = 200  # typing in a narrative: the rules run again once the keys pause this long


class ReportDocument(QObject):
    cellsChanged = Signal(list)     # keys whose value changed
    textChanged = Signal(str)       # text key
    headingChanged = Signal(str)    # text key whose sub-heading's wording changed
    metaChanged = Signal()
    findingsChanged = Signal()
    carriedChanged = Signal(str)    # text key whose carried text was confirmed
    autoSumChanged = Signal()
    modifiedChanged = Signal(bool)
    refused = Signal(str)           # a change refused before anything was written: the Chinese reason

    def __init__(self, report: Report, path: Path | None = None, previous: Report | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        lift_v1_workspace(report)
        self.report = report
        self.path = path
        if previous is None:
            from models.tools.carryover import embedded_previous

            previous = embedded_previous(report)
        self.previous = previous
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._findings: list[Finding] = []
        self._pending: list[Finding] = []  # blanks on pages the clerk has not left yet: "未填", not yet errors
        self._pending_cells: frozenset[str] = frozenset()
        self.checked_pages: set[str] = set()  # pages left (or exported) with blanks: their blanks are errors
        self._by_cell: dict[str, list[Finding]] = {}
        self._by_text: dict[str, list[Finding]] = {}
        self._settle: QTimer | None = None  # typing: the deferred re-check (made when first needed)
        self._stale = False                 # texts changed since the findings were computed
        self._direct_edits = False  # changes since the last save that are not undo steps (a note, an import)
        self.generation = 0         # bumps on every change; autosave compares it
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.refresh()

    # ----- state ----------------------------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        return self._direct_edits or not self.undo_stack.isClean()

    def _on_index_changed(self, _index: int) -> None:
        # Not cleanChanged: the stack emits that while it is being destroyed, when it can no longer be asked.
        self.modifiedChanged.emit(self.is_modified)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._direct_edits = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)

    def mark_modified(self) -> None:
        """Opened from an autosave or an import: unsaved until the clerk saves."""
        self._direct_edits = True
        self.modifiedChanged.emit(True)

    @property
    def auto_keys(self) -> frozenset[str]:
        return self.report.workspace.auto_sum & autosum.auto_sum_keys(self.report.format)

    def is_auto(self, key: str) -> bool:
        return key in self.auto_keys

    # ----- cells ----------------------------------------------------------------------------------------------

    def parse_input(self, key: str, text: str) -> Parsed:
        """Parse what the clerk typed for `key` (raises ValueRefused with a Chinese reason)."""
        return parse(key, text)

    def set_cells(self, values: dict[str, CellValue], label: str, *, collection: object = _KEEP) -> bool:
        """Change cells as one undo step; totals in 自动合计 mode follow in the same step.

        `collection`: the 汇总数据采集表 store (`report.workspace.collection`) a tool keeps with its result, changed
        in the same undo step, so that undo and redo restore it with the cells. A change that would leave an invalid
        value (a total over 9 digits) is refused whole before anything is written: False, and `refused` says why.
        """
        changes = {k: v for k, v in values.items() if not self.is_auto(k)}
        totals = self._auto_changes(changes)
        changes.update(totals)
        changes = {k: v for k, v in changes.items() if _differs(self.report.cells.get(k), v)}
        workspace = {} if collection is _KEEP or collection == self.report.workspace.collection else \
            {"collection": collection}
        if (changes or workspace) and self._refuse_read_only():
            return False
        if self._refuse_invalid(changes, computed=totals.keys()):
            return False
        if changes or workspace:
            self.undo_stack.push(SetCellsCommand(self, changes, label, workspace))
        return True

    @contextlib.contextmanager
    def macro(self, label: str) -> Iterator[None]:
        """Changes made inside are one undo step (a tool's result made of several changes)."""
        self.undo_stack.beginMacro(label)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def _refuse_invalid(self, changes: dict[str, CellValue], computed: Iterable[str]) -> bool:
        """Emit `refused` and return True when a value in `changes` is not one its cell can hold (`computed`: the
        keys whose value is an automatic total)."""
        computed = set(computed)
        for key, value in changes.items():
            problem = check_value(key, value)
            if problem:
                how = "自动合计的结果" if key in computed else ""
                self.refused.emit(f"{fmt.cell_label(key)}：{how}{problem.rstrip('。')}，未作修改。")
                return True
        return False

    def _auto_changes(self, changes: dict[str, CellValue]) -> dict[str, CellValue]:
        auto = self.auto_keys
        if not auto:
            return {}
        scratch = self.report.copy()
        for key, value in changes.items():
            scratch.set(key, value)
        return autosum.all_totals(scratch, auto, blank_incomplete=True)

    def apply_cells(self, values: dict[str, CellValue], provenance: dict | None = None) -> None:
        """Used by undo commands: write the values (and restore provenance on undo), then re-check."""
        for key, value in values.items():
            self.report.set(key, value)
        self.report.provenance.update(provenance or {})
        self.generation += 1
        self.cellsChanged.emit(list(values))
        self.refresh()

    def apply_workspace(self, values: dict[str, object]) -> None:
        """Used by undo commands: store a tool's data in the draft (Workspace field → value); copies, never
        aliases."""
        for name, value in values.items():
            setattr(self.report.workspace, name, copy.deepcopy(value))
        self.generation += 1
        self.metaChanged.emit()

    def set_auto_sum(self, keys: frozenset[str], on: bool) -> bool:
        """Switch total cells between 自动合计 and manual entry (one undo step, totals filled when switching on).
        False when refused (a total would be over 9 digits): nothing changes and `refused` says why."""
        before = self.auto_keys
        after = (before | keys) if on else (before - keys)
        if after == before:
            return True
        if self._refuse_read_only():
            return False
        totals = autosum.all_totals(self.report, after, blank_incomplete=True) if on else {}
        if self._refuse_invalid(totals, computed=totals.keys()):
            return False
        self.undo_stack.push(SetAutoSumCommand(self, before, after))
        return True

    def apply_auto_keys(self, keys: frozenset[str]) -> None:
        self.report.workspace.auto_sum = frozenset(keys)
        self.autoSumChanged.emit()

    # ----- texts and meta -------------------------------------------------------------------------------------

    def set_text(self, key: str, text: str) -> None:
        """A narrative text changed (typing, a paste, an inserted paragraph): one undo step, typing merged."""
        before = self.report.texts.get(key, "")
        if before == text or self._refuse_read_only():
            return
        self.undo_stack.push(SetTextCommand(self, key, diff(before, text), f"修改“{_text_label(key)}”"))

    def apply_text(self, key: str, text: str, provenance: Provenance | None = None) -> None:
        """Used by undo commands: store the text (and restore where it came from on undo), re-check after a pause."""
        self.report.set_section_text(key, text)
        if provenance is not None:
            self.report.provenance[f"text:{key}"] = provenance
        self.generation += 1
        self.textChanged.emit(key)
        self._refresh_later()

    def set_heading(self, key: str, wording: str) -> None:
        """Word sub-heading `key` the clerk's way ('' restores the official heading): one undo step."""
        official = fmt.SUBHEADING_BY_KEY[key].heading
        wording = "" if wording.strip() == official else wording.strip()
        if self.report.headings.get(key, "") == wording or self._refuse_read_only():
            return
        label = f"修改小标题“{wording}”" if wording else f"恢复规范标题“{official}”"
        self.undo_stack.push(SetHeadingCommand(self, key, wording, label))

    def apply_heading(self, key: str, wording: str) -> None:
        """Used by undo commands: store the wording, then re-check (section 五's text is compared with last year's)."""
        self.report.set_heading(key, wording)
        self.generation += 1
        self.headingChanged.emit(key)
        self.refresh()

    def unconfirmed_texts(self) -> list[str]:
        """Text keys still holding last year's text, neither edited nor confirmed."""
        return carried_text.unconfirmed_keys(self.report)

    def confirm_text(self, key: str) -> None:
        """The clerk keeps last year's paragraph under `key` for this year."""
        if not carried_text.is_unconfirmed(self.report, key) or self._refuse_read_only():
            return
        if carried_text.confirm(self.report, key):
            self._touch()
            self.carriedChanged.emit(key)

    def set_note(self, fingerprint: str, note: str) -> None:
        if self.report.notes.get(fingerprint, "") == note or self._refuse_read_only():
            return
        if note:
            self.report.notes[fingerprint] = note
        else:
            self.report.notes.pop(fingerprint, None)
        self._touch()

    def set_meta(self, session: object = None, **fields: object) -> None:
        """Change 基本信息 fields (`Meta` attributes): one undo step per field, several fields one step together.

        `session`: edits of a field with the same session merge into one step (see ui/commands.py); None never
        merges.
        """
        changes = {name: value for name, value in fields.items() if self.meta_value(name) != value}
        if not changes or self._refuse_read_only():
            return
        commands = [SetMetaCommand(self, name, value, f"修改{fmt.META_LABELS[META_NAMES[name]]}", session)
                    for name, value in changes.items()]
        if len(commands) == 1:
            self.undo_stack.push(commands[0])
            return
        with self.macro("修改基本信息"):
            for command in commands:
                self.undo_stack.push(command)

    def set_deadline(self, deadline: date | None, session: object = None) -> None:
        """The clerk's own 公开截止日期 (None: the one the rules set): one undo step (a session's steps merged)."""
        if self.report.workspace.deadline == deadline or self._refuse_read_only():
            return
        self.undo_stack.push(SetMetaCommand(self, "deadline", deadline, "修改公开截止日期", session))

    def meta_value(self, name: str) -> object:
        """A 基本信息 field by name (`Meta` attribute, or `deadline`)."""
        return self.report.workspace.deadline if name == "deadline" else getattr(self.report.meta, name)

    def apply_meta(self, name: str, value: object) -> None:
        """Used by undo commands: set one field, then re-check."""
        if name == "deadline":
            self.report.workspace.deadline = value  # type: ignore[assignment]
        else:
            setattr(self.report.meta, name, value)
        self.generation += 1
        self.metaChanged.emit()
        self.refresh()

    def _refuse_read_only(self) -> bool:
        """True (and `refused` says why) when the report can only be viewed: no change of any kind reaches it."""
        if not self.report.read_only:
            return False
        self.refused.emit(READ_ONLY)
        return True

    def _touch(self) -> None:
        self.generation += 1
        if not self._direct_edits:
            self._direct_edits = True
            self.modifiedChanged.emit(True)

    # ----- findings -------------------------------------------------------------------------------------------

    def leave_page(self, page: str) -> None:
        """The clerk leaves `page`: a blank left there is now an error."""
        if page not in self.checked_pages and any(page_of(f) == page for f in self.pending):
            self.checked_pages.add(page)
            self.refresh()

    def check_all_pages(self) -> None:
        """Asked to export: every blank is an error."""
        if self.pending or len(self.checked_pages) < len(PAGE_KEYS):
            self.checked_pages = set(PAGE_KEYS)
            if self.pending:
                self.refresh()

    def pending_rows(self) -> int:
        """How many rows (and required fields) are not yet filled in on pages not yet left: 还有N行未填."""
        return len(self.pending)

    @property
    def findings(self) -> list[Finding]:
        self._settle_now()
        return self._findings

    @property
    def pending(self) -> list[Finding]:
        self._settle_now()
        return self._pending

    @property
    def pending_cells(self) -> frozenset[str]:
        self._settle_now()
        return self._pending_cells

    @property
    def by_cell(self) -> dict[str, list[Finding]]:
        self._settle_now()
        return self._by_cell

    @property
    def by_text(self) -> dict[str, list[Finding]]:
        self._settle_now()
        return self._by_text

    @property
    def checking_soon(self) -> bool:
        """Texts changed while typing and the rules have not run on them yet."""
        return self._stale

    def _refresh_later(self) -> None:
        """Typing: check again once the keys pause (restarting the wait at every key)."""
        self._stale = True
        if self._settle is None:
            self._settle = QTimer(self)
            self._settle.setSingleShot(True)
            self._settle.setInterval(TEXT_SETTLE_MS)
            self._settle.timeout.connect(self._settle_now)
        self._settle.start()

    def _settle_now(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Run every rule now and tell the views (also what a pending check after typing does)."""
        self._stale = False
        if self._settle is not None:
            self._settle.stop()
        self._findings, self._pending = split_pending(evaluate(self.report, self.previous), self.checked_pages)
        self._pending_cells = frozenset(key for finding in self._pending for key in finding.cells)
        by_cell: dict[str, list[Finding]] = {}
        by_text: dict[str, list[Finding]] = {}
        for finding in self._findings:
            for key in finding.cells:
                by_cell.setdefault(key, []).append(finding)
            if finding.span is not None:
                by_text.setdefault(finding.span.text_key, []).append(finding)
        self._by_cell, self._by_text = by_cell, by_text
        self.findingsChanged.emit()

    def worst(self, key: str) -> Severity | None:
        findings = self.by_cell.get(key)
        if not findings:
            return None
        return min((f.severity for f in findings), key=lambda s: s.rank)

    def error_count(self) -> int:
        return error_count(self.findings)

    def previous_year_label(self, key: str) -> str:
        """来自2024年度报告 for a carried value, '' otherwise."""
        provenance = self.report.provenance.get(key)
        return provenance.describe() if provenance else ""

    @property
    def display_name(self) -> str:
        meta = self.report.meta
        name = meta.agency or "未命名机关"
        return f"{name} {meta.year}年度报告" if meta.year else name

    def deadline(self) -> tuple[int, int, int] | None:
        """The 公开截止日期: the clerk's own, or the one the rules set for the year and level (None without a year)."""
        override = self.report.workspace.deadline
        if override is not None:
            return (override.year, override.month, override.day)
        if not self.report.meta.year:
            return None
        return fmt.default_deadline(self.report.meta.year, self.report.meta.level)


def _text_label(key: str) -> str:
    """A text key as the clerk knows it (for the undo step's name): 报告开头说明, a section or a sub-heading."""
    if key == fmt.PREAMBLE_KEY:
        return "报告开头说明"
    for section in fmt.SECTIONS:
        if key in (section.key, section.intro_key):
            return section.heading
        for sub in section.subheadings:
            if sub.key == key:
                return sub.heading
    return key


def _differs(old: CellValue, new: CellValue) -> bool:
    return old != new or type(old) is not type(new)
