"""Row heights that fit wrapped text: Excel and LibreOffice keep a written row height, so a row must be given the
height its longest cell needs (openpyxl cannot ask a spreadsheet program to fit it)."""

from __future__ import annotations

import math
import re

from openpyxl.worksheet.worksheet import Worksheet

#: Points per line of text of a font size, with the line gap CJK fonts have (SimSun, Noto Sans CJK).
LINE_FACTOR = 1.45
PADDING = 4.0
#: What layouts.text_width.display_width counts as half a character, found at once (a row's text is measured often).
_NARROW = re.compile("[\x00-\u1fff]")


def _width(text: str) -> float:
    """layouts.text_width.display_width, by a regular expression rather than a loop over the characters."""
    return len(text) - 0.5 * len(_NARROW.findall(text))


def lines_needed(text: str, width: float, size: float = 10) -> int:
    """Lines `text` takes in a column `width` characters wide (several merged columns: their sum), at `size` pt.

    A column width is counted in digits of the default 11 pt font, about half a CJK character of 10 pt: a
    full-width character of `size` pt takes size/5.3 units; one unit is kept for the cell's margins.
    """
    room = max(1.0, (width - 1) * 5.3 / size)
    return sum(max(1, math.ceil(_width(line) / room)) for line in str(text).split("\n"))


def height(lines: int, size: float = 10) -> float:
    return round(lines * size * LINE_FACTOR + PADDING, 1)


def fit_row(ws: Worksheet, row: int, cells: list[tuple[str, float]], size: float = 10, minimum: float = 0) -> None:
    """Make `row` high enough for each (text, width) of `cells`."""
    lines = max((lines_needed(text, width, size) for text, width in cells if text), default=1)
    ws.row_dimensions[row].height = max(minimum, height(lines, size))
