"""The report as a PDF (render/report, `export --pdf`): its text layer is the report's text — every paragraph, every
table value, no radical or compatibility look-alike — under each Chinese font a machine may have; a draft carries
its mark; a table too wide for the portrait page gets a landscape page; the page count agrees with LibreOffice's
rendering of our Word file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from layouts.report_text import paragraphs
from models.format import format2021 as fmt
from models.report import Report
from models.storage.drafts import load_draft, save_draft
from models.values import format_value
from tests.cli_runner import run, run_process
from tests.conftest import ROOT
from tests.environment import require_font, require_program
from tests.fontconfig import only_fonts

pytestmark = pytest.mark.usefixtures("qt_libraries", "chinese_font")

#: Kangxi radicals and their supplement, CJK compatibility, compatibility ideographs and forms.
LOOKALIKES = ((0x2E80, 0x2FDF), (0x3300, 0x33FF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0x2F800, 0x2FA1F))
_FURNITURE = re.compile(r"^\s*(?:[—－-]\s*\d+\s*[—－-]|草稿（未通过校验）)\s*$")
HEADLESS = dict.fromkeys(("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run([require_program("pdftotext", "poppler"), "-raw", *pages, str(path), "-"],
                          capture_output=True, text=True, encoding="utf-8", check=True, timeout=60).stdout


def body_of(text: str) -> str:
    """The text without page numbers, header marks and any white space (paragraphs run on over pages)."""
    kept = [line for line in text.splitlines() if not _FURNITURE.match(line)]
    return re.sub(r"\s+", "", "".join(kept))


def narrative(report: Report) -> list[str]:
    keys = [fmt.PREAMBLE_KEY, *(k for s in report.format.sections for k in fmt.text_keys(s.key))]
    return [re.sub(r"\s+", "", p) for key in keys for p in paragraphs(report.text(key))]


def table_values(report: Report, table: str) -> list[str]:
    grid = report.format.grids[table]
    cells = sorted((c for c in grid.cells if c.is_input), key=lambda c: (c.row, c.col))
    return [v for c in cells if (v := format_value(report.cells.get(c.key)))]


def is_subsequence(wanted: list[str], tokens: list[str]) -> bool:
    it = iter(tokens)
    return all(any(token == value for token in it) for value in wanted)


def problems_in(pdf: Path, report: Report) -> list[str]:
    """What the PDF's text layer lacks or gets wrong against the report."""
    text = pdf_text(pdf)
    found: list[str] = []
    lookalikes = sorted({c for c in text if any(lo <= ord(c) <= hi for lo, hi in LOOKALIKES)})
    if lookalikes:
        found.append(f"look-alike code points {lookalikes}")
    body = body_of(text)
    for paragraph in narrative(report):
        if paragraph not in body:
            found.append(f"paragraph missing: {paragraph[:40]}")
    for heading in (re.sub(r"\s+", "", s.heading) for s in report.format.sections):
        if heading not in body:
            found.append(f"heading missing: {heading}")
    tokens = re.findall(r"\d[\d.]*", text)
    for table in report.format.grids:
        if not is_subsequence(table_values(report, table), tokens):
            found.append(f"table {table}: its values are not all in the text, in order")
    if re.sub(r"\s+", "", report.title) not in body:
        found.append("title missing")
    return found


def with_an_error(path: Path) -> Report:
    report = load_draft(path)
    key = next(c.key for c in fmt.GRIDS["t3"].cells if c.is_input)
    report.cells[key] = int(format_value(report.cells.get(key)) or 0) + 1
    return report


@pytest.mark.parametrize("family", ["Noto Sans CJK SC", "WenQuanYi Micro Hei"])
def test_the_pdf_reads_as_the_report_under_each_chinese_font(family, tmp_path, huaian_path):
    """A child process seeing only one Chinese font (Noto's folder holds Noto Serif CJK too) writes the PDF with
    `export --pdf`; pdftotext gives back the report's text."""
    require_font(family)
    report = with_an_error(huaian_path)
    draft = tmp_path / "draft.nianbao"
    save_draft(report, draft)
    out = tmp_path / "报告.pdf"
    env = {**only_fonts(tmp_path / "fc", [family, "DejaVu Sans"]), **HEADLESS}
    result = run_process("export", str(draft), "--pdf", str(out), "--allow-errors", env=env)
    assert result.returncode == 0, result.stderr
    assert problems_in(out, report) == []
    fonts = subprocess.run([require_program("pdffonts", "poppler"), str(out)], capture_output=True, text=True,
                           check=True).stdout
    assert family.split()[0] in fonts.replace(" ", "")  # the font drawn is the one the machine has
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
    assert "草稿（未通过校验）" in pdf_text(out, 1, 1)


def test_export_pdf_from_the_command_line(tmp_path, huaian_path):
    out = tmp_path / "报告.pdf"
    result = run("export", str(huaian_path), "--pdf", str(out), env=HEADLESS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已导出：{out}"
    info = subprocess.run([require_program("pdfinfo", "poppler"), str(out)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Title:\s+淮安市人民政府2024年政府信息公开工作年度报告$", info, re.M)
    assert re.search(r"^Author:\s+淮安市人民政府$", info, re.M)
    assert re.search(r"^Page size:.*\(A4\)", info, re.M)
    assert "草稿" not in pdf_text(out)
    assert problems_in(out, load_draft(huaian_path)) == []


def test_errors_block_the_pdf_unless_a_draft_is_allowed(tmp_path, huaian_path):
    draft = tmp_path / "draft.nianbao"
    save_draft(with_an_error(huaian_path), draft)
    out = tmp_path / "报告.pdf"
    refused = run("export", str(draft), "--pdf", str(out), env=HEADLESS)
    assert refused.returncode == 1 and not out.exists()
    allowed = run("export", str(draft), "--pdf", str(out), "--allow-errors", env=HEADLESS)
    assert allowed.returncode == 0, allowed.stderr
    first = pdf_text(out, 1, 1).splitlines()
    assert first[0].strip() == "草稿（未通过校验）"  # the header mark, then the mark above the title
    assert sum(line.strip() == "草稿（未通过校验）" for line in first) == 2


def test_table_four_with_seven_digits_gets_a_landscape_page(tmp_path, sample_path):
    from tests.office import pdf_landscape_pages
    from tests.word_layout.test_ten_reports import CASES, build

    case = next(c for c in CASES if c.name == "nine-digits")
    report = build(case)
    for cell in fmt.GRIDS["t4"].cells:  # seven digits in table 四
        if cell.is_input:
            report.cells[cell.key] = 1234567
    draft = tmp_path / "big.nianbao"
    save_draft(report, draft)
    out = tmp_path / "big.pdf"
    result = run("export", str(draft), "--pdf", str(out), "--allow-errors", env=HEADLESS)
    assert result.returncode == 0, result.stderr
    landscape = pdf_landscape_pages(out)
    assert len(landscape) == 1
    page = pdf_text(out, landscape[0], landscape[0])
    assert "四、政府信息公开行政复议、行政诉讼情况" in re.sub(r"\s+", "", page) and "1234567" in page
    assert problems_in(out, report) == []


@pytest.mark.slow
def test_page_count_within_one_page_of_libreoffice(tmp_path):
    """The ten realistic reports of the Word layout tests: our pages and LibreOffice's rendering of our Word file."""
    from exporters import DocxOptions, build_docx
    from render.infographic.output import ensure_gui_application
    from render.report import lay_out
    from tests.office import convert_all, pdf_pages, require_office
    from tests.word_layout.test_ten_reports import CASES, build

    require_office()
    ensure_gui_application()
    ours, sources = [], []
    for case in CASES:
        report = build(case)
        source = tmp_path / f"{case.name}.docx"
        source.write_bytes(build_docx(report, options=DocxOptions(allow_errors=True)))
        sources.append(source)
        ours.append(len(lay_out(report)))
    theirs = [pdf_pages(pdf) for pdf in convert_all(sources, "pdf", tmp_path / "pdf", timeout=600)]
    print(dict(zip((c.name for c in CASES), zip(ours, theirs, strict=True), strict=True)), file=sys.stderr)
    assert [abs(a - b) <= 1 for a, b in zip(ours, theirs, strict=True)] == [True] * len(CASES), (ours, theirs)


def test_architecture_of_the_renderer():
    """render/report draws with QtGui only: no widgets in a process that lays out and writes a PDF."""
    code = ("import sys\nfrom render.infographic.output import ensure_gui_application\nensure_gui_application()\n"
            "from models.storage.drafts import load_draft\nfrom render.report import lay_out, pdf_bytes\n"
            f"r = load_draft({str(ROOT / 'tests/fixtures/huaian-city-gov-2024.nianbao')!r})\n"
            "pdf_bytes(lay_out(r), r)\nprint('PySide6.QtWidgets' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
