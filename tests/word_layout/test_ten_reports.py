"""Ten realistic reports exported to Word and rendered by LibreOffice, each read back page by page with pdftotext
(issue 17, "Done means"): short and long agency names, counts of 1 to 9 digits, short and long texts, with and
without a publication date. On paper: the title breaks only where layouts.title_lines breaks it, no number is
split, no heading ends a page, no page holds only the 落款, and a full line of Chinese text holds 28 characters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from exporters import DocxOptions, build_docx
from exporters.docx_body import TITLE_CHARS_PER_LINE
from exporters.docx_styles import CHARS_PER_LINE
from layouts.title_lines import title_lines
from models.format import format2021 as fmt
from models.report import Report
from models.storage.drafts import load_draft
from models.values import format_value
from tests.office import convert_all, pdf_pages, pdf_text, require_office

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
HEADINGS = {re.sub(r"\s+", "", section.heading) for section in fmt.SECTIONS}
_PAGE_NUMBER = re.compile(r"^[—－-]\s*\d+\s*[—－-]$")
#: A line of body text set in full-width characters only (Chinese and its punctuation).
_CJK_LINE = re.compile(r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’—…·]+")
_LINE_END_PUNCTUATION = "，、。；：”’）》"


@dataclass(frozen=True)
class Case:
    name: str
    source: str
    agency: str = ""
    digits: int = 0          # 0: the source's own counts; else every count this wide (表四 over 6: landscape)
    dated: bool = True
    longer_texts: int = 1    # sections 一 and 五 repeated this many times
    empty_six: bool = False


CASES = (
    Case("sample", "resources/samples/tongguan-zhaoshang-2023.nianbao"),
    Case("sample-undated", "resources/samples/tongguan-zhaoshang-2023.nianbao", dated=False),
    Case("huaian", "tests/fixtures/huaian-city-gov-2024.nianbao"),
    Case("pingtan-errors", "tests/fixtures/pingtan-2022.nianbao"),
    Case("short-name", "resources/samples/tongguan-zhaoshang-2023.nianbao", agency="外交部", digits=1),
    Case("long-name-5", "tests/fixtures/pingtan-2022.nianbao", agency="中国（福建）自由贸易试验区平潭片区管理委员会",
         digits=5),
    Case("long-texts-4", "tests/fixtures/huaian-city-gov-2024.nianbao", digits=4, longer_texts=3),
    Case("six-digits", "tests/fixtures/huaian-city-gov-2024.nianbao", digits=6, dated=False),
    Case("nine-digits", "resources/samples/tongguan-zhaoshang-2023.nianbao",
         agency="甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县人民政府", digits=9),
    Case("empty-six", "resources/samples/tongguan-zhaoshang-2023.nianbao", empty_six=True, longer_texts=2),
)


def build(case: Case) -> Report:
    report = load_draft(ROOT / case.source)
    if case.agency:
        report.meta.agency = case.agency
    report.meta.publish_date = date((report.meta.year or 2023) + 1, 1, 20) if case.dated else None
    if case.digits:
        width = case.digits
        for grid in fmt.GRIDS.values():
            for n, cell in enumerate(c for c in grid.cells if c.is_input):
                # Different numbers of the same width (…1, …2 …), as a real table has.
                report.cells[cell.key] = int("9" * (width - 1) + str(n % 10)) if width > 1 else n % 10
    for key in ("s1", "s5"):
        whole = report.section_text(key)
        if whole and case.longer_texts > 1:
            report.set_whole_section(key, "\n".join([whole] * case.longer_texts))
    if case.empty_six:
        report.set_whole_section("s6", "")
    return report


@pytest.mark.slow
def test_ten_reports_on_paper(tmp_path: Path):
    require_office()
    reports, sources = [], []
    for case in CASES:
        report = build(case)
        source = tmp_path / f"{case.name}.docx"
        source.write_bytes(build_docx(report, options=DocxOptions(allow_errors=True)))
        reports.append(report)
        sources.append(source)
    pdfs = convert_all(sources, "pdf", tmp_path / "pdf", timeout=600)
    problems: list[str] = []
    for case, report, pdf in zip(CASES, reports, pdfs, strict=True):
        pages = [pdf_text(pdf, n) for n in range(1, pdf_pages(pdf) + 1)]
        bodies = [[re.sub(r"\s+", "", line) for line in page.splitlines()
                   if line.strip() and not _PAGE_NUMBER.match(line.strip())] for page in pages]
        # The title, line for line (after the draft mark of a report with errors).
        first = [line for line in bodies[0] if line != "草稿（未通过校验）"]
        expected = title_lines(report.meta.agency, report.title, TITLE_CHARS_PER_LINE)
        if first[:len(expected)] != expected:
            problems.append(f"{case.name}: title {first[:len(expected)]} ≠ {expected}")
        # No number split: every count of five digits or more is found whole as often as the tables hold it.
        text = "\n".join(pages)
        counts: dict[str, int] = {}
        for grid in fmt.GRIDS.values():
            for cell in grid.cells:
                shown = format_value(report.cells.get(cell.key)) if cell.is_input else ""
                if len(shown) >= 5:
                    counts[shown] = counts.get(shown, 0) + 1
        for number, times in counts.items():
            found = len(re.findall(rf"(?<![\d.]){re.escape(number)}(?![\d.])", text))
            if found < times:
                problems.append(f"{case.name}: {number} whole {found} times of {times}")
        for n, body in enumerate(bodies, start=1):
            if body and body[-1] in HEADINGS:
                problems.append(f"{case.name}: page {n} ends with the heading {body[-1]}")
        # GB/T 9704: 28 characters to a full line of body text (lines of Chinese text only: digits are narrower; a
        # table row's cells come out separated by spaces). A punctuation mark ending a line may be set narrow and
        # hold a 29th place, as Word's and LibreOffice's punctuation compression does.
        lines = [line.strip() for page in pages for line in page.splitlines()]
        widest = max((len(line.rstrip(_LINE_END_PUNCTUATION)) for line in lines if _CJK_LINE.fullmatch(line)),
                     default=0)
        if widest != CHARS_PER_LINE:
            problems.append(f"{case.name}: the fullest line of Chinese text holds {widest} characters")
        last = bodies[-1]
        if len(last) <= 2 and report.meta.agency in last:
            problems.append(f"{case.name}: the last page holds only the 落款 {last}")
    assert problems == [], "\n".join(problems)
