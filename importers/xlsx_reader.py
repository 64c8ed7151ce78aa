"""Reading our own .xlsx (exporters/xlsx_export.py) back into a Report, including edits made in Excel or WPS.

What is read from where:
- 封面: 机关名称, 报告年度, 机关层级, 发布日期 (as possibly edited).
- 表二/表三/表四: every input cell, by the positions of the grids of the workbook's format (the template recorded in
  `TEMPLATE_CELL` of the hidden sheet; none in workbooks exported before it was written: 2021). The labels are
  checked first, so a workbook whose rows were moved is refused rather than misread. Text such as `12件` is parsed
  like typed input. A template this version does not know is never read cell by cell (as an unknown layout below).
- Totals: a sum cell that still holds our own formula is the sum of its parts as read — blank when any part is
  blank or invalid, exactly what the formula shows. This holds whether or not a spreadsheet program recalculated
  the file (a cached value may be stale once a cell was edited in a program that does not recalculate). A total the
  clerk overwrote with a number is read as that number; any other formula is read from its cached value.
- The hidden 报告数据 sheet: the report as our draft JSON at export time, for the narrative, the 说明 notes and the
  provenance; and for cells whose visible value is unchanged, the exact value kept there (the 万元 amount's digits,
  an invalid entry's reason), so an unedited workbook reads back as the identical Report.
- The layout version in that sheet (`LAYOUT_VERSION_CELL`; none in workbooks exported before it was written: layout
  1) picks the reader of the visible sheets (`LAYOUT_READERS`). A layout this version does not know (a newer app's)
  is never read cell by cell: the report comes from the JSON alone, with a notice that edits made in Excel were not
  read, or, when the JSON cannot be read either, the workbook is refused.
"""

from __future__ import annotations

import io
import logging
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from importers.zipguard import LIMITS, ZipRefused, check_zip
from layouts.xlsx_formulas import sum_formula
from layouts.xlsx_layout import (
    COVER_FIELDS,
    COVER_SHEET,
    DATA_MARKER,
    DATA_SHEET,
    DATA_VERSION,
    LAYOUT_VERSION_CELL,
    TABLE_SHEETS,
    TEMPLATE_CELL,
    cover_row,
    key_positions,
    ref,
    sheet_col,
    sheet_row,
)
from models.errors import UserError
from models.format.formats import Format, UnknownTemplate, format_of
from models.format.template_migrations import migrate_report
from models.report import Report
from models.storage.draft_format import LEGACY_TEMPLATE
from models.storage.drafts import DraftError, parse_draft_bytes
from models.storage.userfiles import read_limited
from models.values import CellValue, InvalidValue, ValueRefused, is_number, parse

__all__ = ["XlsxReadError", "read_xlsx"]


log = logging.getLogger("govreport")


class XlsxReadError(UserError):
    """The file cannot be read as our workbook; `message` (Chinese) names the file and says what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def read_xlsx(path: Path | str) -> tuple[Report, list[str]]:
    """The report in a workbook exported by this app, and notices about what was reinterpreted while reading."""
    path = Path(path)
    try:
        infos = check_zip(path)
    except ZipRefused as exc:
        raise XlsxReadError(path, exc.message) from None
    total = sum(info.file_size for info in infos)
    if total > OWN_WORKBOOK_LIMIT:
        # Our exports are about 100 KB unpacked; a workbook a hundred times that is not ours, and openpyxl would
        # spend minutes and hundreds of MB on it.
        raise _not_ours(path, f"解压后{total // (1024 * 1024)} MB")
    formulas, values = _open(path)
    version = _layout_version(values)
    read_layout = LAYOUT_READERS.get(version) if type(version) is int else None  # True == 1, but is no version
    if read_layout is None:
        which = f"第{version}版" if isinstance(version, int) and not isinstance(version, bool) else f"“{version}”"
        return _read_snapshot_only(path, values, f"表格布局（{which}）")
    return read_layout(path, formulas, values)


def _read_layout_1(path: Path, formulas: Workbook, values: Workbook) -> tuple[Report, list[str]]:
    """Layout 1: the cover and the grids of the workbook's format where `layouts.xlsx_layout` puts them, over the
    hidden sheet's report."""
    template = _template(values)
    try:
        format_ = format_of(template)  # type: ignore[arg-type]
    except UnknownTemplate:
        return _read_snapshot_only(path, values, f"报告格式（“{template}”）")
    _check_layout(path, formulas, format_)
    notices: list[str] = []
    report = _snapshot(path, values, notices, format_)
    snapshot = report.copy()
    _read_meta(values, report, notices)
    _read_cells(formulas, values, report, snapshot, notices, format_)
    return migrate_report(report), notices  # read by the workbook's format, then on as a draft would be


#: The reader of each Excel layout version this app knows (`layouts.xlsx_layout.LAYOUT_VERSION` is the newest).
LAYOUT_READERS = {1: _read_layout_1}


def _layout_version(workbook: Workbook) -> object:
    """The layout version our hidden sheet records: 1 when it records none (older exports, or not our sheet)."""
    if DATA_SHEET not in workbook.sheetnames or workbook[DATA_SHEET]["A1"].value != DATA_MARKER:
        return 1
    version = workbook[DATA_SHEET][LAYOUT_VERSION_CELL].value
    if version is None:
        return 1
    if isinstance(version, float) and version.is_integer():
        return int(version)
    return version


def _template(workbook: Workbook) -> object:
    """The template whose grids the table sheets hold: 2021 when the hidden sheet records none (older exports)."""
    if DATA_SHEET not in workbook.sheetnames or workbook[DATA_SHEET]["A1"].value != DATA_MARKER:
        return LEGACY_TEMPLATE
    template = workbook[DATA_SHEET][TEMPLATE_CELL].value
    return LEGACY_TEMPLATE if template is None else template


def _read_snapshot_only(path: Path, workbook: Workbook, what: str) -> tuple[Report, list[str]]:
    """A layout or format this app does not know (`what`, e.g. 表格布局（第2版）): the report kept in the hidden sheet,
    or a refusal; the cells are not read."""
    report, problem, _ = _stored_report(path, workbook)
    if report is None:
        raise XlsxReadError(path, f"“{path.name}”的{what}无法识别，可能由更新版本的软件导出；"
                                  f"{problem}。请升级本软件后再导入，或从 Word 报告导入。")
    return report, [f"该工作簿的{what}无法识别，可能由更新版本的软件导出：已读取导出时保存的报告数据，"
                    "导出后在 Excel 或 WPS 中对封面和表格所做的修改没有读入，请核对。"]


def _open(path: Path) -> tuple[Workbook, Workbook]:
    try:
        # openpyxl judges a path by its extension; the content was already checked (a regular file, a sound zip)
        data = read_limited(path, LIMITS.total_bytes)
        return (load_workbook(io.BytesIO(data), data_only=False),
                load_workbook(io.BytesIO(data), data_only=True))
    except Exception:  # openpyxl fails in many ways on damaged XML; the log keeps the detail, the clerk the advice
        log.warning("openpyxl could not open %s", path, exc_info=True)
        raise XlsxReadError(path, f"“{path.name}”无法作为 Excel 工作簿（.xlsx）打开，文件可能已损坏。"
                                  "请在 Excel 或 WPS 中打开后另存为新文件再试。") from None


OWN_WORKBOOK_LIMIT = 16 * 1024 * 1024


def _not_ours(path: Path, why: str) -> XlsxReadError:
    return XlsxReadError(path, f"“{path.name}”不是本软件导出的 Excel 工作簿，或其表格的行列已被插入、删除（{why}）。"
                               "请使用本软件导出的工作簿，或从 Word 报告导入。")


def _check_layout(path: Path, workbook: Workbook, format_: Format) -> None:
    for name in (COVER_SHEET, *TABLE_SHEETS.values()):
        if name not in workbook.sheetnames:
            raise _not_ours(path, f"缺少工作表“{name}”")
    for table, name in TABLE_SHEETS.items():
        ws = workbook[name]
        for cell in format_.grids[table].cells:
            if cell.is_input:
                continue
            row, col = sheet_row(cell.row), sheet_col(cell.col)
            found = ws.cell(row=row, column=col).value
            if str(found or "").strip() != cell.text:
                raise _not_ours(path, f"{name}的{ref(row, col)}应为“{cell.text}”，实为“{found or ''}”")


def _snapshot(path: Path, workbook: Workbook, notices: list[str], format_: Format) -> Report:
    """The report kept in the hidden sheet, or an empty one of `format_` (with a notice) when it is missing,
    unreadable or of another format than the table sheets."""
    report, problem, consequence = _stored_report(path, workbook)
    if report is not None and report.template != format_.id:
        report, problem, consequence = None, (f"“{DATA_SHEET}”工作表中的报告数据为{report.template}年版格式，"
                                              f"与表格的{format_.id}年版格式不一致"), "正文和说明为空。"
    if report is None:
        notices.append(f"{problem}：{consequence}")
        return Report(template=format_.id)
    return report


def _stored_report(path: Path, workbook: Workbook) -> tuple[Report | None, str, str]:
    """The report kept in the hidden sheet; or None, why not, and what reading the cells alone leaves out."""
    if DATA_SHEET not in workbook.sheetnames:
        return None, f"工作簿中没有“{DATA_SHEET}”工作表", "只读取了封面和表格，正文和说明为空。"
    ws = workbook[DATA_SHEET]
    version = ws["B1"].value
    if ws["A1"].value != DATA_MARKER or not isinstance(version, int) or version > DATA_VERSION:
        return None, f"“{DATA_SHEET}”工作表无法识别（可能由更新版本的软件导出）", "只读取了封面和表格，正文和说明为空。"
    chunks = []
    for (value,) in ws.iter_rows(min_row=2, max_col=1, values_only=True):
        if not value:
            break
        chunks.append(str(value))
    try:
        return parse_draft_bytes(path, "".join(chunks).encode("utf-8")), "", ""
    except DraftError as exc:
        return None, f"“{DATA_SHEET}”工作表中的报告数据无法读取（{exc.message}）", "正文和说明为空。"


def _read_meta(workbook: Workbook, report: Report, notices: list[str]) -> None:
    ws = workbook[COVER_SHEET]
    labels = dict(COVER_FIELDS)
    raw = {field: ws.cell(row=cover_row(field), column=2).value for field, _ in COVER_FIELDS}
    report.meta.agency = str(raw["agency"] or "").strip()
    report.meta.level = str(raw["level"] or "").strip()
    year = raw["year"]
    if isinstance(year, float) and year.is_integer():
        year = int(year)
    if isinstance(year, str) and year.strip().removesuffix("年").strip().isdigit():
        year = int(year.strip().removesuffix("年"))
    if year is None or (isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2999):
        report.meta.year = year
    else:
        report.meta.year = None
        notices.append(f"封面的{labels['year']}“{year}”不是有效的年份，已留空。")
    published = raw["publish_date"]
    if isinstance(published, datetime):
        published = published.date()
    elif isinstance(published, str) and published.strip():
        try:
            published = date.fromisoformat(published.strip())
        except ValueError:
            notices.append(f"封面的{labels['publish_date']}“{published}”应为YYYY-MM-DD格式，已留空。")
            published = None
    report.meta.publish_date = published if isinstance(published, date) else None


def _same(value: CellValue, raw: object) -> bool:
    """Whether what the sheet shows is the value kept in the snapshot (so the snapshot's exact value stands)."""
    if value is None:
        return raw is None or raw == ""
    if isinstance(value, InvalidValue):
        return isinstance(raw, str) and raw == value.raw
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return False
    return float(value) == float(raw) if isinstance(value, Decimal) else value == raw


def _convert(key: str, raw: object, format_: Format) -> tuple[CellValue, str]:
    """A sheet value as a cell value, parsed like typed input; what cannot be a value is kept as InvalidValue."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    if isinstance(raw, bool):
        text = "TRUE" if raw else "FALSE"
    elif isinstance(raw, float):
        text = str(int(raw)) if raw.is_integer() and abs(raw) < 1e15 else repr(raw)
    else:
        text = str(raw)
    try:
        parsed = parse(key, text)
    except ValueRefused as refused:
        return InvalidValue(text, refused.message), f"{format_.cell_label(key)}：{refused.message}"
    notice = f"{format_.cell_label(key)}：{parsed.notice}" if parsed.notice else ""
    return parsed.value, notice


def _store(report: Report, snapshot: Report, key: str, value: CellValue) -> None:
    old = snapshot.cells.get(key)
    if value is None:
        report.cells.pop(key, None)
    else:
        report.cells[key] = value
    if old != value or type(old) is not type(value):
        report.provenance.pop(key, None)


def _read_cells(formulas: Workbook, values: Workbook, report: Report, snapshot: Report, notices: list[str],
                format_: Format) -> None:
    pending: list[str] = []
    for key, (table, row, col) in key_positions(format_).items():
        name = TABLE_SHEETS[table]
        written = formulas[name].cell(row=row, column=col).value
        cached = values[name].cell(row=row, column=col).value
        if isinstance(written, str) and written.startswith("="):
            if key in format_.sums and written.replace(" ", "") == sum_formula(key, format_):
                pending.append(key)
                continue
            if cached is None:
                notices.append(f"{format_.cell_label(key)}的公式“{written}”没有计算结果，已留空。"
                               "请在 Excel 或 WPS 中打开并保存后再导入。")
            raw = cached
        else:
            raw = written
        kept = snapshot.cells.get(key)
        if _same(kept, raw):
            _store(report, snapshot, key, kept)
            continue
        value, notice = _convert(key, raw, format_)
        if notice:
            notices.append(notice)
        _store(report, snapshot, key, value)
    _compute_totals(report, snapshot, pending, format_.sums)


def _compute_totals(report: Report, snapshot: Report, pending: list[str], sums: dict[str, tuple[str, ...]]) -> None:
    """Our own sum formulas, evaluated on the values read; totals of totals wait for their parts."""
    waiting = set(pending)
    while waiting:
        ready = [k for k in pending if k in waiting and not waiting.intersection(sums[k])]
        if not ready:  # pragma: no cover - SUM_DEFINITIONS has no cycle
            raise RuntimeError("cyclic sum definitions")
        for key in ready:
            parts = [report.cells.get(p) for p in sums[key]]
            total = sum(parts) if all(is_number(p) for p in parts) else None  # type: ignore[arg-type]
            _store(report, snapshot, key, total)
            waiting.discard(key)
