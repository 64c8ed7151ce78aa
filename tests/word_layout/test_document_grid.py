"""The document grid (issue 17, point 5): GB/T 9704 §5.2.2 sets 22 lines of 28 characters of 3号 in the type area.

Word and WPS lay the body out on the section's `w:docGrid` (exporters/docx_styles.py explains the values): checked
here on the XML with the rule of ECMA-376 §17.6.5, for both font set-ups, in every section. Only 3号 body text keeps
the character grid; the title, the tables and the page numbers keep their natural widths, which layouts/title_lines
and layouts/table_widths count on.

LibreOffice (7.4, as installed by .ci/run) cannot set 28 on such a grid: it puts each 16 pt character into two 15.79 pt
cells, 14 to the line. So every paragraph leaves the grid for LibreOffice, and the 3号 runs are condensed by 0.3 pt:
the rendered PDF shows 28 characters per full line (never the two-cell 14, nor the 27 of uncondensed 16 pt) and 22
lines per page.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from exporters import DocxOptions, build_docx
from exporters.docx_styles import BODY_PT, CHARS_PER_LINE, LINE_PT, LINES_PER_PAGE
from models.storage.drafts import load_draft
from tests.office import convert_all, pdf_pages, pdf_text, require_office

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"
#: Plain body text: no punctuation, no digits, nothing half-width, so every full line shows the characters per line.
PLAIN = ("政府信息公开工作年度报告按照国务院办公厅要求编制本单位坚持以人民为中心的发展思想"
         "持续推进决策执行管理服务结果公开")
#: What LibreOffice sets off the grid: 28 characters of 16 pt condensed by 0.3 pt (439.6 pt) in the 442.2 pt line.
LIBREOFFICE_CHARS_PER_LINE = 28
_PAGE_NUMBER = re.compile(r"^[—－-]\d+[—－-]$")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element, tag: str) -> str | None:
    found = element.find(_w(tag)) if element is not None else None
    return None if found is None else found.get(_w("val"), "1")


def _docx(official: bool, **options) -> dict[str, etree._Element]:
    data = build_docx(load_draft(SAMPLE), options=DocxOptions(allow_errors=True, official_fonts=official, **options))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist()
                if re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", name)}


class _Styles:
    """Paragraph styles with their basedOn chains: the effective pPr/rPr value of a property."""

    def __init__(self, styles: etree._Element) -> None:
        self.by_id = {s.get(_w("styleId")): s for s in styles.iter(_w("style")) if s.get(_w("type")) == "paragraph"}
        self.default = next(i for i, s in self.by_id.items() if s.get(_w("default")) == "1")
        self.doc_rpr = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")

    def chain(self, style_id: str | None):
        style = self.by_id.get(style_id or self.default)
        while style is not None:
            yield style
            based = style.find(_w("basedOn"))
            style = self.by_id.get(based.get(_w("val"))) if based is not None else None

    def ppr(self, style_id: str | None, tag: str) -> str | None:
        return next((v for s in self.chain(style_id) if (v := _val(s.find(_w("pPr")), tag)) is not None), None)

    def rpr(self, style_id: str | None, tag: str) -> str | None:
        value = next((v for s in self.chain(style_id) if (v := _val(s.find(_w("rPr")), tag)) is not None), None)
        return value if value is not None else _val(self.doc_rpr, tag)


def _paragraphs(parts: dict[str, etree._Element]):
    """(part name, paragraph, its style id) for every paragraph of the body, headers and footers."""
    for name, root in parts.items():
        if name == "word/styles.xml":
            continue
        for paragraph in root.iter(_w("p")):
            style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
            yield name, paragraph, style.get(_w("val")) if style is not None else None


@pytest.mark.parametrize("official", [True, False], ids=["official-fonts", "stock-fonts"])
def test_every_section_carries_the_grid_and_word_sets_28_by_22(official: bool):
    parts = _docx(official, signoff_sheet=True, checklist=True)
    styles = _Styles(parts["word/styles.xml"])
    sections = list(parts["word/document.xml"].iter(_w("sectPr")))
    assert len(sections) == 2  # the 审核签发单 and the report
    # ECMA-376 §17.6.5: charSpace is added to the pitch of every character, in 1/4096 pt, counted from the font size of
    # the document defaults (Word); LibreOffice counts from Normal's. Both are 3号.
    assert int(_val(styles.doc_rpr, "sz")) == int(_val(styles.by_id["Normal"].find(_w("rPr")), "sz")) == BODY_PT * 2
    for sect_pr in sections:
        grid = sect_pr.find(_w("docGrid"))
        assert grid is not None and grid.get(_w("type")) == "linesAndChars"
        assert [child.tag for child in sect_pr][-1] == _w("docGrid")  # schema order: last of these children
        size, margins = sect_pr.find(_w("pgSz")), sect_pr.find(_w("pgMar"))
        width = int(size.get(_w("w"))) - int(margins.get(_w("left"))) - int(margins.get(_w("right")))
        height = int(size.get(_w("h"))) - int(margins.get(_w("top"))) - int(margins.get(_w("bottom")))
        pitch = (BODY_PT + int(grid.get(_w("charSpace"))) / 4096) * 20  # twips
        assert CHARS_PER_LINE * pitch <= width - 1 < (CHARS_PER_LINE + 1) * pitch  # 28, with a twip to spare
        line_pitch = int(grid.get(_w("linePitch")))
        assert height // line_pitch == LINES_PER_PAGE
        # The body's fixed 28 pt lines (not snapped to the line grid) also make 22 a page.
        assert LINES_PER_PAGE * LINE_PT * 20 <= height < (LINES_PER_PAGE + 1) * LINE_PT * 20
    assert (grid.get(_w("linePitch")), grid.get(_w("charSpace"))) == ("579", "-849")


@pytest.mark.parametrize("official", [True, False], ids=["official-fonts", "stock-fonts"])
def test_only_body_text_keeps_the_character_grid(official: bool):
    """3号 text in the body is on the character grid; the title, table text (10.5 pt down to the smallest type),
    the 审核签发单's 14 pt cells, page numbers and the draft mark are off it; no paragraph snaps to the line grid."""
    parts = _docx(official, signoff_sheet=True, checklist=True)
    styles = _Styles(parts["word/styles.xml"])
    on, off = set(), set()
    for part, paragraph, style in _paragraphs(parts):
        ppr = paragraph.find(_w("pPr"))
        line_grid = _val(ppr, "snapToGrid") or styles.ppr(style, "snapToGrid")
        assert line_grid in ("0", "false"), (part, style)
        for run in paragraph.iter(_w("r")):
            text = "".join(run.itertext()).strip()
            if not text:
                continue
            rpr = run.find(_w("rPr"))
            size = int(_val(rpr, "sz") or styles.rpr(style, "sz")) / 2
            char_grid = _val(rpr, "snapToGrid") or styles.rpr(style, "snapToGrid") or "1"
            in_body = part == "word/document.xml"
            if char_grid in ("0", "false"):
                off.add((style, size, in_body))
            else:
                on.add((style, size, in_body))
                assert in_body and size == BODY_PT, (part, style, size, text)
    assert {size for _, size, _ in on} == {BODY_PT}
    assert {"Title", "ReportTableText", "ReportTableLabel"} <= {style for style, _, _ in off}
    assert any(not in_body for _, _, in_body in off)  # the page numbers
    assert min(size for _, size, _ in off) <= 10.5


REPEAT = 24  # about 40 lines: at least one page holds nothing else


def _long_text_report(official: bool) -> bytes:
    report = load_draft(SAMPLE)
    report.texts["s6"] = PLAIN * REPEAT
    return build_docx(report, options=DocxOptions(allow_errors=True, official_fonts=official))


def _plain_lines(pdf: Path) -> tuple[list[int], list[int]]:
    """Characters in each line of the plain paragraph, and the lines of each page that holds nothing else."""
    text = PLAIN * REPEAT
    counts: list[int] = []
    full_pages: list[int] = []
    used = 0
    for page in range(1, pdf_pages(pdf) + 1):
        lines = [re.sub(r"\s+", "", line) for line in pdf_text(pdf, page).splitlines()]
        lines = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
        if lines and all(set(line) <= set(PLAIN) for line in lines):
            full_pages.append(len(lines))
        for line in lines:
            if used < len(text) and text[used:used + len(line)] == line and (used or line.startswith(PLAIN[:10])):
                counts.append(len(line))
                used += len(line)
    return counts, full_pages


@pytest.mark.slow
def test_libreoffice_sets_the_body_off_the_grid_28_by_22(tmp_path: Path):
    require_office()
    sources = []
    for official in (True, False):
        source = tmp_path / f"plain-{'official' if official else 'stock'}.docx"
        source.write_bytes(_long_text_report(official))
        sources.append(source)
    for pdf in convert_all(sources, "pdf", tmp_path / "pdf"):
        counts, pages = _plain_lines(pdf)
        assert sum(counts) == len(PLAIN) * REPEAT, pdf.name
        assert counts[0] == LIBREOFFICE_CHARS_PER_LINE - 2, pdf.name  # the first line is indented two characters
        assert set(counts[1:-1]) == {LIBREOFFICE_CHARS_PER_LINE}, (pdf.name, counts)
        assert pages and set(pages) == {LINES_PER_PAGE}, (pdf.name, pages)
