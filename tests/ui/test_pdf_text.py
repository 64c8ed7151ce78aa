"""The text layer of every PDF the app writes is the text drawn, under each Chinese font the app may pick.

Qt's PDF writer names a glyph by the lowest code point that maps to it; Noto Sans CJK shares glyphs between 人 and
the Kangxi radical ⼈, so without render/pdf_text.py `pdftotext` reads "淮安市⼈⺠政府…⼯作".
"""

from __future__ import annotations

import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QFont, QPainter, QPdfWriter, QRawFont

import sysdeps
from models.storage.drafts import load_draft
from models.tools.summary import summarize
from render import fonts
from render.infographic import pdf_bytes
from render.infographic.canvas import page_font
from render.pdf_text import corrections, fix_text_layer
from tests.environment import require_program
from tests.ui.gui import CJK_FAMILIES

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals


def pdf_characters(data: bytes, folder: Path) -> Counter[str]:
    """Every character `pdftotext` reads from the PDF (spaces and line ends left out)."""
    path = folder / "out.pdf"
    path.write_bytes(data)
    text = subprocess.run([require_program("pdftotext", "poppler"), "-raw", str(path), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True, timeout=60).stdout
    return Counter(c for c in text if not c.isspace())


def drawn_characters(texts: list[str]) -> Counter[str]:
    return Counter(c for text in texts for c in text if not c.isspace())


def test_the_fonts_the_app_prefers_on_linux_are_the_fonts_tested_and_installed_by_ci():
    assert fonts._LINUX_FONTS[: len(CJK_FAMILIES)] == CJK_FAMILIES
    font_packages = {p.target for p in sysdeps.GROUPS["fonts"].packages}
    assert set(CJK_FAMILIES) <= font_packages  # .ci/run installs every package of the group


def test_infographic_pdf_reads_exactly_as_drawn(cjk_family, huaian_path, pingtan_path, tmp_path):
    data, drawn = pdf_bytes(summarize(load_draft(huaian_path), load_draft(pingtan_path)))
    read = pdf_characters(data, tmp_path)
    expected = drawn_characters([d.text for d in drawn])
    assert not [c for c in read if ord(c) in RADICALS]
    assert read == expected, {"missing": expected - read, "extra": read - expected}
    assert "淮安市人民政府" in "".join(d.text for d in drawn)


def lookalike_ideographs(family: str) -> str:
    """The ideographs whose glyph `family` shares with a lower code point (radicals mostly): the text the bug hits."""
    font = QFont()
    font.setFamilies([family])
    raw = QRawFont.fromFont(font)
    ideographs = {unicodedata.normalize("NFKC", chr(c)) for c in RADICALS}
    ideographs |= {chr(c) for c in range(0x4E00, 0x9FA6)}
    text = "".join(sorted(c for c in ideographs if "\u4e00" <= c <= "\u9fff" and raw.supportsCharacter(c)))
    return "".join(sorted(set(corrections([(font, text)]).values())))


def test_any_text_drawn_into_a_pdf_reads_back_as_drawn(cjk_family, tmp_path):
    """The helper every PDF writer of the app uses: all the font's look-alike ideographs in one line each."""
    text = lookalike_ideographs(cjk_family)
    if cjk_family == "Noto Sans CJK SC":
        assert len(text) > 200 and {"一", "人", "工", "民", "金"} <= set(text)  # the case this guards
    lines = [text[i:i + 40] for i in range(0, len(text), 40)] or ["人民政府"]
    data, fonts = draw_pdf(lines, cjk_family)
    pieces = [(fonts[i % 2], line) for i, line in enumerate(lines)]
    assert pdf_characters(fix_text_layer(data, pieces), tmp_path) == drawn_characters(lines)


def test_the_uncorrected_pdf_would_read_wrong_with_noto(qapp, tmp_path):
    """Proof that the tests above can fail: Qt alone writes radicals for 人民 with Noto Sans CJK."""
    from tests.environment import require_font

    require_font("Noto Sans CJK SC")
    data, _ = draw_pdf(["淮安市人民政府工作"], "Noto Sans CJK SC")
    read = pdf_characters(data, tmp_path)
    assert any(ord(c) in RADICALS for c in read)


def draw_pdf(lines: list[str], family: str) -> tuple[bytes, list[QFont]]:
    """`lines` drawn with `family` by QPdfWriter, regular and bold, as the app's renderers do."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    painter = QPainter(writer)
    fonts = []
    for bold in (False, True):
        font = QFont()
        font.setFamilies([family])
        font.setPixelSize(40)
        font.setBold(bold)
        fonts.append(font)
    y = 60
    for i, line in enumerate(lines):
        painter.setFont(fonts[i % 2])
        painter.drawText(QPointF(60, y), line)
        y += 60
        if y > writer.height() - 60:
            writer.newPage()
            y = 60
    painter.end()
    buffer.close()
    return bytes(data.data()), fonts


def test_page_font_is_the_forced_family(cjk_family):
    assert QRawFont.fromFont(page_font(40)).familyName() == cjk_family
    assert QRawFont.fromFont(page_font(40, bold=True)).familyName() == cjk_family


def test_a_character_outside_the_bmp_does_not_break_the_pdf(cjk_family, tmp_path):
    """Qt counts UTF-16 units: 𬌗 (a rare character of names) shifts every later position by one. Qt's writer itself
    gives such a character no text-layer entry (its reverse map covers the BMP only); the rest must read right."""
    lines = ["人民𬌗工作", "一二三𬌗民"]
    data, fonts = draw_pdf(lines, cjk_family)
    read = pdf_characters(fix_text_layer(data, [(fonts[i % 2], line) for i, line in enumerate(lines)]), tmp_path)
    assert read == drawn_characters([line.replace("𬌗", "") for line in lines])
