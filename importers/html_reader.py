"""A web page as the Word importer's blocks: paragraph texts and tables laid out on their grid (importers.docx_reader's
`WordTable` of `Box`es), so a report published as HTML goes through the same pipeline as a .docx.

lxml's HTML parser reads the page (decoded by importers.html_text; no network, comments and processing instructions
dropped; libxml2 stops at 256 levels of nesting, which no real page reaches, and the importer says so). What no reader
of the report sees goes first: scripts, styles, forms, frames, navigation (`<nav>`, `<aside>`, ARIA landmarks),
hidden elements, captions (a table's name, not its content). The body is then walked in reading order: every block
element (`<p>`, `<div>`, `<h1>`, `<li>`, a table cell …) and every `<br>` ends a paragraph. A table whose cells hold
another table lays out the page: its cells are read as paragraphs. A table without one is a table of the report when
its labels say so (importers.docx_tables.classify) or when it looks like data (two rows and columns or more, short
cells, numbers among them); else (a frame around the article, a one-cell box) its cells are read as paragraphs too.
rowspan/colspan are resolved into the grid as docx_reader resolves Word's merges: a cell spanning columns is one Box
with its span, the rows below a cell spanning rows get a Box marked `continued`.

Which paragraphs are the article — not the site's header, menus and footer — importers.html_article decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.etree
import lxml.html
from lxml.etree import _Element as Element

from importers.docx_reader import Box, WordTable
from importers.docx_tables import classify, has_number
from importers.html_text import PRESCAN_BYTES, collapse, decode_page

#: Elements whose content no reader of the page sees as the report's text.
DROPPED = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
    "math", "canvas", "video", "audio", "map", "form", "select", "option", "button", "input", "textarea", "nav",
    "aside", "caption", "head", "title", "link", "meta", "base",
})
_LANDMARKS = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary"})
#: Elements that start and end a paragraph of their own.
BLOCKS = frozenset({
    "html", "body", "address", "article", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "ul", "table", "tr", "td", "th", "tbody",
    "thead", "tfoot",
})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})
_MAX_SPAN = 200
#: Larger than any table of the report (the Word importer ignores those over 40 columns or 200 rows): such a table is
#: read as paragraphs, never laid out on a grid, whose cost would grow with rows × spans.
MAX_GRID_ROWS, MAX_GRID_CELLS = 1000, 200
#: A cell longer than this is text, not a table cell of the report: its table frames the article.
LONG_CELL = 200


@dataclass
class Para:
    """A paragraph: its text, the block element it came from, and how much of it is link text (menus)."""

    text: str
    element: Element
    link_share: float = 0.0  # of its letters, the share inside links


@dataclass
class TableItem:
    table: WordTable
    element: Element
    report: bool  # one of the report's tables by its labels


Item = Para | TableItem


@dataclass
class Page:
    items: list[Item]
    title: str           # the page's <title>
    metas: dict[str, str]  # <meta name=… content=…>, names in lower case
    complete: bool = True  # False: a whole page (<html>) that does not end (</html>): cut off when saved or sent
    too_deep: bool = False  # libxml2 stopped at its nesting limit (256 levels): what follows was not read


_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)


def parse_page(data: bytes) -> Page:
    """The page's paragraphs and tables in reading order, its <title> and named <meta> values."""
    text = decode_page(data)
    complete = "<html" not in text[:PRESCAN_BYTES].lower() or _HTML_END.search(text) is not None
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (ValueError, lxml.etree.ParserError):  # nothing but white space or markup that holds no element
        return Page([], "", {}, complete)
    too_deep = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    metas = {str(m.get("name", "")).lower(): str(m.get("content", "")) for m in root.iter("meta") if m.get("name")}
    title = collapse(root.findtext(".//title") or "")
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return Page(walker.items, title, metas, complete, too_deep)


def _tag(element: Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _hidden(element: Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if str(element.get("role", "")).lower() in _LANDMARKS:
        return True
    style = str(element.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


class _Walker:
    """Walks the tree once, gathering inline text into paragraphs and turning tables into items."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.tables = 0
        self._parts: list[str] = []
        self._link_chars = 0
        self._block: Element | None = None

    def flush(self) -> None:
        """End the paragraph being gathered (if it holds any text)."""
        if self._parts:
            text = collapse("".join(self._parts))
            if text and self._block is not None:
                letters = len(text) - text.count(" ")
                self.items.append(Para(text, self._block, min(self._link_chars / letters, 1.0) if letters else 0.0))
        self._parts = []
        self._link_chars = 0

    def _add(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            if in_link:
                self._link_chars += sum(1 for ch in text if not ch.isspace())

    def walk(self, element: Element, in_link: bool = False) -> None:
        tag = _tag(element)
        if tag == "br":
            self.flush()
            return
        if not tag or tag in DROPPED or _hidden(element):
            return
        if tag == "table":
            self.flush()
            self._table(element)
            return
        block = tag in BLOCKS
        outer = self._block
        if block:
            self.flush()
            self._block = element
        elif self._block is None:
            self._block = element
        link = in_link or tag == "a"
        self._add(element.text, link)
        for child in element:
            self.walk(child, link)
            self._add(child.tail, link)
        if block:
            self.flush()
            self._block = outer

    def _table(self, element: Element) -> None:
        rows = list(table_rows(element))
        if not rows:
            return
        small = len(rows) <= MAX_GRID_ROWS and all(len(row) <= MAX_GRID_CELLS for row in rows)
        if small and not any(_holds_table(cell) for row in rows for cell in row):
            self.tables += 1
            table = grid(rows, self.tables)
            report = classify(table) is not None
            if report or _looks_like_data(table):
                self.items.append(TableItem(table, element, report))
                return
            self.tables -= 1
        for row in rows:  # a layout table: its cells are parts of the page, read in order
            for cell in row:
                self.walk(cell)


def table_rows(table: Element) -> Iterator[list[Element]]:
    """The table's own rows (directly or in thead/tbody/tfoot, not those of tables inside it), each as its cells."""
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield [cell for cell in child if _tag(cell) in _CELLS]
        elif tag in _ROW_GROUPS:
            for row in child:
                if _tag(row) == "tr":
                    yield [cell for cell in row if _tag(cell) in _CELLS]


def _holds_table(cell: Element) -> bool:
    return any(True for _ in cell.iter("table"))


def _looks_like_data(table: WordTable) -> bool:
    """Two rows and two columns or more of short cells, some of them numbers: a table of figures (a part of a report
    table without its labels, say), not a frame around text."""
    if table.width < 2 or len(table.rows) < 2:
        return False
    boxes = [box for row in table.rows for box in row]
    return all(len(box.text) <= LONG_CELL for box in boxes) and has_number(boxes)


def cell_text(cell: Element) -> str:
    """The text of a table cell, its paragraphs and lines joined by line breaks (as docx_reader joins a Word cell's
    paragraphs)."""
    walker = _Walker()
    walker._block = cell
    walker.walk(cell)
    walker.flush()
    return "\n".join(item.text for item in walker.items if isinstance(item, Para))


def _span(raw: str | None, rest: int = 1) -> int:
    """A colspan/rowspan as a count: 1 when missing or unreadable, `rest` for 0 (HTML: to the end of the table)."""
    try:
        value = int(str(raw).strip()) if raw is not None else 1
    except ValueError:
        return 1
    if value == 0:
        return max(rest, 1)
    return min(max(value, 1), _MAX_SPAN)


def grid(rows: list[list[Element]], number: int) -> WordTable:
    """The rows on the table's grid: each cell a Box at the first grid column not taken by a cell spanning down from
    a row above; the rows a cell spans down get a `continued` Box with its text, as Word's vertical merges do."""
    table = WordTable(number)
    above: dict[int, tuple[Box, int]] = {}  # origin column → (its box, rows it still covers)
    for r, cells in enumerate(rows):
        taken = {c for box, _ in above.values() for c in range(box.col, box.col + box.span)}
        row = [Box(box.col, box.span, box.text, continued=True) for box, _ in above.values()]
        below = {col: (box, left - 1) for col, (box, left) in above.items() if left > 1}
        col = 0
        for cell in cells:
            while col in taken:
                col += 1
            if col >= _MAX_SPAN:
                break  # wider than any table of the report (which the Word pipeline then ignores): stop here
            span = _span(cell.get("colspan"))
            down = _span(cell.get("rowspan"), len(rows) - r)
            box = Box(col, span, cell_text(cell))
            row.append(box)
            if down > 1:
                below[col] = (box, down - 1)
            col += span
        row.sort(key=lambda b: b.col)
        above = below
        table.rows.append(row)
        table.width = max(table.width, col, *(b.col + b.span for b in row))
    return table
