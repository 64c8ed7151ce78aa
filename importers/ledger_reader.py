"""Reading an application ledger (依申请公开台账) from .xlsx or .csv into rows, and finding its header row.

Excel: every visible worksheet whose top rows hold the ledger's header is read (a ledger kept one sheet per quarter
or per year is read whole); date cells arrive as dates, other numbers as they are (Excel serial dates are told
apart later). CSV: UTF-8 with or without BOM, UTF-16 with BOM ("Unicode 文本") or GBK/GB18030 as saved by Excel on
Chinese Windows; comma, tab or semicolon separated; quotes only around a whole cell, so that a stray quote cannot
merge rows (importers.csv_rows). Only a regular file is read, and no more than MAX_CSV_BYTES of it.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from importers.csv_rows import CsvShapeError, allow_long_fields, strict_rows
from importers.sniff import Refused, identify
from models.errors import UserError
from models.storage.userfiles import FileTooLarge, describe_size, read_limited
from models.tools.ledger_fields import (
    FIELDS,
    HEADER_SCAN_ROWS,
    ColumnMapping,
    HeaderProblem,
    LedgerSheet,
    locate_header,
    missing_fields,
)

log = logging.getLogger("govreport")
MAX_CSV_BYTES = 64 * 1024 * 1024
MAX_ROWS = 500_000
_DELIMITERS = (",", "\t", ";")
_EXCEL_EPOCH = date(1899, 12, 30)


class LedgerReadError(UserError):
    """The ledger cannot be read; `message` (Chinese) names the file and says what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


@dataclass
class RawSheet:
    """A worksheet (or the CSV file) as rows of cell values, row 1 first."""

    name: str | None
    rows: list[tuple[object, ...]]
    epoch: date = _EXCEL_EPOCH
    hidden: bool = False


@dataclass
class Ledger:
    """The sheets of a ledger that have its header, and notices about what was read or left out."""

    path: Path
    sheets: list[LedgerSheet]
    notices: list[str] = field(default_factory=list)


def read_raw(path: Path | str) -> list[RawSheet]:
    """Every sheet of an .xlsx, or the one table of a .csv, as rows. Raises LedgerReadError."""
    path = Path(path)
    try:
        head = read_limited(path, 8, head=True)
        if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0")):
            kind = identify(path)
            if kind != "xlsx":
                raise LedgerReadError(path, f"“{path.name}”是 Word 文档，不是台账。请选择 Excel 工作簿（.xlsx）"
                                            "或 CSV 文件。")
            return _read_xlsx(path)
        return [_read_csv(path)]
    except Refused as exc:
        raise LedgerReadError(path, exc.message) from None
    except FileNotFoundError:
        raise LedgerReadError(path, f"找不到文件“{path}”。") from None
    except IsADirectoryError:
        raise LedgerReadError(path, f"“{path}”是文件夹，不是台账文件。") from None
    except OSError as exc:
        raise LedgerReadError(path, f"无法读取“{path.name}”：{exc.strerror or exc}。") from None


def read_ledger(path: Path | str, mapping: ColumnMapping | None = None) -> Ledger:
    """The ledger's sheets with their header rows found (by `mapping` or the usual headers). Raises
    LedgerReadError when no sheet has the four columns."""
    path = Path(path)
    raw = read_raw(path)
    ledger = Ledger(path, [])
    for sheet in raw:
        try:
            header = locate_header(sheet.rows, mapping)
        except HeaderProblem as exc:
            raise LedgerReadError(path, f"“{path.name}”{_sheet(sheet)}：{exc.message}") from None
        if header is None:
            continue
        if sheet.hidden:
            ledger.notices.append(f"隐藏的工作表“{sheet.name}”未读取。")
            continue
        ledger.sheets.append(LedgerSheet(sheet.name, sheet.rows, header, sheet.epoch))
    if not ledger.sheets:
        raise LedgerReadError(path, _no_header(path, raw, mapping))
    if len(raw) > 1:
        names = "、".join(f"“{s.name}”" for s in ledger.sheets)
        ledger.notices.append(f"读取了工作表{names}。")
    return ledger


def _sheet(sheet: RawSheet) -> str:
    return f"的工作表“{sheet.name}”" if sheet.name else ""


def _no_header(path: Path, raw: list[RawSheet], mapping: ColumnMapping | None) -> str:
    labels = "、".join(f.label for f in FIELDS)
    best: tuple[int, RawSheet, int] | None = None
    for sheet in raw:
        for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
            found = len(FIELDS) - len(missing_fields(row, mapping))
            if found and (best is None or found > best[0]):
                best = (found, sheet, i)
    advice = "请把表头改为这四个名称，或用列对应关系（--mapping）指明哪一列是哪一项。"
    if best is None:
        return f"“{path.name}”中没有找到台账的表头（前{HEADER_SCAN_ROWS}行中没有{labels}）。{advice}"
    _, sheet, i = best
    headers = [str(c).strip() for c in sheet.rows[i] if c is not None and str(c).strip()]
    shown = "、".join(headers[:12]) + ("等" if len(headers) > 12 else "")
    missing = "、".join(missing_fields(sheet.rows[i], mapping))
    return (f"“{path.name}”{_sheet(sheet)}第{i + 1}行的表头（{shown}）缺少{missing}。{advice}")


def _read_xlsx(path: Path) -> list[RawSheet]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl fails in many ways on damaged XML
        log.warning("openpyxl could not open %s", path, exc_info=True)
        raise LedgerReadError(path, f"“{path.name}”无法作为 Excel 工作簿（.xlsx）打开，文件可能已损坏。"
                                    "请在 Excel 或 WPS 中打开后另存为新文件再试。") from None
    try:
        epoch = workbook.epoch.date()
        sheets = []
        for ws in workbook.worksheets:
            ws.reset_dimensions()  # the size a file declares may be wrong; read every row it holds
            rows: list[tuple[object, ...]] = []
            for row in ws.iter_rows(values_only=True):
                rows.append(tuple(row))
                if len(rows) > MAX_ROWS:
                    raise LedgerReadError(path, f"“{path.name}”的工作表“{ws.title}”超过{MAX_ROWS}行，"
                                                "不像申请台账。请只保留台账的行后再导入。")
            sheets.append(RawSheet(ws.title, rows, epoch, ws.sheet_state != "visible"))
        return sheets
    except LedgerReadError:
        raise
    except Exception:
        log.warning("reading %s failed", path, exc_info=True)
        raise LedgerReadError(path, f"“{path.name}”的内容已损坏，无法读取。"
                                    "请在 Excel 或 WPS 中打开后另存为新文件再试。") from None
    finally:
        workbook.close()


def decode_csv(path: Path, data: bytes) -> str:
    """The text of a CSV file in whichever encoding Excel or WPS saved it."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LedgerReadError(path, f"“{path.name}”的文字编码无法识别（不是 UTF-8 或 GBK）。"
                                "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入。")


def _read_csv(path: Path) -> RawSheet:
    try:
        data = read_limited(path, MAX_CSV_BYTES)
    except FileTooLarge as exc:
        raise LedgerReadError(path, f"“{path.name}”过大（{describe_size(exc.size)}），不像申请台账。") from None
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise LedgerReadError(path, f"“{path.name}”不是文本文件，无法作为 CSV 台账读取。"
                                    "请选择 Excel 工作簿（.xlsx）或 CSV 文件。")
    try:
        return RawSheet(None, _split(decode_csv(path, data)))
    except CsvShapeError as exc:
        raise LedgerReadError(path, f"“{path.name}”{exc.message}台账未导入。") from None


def _split(text: str) -> list[tuple[object, ...]]:
    """The rows of a CSV text, with the delimiter under which a header row is found (else the most columns)."""
    allow_long_fields()
    head = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
    best, best_width = _DELIMITERS[0], 0
    for delimiter in _DELIMITERS:
        rows = list(csv.reader(io.StringIO(head), delimiter=delimiter))
        if _has_header(rows):
            best = delimiter
            break
        width = max((len(r) for r in rows), default=0)
        if width > best_width:
            best, best_width = delimiter, width
    return [tuple(row) for row in strict_rows(text, best)]


def _has_header(rows: list[list[str]]) -> bool:
    """Whether the usual headers are found in these rows (a header given twice still counts as found)."""
    try:
        return locate_header(rows) is not None
    except HeaderProblem:
        return True
