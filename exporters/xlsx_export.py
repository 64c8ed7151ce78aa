"""The Excel workbook: 封面, 表二, 表三, 表四, 检查结果, 自查清单, and a hidden 报告数据 sheet for reading it back.

The hidden sheet holds the report as our draft file (JSON, in chunks): the narrative texts, the 说明 notes and the
provenance, which have no place in the tables, and the exact digits of the 万元 amount. The reader takes the
visible cells (which a colleague may have edited) over it; see importers/xlsx_reader.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters import xlsx_styles as st
from exporters.errors import ExportError
from exporters.policy import draft_or_refuse
from exporters.selfcheck import previous_was_loaded
from exporters.xlsx_cached import save_with_cached_values
from exporters.xlsx_findings import CHECKLIST_SHEET, write_checklist, write_findings
from exporters.xlsx_print import set_up_page
from exporters.xlsx_rows import fit_row
from exporters.xlsx_styles import merge
from exporters.xlsx_tables import computed_totals, write_table_sheet
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
from models.tools.autosum import auto_sum_keys

COVER_GUIDE = (
    "本工作簿由“政府信息公开工作年度报告助手”导出，表格按{notice}格式排布。白色单元格可以修改；"
    "合计与本软件一致：开启“自动合计”的为公式（灰色），随各项变化；其余为填写的数字，各表旁的检查核对其是否一致。"
    "颜色含义与本软件相同（见各表第2行）。工作表已保护（无密码），只为防止误改标签。"
    "修改后可用本软件“从上年报告导入”或“打开”读回。"
)
DATE_FORMAT = 'yyyy"年"m"月"d"日"'



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
    set_up_page(workbook.active, report, one_page=True, draft=draft)
    # The totals in 自动合计 in the app are formulas; those the clerk types are typed values the checks compare.
    computed = computed_totals(report, report.workspace.auto_sum & auto_sum_keys(report.format))
    cached: dict[str, dict[str, object]] = {}
    for table, name in TABLE_SHEETS.items():
        ws = workbook.create_sheet(name)
        cached[name] = write_table_sheet(ws, table, report, computed)
        set_up_page(ws, report, landscape=table == "t4", draft=draft)
    ws = workbook.create_sheet(FINDINGS_SHEET)
    write_findings(ws, report, findings)
    set_up_page(ws, report, draft=draft)
    ws = workbook.create_sheet(CHECKLIST_SHEET)
    write_checklist(ws, report, findings, previous_was_loaded(previous, findings))
    set_up_page(ws, report, draft=draft)
    _write_data(workbook.create_sheet(DATA_SHEET), report)
    workbook.properties.title = st.safe(report.title)
    workbook.properties.creator = st.safe(report.meta.agency) or None
    return save_with_cached_values(workbook, cached)


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
            cell.number_format = DATE_FORMAT
    last = cover_row(COVER_FIELDS[-1][0])
    st.apply(ws.cell(row=last + 1, column=1, value="报告格式"), st.LABEL)
    notice = report.format.notice
    st.apply(ws.cell(row=last + 1, column=2, value=notice), st.LABEL_LEFT)
    guide = COVER_GUIDE.format(notice=notice)
    st.apply(ws.cell(row=last + 3, column=1, value=guide), st.NOTE)
    merge(ws, start_row=last + 3, start_column=1, end_row=last + 3, end_column=2)
    fit_row(ws, last + 3, [(guide, COVER_WIDTHS[0] + COVER_WIDTHS[1])], size=9)
    fit_row(ws, 1, [(str(ws["A1"].value or ""), COVER_WIDTHS[0] + COVER_WIDTHS[1])], size=14)
    fit_row(ws, cover_row("agency"), [(str(values["agency"] or ""), COVER_WIDTHS[1])], size=11)
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
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = COVER_WIDTHS
    ws.protection.sheet = True


COVER_WIDTHS = (14, 60)


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
