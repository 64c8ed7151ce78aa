"""Column widths and row heights of an official table, from the font the table is drawn in.

Nothing here is in pixels at a fixed size: widths are ems (the advance of one Chinese character) or measured text,
heights are measured lines of wrapped text, so a larger application font (查看 → 字号) lays the table out again
with no label cut. Row heights are set by hand rather than with resizeRowsToContents, which inflates rows under a
spanned, wrapped label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from models.format import format2021 as fmt

#: Horizontal room a cell's text needs besides itself: Qt's text margins on both sides, the grid line, some air.
PAD_X = 10
#: Vertical room a cell's text needs besides its lines.
PAD_Y = 6
#: Label columns in ems, first to last; number columns get NUMBER_EMS each (table 三 fits 1280 px wide at 10 pt).
LABEL_EMS = {"t2": (13.0,), "t3": (3.0, 7.7, 16.0)}
NUMBER_EMS = {"t2": 11.5, "t3": 5.4, "t4": 5.1}
DEFAULT_NUMBER_EMS = 5.4
#: Digits a number column shows without cutting (a count may have 9; 8 keep table 四's 15 columns on a laptop).
NUMBER_DIGITS = 8
#: A usual 对比上年 line under a value: a number column is at least as wide while 对比上年 is on (and as wide as the
#: widest line it shows).
COMPARE_SAMPLE = "上年9999 ↑100%"
#: The smallest text in a table (the 对比上年 line), in points, at the standard font size.
SMALLEST_POINTS = 9.0


def small_font(font: QFont) -> QFont:
    """The font of the 对比上年 line under a value: a little smaller than the table's, never under 9 pt."""
    small = QFont(font)
    small.setPointSizeF(max(SMALLEST_POINTS, font.pointSizeF() * 0.9))
    return small


def bold_font(font: QFont) -> QFont:
    """The font of the column headings."""
    bold = QFont(font)
    bold.setBold(True)
    return bold


@dataclass(frozen=True)
class TableLayout:
    widths: tuple[int, ...]
    heights: tuple[int, ...]

    def header_height(self, header_rows: int) -> int:
        return sum(self.heights[:header_rows])

    def label_width(self, label_columns: int) -> int:
        return sum(self.widths[:label_columns])


def lay_out(grid: fmt.Grid, font: QFont, available: int = 0, tall: bool = False,
            compare_lines: tuple[str, ...] = ()) -> TableLayout:
    """Widths and heights for `grid` drawn in `font`; `available` px of width (0: unknown) are used to widen the
    last label column up to its longest label on one line (fewer wrapped rows); `tall`: rows
    with values get a second line (对比上年), whose texts are `compare_lines`."""
    widths = column_widths(grid, font, available, tall, compare_lines)
    return TableLayout(tuple(widths), tuple(row_heights(grid, widths, font, tall)))


def column_widths(grid: fmt.Grid, font: QFont, available: int = 0, tall: bool = False,
                  compare_lines: tuple[str, ...] = ()) -> list[int]:
    metrics = QFontMetrics(font)
    em = metrics.horizontalAdvance("中")
    labels = LABEL_EMS.get(grid.table, ())
    number = max(round(NUMBER_EMS.get(grid.table, DEFAULT_NUMBER_EMS) * em),
                 metrics.horizontalAdvance("0" * NUMBER_DIGITS) + PAD_X)
    if tall:
        small = QFontMetrics(small_font(font))
        number = max(number, *(small.horizontalAdvance(text) + PAD_X for text in (COMPARE_SAMPLE, *compare_lines)))
    widths = [round(labels[col] * em) if col < min(len(labels), grid.label_columns) else number
              for col in range(grid.columns)]
    extra = available - sum(widths)
    last = grid.label_columns - 1
    if extra < 0 and available and grid.label_columns:
        # Too wide (wider numbers for 对比上年, a large font): the last label column gives up to a quarter of its
        # width (its labels wrap onto more lines) before the table scrolls sideways.
        widths[last] -= min(-extra, widths[last] // 4)
    if extra > 0 and grid.label_columns:
        texts = [c.text for c in grid.cells if c.text and c.col == last and c.colspan == 1 and not c.header]
        need = max((metrics.horizontalAdvance(t) + PAD_X for t in texts), default=0)
        grow = max(0, min(extra, need - widths[last]))
        widths[last] += grow
    return widths


def row_heights(grid: fmt.Grid, widths: list[int], font: QFont, tall: bool = False) -> list[int]:
    metrics, bold = QFontMetrics(font), QFontMetrics(bold_font(font))
    line = metrics.lineSpacing()
    heights = [line + PAD_Y] * grid.rows
    if tall:
        second = QFontMetrics(small_font(font)).lineSpacing()
        for row in {cell.row for cell in grid.cells if cell.key}:
            heights[row] = line + second + PAD_Y + 4  # a little air between the value and its 对比上年 line
    spanned = []
    for cell in grid.cells:
        if not cell.text:
            continue
        width = sum(widths[cell.col:cell.col + cell.colspan]) - PAD_X
        text = balanced(cell.text, bold, width) if cell.header else cell.text
        need = _text_height(bold if cell.header else metrics, width, text) + PAD_Y
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            spanned.append((cell, need))
    for cell, need in spanned:  # a label over several rows: the last of them takes what the others lack
        rows = range(cell.row, cell.row + cell.rowspan)
        lacking = need - sum(heights[r] for r in rows)
        if lacking > 0:
            heights[rows[-1]] += lacking
    return heights


def balanced(text: str, metrics: QFontMetrics, width: int) -> str:
    """A column heading too long for one line at `width`, cut into lines of about equal length, the first ones a
    little longer (社会公益/组织, not 社会公益组/织); the text as it is when it fits or cannot be cut so."""
    if width <= 0 or metrics.horizontalAdvance(text) <= width:
        return text
    lines = _text_height(metrics, width, text) // metrics.lineSpacing()
    per = -(-len(text) // lines) + 1
    parts = [text[i:i + per] for i in range(0, len(text), per)]
    if len(parts) != lines or any(metrics.horizontalAdvance(part) > width for part in parts):
        return text
    return "\n".join(parts)


def _text_height(metrics: QFontMetrics, width: int, text: str) -> int:
    """The height of `text` wrapped at `width` px (Chinese breaks between any two characters, as in the view)."""
    if width <= 0:
        return metrics.lineSpacing() * max(1, len(text))
    flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
    rect = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
    lines = max(1, math.ceil(rect.height() / metrics.lineSpacing() - 0.25))
    return lines * metrics.lineSpacing()
