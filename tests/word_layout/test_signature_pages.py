"""The 落款 on paper (issue 17, points 1 and 7): rendered by LibreOffice with the report's last paragraph ending at
every line of a page in turn, no page holds only the 落款 or only its date; and the two lines stand where GB/T 9704
§7.3.5.2 puts them."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from exporters import DocxOptions, build_docx
from exporters.docx_body import DATE_PLACEHOLDER
from layouts.signature import signature_indents
from models.storage.drafts import load_draft
from tests.office import convert_all, pdf_pages, pdf_text, require_office

AGENCY = "铜官区招商服务中心"
#: One full body line is 28 characters (GB/T 9704); LibreOffice sets 27 or 28: steps of 26 move the end of the text
#: down by one line each time (sometimes staying), so 26 steps walk it across a whole page of 22 lines.
STEP_CHARS = 26
STEPS = 26
#: About six lines: the length of a long paragraph in real reports' section 六.
PARAGRAPH_CHARS = 160
_PAGE_NUMBER = re.compile(r"^[—－-]\s*\d+\s*[—－-]$")


def _report(extra_chars: int, dated: bool):
    report = load_draft(Path(__file__).parents[2] / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    report.meta.publish_date = date(2024, 1, 20) if dated else None
    filler = ("本单位将继续严格落实政府信息公开各项要求，持续提升公开质量和实效。" * 40)[:extra_chars]
    # Paragraphs of up to PARAGRAPH_CHARS, as a clerk writes them (a paragraph longer than the page would defeat
    # any keep-together in LibreOffice, which then drops the whole chain).
    parts = [filler[i:i + PARAGRAPH_CHARS] for i in range(0, len(filler), PARAGRAPH_CHARS)]
    report.texts["s6"] = "\n".join([report.texts.get("s6") or "", *parts])
    return report


@pytest.mark.slow
@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_the_signature_never_stands_alone_on_a_page(tmp_path: Path, dated: bool):
    require_office()
    date_line = "2024年1月20日" if dated else DATE_PLACEHOLDER.replace("\u3000", "")
    sources = []
    for step in range(STEPS):
        source = tmp_path / f"end-{step:02d}.docx"
        source.write_bytes(build_docx(_report(step * STEP_CHARS, dated), options=DocxOptions(allow_errors=True)))
        sources.append(source)
    alone = []
    page_counts = set()
    for pdf in convert_all(sources, "pdf", tmp_path / "pdf", timeout=600):
        pages = pdf_pages(pdf)
        page_counts.add(pages)
        last = [re.sub(r"\s+", "", line) for line in pdf_text(pdf, pages).splitlines()]
        body = [line for line in last if line and not _PAGE_NUMBER.match(line)]
        assert body[-2:] == [AGENCY, date_line], (pdf.name, body[-3:])
        if len(body) <= 2:
            alone.append((pdf.name, body))
    assert alone == []
    assert len(page_counts) >= 2  # the walk did cross a page break


def test_signature_lines_stand_as_gbt_9704_places_them():
    # A date shorter than the name: the name two characters in, the date starting two right of the name's start.
    short = signature_indents("某县人民政府办公室", "2024年1月20日")  # 9 wide, date 6.5 wide
    assert (short.agency, short.date) == (2, 2 + 9 - 2 - 6.5)
    # A date longer than the name: the date two characters in, the name moved left to keep the offset.
    long = signature_indents("某县交通局", "2024年12月20日")  # 5 wide, date 7 wide
    assert (long.agency, long.date) == (2 + 7 + 2 - 5, 2)
    report = _report(0, dated=True)
    document = Document(io.BytesIO(build_docx(report, options=DocxOptions(allow_errors=True))))
    agency, dated_line = document.paragraphs[-2:]
    indents = signature_indents(AGENCY, "2024年1月20日")
    for paragraph, chars in ((agency, indents.agency), (dated_line, indents.date)):
        ind = paragraph._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ind")
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        assert int(ind.get(f"{w}rightChars")) == round(chars * 100)
        assert int(ind.get(f"{w}right")) == round(chars * 16 * 20)
    assert agency.paragraph_format.keep_with_next and document.paragraphs[-3].paragraph_format.keep_with_next
    assert document.paragraphs[-4].paragraph_format.keep_with_next  # the report's last line goes with the 落款
