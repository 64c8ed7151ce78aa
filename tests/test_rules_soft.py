"""Soft rules W-1 … W-4."""

from __future__ import annotations

from models.findings import Severity
from models.rules.rule_set import evaluate
from tests.builders import zero_report


def _rules(report, rule):
    return [f for f in evaluate(report) if f.rule == rule]


def test_w1_rules_by_a_level_that_cannot_make_them():
    report = zero_report(level="县级政府部门")
    assert _rules(report, "W-1") == []
    report.set("t2.rules.issued", 2)
    [finding] = _rules(report, "W-1")
    assert finding.cells == ("t2.rules.issued",) and finding.severity is Severity.WARNING
    assert "县级政府部门" in finding.message and "本年制发件数2" in finding.message
    report.meta.level = "设区的市级人民政府"
    assert _rules(report, "W-1") == []


def test_w2_fee_notices_without_a_word_on_fees():
    report = zero_report()
    report.set("t3.other_2.natural", 2)
    report.set("t3.other_2.total", 2)
    [finding] = _rules(report, "W-2")
    assert finding.cells == ("t3.other_2.total",)
    report.texts["s6"] = "本年度向2名申请人发出收费通知，未收取信息处理费。"
    assert _rules(report, "W-2") == []


def test_w3_section_five_empty_or_nothing():
    report = zero_report()
    assert _rules(report, "W-3") == []
    report.texts.pop("s5.problems")
    assert len(_rules(report, "W-3")) == 1
    report.texts["s5.problems"] = "无。"
    assert "只写了" in _rules(report, "W-3")[0].message


def test_w4_old_format_cited():
    report = zero_report()
    report.texts["preamble"] = "根据国办公开办函〔2021〕30号要求编制。"
    assert _rules(report, "W-4") == []
    report.texts["preamble"] = "根据国办公开办函〔2019〕60号要求编制。"
    [finding] = _rules(report, "W-4")
    assert finding.severity is Severity.WARNING and finding.span.text_key == "preamble"


def test_w4_earlier_year_in_a_sentence_about_figures():
    report = zero_report(year=2023)
    report.texts["s1.active"] = "2023年，主动公开政府信息254条。主动公开《2022年度政务公开工作要点》。"
    assert _rules(report, "W-4") == []
    report.texts["s1.active"] = "2022年，主动公开政府信息254条。"
    [finding] = _rules(report, "W-4")
    assert "2022年" in finding.message and finding.span.text_key == "s1.active"
    report.texts["s1.active"] = "2023年主动公开政府信息300条，较2022年增加46条。"
    assert _rules(report, "W-4") == []
