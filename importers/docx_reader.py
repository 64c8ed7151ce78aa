"""A .docx as a flat list of blocks: paragraph texts and tables laid out on their grid.

python-docx opens the package (after `importers.sniff` has checked the zip); the body is then walked directly in
lxml, which is several times faster than python-docx's cell API and sees merged cells as they are written: a
horizontally merged cell is one `Box` with its span, a vertically merged one is a `Box` marked `continued` that
carries the text of the cell it continues.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml.etree import _Element as Element

from layouts.docx_layout import LEVEL_PROPERTY
from models.errors import UserError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"
_XPATH_NS = {"w": W_NS, "mc": MC_NS}
#: Text that counts: not the fallback copy of a text box, not text tracked as moved away. Tabs and breaks inside
#: runs only (w:tab also defines tab stops in paragraph properties). Nested paragraphs: those of text boxes.
_LIVE = "[not(ancestor::mc:Fallback or ancestor::w:moveFrom)]"
_TEXT_NODES = etree.XPath(
    f".//w:t{_LIVE} | .//w:r/w:tab{_LIVE} | .//w:r/w:br{_LIVE} | .//w:r/w:cr{_LIVE} | .//w:p{_LIVE}",
    namespaces=_XPATH_NS)
#: A cell's grid span, vertical merge and legacy horizontal merge in one evaluation: "span|vmerge|hmerge", where a
#: merge without w:val reads "continue" and no merge reads "".
_CELL_PROPS = etree.XPath(
    "concat(w:tcPr/w:gridSpan/@w:val, '|', "
    "substring('continue', 1, 8 * boolean(w:tcPr/w:vMerge[not(@w:val)])), w:tcPr/w:vMerge/@w:val, '|', "
    "substring('continue', 1, 8 * boolean(w:tcPr/w:hMerge[not(@w:val)])), w:tcPr/w:hMerge/@w:val)",
    namespaces=_XPATH_NS)
_GRID_BEFORE = etree.XPath("string(w:trPr/w:gridBefore/@w:val)", namespaces=_XPATH_NS)
_P, _TBL, _TR, _TC, _T = W + "p", W + "tbl", W + "tr", W + "tc", W + "t"
_TAB = W + "tab"
#: Containers whose children belong to the level they sit in (content controls, custom XML, smart tags).
_WRAPPERS = {W + "sdt": W + "sdtContent", W + "customXml": None, W + "smartTag": None}
_MAX_SPAN = 1000


class DocxUnreadable(UserError):
    """python-docx could not open the package; `message` (Chinese) says so."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Box:
    """One cell of a table row on the table grid."""

    col: int
    span: int
    text: str
    continued: bool = False  # continues a vertically merged cell; `text` is the text of the cell it continues


@dataclass
class WordTable:
    number: int  # 1-based among the document's top-level tables, for messages
    rows: list[list[Box]] = field(default_factory=list)
    width: int = 0  # grid columns


Block = str | WordTable


def read_blocks(path: Path) -> list[Block]:
    """The body of the .docx at `path` in reading order. Raises DocxUnreadable."""
    return read_document(path)[0]


def read_document(path: Path) -> tuple[list[Block], str]:
    """The body in reading order and the document's level property (`LEVEL_PROPERTY`: our exporter writes the
    agency level there). Raises DocxUnreadable."""
    import docx  # deferred: python-docx takes a while to import

    try:
        document = docx.Document(str(path))
        body = document.element.body
        category = getattr(document.core_properties, LEVEL_PROPERTY) or ""
    except Exception as exc:  # python-docx fails in many ways on damaged packages; each means "cannot open"
        raise DocxUnreadable(_open_failure(path, exc)) from None
    if body is None:
        raise DocxUnreadable(f"“{path.name}”中没有正文，无法作为报告读取。")
    return body_blocks(body), category


def _open_failure(path: Path, exc: Exception) -> str:
    detail = str(exc)
    if "macroEnabled" in detail:
        return f"“{path.name}”是启用宏的 Word 文档（.docm）。请在 Word 或 WPS 中另存为 Word 文档（.docx）后再导入。"
    if "template" in detail:
        return f"“{path.name}”是 Word 模板（.dotx）。请在 Word 或 WPS 中另存为 Word 文档（.docx）后再导入。"
    return (f"“{path.name}”无法作为 Word 文档打开，文件可能已损坏或不完整。"
            "请在 Word 或 WPS 中打开它，另存为新的 .docx 后再导入。")


def body_blocks(body: Element) -> list[Block]:
    blocks: list[Block] = []
    tables = 0
    for element in _level(body):
        if element.tag == _P:
            blocks.append(paragraph_text(element))
        elif element.tag == _TBL:
            tables += 1
            blocks.append(read_table(element, tables))
    return blocks


def _level(parent: Element) -> Iterator[Element]:
    """Children of `parent`, looking through content controls and custom XML wrappers."""
    for child in parent:
        tag = child.tag
        if tag in _WRAPPERS:
            inner = _WRAPPERS[tag]
            if inner is None:
                yield from _level(child)
            else:
                for content in child.iterchildren(inner):
                    yield from _level(content)
        else:
            yield child


def paragraph_text(paragraph: Element) -> str:
    """The text of a paragraph as Word shows it: tabs as \\t, line breaks as \\n; deleted text left out."""
    parts: list[str] = []
    for node in _TEXT_NODES(paragraph):
        tag = node.tag
        if tag == _T:
            if node.text:
                parts.append(node.text)
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _P:
            if parts:
                parts.append("\n")  # a paragraph inside a text box
        else:
            parts.append("\n")
    return "".join(parts)


def read_table(table: Element, number: int) -> WordTable:
    result = WordTable(number)
    above: dict[int, Box] = {}  # grid column -> the box covering it in the previous row
    for tr in _level(table):
        if tr.tag != _TR:
            continue
        row: list[Box] = []
        col = _int_val(_GRID_BEFORE(tr), 0)
        for tc in _level(tr):
            if tc.tag != _TC:
                continue
            span_text, vmerge, hmerge = _CELL_PROPS(tc).split("|")
            span = _int_val(span_text, 1)
            if hmerge and hmerge != "restart" and row:  # the legacy horizontal merge continues the cell before
                last = row[-1]
                row[-1] = Box(last.col, last.span + span, last.text, last.continued)
                col += span
                continue
            if vmerge and vmerge != "restart":
                origin = above.get(col)
                box = Box(col, span, origin.text if origin else "", continued=True)
            else:
                box = Box(col, span, cell_text(tc))
            row.append(box)
            col += span
        above = {c: box for box in row for c in range(box.col, box.col + box.span)}
        result.rows.append(row)
        result.width = max(result.width, col)
    return result


def cell_text(tc: Element) -> str:
    return "\n".join(paragraph_text(p) for p in _level(tc) if p.tag == _P)


def _int_val(raw: str, default: int) -> int:
    try:
        value = int(raw)
    except ValueError:
        return default
    return min(max(value, default), _MAX_SPAN)
