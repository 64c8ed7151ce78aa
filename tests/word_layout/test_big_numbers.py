"""Big numbers in the Word tables (issue 17, point 3): with every count at 1, 5, 6 and 9 digits, LibreOffice keeps
every number on one line, and no heading is left alone at the foot of a page (rendered, read with pdftotext). Table
四's 15 columns hold six digits on the portrait page; with more, it goes with its heading on a landscape page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exporters import DocxOptions, build_docx
from layouts.table_widths import band_lines, layout, page_layout
from models.format import format2021 as fmt
from models.storage.drafts import load_draft
from models.values import format_value
from tests.office import convert_all, pdf_landscape_pages, pdf_pages, pdf_text, require_office

DIGITS = (1, 5, 6, 9)
#: Table 四 has 15 columns on a portrait page: six digits is the most its narrowest type holds on one line.
T4_PORTRAIT_DIGITS = 6
#: The digit each table's counts are written with, so that each number is found again in the text.
TABLE_DIGIT = {"t2": "2", "t3": "3", "t4": "4"}
HEADINGS = {re.sub(r"\s+", "", section.heading) for section in fmt.SECTIONS}
_PAGE_NUMBER = re.compile(r"^[—－-]\s*\d+\s*[—－-]$")


def _number(table: str, digits: int) -> str:
    return TABLE_DIGIT[table] * digits


def _report(digits: int):
    report = load_draft(Path(__file__).parents[2] / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    for table, grid in fmt.GRIDS.items():
        for cell in grid.cells:
            if cell.is_input:
                report.cells[cell.key] = int(_number(table, digits))
    return report


def test_the_columns_hold_the_widest_number_and_the_type_shrinks_only_when_it_must():
    for digits in DIGITS:
        report = _report(digits)
        for table, grid in fmt.GRIDS.items():
            texts = {c.key: format_value(report.cells[c.key]) for c in grid.cells if c.is_input}
            fitted = layout(grid, texts, 156)
            if table == "t4" and digits > T4_PORTRAIT_DIGITS:
                assert not fitted.numbers_fit
                wide = page_layout(grid, texts, 156, 225)
                assert wide.landscape and wide.numbers_fit and abs(sum(wide.widths_mm) - 225) < 0.01
                continue
            assert fitted.numbers_fit and not page_layout(grid, texts, 156, 225).landscape
            assert abs(sum(fitted.widths_mm) - 156) < 0.01
            if digits <= 4 or table == "t2":
                assert fitted.font_pt == 10.5, (table, digits)
            if table == "t3" and digits == 5:
                assert fitted.font_pt == 9.0  # 5号 would need the label column below its floor
            if table == "t3" and digits == 6:
                assert 8.0 <= fitted.font_pt < 9.0  # at 9 pt the narrower labels would push it over a page
            assert fitted.keep_together


@pytest.mark.slow
def test_no_number_wraps_and_no_heading_is_left_alone(tmp_path: Path):
    require_office()
    sources = []
    for digits in DIGITS:
        source = tmp_path / f"digits-{digits}.docx"
        source.write_bytes(build_docx(_report(digits), options=DocxOptions(allow_errors=True)))
        sources.append(source)
    for digits, pdf in zip(DIGITS, convert_all(sources, "pdf", tmp_path / "pdf", timeout=300), strict=True):
        pages = [pdf_text(pdf, n) for n in range(1, pdf_pages(pdf) + 1)]
        text = "\n".join(pages)
        for table, grid in fmt.GRIDS.items():
            number = _number(table, digits)
            if len(number) == 1:
                continue  # one digit cannot wrap (and 1. 2. … number the row labels)
            inputs = sum(1 for cell in grid.cells if cell.is_input)
            found = len(re.findall(rf"(?<!\d){number}(?!\d)", text))
            assert found == inputs, f"{digits} digits, {table}: {found} of {inputs} numbers whole"
        for n, page in enumerate(pages, start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            body = [line for line in lines if not _PAGE_NUMBER.match(line)]
            assert body and re.sub(r"\s+", "", body[-1]) not in HEADINGS, f"{digits} digits: page {n} ends a heading"
        assert not [line for line in text.splitlines() if line.strip() == "、"]  # the band keeps 三、 together
        heading_page = next(page for page in pages if "三、收到和处理政府信息公开申请情况" in page)
        assert "申请人情况" in heading_page  # table 三 starts under its heading
        t4_page = next(n for n, page in enumerate(pages, start=1) if "四、政府信息公开行政复议" in page)
        assert "复议后起诉" in pages[t4_page - 1]  # table 四 under its heading
        expected = [t4_page] if digits > T4_PORTRAIT_DIGITS else []
        assert pdf_landscape_pages(pdf) == expected, f"{digits} digits: only table 四's page is landscape"
        numbers = [int(re.sub(r"\D", "", line)) for page in pages for line in page.splitlines()
                   if _PAGE_NUMBER.match(line.strip())]
        assert numbers == list(range(1, len(pages) + 1)), f"{digits} digits: every page numbered, in order"


def test_the_vertical_band_keeps_punctuation_with_the_character_before_it():
    assert band_lines(fmt.T3_RESULTS_BAND) == ["三、", "本", "年", "度", "办", "理", "结", "果"]
    assert band_lines("（一）甲") == ["（", "一）", "甲"]


def test_every_table_row_keeps_a_little_air_around_its_text():
    """Cells have no top and bottom margin: a minimum row height (atLeast) keeps one-line rows from looking cramped."""
    import io

    from docx import Document

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    document = Document(io.BytesIO(build_docx(_report(1), options=DocxOptions(allow_errors=True))))
    for table in document.tables:
        for row in table._tbl.iter(f"{w}tr"):
            height = row.find(f"{w}trPr/{w}trHeight")
            assert height.get(f"{w}hRule") == "atLeast" and int(height.get(f"{w}val")) >= 290  # ≥ 5.1 mm


@pytest.mark.parametrize("signoff", [False, True], ids=["report", "with-signoff-sheet"])
def test_the_landscape_page_shares_the_reports_page_numbers_and_header(signoff, tmp_path: Path):
    """Three body sections (portrait, table 四 landscape, portrait) all show the report's footer (and 草稿 header);
    the numbers start at 1 on the first body page and run on; a 审核签发单 in front keeps its blank page."""
    import docx
    from docx.oxml.ns import qn

    data = build_docx(_report(9), options=DocxOptions(allow_errors=True, signoff_sheet=signoff))
    (tmp_path / "r.docx").write_bytes(data)
    sections = docx.Document(str(tmp_path / "r.docx")).sections
    body = list(sections)[1 if signoff else 0:]
    assert [s.orientation.name for s in body] == ["PORTRAIT", "LANDSCAPE", "PORTRAIT"]
    assert body[1].page_width > body[1].page_height

    def refs(section, tag):
        return {(r.get(qn("w:type")), r.get(qn("r:id"))) for r in section._sectPr.findall(qn(f"w:{tag}"))}

    for tag in ("footerReference", "headerReference"):
        assert refs(body[0], tag) and all(refs(s, tag) == refs(body[-1], tag) for s in body)
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in body]
    assert starts[0] is not None and starts[0].get(qn("w:start")) == "1" and starts[1:] == [None, None]
    if signoff:
        assert refs(sections[0], "footerReference") != refs(body[0], "footerReference")
