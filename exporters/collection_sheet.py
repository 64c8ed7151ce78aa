"""The 数据采集表 workbook a 业务科室 fills in: labels locked, inputs open, whole numbers ≥ 0 (万元: decimals),
department and year shown on every sheet, and a hidden sheet that lets the returned file be recognised.

Table 三 and 四 are drawn as the official grids by `exporters.xlsx_tables` (with live totals and checks); the asked
rows of table 二 are one line per cell. Sheets are protected without a password, only against changing the labels.
"""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters import xlsx_styles as st
from exporters.errors import ExportError
from exporters.xlsx_tables import amount_format, write_table_sheet
from layouts import collection_layout as lay
from models.format import format2021 as fmt
from models.report import Report
from models.storage.atomic import WriteFailed, atomic_write
from models.tools import autosum
from models.tools.collection import Part
from models.values import is_number

GUIDE = ("请在白色单元格中填写本科室{year}年度的数字：件数填0或正整数，金额以万元为单位。"
         "空白表示未填写；没有发生的请填0。灰色的合计自动计算。工作表已保护（无密码），只为防止误改标签和表格结构，请勿插入或删除行列。"
         "填好后保存，把本文件原样发回（可以改文件名，请勿另存为其他格式）。")


def build_collection_sheet(parts: tuple[Part, ...], year: int, department: str = "",
                           prefill: Report | None = None) -> bytes:
    """The .xlsx bytes of a 采集表 for `parts`. Without `department`, the department types its name in."""
    workbook = Workbook()
    st.register(workbook)
    source = _prefill(prefill, parts)
    _write_guide(workbook.active, parts, year, department)
    caption = f"{department or '（填报科室）'}·{year}年度"
    if any(p.table == "t2" for p in parts):
        _write_t2(workbook.create_sheet(lay.T2_SHEET), parts, source, caption)
    for table in ("t3", "t4"):
        if any(p.table == table for p in parts):
            ws = workbook.create_sheet(lay.TABLE_SHEETS[table])
            write_table_sheet(ws, table, source)
            ws["A1"] = f"{fmt.TABLE_TITLES[table]}（{caption}）"
    _write_info(workbook.create_sheet(lay.INFO_SHEET), parts, year, department)
    workbook.properties.title = st.safe(f"{year}年度政府信息公开工作年度报告数据采集表")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_collection_sheet(path: Path | str, parts: tuple[Part, ...], year: int, department: str = "",
                            prefill: Report | None = None) -> Path:
    """Write the 采集表 to `path` atomically. Raises ExportError (Chinese `.message`)."""
    path = Path(path)
    data = build_collection_sheet(parts, year, department, prefill)
    try:
        atomic_write(path, data)
    except WriteFailed as exc:
        raise ExportError(path, exc.message) from exc
    return path


def _prefill(prefill: Report | None, parts: tuple[Part, ...]) -> Report:
    """Only the asked cells of `prefill` (valid numbers), with the totals that follow from them."""
    source = Report()
    if prefill is not None:
        for part in parts:
            for key in part.keys:
                value = prefill.cells.get(key)
                if is_number(value):
                    source.set(key, value)
        autosum.apply(source, autosum.all_totals(source))
    return source


def _write_guide(ws: Worksheet, parts: tuple[Part, ...], year: int, department: str) -> None:
    ws.title = lay.GUIDE_SHEET
    ws["A1"] = f"{year}年度政府信息公开工作年度报告·数据采集表"
    st.apply(ws["A1"], st.TITLE)
    values = {"department": department, "year": year, "parts": "；".join(p.title for p in parts),
                  "filler": None, "phone": None}
    for name, label in lay.GUIDE_FIELDS:
        row = lay.guide_row(name)
        st.apply(ws.cell(row=row, column=1, value=label), st.LABEL)
        cell = ws.cell(row=row, column=2, value=st.safe(values[name]) or None)
        open_input = name in ("filler", "phone") or (name == "department" and not department)
        st.apply(cell, st.INPUT if open_input else st.LABEL_LEFT)
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    note_row = lay.guide_row(lay.GUIDE_FIELDS[-1][0]) + 2
    st.apply(ws.cell(row=note_row, column=1, value=GUIDE.format(year=year)), st.NOTE)
    st.merge(ws, start_row=note_row, start_column=1, end_row=note_row, end_column=2)
    ws.row_dimensions[note_row].height = 75
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 64
    _fit(ws)
    ws.protection.sheet = True


def _write_t2(ws: Worksheet, parts: tuple[Part, ...], source: Report, caption: str) -> None:
    ws["A1"] = f"{fmt.TABLE_TITLES['t2']}（{caption}）"
    st.apply(ws["A1"], st.TITLE)
    for col, text in enumerate(lay.T2_HEADER, start=1):
        st.apply(ws.cell(row=lay.T2_HEADER_ROW, column=col, value=text), st.LABEL)
    counts: list[str] = []
    amounts: list[str] = []
    for line in lay.t2_lines(parts):
        for col, text in enumerate(line.labels, start=1):
            st.apply(ws.cell(row=line.row, column=col, value=text), st.LABEL_LEFT)
        value = source.cells.get(line.key)
        cell = ws.cell(row=line.row, column=lay.T2_VALUE_COLUMN,
                       value=float(value) if isinstance(value, Decimal) else value)
        st.apply(cell, st.INPUT)
        if line.key == fmt.AMOUNT_KEY:
            amounts.append(cell.coordinate)
            if isinstance(value, Decimal):
                cell.number_format = amount_format(value)
        else:
            counts.append(cell.coordinate)
            cell.number_format = "0"
    _validate(ws, counts, amounts)
    for letter, width in zip("ABCD", (20, 16, 26, 14), strict=True):
        ws.column_dimensions[letter].width = width
    _fit(ws)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _fit(ws: Worksheet) -> None:
    """Print on A4 portrait, one page wide."""
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _validate(ws: Worksheet, counts: list[str], amounts: list[str]) -> None:
    if counts:
        whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorTitle="数值无效",
                               error="请填写0或正整数。空白表示未填写；没有发生的请填0。")
        whole.sqref = MultiCellRange(" ".join(counts))
        ws.add_data_validation(whole)
    if amounts:
        money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorTitle="金额无效",
                               error="请填写0或正数，单位为万元（最多6位小数）。")
        money.sqref = MultiCellRange(" ".join(amounts))
        ws.add_data_validation(money)


def _write_info(ws: Worksheet, parts: tuple[Part, ...], year: int, department: str) -> None:
    ws["A1"], ws["B1"] = lay.MARKER, lay.VERSION
    values = {"template": fmt.TEMPLATE_ID, "year": year, "department": st.safe(department),
              "parts": ",".join(p.key for p in parts)}
    for row, name in enumerate(lay.INFO_FIELDS, start=2):
        ws.cell(row=row, column=1, value=name)
        ws.cell(row=row, column=2, value=values[name])
    ws.cell(row=len(lay.INFO_FIELDS) + 2, column=1, value="exported_at")
    ws.cell(row=len(lay.INFO_FIELDS) + 2, column=2, value=datetime.now().isoformat(timespec="seconds"))
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
