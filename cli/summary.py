"""The batch check's summary table for a 政务公开办: .xlsx (two sheets) or .csv (two files, UTF-8 with BOM).

Sheet 汇总: one row per file (file, agency, year, format, verdict, counts, the notices that matter, the three weightiest
problems, the report the cross-year rules compared with); in the .xlsx the verdict is coloured.
Sheet 全部问题: every finding, then every reading notice. Text that a spreadsheet would run as a formula is kept text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cli.batch import Checked
from cli.notices import notices_that_matter
from cli.problems import top_problems
from models.findings import Severity
from models.format import format2021 as fmt
from models.storage.atomic import atomic_write

SUMMARY_HEADER = ("文件", "机关名称", "年度", "格式", "结论", "错误", "警告", "提示", "读取提示",
                  "问题1", "问题2", "问题3", "对照上年")
#: The 汇总 header of earlier versions: their .csv summary in a checked folder is still known as a summary.
EARLIER_SUMMARY_HEADERS = (SUMMARY_HEADER[:-1],)
DETAIL_HEADER = ("文件", "机关名称", "年度", "规则", "严重程度", "涉及单元格", "内容")
SUMMARY_SHEET, DETAIL_SHEET = "汇总", "全部问题"
DETAIL_SUFFIX = "_全部问题"
READING = ("读取", "读取提示")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Row = tuple[object, ...]


UNREADABLE, UNCHECKED, ERRORS, WARNINGS, PASSED = "无法读取", "未检查", "有错误", "有警告", "通过"
#: The verdict's fill and text colour in the .xlsx: Excel's own 差/适中/好 styles, light enough to print and to read
#: in black and white. A file not read or not checked needs action as a report with errors does.
VERDICT_COLOURS = {
    ERRORS: ("FFC7CE", "9C0006"), UNREADABLE: ("FFC7CE", "9C0006"), UNCHECKED: ("FFC7CE", "9C0006"),
    WARNINGS: ("FFEB9C", "9C5700"),
    PASSED: ("C6EFCE", "006100"),
}
VERDICT_COLUMN = SUMMARY_HEADER.index("结论") + 1


def verdict(item: Checked) -> str:
    if item.error:
        return UNREADABLE if item.report is None else UNCHECKED
    if item.has_errors:
        return ERRORS
    return WARNINGS if item.count(Severity.WARNING) else PASSED


def summary_rows(items: list[Checked]) -> list[Row]:
    rows: list[Row] = []
    for item in items:
        if item.error or item.report is None:
            meta = item.report.meta if item.report else None
            head = (meta.agency, meta.year or "", item.template) if meta else ("", "", "")
            rows.append((str(item.path), *head, verdict(item), "", "", "", "", item.error, "", "", ""))
            continue
        meta = item.report.meta
        first = top_problems(item.findings, item.report.format)
        first += [""] * (3 - len(first))
        rows.append((str(item.path), meta.agency, meta.year or "", item.template, verdict(item),
                     item.count(Severity.ERROR), item.count(Severity.WARNING), item.count(Severity.INFO),
                     len(notices_that_matter(item.notices)), *first, item.compared_with))
    return rows


def detail_rows(items: list[Checked]) -> list[Row]:
    rows: list[Row] = []
    for item in items:
        meta = item.report.meta if item.report else None
        head = (str(item.path), meta.agency if meta else "", (meta.year or "") if meta else "")
        for f in item.findings:
            cells = "、".join(fmt.cell_label(key) for key in f.cells)
            rows.append((*head, f.rule, f.severity.label, cells, f.message))
        for notice in item.notices:
            rows.append((*head, *READING, "", notice))
        if item.error:
            rows.append((*head, "读取", verdict(item), "", item.error))
    return rows


def summary_detail_path(out: Path) -> Path:
    """The second file a .csv summary writes (every finding)."""
    return out.with_name(f"{out.stem}{DETAIL_SUFFIX}{out.suffix}")


def write_summary(items: list[Checked], out: Path) -> list[Path]:
    """Write the summary to `out` (.xlsx, or .csv plus its detail file); the paths written."""
    if out.suffix.lower() == ".csv":
        detail = summary_detail_path(out)
        atomic_write(out, _csv_bytes(SUMMARY_HEADER, summary_rows(items)))
        atomic_write(detail, _csv_bytes(DETAIL_HEADER, detail_rows(items)))
        return [out, detail]
    atomic_write(out, _xlsx_bytes(items))
    return [out]


def _csv_bytes(header: Row, rows: list[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_safe(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _xlsx_bytes(items: list[Checked]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font, PatternFill

    verdict_styles = {name: (PatternFill(fill_type="solid", start_color=fill, end_color=fill),
                             Font(bold=True, color=text)) for name, (fill, text) in VERDICT_COLOURS.items()}
    workbook = Workbook()
    sheets = ((SUMMARY_SHEET, SUMMARY_HEADER, summary_rows(items), (48, 24, 8, 8, 10, 6, 6, 6, 8, 60, 60, 60, 48)),
              (DETAIL_SHEET, DETAIL_HEADER, detail_rows(items), (48, 24, 8, 12, 10, 40, 100)))
    for index, (title, header, rows, widths) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, str):
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                else:
                    cell.value = value
            if title == SUMMARY_SHEET and (style := verdict_styles.get(row[VERDICT_COLUMN - 1])):
                cell = sheet.cell(row=r, column=VERDICT_COLUMN)
                cell.fill, cell.font = style
        for c, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + c)].width = width
        sheet.freeze_panes = "B2"
        sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
