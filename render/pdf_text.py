"""The text layer of the PDFs the app writes with QPdfWriter: the characters drawn, not look-alikes.

Qt's PDF writer names each embedded glyph by the lowest BMP code point that the font maps to it (QFontSubset's
reverse map). Noto Sans CJK (and Source Han Sans) give 人 and the Kangxi radical ⼈, 民 and ⺠, one glyph, so the
text layer of 人民 reads ⼈⺠: search, copy-paste and screen readers get the wrong text. Likewise the Chinese form of
the em dash (the zh_CN locale's glyph for —) is named U+2015. `corrections` works out, for the texts and fonts drawn,
which code point Qt will write for each character; `exporters.pdf_tounicode.remap` puts the drawn character back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtGui import QFont, QRawFont, QTextLayout

from exporters.pdf_tounicode import PdfLayoutError, remap

# What Qt's reverse map walks: the BMP from U+0001 (a 0 in its map means "none yet"), here without surrogates.
_BMP = [c for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF]
_first_by_face: dict[tuple[str, str, int], dict[int, str]] = {}
#: (QFont.key(), character) → the characters Qt writes for the glyphs it draws it with: shaping is the costly part,
#: and the same fonts draw the same characters in every PDF of a session.
_written_by_font: dict[tuple[str, str], tuple[str, ...]] = {}


def corrections(pieces: Iterable[tuple[QFont, str]]) -> dict[str, str]:
    """{character Qt writes in the text layer: character drawn} for the texts drawn, each in its font.

    Each character is shaped as QPainter shapes it amid Chinese text (the locale's forms, e.g. the Chinese em dash,
    and the fallback font for a character the font lacks), so the glyphs are the ones in the PDF. Character by
    character: Qt's string positions in a line that mixes fonts are not reliable.
    """
    fixes: dict[str, str] = {}
    for font, text in dict.fromkeys(pieces):
        key = font.key()
        for char in set(text):
            if char.isspace() or ord(char) > 0xFFFF:  # Qt's reverse map covers the BMP only: nothing to correct
                continue
            written = _written_by_font.get((key, char))
            if written is None:
                written = tuple(w for raw, glyph in _shaped(font, char)
                                if (w := _first_code_points(raw).get(glyph)) is not None)
                _written_by_font[(key, char)] = written
            for code_point in written:
                if code_point != char:
                    fixes[code_point] = char
    return fixes


#: A Han character around each one shaped: punctuation takes the script, and so the Chinese forms (locl), of the
#: text around it, as in the report's sentences.
_CONTEXT = "中"


def _shaped(font: QFont, char: str) -> list[tuple[QRawFont, int]]:
    """The font face and glyph(s) that QPainter draws `char` with in `font`, amid Chinese text."""
    pairs = _layout_glyphs(font, f"{_CONTEXT}{char}{_CONTEXT}")
    context = _layout_glyphs(font, _CONTEXT)
    for _ in range(2):  # the two context characters; what is left is the character's own
        for i, (raw, glyph) in enumerate(pairs):
            if (_face(raw), glyph) == (_face(context[0][0]), context[0][1]):
                del pairs[i]
                break
    return pairs


def _layout_glyphs(font: QFont, text: str) -> list[tuple[QRawFont, int]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont(), glyph) for run in layout.glyphRuns() for glyph in run.glyphIndexes()]


def _face(raw: QRawFont) -> tuple[str, str, int]:
    return raw.familyName(), raw.styleName(), raw.weight()


def fix_text_layer(pdf: bytes, pieces: Iterable[tuple[QFont, str]]) -> bytes:
    """`pdf`, written by QPdfWriter drawing `pieces` (font, text), with a text layer that reads as the texts do.

    A PDF laid out otherwise than Qt lays it out today is returned as it is (and logged): its pages are right, and
    tests/ui/test_pdf_text.py fails on such a Qt long before a clerk sees it.
    """
    try:
        return remap(pdf, corrections(pieces))
    except PdfLayoutError:
        logging.getLogger("govreport").warning("PDF text layer left uncorrected", exc_info=True)
        return pdf


def _first_code_points(raw: QRawFont) -> dict[int, str]:
    """{glyph: the lowest BMP character mapped to it} for one font face, as Qt's PDF writer computes it."""
    face = _face(raw)
    first = _first_by_face.get(face)
    if first is None:
        first = {}
        for code, glyph in zip(_BMP, raw.glyphIndexesForString("".join(map(chr, _BMP))), strict=True):
            if glyph:
                first.setdefault(glyph, chr(code))
        _first_by_face[face] = first
    return first
