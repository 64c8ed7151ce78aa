"""What autosave keeps of a cell the clerk is still typing in: the report as it would be if the open editors were
committed now, computed on a copy, so that the editors stay open and the report itself is untouched."""

from __future__ import annotations

from models.report import Report
from models.tools import autosum
from models.values import CellValue, ValueRefused
from ui.document import ReportDocument


def pending_values(doc: ReportDocument, texts: dict[str, str]) -> dict[str, CellValue]:
    """The values the open editors' texts would give, where they parse and differ from the report. Text that does
    not parse yet ("12." on the way to 12.5) is left out: nothing is asked while the clerk types."""
    values: dict[str, CellValue] = {}
    for key, text in texts.items():
        if doc.is_auto(key):
            continue
        try:
            value = doc.parse_input(key, text).value
        except ValueRefused:
            continue
        current = doc.report.cells.get(key)
        if value != current or type(value) is not type(current):
            values[key] = value
    return values


def report_with(doc: ReportDocument, values: dict[str, CellValue]) -> Report:
    """A copy of the report with `values` written in, totals in 自动合计 mode following as they would."""
    copy = doc.report.copy()
    for key, value in values.items():
        copy.set(key, value)
    auto = doc.auto_keys
    if auto and values:
        for key, value in autosum.all_totals(copy, auto, blank_incomplete=True).items():
            copy.set(key, value)
    return copy
