"""Undo commands: every change of the report is one step on the document's QUndoStack — a cell change, a paste, an
auto-sum switch, a tool's result (with what the tool stores in the draft), a 基本信息 field, the deadline, a
narrative text, the wording of a sub-heading.

Typing merges (QUndoCommand.mergeWith): characters typed one after another in the same field make one step up to a
word's end (a space or a punctuation mark), and so does a run of deletions, so Ctrl+Z takes back a typed word, not a
character. A text put in at once (an input method's commit, a paste, an inserted paragraph) is a step of its own.
A field parsed as it is typed (报告年度, 发布日期) or stepped (公开截止日期) makes one step per editing session.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from models.report import Provenance
from models.tools import autosum
from models.values import CellValue

if TYPE_CHECKING:
    from ui.document import ReportDocument

META_COMMAND_ID = 0x4D45  # 'ME'
TEXT_COMMAND_ID = 0x5458  # 'TX'
#: Characters that end a word: typing after one starts a new undo step.
SPACES = " \t\n\u3000"
WORD_ENDS = frozenset(SPACES + "，。、；：！？,.;:!?（）()《》〈〉“”‘’\"'【】[]—…-/")


class SetCellsCommand(QUndoCommand):
    """Set several cells at once (a typed value, a pasted block, a blanked selection, an import, a tool's result).

    `workspace`: what a tool stores in the draft along with the cells (a `models.report.Workspace` field name →
    value), set and restored in the same step. Both sides are deep copies: later changes cannot alter them.
    """

    def __init__(self, doc: ReportDocument, values: dict[str, CellValue], label: str,
                 workspace: dict[str, object] | None = None) -> None:
        super().__init__(label)
        self.doc = doc
        self.new = dict(values)
        self.old = {key: doc.report.cells.get(key) for key in values}
        # Where carried values came from (来自2024年度报告): dropped by an edit, restored by its undo.
        self.provenance = {key: doc.report.provenance[key] for key in values if key in doc.report.provenance}
        self.new_workspace = copy.deepcopy(workspace or {})
        self.old_workspace = {name: copy.deepcopy(getattr(doc.report.workspace, name)) for name in self.new_workspace}

    def redo(self) -> None:
        if self.new_workspace:
            self.doc.apply_workspace(self.new_workspace)
        self.doc.apply_cells(self.new)

    def undo(self) -> None:
        if self.old_workspace:
            self.doc.apply_workspace(self.old_workspace)
        self.doc.apply_cells(self.old, provenance=self.provenance)


class SetAutoSumCommand(QUndoCommand):
    """Switch total cells between 自动合计 and manual; switching on fills the totals in the same step."""

    def __init__(self, doc: ReportDocument, before: frozenset[str], after: frozenset[str]) -> None:
        super().__init__("切换自动合计")
        self.doc = doc
        self.before, self.after = before, after
        self.fill = autosum.all_totals(doc.report, after, blank_incomplete=True) if after - before else {}
        self.old = {key: doc.report.cells.get(key) for key in self.fill}

    def redo(self) -> None:
        self.doc.apply_auto_keys(self.after)
        if self.fill:
            self.doc.apply_cells(self.fill)
        else:
            self.doc.refresh()

    def undo(self) -> None:
        self.doc.apply_auto_keys(self.before)
        if self.old:
            self.doc.apply_cells(self.old)
        else:
            self.doc.refresh()


# ----- typing -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Edit:
    """One change of a text: at `start`, `removed` was replaced by `inserted` (positions in the text before)."""

    start: int
    removed: str
    inserted: str

    @property
    def kind(self) -> str:
        """'type' (one character typed, after spaces that only now count: 机关名称 is stored without trailing
        spaces), 'delete' (one character removed) or 'put' (anything else)."""
        if not self.removed and (len(self.inserted) == 1 or len(self.inserted.lstrip(SPACES)) == 1):
            return "type"
        if not self.inserted and len(self.removed) == 1:
            return "delete"
        return "put"


def diff(before: str, after: str) -> Edit:
    """The one change that turns `before` into `after`: common head and tail kept, the middle replaced.

    Found by halving with slice comparisons (done in C): a keystroke in a 20,000-character text costs microseconds.
    """
    limit = min(len(before), len(after))
    head = _longest(lambda n: before[:n] == after[:n], limit)
    tail = _longest(lambda n: before[len(before) - n:] == after[len(after) - n:], limit - head)
    return Edit(head, before[head:len(before) - tail], after[head:len(after) - tail])


def _longest(same: Callable[[int], bool], limit: int) -> int:
    """The largest n ≤ limit with same(n) (same(0) holds, and same(n) implies same(m) for every m < n)."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if same(middle):
            low = middle
        else:
            high = middle - 1
    return low


def continues(run: Edit, last: Edit, nxt: Edit) -> Edit | None:
    """`run` (the merged edits so far, ending with `last`) followed by `nxt`, as one edit, when `nxt` continues the
    same word: a character typed right after the last one (not after a word's end, not after a space), or a
    character deleted next to the last deleted one (Backspace or Delete). None when `nxt` starts a new step."""
    if last.kind != nxt.kind or nxt.kind == "put":
        return None
    if nxt.kind == "type":
        if (run.removed or nxt.start != run.start + len(run.inserted) or last.inserted[-1] in WORD_ENDS
                or (len(nxt.inserted) > 1 and nxt.inserted[0] in SPACES)):
            return None
        return Edit(run.start, "", run.inserted + nxt.inserted)
    if run.inserted:
        return None
    if nxt.start + 1 == run.start:   # Backspace
        return Edit(nxt.start, nxt.removed + run.removed, "")
    if nxt.start == run.start:       # Delete
        return Edit(run.start, run.removed + nxt.removed, "")
    return None


class SetTextCommand(QUndoCommand):
    """A narrative text (or the 报告开头说明) changed; typing in it merges as the module says.

    Holds only the change, not the texts, so a long text typed for a day keeps the stack small.
    """

    def __init__(self, doc: ReportDocument, key: str, edit: Edit, label: str) -> None:
        super().__init__(label)
        self.doc, self.key = doc, key
        self.edit = self.last = edit
        # 来自2024年度报告 on a carried paragraph: dropped by the edit, restored by its undo.
        self.provenance: Provenance | None = doc.report.provenance.get(f"text:{key}")

    def id(self) -> int:
        return TEXT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTextCommand) or other.doc is not self.doc or other.key != self.key:
            return False
        merged = continues(self.edit, self.last, other.edit)
        if merged is None:
            return False
        self.edit, self.last = merged, other.edit
        return True

    def redo(self) -> None:
        text = self.doc.report.texts.get(self.key, "")
        e = self.edit
        self.doc.apply_text(self.key, text[:e.start] + e.inserted + text[e.start + len(e.removed):])

    def undo(self) -> None:
        text = self.doc.report.texts.get(self.key, "")
        e = self.edit
        self.doc.apply_text(self.key, text[:e.start] + e.removed + text[e.start + len(e.inserted):],
                            self.provenance)


class SetHeadingCommand(QUndoCommand):
    """The wording of a sub-heading changed (restored to the official one: `new` is '')."""

    def __init__(self, doc: ReportDocument, key: str, new: str, label: str) -> None:
        super().__init__(label)
        self.doc, self.key = doc, key
        self.old, self.new = doc.report.headings.get(key, ""), new

    def redo(self) -> None:
        self.doc.apply_heading(self.key, self.new)

    def undo(self) -> None:
        self.doc.apply_heading(self.key, self.old)


class SetMetaCommand(QUndoCommand):
    """One 基本信息 field (`models.report.Meta` attribute) or the deadline (`deadline`, a Workspace field) changed.

    `session`: edits of one field with the same session merge into one step (报告年度 parsed as typed, the deadline
    stepped with the arrows); for text (机关名称) only while the typing continues a word. None: never merges.
    """

    def __init__(self, doc: ReportDocument, name: str, new: object, label: str, session: object = None) -> None:
        super().__init__(label)
        self.doc, self.name, self.session = doc, name, session
        self.old, self.new = doc.meta_value(name), new
        self.last: Edit | None = None
        self.run: Edit | None = None
        if isinstance(self.old, str) and isinstance(new, str):
            self.run = self.last = diff(self.old, new)

    def id(self) -> int:
        return META_COMMAND_ID if self.session is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, SetMetaCommand) or other.doc is not self.doc or other.name != self.name
                or other.session != self.session):
            return False
        if self.run is not None and self.last is not None and other.last is not None:
            merged = continues(self.run, self.last, other.last)
            if merged is None:
                return False
            self.run, self.last = merged, other.last
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)  # typed and taken back: no step at all
        return True

    def redo(self) -> None:
        self.doc.apply_meta(self.name, self.new)

    def undo(self) -> None:
        self.doc.apply_meta(self.name, self.old)
