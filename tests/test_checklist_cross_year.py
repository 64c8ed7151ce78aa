"""The 自查清单 says 通过 only for what was compared (issue 17, point 6): without last year's report every cross-year
rule is 未核对 — X-4 too, unless section 五 was carried over from last year's report and can be compared with that."""

from __future__ import annotations

from exporters.selfcheck import NOT_CHECKED, NOT_CHECKED_REASON, PASSED, checklist, previous_was_loaded
from models.report import Provenance, text_digest
from models.rules.rule_set import RULES, evaluate
from tests.builders import consistent_report

S5 = "（一）存在的主要问题。公开内容不够全面。（二）改进情况。下一步将加强培训。"


def _rows(report, previous=None):
    findings = evaluate(report, previous)
    return {row.rule.id: row for row in checklist(report, findings, previous_was_loaded(previous, findings))}


def test_without_last_years_report_no_cross_year_rule_passes():
    report = consistent_report()
    report.set_whole_section("s5", S5)
    rows = _rows(report)
    cross_year = [rule.id for rule in RULES if rule.cross_year]
    assert cross_year == ["X-1", "X-2", "X-3", "X-4"]
    for rule_id in cross_year:
        assert rows[rule_id].status == NOT_CHECKED and rows[rule_id].remarks == (NOT_CHECKED_REASON,)
    assert rows["T3-A"].status == PASSED  # a rule of this year alone is checked as ever


def test_x4_compares_with_the_text_carried_over_from_last_year():
    report = consistent_report()
    report.set_whole_section("s5", S5)
    report.provenance["text:s5"] = Provenance(2023, "s5", text_digest(report.section_text("s5")))
    assert _rows(report)["X-4"].status == "有警告"  # left as carried: 雷同
    report.set_whole_section("s5", S5 + "今年新增网站改版问题。")
    assert _rows(report)["X-4"].status == PASSED  # edited: compared, and not the same


def test_with_last_years_report_x4_is_checked():
    previous = consistent_report(year=2023)
    previous.set_whole_section("s5", "去年的问题是答复不够规范。")
    report = consistent_report()
    report.set_whole_section("s5", S5)
    assert _rows(report, previous)["X-4"].status == PASSED
