"""The report set on 公文 pages as the Word export sets it (exporters/docx_export.py): lines and table rows placed on
pages, ready to paint (render.report.paint).

Units are twips (1/20 pt), fonts are sized in them (an integer pixel size at every type size the page uses). The text
is cut into units — a line of a paragraph, a row of a table — each with its height and whether a page may end after
it; `paginate` fills the type area (22 lines of 28 pt) and ends pages only where the Word file lets Word end them:
headings keep with what follows, a table that fits a page stays whole (else its header rows repeat), the 落款 keeps
with the report's last line, a table too wide for the portrait page sits on a landscape page of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption

from layouts import page_geometry as geo
from layouts.report_text import DATE_PLACEHOLDER, paragraphs, split_heading
from layouts.signature import signature_indents
from layouts.table_widths import TableLayout, band_lines, page_layout, text_width_mm
from layouts.title_lines import title_lines
from models.app_info import DRAFT_MARK
from models.format import format2021 as fmt
from models.meta_input import format_date
from models.report import Report
from models.values import format_value
from render.report.fonts import PageFonts

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20
BLACK = QColor(0, 0, 0)
DRAFT_RED = QColor(f"#{geo.DRAFT_COLOR}")
_GROUP_NUMBER_END = "）"
#: A line holds 28 characters of 3号: Word's document grid sets them at this pitch (docx_styles.GRID_CHAR_SPACE).
BODY_TWIPS = geo.BODY_PT * TWIPS_PER_PT
LINE_TWIPS = geo.LINE_PT * TWIPS_PER_PT
_EPSILON = 0.5


def tw(mm: float) -> float:
    return mm * TWIPS_PER_MM


@dataclass(frozen=True)
class PageFrame:
    """A page's size and type area in twips."""

    landscape: bool

    @property
    def width(self) -> float:
        return tw(geo.PAGE_HEIGHT_MM if self.landscape else geo.PAGE_WIDTH_MM)

    @property
    def height(self) -> float:
        return tw(geo.PAGE_WIDTH_MM if self.landscape else geo.PAGE_HEIGHT_MM)

    @property
    def area(self) -> QRectF:
        margins = geo.LANDSCAPE_MARGINS_MM if self.landscape else geo.MARGINS_MM
        return QRectF(tw(margins["left"]), tw(margins["top"]), self.width - tw(margins["left"] + margins["right"]),
                      self.height - tw(margins["top"] + margins["bottom"]))


PORTRAIT, LANDSCAPE = PageFrame(False), PageFrame(True)
CHAR_PITCH = (PORTRAIT.area.width() - 1) / geo.CHARS_PER_LINE


@dataclass
class TextOp:
    """Text to paint: one line of a layout (`line` ≥ 0) or all of it, at `pos` (twips on the page)."""

    layout: QTextLayout
    pos: QPointF
    color: QColor = field(default_factory=lambda: QColor(BLACK))
    line: int = -1


@dataclass
class Page:
    frame: PageFrame
    number: int
    texts: list[TextOp] = field(default_factory=list)
    rules: list[QRectF] = field(default_factory=list)  # cell borders (rectangles outlined)


@dataclass
class Unit:
    """A piece of the flow: a line of text or a table row. `glue`: no page may end after it. `starts`: it opens a
    page of this frame (a landscape table, the portrait text after it)."""

    height: float
    draw: Callable[[Page, float, float], None]  # (page, x of the type area, y of the unit's top)
    glue: bool = False
    space_before: float = 0.0
    starts: PageFrame | None = None
    repeat: list[Unit] = field(default_factory=list)  # header rows shown again above it on a new page
    table: TableSet | None = None
    row: int = -1


def _layout(runs: list[tuple[QFont, str]], alignment) -> QTextLayout:
    text = "".join(t for _, t in runs)
    layout = QTextLayout(text, runs[0][0])
    option = QTextOption(alignment)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if len(runs) > 1:
        ranges, start = [], 0
        for font, piece in runs:
            r = QTextLayout.FormatRange()
            r.start, r.length = start, len(piece)
            f = QTextCharFormat()
            f.setFont(font)
            r.format = f
            ranges.append(r)
            start += len(piece)
        layout.setFormats(ranges)
    return layout


class Typesetter:
    """Cuts a report into units and places them on pages. `pieces` is every (font, text) drawn (the PDF's text
    layer is corrected from it, render.pdf_text)."""

    def __init__(self, report: Report, fonts: PageFonts, draft: bool) -> None:
        self.report, self.fonts, self.draft = report, fonts, draft
        self.pieces: list[tuple[QFont, str]] = []
        grid_spacing = CHAR_PITCH - BODY_TWIPS
        self.body = self._grid_font(fonts.body, grid_spacing)
        self.h1 = self._grid_font(fonts.heading1, grid_spacing)
        self.h2 = self._grid_font(fonts.heading2, grid_spacing)
        self.title = fonts.font(fonts.title, geo.TITLE_PT * TWIPS_PER_PT, bold=fonts.wanted.title_bold)
        self.units: list[Unit] = []

    def _grid_font(self, family: str, spacing: float) -> QFont:
        font = self.fonts.font(family, BODY_TWIPS)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
        return font

    # ----- text ---------------------------------------------------------------------------------------------

    def paragraph(self, runs: list[tuple[QFont, str]], *, align=None, first_indent: float = 2 * CHAR_PITCH,
                  right_indent: float = 0.0, line_height: float = LINE_TWIPS, keep: bool = False,
                  keep_next: bool = False, space_before: float = 0.0, space_after: float = 0.0,
                  color: QColor = BLACK, width: float | None = None) -> list[Unit]:
        """A paragraph's lines as units (fixed line height, the text centred in it)."""
        runs = [(f, t) for f, t in runs if t]
        if not runs:  # an empty paragraph: one blank line
            units = [Unit(line_height + space_after, lambda page, x, y: None, glue=keep or keep_next,
                          space_before=space_before)]
            self.units += units
            return units
        self.pieces += runs
        layout = _layout(runs, align if align is not None else Qt.AlignmentFlag.AlignJustify)
        width = PORTRAIT.area.width() if width is None else width
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            indent = first_indent if not lines else 0.0
            line.setLineWidth(max(1.0, width - indent - right_indent))
            line.setPosition(QPointF(indent, 0))
            lines.append(line)
        layout.endLayout()
        units = []
        for n, line in enumerate(lines):
            last = n == len(lines) - 1
            offset = (line_height - line.height()) / 2

            def draw(page: Page, x: float, y: float, n=n, offset=offset) -> None:
                page.texts.append(TextOp(layout, QPointF(x, y + offset), QColor(color), n))

            units.append(Unit(line_height + (space_after if last else 0.0), draw,
                              glue=(keep and not last) or (keep_next and last),
                              space_before=space_before if n == 0 else 0.0))
        self.units += units
        return units

    def body_text(self, text: str) -> None:
        for line in paragraphs(text):
            heading = split_heading(line)
            if heading and not heading[1]:
                self.heading2(line)
            elif heading:
                self.paragraph([(self.h2, heading[0]), (self.body, heading[1])])
            else:
                self.paragraph([(self.body, line)])

    def heading1(self, text: str, after_table: bool = False, starts: PageFrame | None = None) -> None:
        units = self.paragraph([(self.h1, text)], keep=True, keep_next=True,
                               space_before=LINE_TWIPS / 2 if after_table else 0.0)
        units[0].starts = starts

    def heading2(self, text: str) -> None:
        self.paragraph([(self.h2, text)], keep=True, keep_next=True)

    def title_block(self) -> None:
        lines = title_lines(self.report.meta.agency, self.report.title, geo.TITLE_CHARS_PER_LINE)
        for n, line in enumerate(lines):
            last = n == len(lines) - 1
            self.paragraph([(self.title, line)], align=Qt.AlignmentFlag.AlignHCenter, first_indent=0,
                           line_height=geo.TITLE_LINE_PT * TWIPS_PER_PT, keep=True, keep_next=not last,
                           space_after=LINE_TWIPS if last else 0.0)

    def draft_mark(self) -> None:
        self.paragraph([(self.h1, DRAFT_MARK)], align=Qt.AlignmentFlag.AlignHCenter, first_indent=0, color=DRAFT_RED)

    def signature(self) -> None:
        published = self.report.meta.publish_date
        date_text = format_date(published) if published else DATE_PLACEHOLDER
        agency = self.report.meta.agency
        indents = signature_indents(agency, date_text)
        right = Qt.AlignmentFlag.AlignRight
        self.paragraph([], keep_next=True)
        if agency:
            self.paragraph([(self.body, agency)], align=right, first_indent=0, keep=True, keep_next=True,
                           right_indent=indents.agency * CHAR_PITCH)
        self.paragraph([(self.body, date_text)], align=right, first_indent=0, keep=True,
                       right_indent=indents.date * CHAR_PITCH)

    # ----- the document ---------------------------------------------------------------------------------------

    def build(self) -> list[Page]:
        report = self.report
        if self.draft:
            self.draft_mark()
        self.title_block()
        self.body_text(report.text(fmt.PREAMBLE_KEY))
        after_table = False
        landscape_before = False
        for section in report.format.sections:
            table = TableSet(self, section.table) if section.table else None
            landscape = bool(table and table.fitted.landscape)
            starts = LANDSCAPE if landscape else (PORTRAIT if landscape_before else None)
            self.heading1(section.heading, after_table and not starts, starts)
            if not section.subheadings:
                self.body_text(report.text(section.key))
            else:
                self.body_text(report.text(section.intro_key))
                for sub in section.subheadings:
                    body = report.text(sub.key)
                    if body:
                        self.heading2(sub.heading)
                        self.body_text(body)
            if table:
                table.add_rows()
            after_table, landscape_before = bool(table), landscape
        if self.units:
            self.units[-1].glue = True  # the report's last line goes over with the 落款
        first_signature = len(self.units)
        self.signature()
        if landscape_before:
            self.units[first_signature].starts = PORTRAIT
        return self.furnish(paginate(self.units))

    def furnish(self, pages: list[Page]) -> list[Page]:
        """Page numbers (— N —, odd pages right, even left, one character in) and the draft mark in the header."""
        number_font = self.fonts.font(self.fonts.page_number, geo.PAGE_NUMBER_PT * TWIPS_PER_PT)
        mark_font = self.fonts.font(self.fonts.heading1, geo.PAGE_NUMBER_PT * TWIPS_PER_PT)
        inset = geo.PAGE_NUMBER_PT * TWIPS_PER_PT
        for page in pages:
            area = page.frame.area
            text = f"— {page.number} —"
            odd = page.number % 2 == 1
            layout = _single_line(number_font, text, area.width() - inset,
                                  Qt.AlignmentFlag.AlignRight if odd else Qt.AlignmentFlag.AlignLeft)
            height = QFontMetricsF(number_font).lineSpacing()
            x = area.left() + (0.0 if odd else inset)
            page.texts.append(TextOp(layout, QPointF(x, page.frame.height - tw(geo.FOOTER_DISTANCE_MM) - height)))
            self.pieces.append((number_font, text))
            if self.draft:
                mark = _single_line(mark_font, DRAFT_MARK, area.width(), Qt.AlignmentFlag.AlignHCenter)
                page.texts.append(TextOp(mark, QPointF(area.left(), tw(geo.HEADER_DISTANCE_MM)), QColor(DRAFT_RED)))
        if self.draft:
            self.pieces.append((mark_font, DRAFT_MARK))
        return pages


def _single_line(font: QFont, text: str, width: float, alignment) -> QTextLayout:
    layout = _layout([(font, text)], alignment)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


# ----- tables ---------------------------------------------------------------------------------------------------


def table_layout(grid: fmt.Grid, report: Report) -> TableLayout:
    """Widths, type size and orientation of the table with this report's numbers, as the Word export lays it out
    (exporters.docx_tables.table_layout)."""
    texts = {cell.key: format_value(report.cells.get(cell.key)) for cell in grid.cells if cell.is_input}
    return page_layout(grid, texts, geo.TEXT_WIDTH_MM, geo.LANDSCAPE_TEXT_WIDTH_MM)


class TableSet:
    """One official table: its cells' text laid out in its columns, its rows' heights, its rows as units; the
    borders and texts are drawn once the rows have pages (`draw_on`)."""

    def __init__(self, setter: Typesetter, table: str) -> None:
        self.setter = setter
        report = setter.report
        self.grid = grid = report.format.grids[table]
        self.fitted = fitted = table_layout(grid, report)
        frame = LANDSCAPE if fitted.landscape else PORTRAIT
        total = frame.area.width()
        widths = [tw(w) for w in fitted.widths_mm]
        widths[-1] += total - sum(widths)
        self.x = [sum(widths[:c]) for c in range(grid.columns + 1)]
        self.font = setter.fonts.font(setter.fonts.table, fitted.font_pt * TWIPS_PER_PT)
        metrics = QFontMetricsF(self.font)
        margin = tw(fitted.margin_mm)
        self.cells: dict[fmt.GridCell, tuple[QTextLayout, float]] = {}
        heights = [tw(fitted.row_min_mm)] * grid.rows
        for cell in grid.cells:
            text = format_value(report.cells.get(cell.key)) if cell.is_input else cell.text
            if not text:
                continue
            width_mm = sum(fitted.widths_mm[cell.col:cell.col + cell.colspan])
            centred = cell.header or cell.is_input or cell.rowspan > 1
            align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
            shown = _cell_lines(cell, text, width_mm, fitted.font_pt)
            layout = _layout([(self.font, shown)], align)
            layout.beginLayout()
            inner = max(1.0, self.x[cell.col + cell.colspan] - self.x[cell.col] - 2 * margin)
            y = 0.0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(inner)
                line.setPosition(QPointF(margin, y))
                y += metrics.lineSpacing()
            layout.endLayout()
            self.cells[cell] = (layout, y)
            setter.pieces.append((self.font, shown.replace("\u2028", "")))
            if cell.rowspan == 1:
                heights[cell.row] = max(heights[cell.row], y)
        for cell in grid.cells:  # a merged cell taller than its rows makes its last row taller
            if cell.rowspan > 1 and cell in self.cells:
                span = range(cell.row, cell.row + cell.rowspan)
                short = self.cells[cell][1] - sum(heights[r] for r in span)
                if short > 0:
                    heights[span[-1]] += short
        self.heights = heights
        self.placed: dict[int, dict[int, float]] = {}  # page number → {row: y of its top}
        self.pages: dict[int, Page] = {}

    def add_rows(self) -> None:
        grid, setter = self.grid, self.setter
        cover = grid.coverage
        keep_together = self.fitted.keep_together
        headers: list[Unit] = []
        for r in range(grid.rows):
            header_row = all(cover[(r, c)].header for c in range(grid.columns))
            last = r == grid.rows - 1
            unit = Unit(self.heights[r], self._placer(r), glue=(keep_together or r < grid.header_rows) and not last,
                        table=self, row=r)
            if header_row and not keep_together:
                headers.append(unit)
            elif headers:
                unit.repeat = headers
            setter.units.append(unit)

    def _placer(self, row: int) -> Callable[[Page, float, float], None]:
        def place(page: Page, x: float, y: float) -> None:
            self.placed.setdefault(page.number, {})[row] = y
            self.pages[page.number] = page
            self.left = x

        return place

    def draw_page(self, number: int) -> None:
        """Borders and texts of the rows placed on page `number` (drawn after them, before what follows the table,
        so that the text layer reads in order)."""
        rows, page = self.placed[number], self.pages[number]
        for cell in self.grid.cells:
            here = [r for r in range(cell.row, cell.row + cell.rowspan) if r in rows]
            if not here:
                continue
            top = rows[here[0]]
            bottom = rows[here[-1]] + self.heights[here[-1]]
            rect = QRectF(self.left + self.x[cell.col], top, self.x[cell.col + cell.colspan] - self.x[cell.col],
                          bottom - top)
            page.rules.append(rect)
            if cell.row in rows and cell in self.cells:
                layout, height = self.cells[cell]
                page.texts.append(TextOp(layout, QPointF(rect.left(), top + (rect.height() - height) / 2)))


def _cell_lines(cell: fmt.GridCell, text: str, width_mm: float, font_pt: float) -> str:
    """A group label spanning rows breaks after its number; a label in a column too narrow for two characters runs
    down it (exporters.docx_tables._runs). Line breaks are U+2028, which QTextLayout breaks at."""
    if cell.rowspan > 1 and not cell.header and width_mm < text_width_mm("三、三", font_pt):
        return "\u2028".join(band_lines(text))
    if cell.rowspan > 1 and not cell.header and text.startswith("（"):
        end = text.find(_GROUP_NUMBER_END) + 1
        if 0 < end < len(text):
            return text[:end] + "\u2028" + text[end:]
    return text


# ----- pages ---------------------------------------------------------------------------------------------------


def paginate(units: list[Unit]) -> list[Page]:
    """Place `units` on pages: a page ends after the last unit that fits and has no glue; a run of glued units
    longer than a page is cut where it overflows. Table rows continued on a new page get their header rows again."""
    pages: list[Page] = []
    frame = (units[0].starts or PORTRAIT) if units else PORTRAIT
    placed: list[tuple[int, float]] = []  # (unit index, y from the top of the type area)
    y = 0.0
    i = 0

    def close() -> None:
        page = Page(frame, len(pages) + 1)
        area = frame.area
        for k, (index, top) in enumerate(placed):
            unit = units[index]
            unit.draw(page, area.left(), area.top() + top)
            after = units[placed[k + 1][0]] if k + 1 < len(placed) else None
            if unit.table is not None and (after is None or after.table is not unit.table):
                unit.table.draw_page(page.number)
        pages.append(page)

    repeated: set[int] = set()  # units that opened a page under repeated header rows
    repeats = 0  # header rows repeated at the top of the page being filled
    while i < len(units):
        unit = units[i]
        if not placed:
            repeats = 0
        if unit.starts is not None and (placed or unit.starts != frame):
            if placed:
                close()
                placed, y = [], 0.0
            frame = unit.starts
        if not placed and unit.repeat and i not in repeated and unit.repeat[0] is not units[i - 1]:
            repeated.add(i)
            repeats = len(unit.repeat)
            for header in unit.repeat:
                placed.append((units.index(header), y))
                y += header.height
        before = unit.space_before if placed else 0.0
        room = frame.area.height()
        if y + before + unit.height <= room + _EPSILON or not placed:
            placed.append((i, y + before))
            y += before + unit.height
            i += 1
            continue
        # The page is full: end it after the last unit that may end a page (the glued ones after it go over),
        # unless that leaves nothing of the flow (only repeated header rows) on the page.
        cut = len(placed)
        while cut > 0 and units[placed[cut - 1][0]].glue:
            cut -= 1
        if repeats < cut < len(placed):
            i = placed[cut][0]
            placed = placed[:cut]
        close()
        placed, y = [], 0.0
    if placed or not pages:
        close()
    return pages


def typeset(report: Report, fonts: PageFonts, draft: bool) -> tuple[list[Page], list[tuple[QFont, str]]]:
    """The report's pages, and every (font, text) drawn on them."""
    setter = Typesetter(report, fonts, draft)
    pages = setter.build()
    return pages, setter.pieces
