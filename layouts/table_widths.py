"""How wide each column of tables 二, 三 and 四 is, at which font size, and whether the table can stay on one page.

The usual widths hold numbers of up to four digits. When a number would not fit its column on one line (provincial
and big-city reports have five- and six-digit counts), the data columns grow to the widest number in each, taken
from the flexible label column down to a floor; then the font steps down from 5号 (10.5 pt) to 9 pt and, for
numbers no report has yet, further, down to 6.5 pt. A number never wraps. A table whose estimated height exceeds
the page is not kept on one page: it runs over with its header rows repeated, so its heading is never left alone.
Numbers that no type size fits on the portrait page (table 四 with seven digits and more) put the table, with its
heading, on a landscape page of its own (`page_layout`).

Widths are measured generously (digits 0.64 em: the DejaVu Sans LibreOffice falls back to; 宋体's are 0.5 em), so
Word, WPS and LibreOffice all keep a number on one line. Qt-free: the Word export and the page renderer share it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from models.format.format2021 import Grid

MM_PER_PT = 25.4 / 72
DEFAULT_PT = 10.5
#: Font sizes tried in turn until every number fits (5号, then 9 pt, then what the very largest numbers need).
FONT_STEPS_PT = (10.5, 9.0, 8.0, 7.5, 7.0, 6.5)
CELL_MARGIN_MM = 1.0
#: Room left over in a column beyond the number itself (rounding, kerning, a renderer's own slack).
SLACK_MM = 0.6
DIGIT_EM = 0.64
#: Widths (mm) of the label columns at 10.5 pt; None takes what is left after the data columns.
#: Table 三's first column is the vertical band 三、/本/年/度…: wide enough for "三、" on its first line.
LABEL_WIDTHS_MM: dict[str, tuple[float | None, ...]] = {"t2": (None,), "t3": (10, 17, None), "t4": ()}
#: Width (mm) of one data column at the usual sizes; None shares the width left by the label columns equally.
DATA_WIDTH_MM: dict[str, float | None] = {"t2": 38, "t3": 11.5, "t4": None}
#: The narrowest the flexible label column may get at 10.5 pt (its longest labels then take two lines).
MIN_FLEX_LABEL_MM = {"t2": 40.0, "t3": 30.0}
#: Smaller type may take narrower label columns, but not below this share of their usual width.
MIN_LABEL_SCALE = 0.7
#: Cell margins and slack shrink with the type, down to this share.
MIN_MARGIN_SCALE = 0.5
#: A table line's height in em, to estimate a table's height: 1.30 measured in LibreOffice's rendering of table
#: 三 at 5号, with a little to spare.
LINE_EM = 1.35
#: A row is at least this high (in em of the table's type): a one-line row keeps some air above and below its text,
#: as the official template's rows do, instead of the text touching the rules.
ROW_MIN_EM = 1.45
#: The type area's height (297 − 37 − 35 mm) less the heading line and the half line above it.
PAGE_ROOM_MM = 225.0 - 14.0


@dataclass(frozen=True)
class TableLayout:
    widths_mm: tuple[float, ...]
    font_pt: float
    height_mm: float
    #: False when even the smallest type cannot hold every number on one line in this width.
    numbers_fit: bool = True
    #: Laid out across a landscape page (the numbers did not fit the portrait type area).
    landscape: bool = False

    @property
    def row_min_mm(self) -> float:
        return self.font_pt * ROW_MIN_EM * MM_PER_PT

    @property
    def margin_mm(self) -> float:
        """Left and right cell margin: 1 mm at 10.5 pt, narrower with smaller type."""
        return CELL_MARGIN_MM * _scale(self.font_pt, MIN_MARGIN_SCALE)

    @property
    def keep_together(self) -> bool:
        """Keep the whole table on one page (it fits); otherwise it runs over with its header rows repeated."""
        return self.height_mm <= PAGE_ROOM_MM


#: Punctuation that never starts a line: it stays with the character before it.
_ATTACHED = "、，。：；）”"


def band_lines(text: str) -> list[str]:
    """A label set down a narrow column one character per line, punctuation kept with the character before it
    (三、/本/年/度…, never a line holding only 、)."""
    lines: list[str] = []
    for ch in text:
        if ch in _ATTACHED and lines:
            lines[-1] += ch
        else:
            lines.append(ch)
    return lines


def text_width_mm(text: str, font_pt: float) -> float:
    """Width of `text` set at `font_pt`: full-width characters 1 em, digits and other Latin characters 0.64 em."""
    em = sum(1.0 if ord(ch) >= 0x2000 else DIGIT_EM for ch in text)
    return em * font_pt * MM_PER_PT


def layout(grid: Grid, texts: dict[str, str], total_mm: float) -> TableLayout:
    """Column widths (mm, adding up to `total_mm`), font size and estimated height of `grid` holding `texts`
    (input key → the text shown in its cell): the largest type at which every number fits on one line and the
    table on one page; else the largest at which the numbers fit (the table then runs over pages)."""
    numbers_fit: TableLayout | None = None
    for font_pt in FONT_STEPS_PT:
        widths = _widths_at(grid, texts, total_mm, font_pt)
        if widths is None:
            continue
        candidate = TableLayout(widths, font_pt, _height_mm(grid, texts, widths, font_pt))
        if candidate.keep_together:
            return candidate
        numbers_fit = numbers_fit or candidate
    if numbers_fit:
        return numbers_fit
    font_pt = FONT_STEPS_PT[-1]
    tight = _widths_at(grid, texts, total_mm, font_pt, slack=False)
    if tight is not None:  # the narrowest type fits without the spare slack (table 四 with six digits)
        return TableLayout(tight, font_pt, _height_mm(grid, texts, tight, font_pt))
    # Numbers wider than this width: the narrowest type, columns as wide as they go.
    widths = _widths_at(grid, texts, total_mm, font_pt, force=True)
    return TableLayout(widths, font_pt, _height_mm(grid, texts, widths, font_pt), numbers_fit=False)


def page_layout(grid: Grid, texts: dict[str, str], portrait_mm: float, landscape_mm: float) -> TableLayout:
    """The table on the portrait page when its numbers fit there (in any of the type sizes); else across a
    landscape page (table 四's 15 columns with seven digits and more), where they fit in larger type."""
    portrait = layout(grid, texts, portrait_mm)
    if portrait.numbers_fit:
        return portrait
    wide = layout(grid, texts, landscape_mm)
    return TableLayout(wide.widths_mm, wide.font_pt, wide.height_mm, wide.numbers_fit, landscape=True)


def _scale(font_pt: float, floor: float) -> float:
    return max(font_pt / DEFAULT_PT, floor)


def _widths_at(grid: Grid, texts: dict[str, str], total_mm: float, font_pt: float,
               force: bool = False, slack: bool = True) -> tuple[float, ...] | None:
    """The widths at `font_pt`, or None when some number would not fit on one line."""
    scale = _scale(font_pt, MIN_LABEL_SCALE)
    labels = [w * scale if w is not None else None for w in LABEL_WIDTHS_MM[grid.table]]
    fixed_total = sum(w for w in labels if w is not None)
    need = [_column_need(grid, texts, c, font_pt, slack) for c in range(grid.label_columns, grid.columns)]
    usual = DATA_WIDTH_MM[grid.table]
    if usual is None:  # no flexible label column: the data columns share the width, each at least its need
        spare = total_mm - fixed_total - sum(need)
        if spare < 0 and not force:
            return None
        data = [n + spare / len(need) for n in need]
    else:  # the flexible label column gives way to data columns that need more than the usual width
        data = [max(usual, n) for n in need]
        room = total_mm - fixed_total - sum(data)
        if room < MIN_FLEX_LABEL_MM[grid.table] * scale and not force:
            return None
        labels = [w if w is not None else max(room, 0.0) for w in labels]
    widths = [*labels, *data]
    widths[-1] += total_mm - sum(widths)  # rounding
    return tuple(widths)


def _column_need(grid: Grid, texts: dict[str, str], column: int, font_pt: float, slack: bool = True) -> float:
    """What data column `column` needs: its widest number on one line, and two characters of its headings (with
    the spare `SLACK_MM` unless told not to)."""
    widest = max((text_width_mm(texts.get(cell.key, ""), font_pt) for cell in grid.cells
                  if cell.is_input and cell.col == column and cell.colspan == 1), default=0.0)
    heading = 2 * font_pt * MM_PER_PT
    spare = 2 * CELL_MARGIN_MM + (SLACK_MM if slack else 0.0)
    return max(widest, heading) + spare * _scale(font_pt, MIN_MARGIN_SCALE)


def _height_mm(grid: Grid, texts: dict[str, str], widths: tuple[float, ...], font_pt: float) -> float:
    """The table's height estimated from how many lines each row's cells take (merged-down cells aside)."""
    line_mm = font_pt * LINE_EM * MM_PER_PT
    lines = [1] * grid.rows
    for cell in grid.cells:
        if cell.rowspan > 1:
            continue
        text = texts.get(cell.key, "") if cell.is_input else cell.text
        inner = sum(widths[cell.col:cell.col + cell.colspan]) - 2 * CELL_MARGIN_MM * _scale(font_pt, MIN_MARGIN_SCALE)
        needed = math.ceil(text_width_mm(text, font_pt) / inner) if text and inner > 0 else 1
        lines[cell.row] = max(lines[cell.row], needed)
    return sum(max(n * line_mm, font_pt * ROW_MIN_EM * MM_PER_PT) for n in lines)
