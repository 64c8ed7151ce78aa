"""Undo commands: every cell change, paste and auto-sum switch is one step on the document's QUndoStack, and so is
what a tool stores in the draft with its cells (the departments' numbers of 汇总数据采集表)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from models import autosum
from models.values import CellValue

if TYPE_CHECKING:
    from ui.document import ReportDocument


class SetCellsCommand(QUndoCommand):
    """Set several cells at once (a typed value, a pasted block, a blanked selection, an import, a tool's result).

    `extra`: what a tool stores in the draft along with the cells (`report.extra` key → value, None to remove it),
    set and restored in the same step. Both sides are deep copies: later changes to the report cannot alter them.
    """

    def __init__(self, doc: ReportDocument, values: dict[str, CellValue], label: str,
                 extra: dict[str, object | None] | None = None) -> None:
        super().__init__(label)
        self.doc = doc
        self.new = dict(values)
        self.old = {key: doc.report.cells.get(key) for key in values}
        # Where carried values came from (来自2024年度报告): dropped by an edit, restored by its undo.
        self.provenance = {key: doc.report.provenance[key] for key in values if key in doc.report.provenance}
        self.new_extra = copy.deepcopy(extra or {})
        self.old_extra = {key: copy.deepcopy(doc.report.extra.get(key)) for key in self.new_extra}

    def redo(self) -> None:
        if self.new_extra:
            self.doc.apply_extra(self.new_extra)
        self.doc.apply_cells(self.new)

    def undo(self) -> None:
        if self.old_extra:
            self.doc.apply_extra(self.old_extra)
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
