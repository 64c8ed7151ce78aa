"""The sheets 检查结果 (the findings at export) and 自查清单 (every rule and its outcome): each its own columns, rows
as high as their text, A4 portrait one page wide, the header row repeated on every printed page."""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters import xlsx_styles as st
from exporters.selfcheck import FAILED, checklist, summary
from exporters.xlsx_rows import fit_row
from models.findings import Finding, Severity
from models.report import Report

FINDINGS_HEADER = ("严重程度", "规则", "问题", "涉及单元格", "说明")
FINDINGS_WIDTHS = (8, 12, 44, 22, 16)
CHECKLIST_SHEET = "自查清单"
CHECKLIST_HEADER = ("规则", "检查内容", "结果", "核对情况")
CHECKLIST_WIDTHS = (14, 34, 8, 46)
#: The row of the column headers (rows 1 and 2: the title and a note), repeated on every printed page.
HEADER_ROW = 3
SHOWN_CELLS = 6  # cells named per finding; more are 等
_SEVERITY_FILL = {Severity.ERROR: st.RED_FILL, Severity.WARNING: st.AMBER_FILL}
_STATUS_FILL = {FAILED: st.RED_FILL, "有警告": st.AMBER_FILL}
_ERROR_FONT = Font(name=st.FONT, size=10, color=st.ERROR_TEXT, bold=True)


def _head(ws: Worksheet, title: str, note: str, header: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws["A1"], ws["A2"] = title, note
    st.apply(ws["A1"], st.TITLE)
    st.apply(ws["A2"], st.NOTE)
    last = get_column_letter(len(widths))
    st.merge(ws, f"A1:{last}1")
    st.merge(ws, f"A2:{last}2")
    fit_row(ws, 1, [(title, sum(widths))], size=14)
    fit_row(ws, 2, [(note, sum(widths))], size=9)
    for col, text in enumerate(header, start=1):
        st.apply(ws.cell(row=HEADER_ROW, column=col, value=text), st.LABEL)
    fit_row(ws, HEADER_ROW, [])
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.freeze_panes = f"A{HEADER_ROW + 1}"


def _row(ws: Worksheet, row: int, values: tuple[object, ...], widths: tuple[int, ...],
         fill: PatternFill | None = None, fill_col: int = 0) -> None:
    for col, value in enumerate(values, start=1):
        cell = st.as_text(ws.cell(row=row, column=col, value=st.safe(value) if value else None))
        st.apply(cell, st.BODY)
    if fill is not None:
        ws.cell(row=row, column=fill_col).fill = fill
    fit_row(ws, row, [(str(v), w) for v, w in zip(values, widths, strict=True) if v])


def write_findings(ws: Worksheet, report: Report, findings: list[Finding]) -> None:
    _head(ws, f"检查结果（导出时）：{summary(findings)}",
          "在表二至表四中改动数字后，以各表旁的勾稽关系检查为准；跨年度核对和正文核对请在本软件中重新检查。",
          FINDINGS_HEADER, FINDINGS_WIDTHS)
    label = report.format.cell_label
    row = HEADER_ROW
    for finding in findings:
        row += 1
        cells = "、".join(label(k) for k in finding.cells[:SHOWN_CELLS])
        values = (finding.severity.label, finding.rule, finding.message,
                  cells + ("等" if len(finding.cells) > SHOWN_CELLS else ""), report.notes.get(finding.fingerprint, ""))
        _row(ws, row, values, FINDINGS_WIDTHS, _SEVERITY_FILL.get(finding.severity), 1)
        if finding.severity is Severity.ERROR:
            ws.cell(row=row, column=1).font = _ERROR_FONT
    if not findings:
        row += 1
        _row(ws, row, ("", "", "未发现问题。", "", ""), FINDINGS_WIDTHS)


def write_checklist(ws: Worksheet, report: Report, findings: list[Finding], previous_loaded: bool) -> None:
    _head(ws, "自查清单", "按导出时的报告逐条列出本软件的检查规则及其结果。", CHECKLIST_HEADER, CHECKLIST_WIDTHS)
    row = HEADER_ROW
    for item in checklist(report, findings, previous_loaded):
        row += 1
        values = (item.rule.id, item.rule.title, item.status, "".join(item.remarks))
        _row(ws, row, values, CHECKLIST_WIDTHS, _STATUS_FILL.get(item.status), 3)
