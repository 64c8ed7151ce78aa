"""Issue 17 points 11 and 13: how the workbook prints. Every visible sheet is A4, one page wide (the 封面 one page),
with the agency and the year in the header and 第N页/共M页 in the footer; 检查结果 and 自查清单 have their own
columns, rows as high as their text and the header row repeated on every page; 发布日期 reads 2025年1月20日.
Checked in the XML, and in the PDF LibreOffice prints."""

from __future__ import annotations

import datetime
import io
import re
import subprocess

import openpyxl
import pytest

from exporters import XlsxOptions, build_xlsx, export_xlsx
from exporters.xlsx_findings import CHECKLIST_SHEET
from layouts.xlsx_layout import COVER_SHEET, DATA_SHEET, FINDINGS_SHEET, cover_row
from models.app_info import DRAFT_MARK
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.office import convert_all, pdf_pages, pdf_text, require_office

VISIBLE = (COVER_SHEET, "表二", "表三", "表四", FINDINGS_SHEET, CHECKLIST_SHEET)


def _dated(huaian_path) -> Report:
    report = load_draft(huaian_path)
    report.meta.publish_date = datetime.date(2025, 1, 20)
    return report


def _many_findings() -> Report:
    """An empty report of an agency whose name holds an "&": dozens of findings, two pages of 检查结果."""
    report = Report()
    report.meta.agency, report.meta.year = "某市A&B管理委员会", 2024
    return report


def test_every_visible_sheet_is_set_up_for_a4_with_header_and_footer(huaian_path):
    wb = openpyxl.load_workbook(io.BytesIO(build_xlsx(_dated(huaian_path))))
    for name in VISIBLE:
        ws = wb[name]
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4), name
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, name
        assert ws.page_setup.fitToHeight == (1 if name == COVER_SHEET else 0), name
        assert ws.page_setup.orientation == ("landscape" if name == "表四" else "portrait"), name
        assert ws.oddHeader.left.text == "淮安市人民政府", name
        assert ws.oddHeader.right.text == "2024年度政府信息公开工作年度报告", name
        assert ws.oddFooter.center.text == "第&P页/共&N页", name
        assert not ws.oddHeader.center.text
    for name in (FINDINGS_SHEET, CHECKLIST_SHEET):
        assert wb[name].print_title_rows == "$3:$3"
    assert wb["表三"].print_title_rows == "$3:$5"  # the table's header rows
    assert wb[DATA_SHEET].sheet_state == "hidden"


def test_a_draft_says_so_in_every_header_and_an_ampersand_is_kept():
    wb = openpyxl.load_workbook(io.BytesIO(build_xlsx(_many_findings(), options=XlsxOptions(allow_errors=True))))
    for name in VISIBLE:
        assert wb[name].oddHeader.center.text == DRAFT_MARK
        assert wb[name].oddHeader.left.text == "某市A&&B管理委员会"  # "&" alone would start a code


def test_the_publish_date_is_a_date_shown_in_chinese(huaian_path):
    cell = openpyxl.load_workbook(io.BytesIO(build_xlsx(_dated(huaian_path))))[COVER_SHEET].cell(
        row=cover_row("publish_date"), column=2)
    assert cell.value == datetime.datetime(2025, 1, 20)
    assert cell.number_format == 'yyyy"年"m"月"d"日"'


def test_findings_and_checklist_have_their_own_columns_and_rows_high_enough():
    report = _many_findings()
    wb = openpyxl.load_workbook(io.BytesIO(build_xlsx(report, options=XlsxOptions(allow_errors=True))))
    findings, checklist = wb[FINDINGS_SHEET], wb[CHECKLIST_SHEET]
    assert [c.value for c in findings[3]] == ["严重程度", "规则", "问题", "涉及单元格", "说明"]
    assert [c.value for c in checklist[3]] == ["规则", "检查内容", "结果", "核对情况"]
    # the two-character 结果 in a narrow column, 检查内容 and the remarks in wide ones
    widths = {c: checklist.column_dimensions[c].width for c in "ABCD"}
    assert widths["C"] < 10 < widths["A"] < widths["B"] < widths["D"]
    assert sum(findings.column_dimensions[c].width for c in "ABCDE") <= 105
    for ws in (findings, checklist):
        for row in range(4, ws.max_row + 1):
            longest = max(len(str(c.value or "")) for c in ws[row])
            height = ws.row_dimensions[row].height
            assert height and height >= 15, (ws.title, row)
            if longest > 60:  # wraps in any of the columns
                assert height >= 30, (ws.title, row, longest)


def _page_sizes(pdf) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _overlapping_words(pdf, page: int) -> list[tuple[str, str]]:
    """Pairs of words printed over each other on `page` (a row too low for its wrapped text runs into the next)."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
             re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out)]
    return [(p[4], q[4]) for i, p in enumerate(words) for q in words[i + 1:]
            if min(p[2], q[2]) - max(p[0], q[0]) > 1 and min(p[3], q[3]) - max(p[1], q[1]) > 1]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
def test_the_printed_workbook(tmp_path, huaian_path):
    require_office()
    (tmp_path / "in").mkdir()
    dated, many = _dated(huaian_path), _many_findings()
    paths = [export_xlsx(dated, tmp_path / "in" / "dated.xlsx"),
             export_xlsx(many, tmp_path / "in" / "many.xlsx", options=XlsxOptions(allow_errors=True))]
    pdfs = convert_all(paths, "pdf", tmp_path / "pdf")
    for pdf, report in zip(pdfs, (dated, many), strict=True):
        pages = pdf_pages(pdf)
        texts = [pdf_text(pdf, p) for p in range(1, pages + 1)]
        sizes = _page_sizes(pdf)
        for number, text in enumerate(texts, start=1):
            assert report.meta.agency in text and "2024年度政府信息公开工作年度报告" in text, (pdf.name, number)
            assert f"第{number}页/共{pages}页" in _squeeze(text), (pdf.name, number)
            assert not _overlapping_words(pdf, number), (pdf.name, number)
        # the 封面 is one page: the next page is 表二's
        assert "机关名称" in texts[0] and "读回" in _squeeze(texts[0]) and "机关名称" not in texts[1]
        findings = [i for i, t in enumerate(texts) if "严重程度" in t]
        checklist = [i for i, t in enumerate(texts) if "核对情况" in t]
        for i in findings + checklist:
            assert sizes[i][0] < sizes[i][1], (pdf.name, i + 1)  # portrait
        table4 = next(i for i, t in enumerate(texts) if "行政复议" in t and "结果维持" in t)
        assert sizes[table4][0] > sizes[table4][1]  # 表四 landscape
        body = _squeeze("".join(texts[i] for i in findings))
        for finding in evaluate(report):
            assert _squeeze(finding.message) in body, finding.message  # no row cut short
        if report is many:
            assert len(findings) >= 2  # the header row is printed again on the next page
        if report is dated:
            assert "2025年1月20日" in texts[0]


@pytest.mark.parametrize("text", ["", "abc", "表三·自然人列：新收＋上年结转", "T3-A 表三（一）123", "ÄÖ—“”…",
                                  "\u1fff\u2000"])
def test_row_heights_measure_text_as_the_layouts_do(text):
    from exporters.xlsx_rows import _width
    from layouts.text_width import display_width

    assert _width(text) == display_width(text)
