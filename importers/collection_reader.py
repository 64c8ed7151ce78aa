"""Reading a returned 数据采集表 (exporters/collection_sheet.py) into `SheetData`.

A file that is not a readable workbook, or not one of our 采集表, raises CollectionReadError. Anything else that
stops the sheet from being summed — a value that is not a number, a formula without a result, a layout that was
changed, a missing department name, a newer version — is returned in `SheetData.problems`, every one of them, so
that the clerk can send the sheet back once with the full list.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from importers.zipguard import ZipRefused, check_zip
from layouts import collection_layout as lay
from layouts.xlsx_layout import TABLE_SHEETS, ref, sheet_col, sheet_row
from models.errors import UserError
from models.format import format2021 as fmt
from models.tools.collection import PART_BY_KEY, Part, SheetData
from models.values import CellValue, ValueRefused, check_value, parse, parse_amount

log = logging.getLogger("govreport")


class CollectionReadError(UserError):
    """The file cannot be read as a 采集表; `message` (Chinese) names the file and says what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def read_collection_sheet(path: Path | str) -> SheetData:
    """What a returned 采集表 holds. Raises CollectionReadError when it is not a readable 采集表 of ours."""
    path = Path(path)
    try:
        check_zip(path)
    except ZipRefused as exc:
        raise CollectionReadError(path, exc.message) from None
    except FileNotFoundError:
        raise CollectionReadError(path, f"找不到文件“{path}”。") from None
    except OSError as exc:
        raise CollectionReadError(path, f"无法读取“{path.name}”：{exc.strerror or exc}。") from None
    workbook = _open(path, data_only=False)
    if lay.INFO_SHEET not in workbook.sheetnames or workbook[lay.INFO_SHEET]["A1"].value != lay.MARKER:
        raise CollectionReadError(path, f"“{path.name}”不是本软件导出的数据采集表（缺少采集表标记）。"
                                        "请让科室在本软件导出的采集表中填写后发回。")
    info = _info(workbook)
    problems: list[str] = []
    version = workbook[lay.INFO_SHEET]["B1"].value
    if not isinstance(version, int) or version > lay.VERSION:
        problems.append(f"采集表由更新版本的软件导出（版本{version}），请升级本软件后再汇总。")
    parts = _parts(info.get("parts"), problems)
    year = info.get("year")
    sheet = SheetData(path, _text(_guide_value(workbook, "department")), year if isinstance(year, int) else None,
                      str(info.get("template") or ""), tuple(p.key for p in parts), problems=problems,
                      filler=_text(_guide_value(workbook, "filler")), phone=_text(_guide_value(workbook, "phone")))
    if not sheet.department:
        problems.append(f"“{lay.GUIDE_SHEET}”中没有填写填报科室。")
    if sheet.year is None:
        problems.append("采集表的报告年度无法识别。")
    if not _layout_intact(workbook, parts, problems):
        return sheet
    _read_values(path, workbook, parts, sheet)
    return sheet


def _open(path: Path, *, data_only: bool) -> Workbook:
    try:
        return load_workbook(path, data_only=data_only)
    except Exception:  # openpyxl fails in many ways on damaged XML; the log keeps the detail
        log.warning("openpyxl could not open %s", path, exc_info=True)
        raise CollectionReadError(path, f"“{path.name}”无法作为 Excel 工作簿（.xlsx）打开，文件可能已损坏。"
                                        "请让科室在 Excel 或 WPS 中打开后另存为 .xlsx 再发回。") from None


def _info(workbook: Workbook) -> dict[str, object]:
    ws = workbook[lay.INFO_SHEET]
    return {str(name): value for name, value in ws.iter_rows(min_row=2, max_col=2, values_only=True) if name}


def _parts(raw: object, problems: list[str]) -> tuple[Part, ...]:
    names = [n for n in str(raw or "").split(",") if n]
    unknown = [n for n in names if n not in PART_BY_KEY]
    if unknown or not names:
        problems.append(f"采集表的填报内容无法识别（{'、'.join(unknown) or '空'}），可能由其他版本的软件导出。")
    return tuple(PART_BY_KEY[n] for n in names if n in PART_BY_KEY)


def _guide_value(workbook: Workbook, name: str) -> object:
    if lay.GUIDE_SHEET not in workbook.sheetnames:
        return None
    return workbook[lay.GUIDE_SHEET].cell(row=lay.guide_row(name), column=2).value


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _layout_intact(workbook: Workbook, parts: tuple[Part, ...], problems: list[str]) -> bool:
    """Whether every label is where the writer put it (a sheet whose rows were moved is not misread)."""
    for name in lay.sheet_names(parts):
        if name not in workbook.sheetnames:
            problems.append(f"缺少工作表“{name}”。")
            return False
    expected: list[tuple[str, int, int, str]] = []
    if any(p.table == "t2" for p in parts):
        expected += [(lay.T2_SHEET, line.row, col, text)
                     for line in lay.t2_lines(parts) for col, text in enumerate(line.labels, start=1)]
    for table in ("t3", "t4"):
        if any(p.table == table for p in parts):
            expected += [(TABLE_SHEETS[table], sheet_row(c.row), sheet_col(c.col), c.text)
                         for c in fmt.GRIDS[table].cells if not c.is_input]
    for name, row, col, text in expected:
        found = workbook[name].cell(row=row, column=col).value
        if str(found or "").strip() != text:
            problems.append(f"工作表“{name}”的{ref(row, col)}应为“{text}”，实为“{found or ''}”："
                            "表格的行列被改动过，无法可靠读取。请让科室在新导出的采集表中重新填写。")
            return False
    return True


def _read_values(path: Path, workbook: Workbook, parts: tuple[Part, ...], sheet: SheetData) -> None:
    cached: Workbook | None = None
    blanks: list[str] = []
    for key, (name, row, col) in lay.positions(parts).items():
        raw = workbook[name].cell(row=row, column=col).value
        where = f"{fmt.cell_label(key)}（工作表“{name}”{ref(row, col)}）"
        if isinstance(raw, str) and raw.startswith("="):
            cached = cached or _open(path, data_only=True)
            raw = cached[name].cell(row=row, column=col).value
            if raw is None:
                sheet.problems.append(f"{where}是公式，文件中没有它的计算结果。请在 Excel 或 WPS 中打开、保存后再发回，"
                                      "或直接填写数字。")
                continue
        try:
            value = cell_value(key, raw)
        except ValueRefused as exc:
            sheet.problems.append(f"{where}：{exc.message}")
            continue
        if value is None:
            blanks.append(key)
        else:
            sheet.values[key] = value
    sheet.blanks = tuple(blanks)


def cell_value(key: str, raw: object) -> CellValue:
    """A cell as the department left it: a count, a 万元 amount or None for blank. Raises ValueRefused."""
    if raw is None:
        return None
    if isinstance(raw, bool | datetime | date):
        raise ValueRefused(str(raw), f"“{raw}”不是数字。")
    amount = fmt.CELL_BY_KEY[key].kind is fmt.CellKind.AMOUNT
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueRefused(str(raw), f"“{raw}”不是数字。")
        if amount:
            return parse_amount(repr(raw)).value
        if not raw.is_integer():
            raise ValueRefused(str(raw), f"“{raw}”不是整数，件数必须是整数。")
        raw = int(raw)
    if isinstance(raw, int):
        problem = check_value(key, raw)
        if problem:
            raise ValueRefused(str(raw), problem)
        return Decimal(raw) if amount else raw
    return parse(key, str(raw)).value
