"""The 公文 look of the Word document (GB/T 9704-2012): page, margins, styles, fonts and page numbers.

Every style the document uses is written here, with its East Asian font named explicitly (`w:eastAsia`); the
template's theme fonts are replaced on every style so that no Western or Japanese theme font is left to chance.

The document grid (GB/T 9704 §5.2.2: 22 lines of 28 characters). 28 characters of 3号 (16 pt) are 448 pt, wider than
the 156 mm (442.2 pt) type area, so without a grid Word, WPS and LibreOffice all set 27. Every section therefore
carries a document grid, as 公文 templates for Word do: `<w:docGrid w:type="linesAndChars" w:linePitch="579"
w:charSpace="-849"/>` (`document_grid`).

- `charSpace` (ECMA-376 §17.6.5) is added to the pitch of every character, in 1/4096 pt; it is counted from the font
  size of the document defaults, 16 pt here (`apply_styles`; LibreOffice counts from Normal's, also 16 pt). The pitch
  is 16 − 849/4096 = 15.79 pt: 28 of them fit the 8845-twip line with a twip to spare, 29 do not. `linePitch` is
  22 lines in the 12756-twip type area (579 twips, 28.95 pt). The body keeps its fixed 28 pt line spacing, which
  Word does not snap to the line grid: 22 lines of 28 pt fit a page, 23 do not.
- Text that is not 3号 body text opts out of the character grid (`w:rPr/w:snapToGrid w:val="0"`, §17.3.2.34): the
  title (2号, broken into lines by layouts/title_lines at its natural width), the tables (5号 and smaller, sized by
  layouts/table_widths), the page numbers and the draft mark. Otherwise Word would space their characters by the
  grid as well, and the widths computed for them would no longer hold.
- Every paragraph opts out of the *line* grid (`w:pPr/w:snapToGrid w:val="0"`, §17.3.1.32), from Normal down. In
  Word that flag is only the line grid (its object model calls the two flags DisableLineHeightGrid and
  DisableCharacterSpaceGrid), so nothing the reader sees changes: fixed line spacing does not snap, and the tables'
  single spacing must not. LibreOffice reads the paragraph flag as "off the whole grid", and it must: LibreOffice
  7.4 puts every character wider than a grid cell into two cells, 14 characters to the line (measured).
- So that a renderer that leaves the grid sets 28 as well, the 3号 body, heading and sub-heading runs are condensed
  by 0.3 pt (`BODY_SPACING`, `w:spacing w:val="-6"`): 28 × 15.7 pt = 439.6 pt fit the 442.2 pt line, 29 do not.
  LibreOffice then sets 28 characters to the line (rendered and counted by tests/word_layout/test_document_grid.py;
  without it, 27). On the grid Word places each character on its 15.79 pt cell either way, so it sets 28 too (29 ×
  15.49 pt would still exceed the line). WPS was not at hand; it reads the grid as Word does, and 28 either way.
"""

from __future__ import annotations

import copy
import math

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from exporters.docx_xml import fonts_xml, page_field_runs, paragraph_xml, parse_block, rpr_xml, run_xml
from exporters.fonts import STOCK_ALTERNATIVE, FontSet
from layouts.page_geometry import (  # noqa: F401  re-exported: the Word export's names for the page
    BODY_PT,
    BODY_SPACING,
    CHARS_PER_LINE,
    DRAFT_COLOR,
    FOOTER_DISTANCE_MM,
    HEADER_DISTANCE_MM,
    LANDSCAPE_MARGINS_MM,
    LANDSCAPE_TEXT_WIDTH_MM,
    LINE_PT,
    LINES_PER_PAGE,
    MARGINS_MM,
    PAGE_HEIGHT_MM,
    PAGE_NUMBER_PT,
    PAGE_WIDTH_MM,
    TABLE_PT,
    TEXT_WIDTH_MM,
    TITLE_LINE_PT,
    TITLE_PT,
)


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


#: The type area in twips (8845 × 12756; python-docx writes the left margin as 1587 twips, the others round).
GRID_WIDTH_TWIPS = _twips(PAGE_WIDTH_MM) - int(MARGINS_MM["left"] * 1440 / 25.4) - _twips(MARGINS_MM["right"])
GRID_HEIGHT_TWIPS = _twips(PAGE_HEIGHT_MM) - _twips(MARGINS_MM["top"]) - _twips(MARGINS_MM["bottom"])
#: Line pitch of 22 lines per page, in twips (579).
GRID_LINE_PITCH = GRID_HEIGHT_TWIPS // LINES_PER_PAGE
#: Character pitch of 28 characters per line, as the 1/4096 pt added to the 16 pt of the document defaults (-849).
#: 28 pitches stay a twip inside the type area: Word rounds the pitch, and a line filled to within a fraction of a
#: twip can come out one character short (SC34 WG4, DR 11-0011 experiment).
GRID_CHAR_SPACE = math.floor(((GRID_WIDTH_TWIPS - 1) / 20 / CHARS_PER_LINE - BODY_PT) * 4096)

#: Out of the character grid (a run property) and out of the line grid (a paragraph property).
OFF_CHAR_GRID = '<w:snapToGrid w:val="0"/>'
OFF_LINE_GRID = '<w:snapToGrid w:val="0"/>'

# Style ids (Heading1/Heading2/Title are Word's built-in ones, so the navigation pane and outline work).
NORMAL, HEADING1, HEADING2, TITLE = "Normal", "Heading1", "Heading2", "Title"
TABLE_CENTER, TABLE_LEFT = "ReportTableText", "ReportTableLabel"
DRAFT_MARK, SIGNATURE, APPENDIX_LABEL = "ReportDraftMark", "ReportSignature", "ReportAppendixLabel"

_EXACT = 'w:lineRule="exact"'


#: No first-line indent. Both attributes: Word lets a character-unit indent (Normal's firstLineChars="200") override
#: a twip one (MS-OI29500 §2.1.44), so cancelling only w:firstLine would still indent by two characters there.
NO_FIRST_LINE = 'w:firstLine="0" w:firstLineChars="0"'


def document_grid() -> str:
    """The section's `w:docGrid`: 22 lines of 28 characters of 3号 (see the module docstring)."""
    return (f'<w:docGrid w:type="linesAndChars" w:linePitch="{GRID_LINE_PITCH}" '
            f'w:charSpace="{GRID_CHAR_SPACE}"/>')


def off_grid(rpr: str) -> str:
    """Run properties (from docx_xml.rpr_xml) that keep the characters at their own width, off the character grid."""
    at = min(i for i in (rpr.find("<w:color"), rpr.find("<w:sz "), rpr.find("</w:rPr>")) if i >= 0)
    return rpr[:at] + OFF_CHAR_GRID + rpr[at:]


def _style(style_id: str, name: str, ppr: str, rpr: str, *, based_on: str = "", default: bool = False,
           outline: int | None = None) -> str:
    basis = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    flags = ' w:default="1"' if default else ""
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return (f'<w:style w:type="paragraph"{flags} w:styleId="{style_id}"><w:name w:val="{name}"/>{basis}'
            f'<w:qFormat/><w:pPr>{ppr}{level}</w:pPr>{rpr}</w:style>')


def _indent_chars(chars: int, size_pt: float) -> str:
    """First-line indent of `chars` characters (Word scales `firstLineChars`; others read `firstLine`)."""
    return f'<w:ind w:firstLineChars="{chars * 100}" w:firstLine="{round(chars * size_pt * 20)}"/>'


def style_definitions(fonts: FontSet) -> str:
    body_spacing = f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PT * 20}" {_EXACT}/>'
    table_spacing = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    no_indent = f'<w:ind {NO_FIRST_LINE}/>'
    # Normal and every style based on it stay off the line grid; only 3号 text keeps the character grid.
    return "".join((
        _style(NORMAL, "Normal", f'<w:widowControl w:val="0"/>{OFF_LINE_GRID}{body_spacing}'
               f'{_indent_chars(2, BODY_PT)}<w:jc w:val="both"/>', rpr_xml(fonts.body, BODY_PT), default=True),
        _style(HEADING1, "heading 1", "<w:keepNext/><w:keepLines/>", rpr_xml(fonts.heading1, BODY_PT),
               based_on=NORMAL, outline=0),
        _style(HEADING2, "heading 2", "<w:keepNext/><w:keepLines/>", rpr_xml(fonts.heading2, BODY_PT),
               based_on=NORMAL, outline=1),
        _style(TITLE, "Title",
               f'{OFF_LINE_GRID}<w:spacing w:before="0" w:after="{LINE_PT * 20}" w:line="{TITLE_LINE_PT * 20}" '
               f'{_EXACT}/>{no_indent}<w:jc w:val="center"/>',
               off_grid(rpr_xml(fonts.title, TITLE_PT, bold=fonts.title_bold)), based_on=NORMAL),
        _style(TABLE_CENTER, "报告表格文字", f'{OFF_LINE_GRID}{table_spacing}{no_indent}<w:jc w:val="center"/>',
               off_grid(rpr_xml(fonts.table, TABLE_PT)), based_on=NORMAL),
        _style(TABLE_LEFT, "报告表格标签", f'{OFF_LINE_GRID}{table_spacing}{no_indent}<w:jc w:val="left"/>',
               off_grid(rpr_xml(fonts.table, TABLE_PT)), based_on=NORMAL),
        _style(DRAFT_MARK, "草稿标记", f'{no_indent}<w:jc w:val="center"/>',
               rpr_xml(fonts.heading1, BODY_PT, color=DRAFT_COLOR), based_on=NORMAL),
        _style(SIGNATURE, "落款", '<w:ind w:right="640" w:rightChars="200" w:firstLine="0" w:firstLineChars="0"/>'
               '<w:jc w:val="right"/>', rpr_xml(fonts.body, BODY_PT), based_on=NORMAL),
        _style(APPENDIX_LABEL, "附件标识", f'<w:keepNext/>{no_indent}<w:jc w:val="left"/>',
               rpr_xml(fonts.heading1, BODY_PT), based_on=NORMAL),
    ))


def apply_styles(document: Document, fonts: FontSet) -> None:
    """Replace the template's defaults and the styles we use; give every other style explicit fonts."""
    styles = document.styles.element
    ours = {NORMAL, HEADING1, HEADING2, TITLE}
    for style in list(styles.iterchildren(qn("w:style"))):
        if style.get(qn("w:styleId")) in ours:
            styles.remove(style)
    for style in parse_block(style_definitions(fonts)):
        styles.append(style)
    # Document defaults: the body font for every script, Chinese as the East Asian language.
    r_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(r_default):
        r_default.remove(child)
    for child in parse_block(f"<w:p><w:pPr>{rpr_xml(fonts.body, BODY_PT)}</w:pPr></w:p>")[0][0][0]:
        r_default.append(child)
    r_default.append(parse_block('<w:p><w:r><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
                                 "</w:rPr></w:r></w:p>")[0][0][0][0])
    p_default = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(p_default):
        p_default.remove(child)
    # Any other style that names fonts (mostly through the theme) gets explicit names, East Asian included.
    body_fonts = parse_block(f"<w:p><w:pPr><w:rPr>{fonts_xml(fonts.body)}</w:rPr></w:pPr></w:p>")[0][0][0][0]
    for r_fonts in styles.iter(qn("w:rFonts")):
        if r_fonts.get(qn("w:eastAsia")) is None:
            for name, value in body_fonts.attrib.items():
                r_fonts.set(name, value)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                r_fonts.attrib.pop(qn(theme), None)
    _set_theme_language(document)
    _declare_fonts(document, fonts)


def _set_theme_language(document: Document) -> None:
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _declare_fonts(document: Document, fonts: FontSet) -> None:
    """List our fonts in the font table, each with its stock-Windows alternative (`w:altName`) and GB2312 charset."""
    part = document.part
    font_part = next((rel.target_part for rel in part.rels.values() if rel.reltype.endswith("/fontTable")), None)
    if font_part is None:  # pragma: no cover - the default template has a font table
        return
    table = etree.fromstring(font_part.blob)
    present = {font.get(qn("w:name")) for font in table.iterchildren(qn("w:font"))}
    for name in fonts.names():
        if name in present:
            continue
        alt = STOCK_ALTERNATIVE.get(name, "")
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt and alt != name else ""
        entry = parse_block(f'<w:p><w:font w:name="{name}">{alt_xml}<w:charset w:val="86"/>'
                            '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font></w:p>')[0][0]
        table.append(copy.deepcopy(entry))
    font_part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def setup_page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(HEADER_DISTANCE_MM), Mm(FOOTER_DISTANCE_MM)
    section.gutter = Mm(0)
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    sect_pr.append(parse_block(f"<w:p><w:pPr><w:sectPr>{document_grid()}</w:sectPr></w:pPr></w:p>")[0][0][0][0])
    _reorder_sect_pr(sect_pr)


def page_number_paragraph(fonts: FontSet, *, odd: bool) -> str:
    """`— N —` in 4号 宋体: odd pages right-aligned one character in, even pages left (GB/T 9704 §7.5)."""
    rpr = off_grid(rpr_xml(fonts.page_number, PAGE_NUMBER_PT))
    side = "right" if odd else "left"
    ppr = (f'{OFF_LINE_GRID}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
           f'<w:ind w:{side}="{PAGE_NUMBER_PT * 20}" {NO_FIRST_LINE}/><w:jc w:val="{side}"/>')
    return paragraph_xml(run_xml("— ", rpr) + page_field_runs(rpr) + run_xml(" —", rpr), "", ppr)


def draft_header_paragraph(fonts: FontSet, text: str) -> str:
    rpr = off_grid(rpr_xml(fonts.heading1, PAGE_NUMBER_PT, color=DRAFT_COLOR))
    return paragraph_xml(run_xml(text, rpr), "", f'{OFF_LINE_GRID}<w:ind {NO_FIRST_LINE}/><w:jc w:val="center"/>')


def fill_header_footer(document: Document, fonts: FontSet, draft_text: str = "") -> None:
    """Page numbers on odd and even pages; the draft mark in the header of every page when given."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[-1]
    # Unlinking first gives this section its own parts (a linked one would write into the previous section's).
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        _replace_content(footer._element, page_number_paragraph(fonts, odd=odd))
    if draft_text:
        for header in (section.header, section.even_page_header):
            header.is_linked_to_previous = False
            _replace_content(header._element, draft_header_paragraph(fonts, draft_text))
    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = parse_block('<w:p><w:pPr><w:sectPr><w:pgNumType w:start="1"/></w:sectPr></w:pPr></w:p>')[0][0][0][0]
        sect_pr.append(pg)
    pg.set(qn("w:start"), "1")
    _reorder_sect_pr(sect_pr)


_SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def _reorder_sect_pr(sect_pr) -> None:
    """Put sectPr children in schema order (Word refuses a file whose sectPr is out of order)."""
    rank = {qn(f"w:{name}"): i for i, name in enumerate(_SECT_ORDER)}
    children = sorted(sect_pr, key=lambda el: rank.get(el.tag, len(rank)))
    for child in children:
        sect_pr.append(child)


def _replace_content(element, xml: str) -> None:
    for child in list(element):
        element.remove(child)
    for block in parse_block(xml):
        element.append(block)


def blank_header_footer(section) -> None:
    """Own, empty headers and footers for a section (the cover sheet carries no page number)."""
    for part in (section.header, section.even_page_header, section.footer, section.even_page_footer):
        part.is_linked_to_previous = False
        _replace_content(part._element, f"<w:p><w:pPr>{OFF_LINE_GRID}<w:ind {NO_FIRST_LINE}/></w:pPr></w:p>")


def section_break_before(document: Document) -> str:
    """A paragraph that ends a section with no header/footer and the same page setup (for the cover sheet)."""
    sect_pr = copy.deepcopy(document.sections[-1]._sectPr)
    for child in list(sect_pr):
        if child.tag in (qn("w:headerReference"), qn("w:footerReference"), qn("w:pgNumType")):
            sect_pr.remove(child)
    xml = etree.tostring(sect_pr, encoding="unicode")
    return f"<w:p><w:pPr>{xml}</w:pPr></w:p>"


def section_end(document: Document, *, landscape: bool) -> str:
    """A paragraph that ends a section of the body (portrait or landscape, the same margins turned), before its page
    furniture exists: `share_page_furniture` gives it the report's header and footer afterwards."""
    sect_pr = copy.deepcopy(document.sections[-1]._sectPr)
    for child in list(sect_pr):
        if child.tag in (qn("w:headerReference"), qn("w:footerReference"), qn("w:pgNumType")):
            sect_pr.remove(child)
    size = sect_pr.find(qn("w:pgSz"))
    margins = sect_pr.find(qn("w:pgMar"))
    width, height = (PAGE_HEIGHT_MM, PAGE_WIDTH_MM) if landscape else (PAGE_WIDTH_MM, PAGE_HEIGHT_MM)
    size.set(qn("w:w"), str(_twips(width)))
    size.set(qn("w:h"), str(_twips(height)))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif size.get(qn("w:orient")) is not None:
        del size.attrib[qn("w:orient")]
    for side, value in (LANDSCAPE_MARGINS_MM if landscape else MARGINS_MM).items():
        margins.set(qn(f"w:{side}"), str(_twips(value)))
    xml = etree.tostring(sect_pr, encoding="unicode")
    return f"<w:p><w:pPr>{xml}</w:pPr></w:p>"


def share_page_furniture(document: Document, first: int) -> None:
    """The body's sections from `first` on show the last section's header and footer (a section without its own
    would inherit the cover sheet's blank ones), and the page numbers start at 1 on the first and run on."""
    sections = document.sections
    last = sections[-1]._sectPr
    references = [child for child in last if child.tag in (qn("w:headerReference"), qn("w:footerReference"))]
    start = last.find(qn("w:pgNumType"))
    for index in range(first, len(sections) - 1):
        sect_pr = sections[index]._sectPr
        for reference in references:
            sect_pr.append(copy.deepcopy(reference))
        if index == first and start is not None:
            sect_pr.append(copy.deepcopy(start))
        _reorder_sect_pr(sect_pr)
    if first < len(sections) - 1 and start is not None:
        last.remove(start)  # the numbers run on from the first body section
