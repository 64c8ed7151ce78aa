"""WordprocessingML snippets as strings: runs and paragraphs that always carry their East Asian font.

The exporter writes paragraphs and tables as XML text and parses each block once: it is several times faster than
python-docx's object calls, and every run gets `w:rFonts` with `w:eastAsia` (python-docx never sets it).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

W_NS = nsdecls("w")
TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm(value: float) -> int:
    """Millimetres to twips (twentieths of a point)."""
    return round(value * TWIPS_PER_MM)


def fonts_xml(font: str) -> str:
    """`w:rFonts` naming `font` for every script, East Asian first in the hint."""
    name = quoteattr(font)
    return f'<w:rFonts w:ascii={name} w:hAnsi={name} w:eastAsia={name} w:cs={name} w:hint="eastAsia"/>'


def rpr_xml(font: str, size_pt: float, *, bold: bool = False, color: str = "", spacing: int = 0) -> str:
    """Run properties in schema order: fonts, bold, colour, character spacing (twentieths of a point), size."""
    half_points = round(size_pt * 2)
    return (
        "<w:rPr>" + fonts_xml(font)
        + ("<w:b/><w:bCs/>" if bold else "")
        + (f'<w:color w:val="{color}"/>' if color else "")
        + (f'<w:spacing w:val="{spacing}"/>' if spacing else "")
        + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    )


_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text without the control characters XML cannot hold (they come from pasted or imported documents)."""
    return _ILLEGAL_XML.sub("", text)


def run_xml(text: str, rpr: str) -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(clean_text(text))}</w:t></w:r>'


def paragraph_xml(runs: str, style_id: str = "", extra_ppr: str = "") -> str:
    """A paragraph of prepared runs; `extra_ppr` is pPr content that follows pStyle (in schema order)."""
    style = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    ppr = f"<w:pPr>{style}{extra_ppr}</w:pPr>" if style or extra_ppr else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def text_paragraph(text: str, style_id: str, rpr: str, extra_ppr: str = "") -> str:
    return paragraph_xml(run_xml(text, rpr) if text else "", style_id, extra_ppr)


def page_field_runs(rpr: str) -> str:
    """A PAGE field (complex form, which Word, WPS and LibreOffice all update) showing 1 until updated."""
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def parse_block(xml: str) -> list[etree._Element]:
    """Parse a run of sibling block elements (paragraphs, tables) written without namespace declarations."""
    wrapper = parse_xml(f"<w:body {W_NS}>{xml}</w:body>")
    return list(wrapper)
