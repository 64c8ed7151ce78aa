"""基本信息 rules (issue 12): V-META (agency, year, level required) and W-DATE (no publication date); what a clerk
types into the year and date boxes (models/meta_input.py)."""

from __future__ import annotations

from datetime import date

import pytest

from exporters.selfcheck import checklist
from models.findings import Severity
from models.format import format2021 as fmt
from models.meta_input import InputRefused, format_date, parse_date, parse_year
from models.rules.rule_set import RULE_BY_ID, evaluate
from models.storage.drafts import load_draft
from tests.builders import consistent_report, zero_report


def _rules(report, rule):
    return [f for f in evaluate(report) if f.rule == rule]


def test_the_builders_fill_every_meta_field():
    for report in (consistent_report(3), zero_report()):
        assert _rules(report, "V-META") == [] and _rules(report, "W-DATE") == []
    assert evaluate(zero_report()) == []


@pytest.mark.parametrize(("field", "blank", "key", "message"), [
    ("agency", "", fmt.META_AGENCY, "基本信息：未填写机关名称。"),
    ("agency", "  \u3000", fmt.META_AGENCY, "基本信息：未填写机关名称。"),
    ("year", None, fmt.META_YEAR, "基本信息：未填写报告年度。"),
    ("level", "", fmt.META_LEVEL, "基本信息：未选择机关层级。"),
])
def test_each_missing_field_is_one_error_naming_it(field, blank, key, message):
    report = zero_report()
    setattr(report.meta, field, blank)
    [finding] = evaluate(report)
    assert finding.rule == "V-META" and finding.severity is Severity.ERROR
    assert finding.cells == (key,)
    assert finding.message.startswith(message)
    assert fmt.cell_label(key).startswith("基本信息·")


def test_all_three_missing_are_three_errors_listed_first_in_page_order():
    report = zero_report()
    report.meta.agency, report.meta.year, report.meta.level = "", None, ""
    report.set("t3.new.natural", None)  # a V-1 error as well: the 基本信息 errors come before the tables'
    findings = evaluate(report)
    assert [f.rule for f in findings] == ["V-META", "V-META", "V-META", "V-1"]
    assert [f.cells for f in findings[:3]] == [(fmt.META_AGENCY,), (fmt.META_YEAR,), (fmt.META_LEVEL,)]
    assert len({f.fingerprint for f in findings}) == 4


def test_a_level_that_is_not_one_of_the_choices_is_an_error():
    report = zero_report()
    report.meta.level = "区级部门"
    [finding] = _rules(report, "V-META")
    assert finding.cells == (fmt.META_LEVEL,) and "“区级部门”" in finding.message


def test_a_missing_publication_date_is_a_warning_about_the_signature():
    report = zero_report()
    report.meta.publish_date = None
    [finding] = evaluate(report)
    assert finding.rule == "W-DATE" and finding.severity is Severity.WARNING
    assert finding.cells == (fmt.META_PUBLISH_DATE,)
    assert finding.message.startswith("落款日期未定") and "Word" in finding.message and "落款" in finding.message
    report.meta.publish_date = date(2024, 1, 20)
    assert evaluate(report) == []


def test_the_rules_are_registered_with_their_severity_and_listed_in_the_checklist():
    assert RULE_BY_ID["V-META"].severity is Severity.ERROR and not RULE_BY_ID["V-META"].needs_previous
    assert RULE_BY_ID["W-DATE"].severity is Severity.WARNING and not RULE_BY_ID["W-DATE"].needs_previous
    report = zero_report()
    report.meta.agency = ""
    rows = {row.rule.id: row for row in checklist(report, evaluate(report), previous_loaded=False)}
    assert rows["V-META"].status == "未通过" and rows["W-DATE"].status == "通过"


def test_the_shipped_sample_has_no_error(sample_path):
    report = load_draft(sample_path)
    assert report.meta.agency and report.meta.year and report.meta.level in fmt.LEVELS
    assert [f for f in evaluate(report) if f.severity is Severity.ERROR] == []


# ----- what the clerk types --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-3-28", "2026年3月28日", "2026.3.28", "2026/03/28", "20260328",
                                  " 2026 - 03 - 28 ", "２０２６年３月２８日", "2026年03月28", "2026．3．28",
                                  "2026 3 28", "2026328"])
def test_dates_as_clerks_write_them(text):
    assert parse_date(text) == date(2026, 3, 28)


@pytest.mark.parametrize(("text", "reason"), [
    ("2026-2-30", "2026年2月只有1至28日"),
    ("2026-13-1", "月份13不对"),
    ("2026-3", "不是完整的日期"),
    ("2026-3-", "不是完整的日期"),
    ("3-28", "不是完整的日期"),
    ("明天", "不是完整的日期"),
    ("1999-1-1", "年份1999不对"),
    ("2026123", "可以读作2026年1月23日或2026年12月3日"),
    ("20263", "不是完整的日期"),
])
def test_a_date_that_is_not_one_is_refused_with_the_reason(text, reason):
    with pytest.raises(InputRefused) as refused:
        parse_date(text)
    assert reason in refused.value.message


def test_blank_means_no_date_and_no_year():
    assert parse_date("") is None and parse_date(" \u3000") is None
    assert parse_year("") is None and parse_year("  ") is None


@pytest.mark.parametrize(("text", "year"), [("2024", 2024), ("２０２０", 2020), ("2019年", 2019), ("2008", 2008),
                                            ("2100", 2100), ("2023年度", 2023)])
def test_years_as_clerks_write_them(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(("text", "reason"), [("202", "四位数字"), ("2007", "2008至2100"), ("2101", "2008至2100"),
                                              ("二〇二四", "四位数字")])
def test_a_year_out_of_range_or_not_a_year_is_refused(text, reason):
    with pytest.raises(InputRefused) as refused:
        parse_year(text)
    assert reason in refused.value.message


def test_dates_are_written_as_gbt_9704_wants_them():
    assert format_date(date(2025, 1, 20)) == "2025年1月20日"
    assert format_date(date(2026, 12, 3)) == "2026年12月3日"
