"""The records of a CSV text read so that a stray quote cannot merge them.

Spreadsheets (Excel, WPS, LibreOffice) quote a cell only as a whole: `"…"` around the cell, a quote inside written
twice. So a quote counts only at the start of a cell, and such a cell must end with a quote followed by the
delimiter or the end of the line; a quote anywhere else is part of the text (`十四五”规划`, `a"b`). A cell that starts
with a quote and does not end that way (`"十四五”规划…`, a half-width opening and a full-width closing quote) would
swallow the following lines into one cell: it is refused with its line number instead.

A quoted cell may still hold line breaks (Alt+Enter in Excel). Spreadsheets keep those as a bare LF; a file whose
records end in CRLF (Excel and WPS on Windows) therefore has no CRLF inside a cell, and one found there means lines
were swallowed: refused too. So the records read agree with the physical lines: each line is a record of its own
unless a properly quoted cell joins it to the next.
"""

from __future__ import annotations

import csv
import io
import re

from models.errors import UserError

#: The longest cell accepted (Python's default of 131,072 characters is below what a long 申请内容 may hold).
MAX_FIELD_CHARS = 16 * 1024 * 1024

_SNIPPET = 16


class CsvShapeError(UserError, ValueError):
    """The text is not CSV as a spreadsheet writes it; `line` is the physical line (1-based) where the record
    that cannot be read starts, `message` says why in Chinese (without the file name)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def allow_long_fields() -> None:
    """Let the csv module read cells of up to MAX_FIELD_CHARS characters (a process-wide setting; only raised)."""
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)


def strict_rows(text: str, delimiter: str) -> list[list[str]]:
    """The records of `text`. Raises CsvShapeError (see the module's docstring)."""
    allow_long_fields()
    crlf = _records_end_in_crlf(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            raise _refusal(text, delimiter, start, reader.line_num, str(exc)) from None
        if crlf and reader.line_num > start and any("\r\n" in cell for cell in row):
            raise _refusal(text, delimiter, start, reader.line_num, "CRLF inside a cell")
        rows.append(row)


def _records_end_in_crlf(text: str) -> bool:
    """Whether the first line ends in CRLF (the header row: never a cell with a line break)."""
    end = text.find("\n")
    return end > 0 and text[end - 1] == "\r"


def _refusal(text: str, delimiter: str, start: int, end: int, why: str) -> CsvShapeError:
    if "field larger than field limit" in why:
        return CsvShapeError(start, f"第{start}行有一个单元格超过{MAX_FIELD_CHARS // (1024 * 1024)}百万个字符，"
                                    "不像申请台账。")
    line = _physical_line(text, start)
    cell = _unclosed_cell(line, delimiter)
    shown = f"“{cell[:_SNIPPET]}{'…' if len(cell) > _SNIPPET else ''}”" if cell else ""
    spread = f"，其后第{start + 1}至{end}行会被并入这一格" if end > start else ""
    return CsvShapeError(start, f"第{start}行的单元格{shown}以英文双引号（\"）开头，却没有以配对的英文双引号结束"
                                f"{spread}。请把这个引号改为中文引号（“”）或删去，或者把整格内容用英文双引号括起来"
                                "（内容中的英文双引号写两次），再导入。")


def _physical_line(text: str, number: int) -> str:
    lines = re.split(r"\r\n|\r|\n", text, maxsplit=number)
    return lines[number - 1] if number - 1 < len(lines) else ""


def _unclosed_cell(line: str, delimiter: str) -> str:
    """The text of the first cell of `line` that opens a quote it does not close properly ('' if none)."""
    closed = re.compile(r'"(?:[^"]|"")*"(?=' + re.escape(delimiter) + r"|$)")
    pos = 0
    while pos <= len(line):
        if line.startswith('"', pos):
            match = closed.match(line, pos)
            if match is None:
                cut = line.find(delimiter, pos + 1)
                return line[pos:cut] if cut > 0 else line[pos:]
            pos = match.end() + 1
        else:
            next_delimiter = line.find(delimiter, pos)
            if next_delimiter < 0:
                return ""
            pos = next_delimiter + 1
    return ""
