"""The Excel workbook: 封面, 表二, 表三, 表四, 检查结果, and a hidden 报告数据 sheet for reading it back.

The hidden sheet holds the report as our draft file (JSON, in chunks): the narrative texts, the 说明 notes and the
provenance, which have no place in the tables, and the exact digits of the 万元 amount. The reader takes the
visible cells (which a colleague may have edited) over it; see importers/xlsx_reader.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters import xlsx_styles as st
from exporters.errors import ExportError
from exporters.policy import draft_or_refuse
from exporters.selfcheck import checklist, previous_was_loaded, summary
from exporters.xlsx_styles import merge
from exporters.xlsx_tables import write_table_sheet
from layouts.xlsx_layout import (
    COVER_FIELDS,
    DATA_CHUNK,
    DATA_MARKER,
    DATA_SHEET,
    DATA_VERSION,
    FINDINGS_SHEET,
    LAYOUT_VERSION,
    LAYOUT_VERSION_CELL,
    TABLE_SHEETS,
    TEMPLATE_CELL,
    cover_row,
)
from models.app_info import DRAFT_MARK
from models.findings import Finding, error_count
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.atomic import WriteFailed, atomic_write
from models.storage.drafts import draft_bytes

COVER_GUIDE = (
    "本工作簿由“政府信息公开工作年度报告助手”导出，表格按{notice}格式排布。白色单元格可以修改；"
    "绿色的合计由公式自动计算，各表旁的“一致／不一致”随数字变化。工作表已保护（无密码），只为防止误改标签。"
    "修改后可用本软件“从上年报告导入”或“打开”读回。"
)


@dataclass(frozen=True)
class XlsxOptions:
    """allow_errors: export even though the report has errors (the cover then says 草稿（未通过校验））."""

    allow_errors: bool = False


def build_xlsx(report: Report, *, findings: list[Finding] | None = None, previous: Report | None = None,
               options: XlsxOptions = XlsxOptions(), path: Path | None = None) -> bytes:
    """The .xlsx file's bytes. Raises ExportRefused when the report has errors and drafts are not allowed."""
    if findings is None:
        findings = evaluate(report, previous)
    draft = draft_or_refuse(error_count(findings), options.allow_errors, path)
    workbook = Workbook()
    st.register(workbook)
    _write_cover(workbook.active, report, draft=draft)
    for table, name in TABLE_SHEETS.items():
        write_table_sheet(workbook.create_sheet(name), table, report)
    _write_findings(workbook.create_sheet(FINDINGS_SHEET), report, findings,
                    previous_was_loaded(previous, findings))
    _write_data(workbook.create_sheet(DATA_SHEET), report)
    workbook.properties.title = st.safe(report.title)
    workbook.properties.creator = st.safe(report.meta.agency) or None
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_xlsx(report: Report, path: Path | str, *, findings: list[Finding] | None = None,
                previous: Report | None = None, options: XlsxOptions = XlsxOptions()) -> Path:
    """Write the workbook to `path` atomically. Raises ExportError (Chinese `.message`) on any failure."""
    path = Path(path)
    data = build_xlsx(report, findings=findings, previous=previous, options=options, path=path)
    try:
        atomic_write(path, data)
    except WriteFailed as exc:
        raise ExportError(path, exc.message) from exc
    return path


def _write_cover(ws: Worksheet, report: Report, draft: bool) -> None:
    ws.title = "封面"
    ws["A1"] = st.safe(report.title)
    st.as_text(ws["A1"])
    st.apply(ws["A1"], st.TITLE)
    merge(ws, "A1:B1")
    meta = report.meta
    values = {"agency": meta.agency, "year": meta.year, "level": meta.level, "publish_date": meta.publish_date}
    for field, label in COVER_FIELDS:
        row = cover_row(field)
        st.apply(ws.cell(row=row, column=1, value=label), st.LABEL)
        cell = st.as_text(ws.cell(row=row, column=2, value=st.safe(values[field]) or None))
        st.apply(cell, st.INPUT)
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        if field == "publish_date":
            cell.number_format = "yyyy-mm-dd"
    last = cover_row(COVER_FIELDS[-1][0])
    st.apply(ws.cell(row=last + 1, column=1, value="报告格式"), st.LABEL)
    notice = report.format.notice
    st.apply(ws.cell(row=last + 1, column=2, value=notice), st.LABEL_LEFT)
    st.apply(ws.cell(row=last + 3, column=1, value=COVER_GUIDE.format(notice=notice)), st.NOTE)
    merge(ws, start_row=last + 3, start_column=1, end_row=last + 3, end_column=2)
    ws.row_dimensions[last + 3].height = 60
    if draft:
        mark = ws.cell(row=2, column=1, value=DRAFT_MARK)
        mark.font = st.RED_FONT
    levels = DataValidation(type="list", formula1='"' + ",".join(fmt.LEVELS) + '"', allow_blank=True)
    levels.add(f"B{cover_row('level')}")
    year = DataValidation(type="whole", operator="between", formula1="1900", formula2="2999", allow_blank=True,
                          showErrorMessage=True, error="请填写四位数的年份，如2024。")
    year.add(f"B{cover_row('year')}")
    for validation in (levels, year):
        ws.add_data_validation(validation)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 60
    ws.protection.sheet = True


def _write_findings(ws: Worksheet, report: Report, findings: list[Finding], previous_loaded: bool) -> None:
    ws["A1"] = f"检查结果（导出时）：{summary(findings)}"
    st.apply(ws["A1"], st.TITLE)
    ws["A2"] = "在表二至表四中改动数字后，以各表旁的勾稽关系检查为准；跨年度核对和正文核对请在本软件中重新检查。"
    st.apply(ws["A2"], st.NOTE)
    header = ("严重程度", "规则", "问题", "涉及单元格", "说明")
    for col, text in enumerate(header, start=1):
        st.apply(ws.cell(row=4, column=col, value=text), st.LABEL)
    row = 5
    label = report.format.cell_label
    for finding in findings:
        values = (finding.severity.label, finding.rule, finding.message,
                  "、".join(label(k) for k in finding.cells[:6]) + ("等" if len(finding.cells) > 6 else ""),
                  report.notes.get(finding.fingerprint, ""))
        for col, value in enumerate(values, start=1):
            st.apply(st.as_text(ws.cell(row=row, column=col, value=st.safe(value))), st.LABEL_LEFT)
        if finding.severity.label == "错误":
            ws.cell(row=row, column=1).font = st.RED_FONT
        row += 1
    if not findings:
        st.apply(ws.cell(row=row, column=1, value="未发现问题。"), st.LABEL_LEFT)
        row += 1
    row += 1
    st.apply(ws.cell(row=row, column=1, value="自查清单"), st.TITLE)
    row += 1
    for col, text in enumerate(("规则", "检查内容", "结果", "核对情况"), start=1):
        st.apply(ws.cell(row=row, column=col, value=text), st.LABEL)
    for item in checklist(report, findings, previous_loaded):
        row += 1
        values = (item.rule.id, item.rule.title, item.status, "".join(item.remarks) or None)
        for col, value in enumerate(values, start=1):
            st.apply(ws.cell(row=row, column=col, value=value), st.LABEL_LEFT)
    for letter, width in zip("ABCDE", (10, 10, 70, 40, 40), strict=True):
        ws.column_dimensions[letter].width = width


def _write_data(ws: Worksheet, report: Report) -> None:
    """The report as draft JSON, split over cells of column A from row 2; A1 marks the sheet as ours, then the
    sheet's version, the layout's and the report's template (whose grids the table sheets hold)."""
    ws["A1"], ws["B1"], ws[LAYOUT_VERSION_CELL] = DATA_MARKER, DATA_VERSION, LAYOUT_VERSION
    ws[TEMPLATE_CELL] = report.template
    text = draft_bytes(report).decode("utf-8")
    for i in range(0, max(len(text), 1), DATA_CHUNK):
        ws.cell(row=2 + i // DATA_CHUNK, column=1, value=text[i:i + DATA_CHUNK])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
