"""The web page for the portal (exporters/html_export.py): one self-contained UTF-8 file, inline styles only, the Word
report's parts in its order, tables with exactly the official merges (read back: tests/test_html_round_trip.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from exporters import ExportRefused
from exporters.html_export import HtmlOptions, build_html, build_text, export_html
from exporters.registry import EXPORTERS
from layouts.html_layout import LEVEL_META
from layouts.report_text import DATE_PLACEHOLDER
from models.app_info import DRAFT_MARK
from models.findings import Finding, Severity
from models.format import format2021 as fmt
from models.report import Report
from models.storage.drafts import load_draft
from models.values import format_value
from tests.builders import consistent_report
from tests.conftest import FIXTURES, SAMPLE

REPORTS = [SAMPLE, *sorted(FIXTURES.glob("*.nianbao"))]


def _page(report: Report, **options: bool) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(build_html(report, options=HtmlOptions(**options)).encode("utf-8"))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_every_merge_is_the_official_one(path):
    report = load_draft(path)
    page = _page(report, allow_errors=True)
    tables = page.findall(".//table")
    assert len(tables) == 3
    for table, name in zip(tables, ("t2", "t3", "t4"), strict=True):
        grid = report.format.grids[name]
        expected: dict[int, list[tuple[int, int, str]]] = {}
        for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
            text = format_value(report.cells.get(cell.key)) if cell.key else cell.text
            expected.setdefault(cell.row, []).append((cell.colspan, cell.rowspan, text))
        rows = table.findall(".//tr")
        assert len(rows) == grid.rows
        for r, row in enumerate(rows):
            found = [(int(c.get("colspan", 1)), int(c.get("rowspan", 1)), "".join(c.text_content().split()))
                     for c in row if c.tag in ("td", "th")]
            assert found == expected.get(r, []), (name, r)
        # Header cells are marked up as headers, every cell has its own border, widths are shares of the table.
        for cell in table.iter("td", "th"):
            assert "border:1px solid #000" in cell.get("style")
            assert re.search(r"width:\d+(\.\d)?%", cell.get("style"))
        headers = [c for c in table.iter("th")]
        assert headers and all(c.get("scope") in ("col", "row") for c in headers)
        assert all(c.text_content().strip() for c in table.iter("td"))  # every cell of these reports is filled
        assert table.find("caption").text_content() == f"{fmt.TABLE_NAMES[name]}　{fmt.TABLE_TITLES[name][2:]}"
        widths = [float(col.get("style").split(":")[1].rstrip("%")) for col in table.iter("col")]
        assert len(widths) == grid.columns and sum(widths) == pytest.approx(100, abs=0.05)


def test_row_labels_and_column_headings_have_their_scope(huaian_path):
    page = _page(load_draft(huaian_path))
    t3 = page.findall(".//table")[1]
    scopes = {"".join(c.text_content().split()): c.get("scope") for c in t3.iter("th")}
    assert scopes["申请人情况"] == scopes["自然人"] == scopes["总计"] == "col"
    assert scopes["一、本年新收政府信息公开申请数量"] == scopes["1.属于国家秘密"] == "row"
    assert scopes["三、本年度办理结果"] == scopes["（三）不予公开"] == "row"
    band = next(c for c in t3.iter("th") if "".join(c.text_content().split()) == "三、本年度办理结果")
    assert band.get("rowspan") == "22" and len(band.findall("br")) >= 5  # down the narrow column, as in Word
    assert len(t3.find("thead").findall("tr")) == fmt.T3_HEADER_ROWS


def test_a_number_never_breaks_over_two_lines(huaian_path):
    page = _page(load_draft(huaian_path))
    numbers = [td for table in page.findall(".//table") for td in table.iter("td")]
    assert len(numbers) == 200
    assert all(td.get("nowrap") is not None and "white-space:nowrap" in td.get("style") for td in numbers)


def test_self_contained_inline_styles_only(huaian_path):
    html = build_html(load_draft(huaian_path))
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in html and '<meta charset="utf-8">' in html
    for forbidden in ("<style", "class=", "<script", "src=", "href=", "<link", "<img", "url(", "@import", "javascript"):
        assert forbidden not in html.lower(), forbidden
    page = lxml.html.document_fromstring(html.encode("utf-8"))
    assert page.get("lang") == "zh-CN"
    assert page.findtext(".//title") == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert [h.text_content() for h in page.iter("h2")] == [s.heading for s in fmt.SECTIONS]
    assert page.find(".//h1").text_content() == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert len(page.find(".//h1").findall("br")) == 1  # broken as in the Word file: agency above the rest
    body_elements = [e for e in page.find("body").iter() if isinstance(e.tag, str)]
    assert all(e.get("style") for e in body_elements if e.tag in ("p", "h1", "h2", "h3", "table", "td", "th"))
    assert page.find(f".//meta[@name='{LEVEL_META}']").get("content") == "设区的市级人民政府"


def test_the_preamble_narrative_and_signature_in_the_words_order(pingtan_path):
    report = load_draft(pingtan_path)
    page = _page(report)
    texts = [" ".join(e.text_content().split()) for e in page.find("body").iter("p", "h1", "h2", "h3", "caption")]
    assert texts[0] == report.title == "平潭综合实验区2022年政府信息公开工作年度报告"
    assert texts[1] == report.texts["preamble"]
    assert texts.index("一、总体情况") < texts.index("（一）主动公开情况") < texts.index("二、主动公开政府信息情况")
    assert texts.index("表二 主动公开政府信息情况") == texts.index("二、主动公开政府信息情况") + 1
    assert texts[-2:] == ["平潭综合实验区", "2023年2月20日"]
    signature = page.findall(".//p")[-2:]
    assert all("text-align:right" in p.get("style") for p in signature)
    assert "padding-right:" in signature[0].get("style")


def test_undated_signature_leaves_the_date_to_fill_in(huaian_path):
    page = _page(load_draft(huaian_path))
    assert page.findall(".//p")[-1].text_content() == DATE_PLACEHOLDER  # ideographic spaces: HTML keeps them


def _error() -> Finding:
    return Finding("T3-A", Severity.ERROR, (), "表三不平衡")


def test_errors_refuse_the_page_unless_a_marked_draft_is_allowed(tmp_path):
    report = consistent_report(1)
    with pytest.raises(ExportRefused):
        build_html(report, findings=[_error()])
    with pytest.raises(ExportRefused):
        build_text(report, findings=[_error()])
    with pytest.raises(ExportRefused):
        export_html(report, tmp_path / "x.html", findings=[_error()])
    assert not (tmp_path / "x.html").exists()
    draft = build_html(report, findings=[_error()], options=HtmlOptions(allow_errors=True))
    page = lxml.html.document_fromstring(draft.encode("utf-8"))
    assert page.find(".//p").text_content() == DRAFT_MARK  # first, as in the Word file
    assert build_text(report, findings=[_error()], options=HtmlOptions(allow_errors=True)).startswith(DRAFT_MARK)
    assert DRAFT_MARK not in build_html(report, findings=[])


def test_the_registry_writes_the_page_with_its_policy(tmp_path):
    exporter = EXPORTERS["html"]
    assert (exporter.flag, exporter.suffixes, exporter.official) == ("--html", (".html", ".htm"), True)
    report = consistent_report(2)
    path = exporter.export(report, tmp_path / "网页.htm", findings=None, previous=None,
                           options={"allow_errors": False, "checklist": True})
    assert path.read_bytes().startswith(b"<!DOCTYPE html>")
    with pytest.raises(ExportRefused):
        exporter.export(report, tmp_path / "y.html", findings=[_error()], previous=None, options={})


def test_plain_text_twin(huaian_path):
    text = build_text(load_draft(huaian_path))
    lines = text.splitlines()
    assert lines[0] == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert "一、本年新收政府信息公开申请数量\t\t\t3001\t53\t0\t0\t61\t4\t3119" in lines
    assert "表三　收到和处理政府信息公开申请情况" in lines
    assert lines[-2:] == ["淮安市人民政府", DATE_PLACEHOLDER] and "<" not in text


def test_an_unwritable_place_is_an_export_error(tmp_path):
    from exporters import ExportError

    with pytest.raises(ExportError) as failed:
        export_html(consistent_report(3), tmp_path / "没有" / "报告.html")
    assert "报告.html" in failed.value.message


def test_special_characters_are_escaped(tmp_path):
    report = consistent_report(4)
    report.meta.agency = "测试<市>&人民政府"
    report.meta.publish_date = date(2025, 1, 20)
    report.texts["s6"] = "<script>alert(1)</script> & “引号” 'x'"
    html = build_html(report)
    assert "<script" not in html and "&lt;script&gt;" in html
    page = lxml.html.document_fromstring(html.encode("utf-8"))
    assert page.findtext(".//title") == "测试<市>&人民政府2024年政府信息公开工作年度报告"
    assert page.findall(".//p")[-3].text_content() == report.texts["s6"]


def test_written_as_utf8_bytes(tmp_path, sample_path):
    path = export_html(load_draft(sample_path), Path(tmp_path / "样例.html"))
    data = path.read_bytes()
    assert data.decode("utf-8").count("铜官区招商服务中心") >= 2


def test_the_clipboard_holds_the_article_between_fragment_marks(huaian_path):
    from exporters.html_export import build_clipboard

    report = load_draft(huaian_path)
    html, text = build_clipboard(report)
    start, end = html.index("<!--StartFragment-->"), html.index("<!--EndFragment-->")
    fragment = html[start + len("<!--StartFragment-->"):end]
    assert fragment.startswith('<div lang="zh-CN"') and fragment.endswith("</div>")
    assert fragment in build_html(report)  # the very article of the exported page
    assert "<title" not in html and "<meta charset=\"utf-8\">" in html
    assert text == build_text(report)
    with pytest.raises(ExportRefused):
        build_clipboard(report, findings=[_error()])
