"""The web page read back: every report exported as HTML (exporters/html_export.py) imports (importers/html_import.py)
to the same 200 cells, texts, sub-heading wording, meta and findings."""

from __future__ import annotations

from datetime import date

import pytest

from exporters.html_export import HtmlOptions, export_html
from importers import read_report
from models.app_info import DRAFT_MARK
from models.findings import Finding, Severity
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.builders import consistent_report
from tests.conftest import FIXTURES, SAMPLE

REPORTS = [SAMPLE, *sorted(FIXTURES.glob("*.nianbao"))]


def cells_of(report: Report) -> dict[str, object]:
    return {key: report.cells.get(key) for key in report.format.keys}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_the_page_reads_back_to_the_same_report(path, tmp_path):
    original = load_draft(path)
    written = export_html(original, tmp_path / "报告.html", options=HtmlOptions(allow_errors=True))
    imported = read_report(written)
    assert (imported.source, imported.template) == ("html", original.template)
    assert len(original.format.keys) == 200
    assert cells_of(imported.report) == cells_of(original)
    assert imported.report.texts == original.texts
    assert imported.report.headings == original.headings
    assert imported.report.meta == original.meta  # the level travels in the page's <meta>
    assert evaluate(imported.report) == evaluate(original)
    assert [n for n in imported.notices if not n.startswith("文末落款")] == []


def test_a_worded_subheading_and_runs_of_spaces_come_back(tmp_path, huaian_path):
    report = load_draft(huaian_path)
    report.set_heading("s1.active", "（一）主动公开方面")
    report.texts["s6"] = "收费  3940 元（两个空格）。\n（一）另起一段的小标题\n正文。"
    imported = read_report(export_html(report, tmp_path / "a.html", options=HtmlOptions(allow_errors=True)))
    assert imported.report.headings == {"s1.active": "（一）主动公开方面"}
    assert imported.report.texts["s6"] == report.texts["s6"]


def test_a_marked_draft_is_read_back_with_the_notice(tmp_path):
    report = consistent_report(1)
    error = Finding("T3-A", Severity.ERROR, (), "表三不平衡")
    imported = read_report(export_html(report, tmp_path / "草稿.html", findings=[error],
                                       options=HtmlOptions(allow_errors=True)))
    assert f"该文件标注为“{DRAFT_MARK}”：导出时报告还有错误，请检查。" in imported.notices
    assert cells_of(imported.report) == cells_of(report)


def test_special_characters_come_back(tmp_path):
    report = consistent_report(4)
    report.meta.agency = "测试<市>&人民政府"
    report.meta.publish_date = date(2025, 1, 20)
    report.texts["s6"] = "<script>alert(1)</script> & “引号” 'x'"
    imported = read_report(export_html(report, tmp_path / "e.html"))
    assert imported.report.texts["s6"] == report.texts["s6"]
    assert imported.report.meta == report.meta
