"""Numbers in the narrative against the tables (TXT-*)."""

from __future__ import annotations

import pytest

from models.findings import Severity
from models.rules.rule_set import evaluate
from tests.builders import zero_report


def _report():
    report = zero_report(year=2024)
    for col, new, carried in (("natural", 70, 1), ("commercial", 4, 0)):
        report.set(f"t3.new.{col}", new)
        report.set(f"t3.carried_in.{col}", carried)
        report.set(f"t3.granted.{col}", new + carried)
        report.set(f"t3.handled_total.{col}", new + carried)
    report.set("t3.new.total", 74)
    report.set("t3.carried_in.total", 1)
    report.set("t3.granted.total", 75)
    report.set("t3.handled_total.total", 75)
    report.set("t4.review.upheld", 2)
    report.set("t4.review.total", 2)
    report.set("t4.suit_direct.other", 1)
    report.set("t4.suit_direct.total", 1)
    report.set("t2.normative.in_force", 698)
    return report


def _text_findings(report):
    return [f for f in evaluate(report) if f.rule.startswith("TXT-")]


def test_tables_themselves_are_consistent():
    assert [f for f in evaluate(_report()) if f.severity is Severity.ERROR] == []


@pytest.mark.parametrize("sentence", [
    "本年新收政府信息公开申请74件。", "本年度新收申请７４件。", "收到政府信息公开申请74件。",
    "收到政府信息公开申请75件。",
    "受理政府信息公开申请 75 件。", "上年结转1件。", "办结75件，其中予以公开75件。", "答复申请75件。",
    "行政复议2件，行政诉讼1件。", "现行有效行政规范性文件698件。", "规范性文件中现行有效的698件。",
    "共有行政复议、行政诉讼案件3件。", "主动予以公开政府信息200件。", "收到申请75件，涉及自然人71件、商业企业4件。",
    "不予受理申请3件。", "全年主动公开信息5500余条。", "2024年新收申请中有3类涉及征收。",
    "部分予以公开186件。", "不予以公开1件。", "其中延期答复3件。", "受理投诉举报申请9件。",
])
def test_numbers_that_agree_or_cannot_be_tied_are_not_flagged(sentence):
    report = _report()
    report.texts["s1.requests"] = sentence
    assert _text_findings(report) == []


@pytest.mark.parametrize(("sentence", "rule", "cells"), [
    ("本年新收政府信息公开申请73件。", "TXT-NEW", ("t3.new.total",)),
    ("收到政府信息公开申请80件。", "TXT-RECEIVED", ("t3.new.total", "t3.carried_in.total")),
    ("上年结转申请2件。", "TXT-CARRIED-IN", ("t3.carried_in.total",)),
    ("结转下年度继续办理3件。", "TXT-CARRIED-OUT", ("t3.carried_out.total",)),
    ("办结申请70件。", "TXT-HANDLED", ("t3.handled_total.total",)),
    ("予以公开60件。", "TXT-GRANTED", ("t3.granted.total",)),
    ("行政复议案件3件。", "TXT-REVIEW", ("t4.review.total",)),
    ("行政诉讼案件2件。", "TXT-SUIT", ("t4.suit_direct.total", "t4.suit_after_review.total")),
    ("现行有效规范性文件700件。", "TXT-NORMATIVE", ("t2.normative.in_force",)),
])
def test_numbers_that_disagree_are_flagged_with_the_cells(sentence, rule, cells):
    report = _report()
    report.texts["s6"] = sentence
    [finding] = _text_findings(report)
    assert finding.rule == rule and finding.cells == cells
    assert finding.severity is Severity.WARNING
    assert "六、其他需要报告的事项" in finding.message
    assert finding.span.text_key == "s6"
    start, end = finding.span.start, finding.span.end
    assert sentence[start:end].isdigit()


def test_review_applications_are_not_information_requests():
    report = _report()
    report.texts["s1.requests"] = "受理行政复议申请78件。"
    assert [f.rule for f in _text_findings(report)] == ["TXT-REVIEW"]


def test_second_item_of_a_list_is_still_checked():
    """Pingtan writes 共有行政诉讼案件1件、行政复议案件2件: each number belongs to its own keyword."""
    report = _report()
    report.texts["s1.requests"] = "共有行政诉讼案件1件、行政复议案件7件。"
    [finding] = _text_findings(report)
    assert finding.rule == "TXT-REVIEW" and finding.left == 7


def test_received_accepts_both_readings_and_says_so():
    report = _report()
    report.texts["s1.requests"] = "收到政府信息公开申请80件。"
    [finding] = _text_findings(report)
    assert "本年新收为74件" in finding.message and "新收加上年结转为75件" in finding.message


def test_blank_table_cell_is_never_compared():
    report = _report()
    report.set("t4.review.total", None)
    report.texts["s1.requests"] = "行政复议案件3件。"
    assert _text_findings(report) == []


def test_section_five_is_not_text_checked():
    report = _report()
    report.texts["s5.problems"] = "本年新收申请10件，办理不够及时。"
    assert _text_findings(report) == []


def test_fingerprint_survives_unrelated_edits():
    report = _report()
    report.texts["s1.requests"] = "行政复议案件3件。"
    [before] = _text_findings(report)
    report.texts["s1.requests"] = "本年度，我单位行政复议案件3件。"
    [after] = _text_findings(report)
    assert before.fingerprint == after.fingerprint


@pytest.mark.parametrize("sentence", [
    "本年度办结政府信息公开申请75件，其中公开答复74件，无法提供1件。",
    "全年共答复申请75件，其中按时答复70件，延期答复5件。",
    "办结75件（包括予以公开75件、答复无法提供0件）。",
])
def test_numbers_after_qizhong_break_the_total_down(sentence):
    """Issue 16 §4: 办结依申请2件，其中公开答复1件 — the part after 其中 was read as the 答复 total."""
    report = _report()
    report.texts["s1.requests"] = sentence
    assert _text_findings(report) == []


def test_the_total_before_qizhong_is_still_checked_and_other_rows_after_it_too():
    report = _report()
    report.texts["s1.requests"] = "本年度办结政府信息公开申请70件，其中公开答复74件，无法提供1件。"
    [finding] = _text_findings(report)
    assert (finding.rule, finding.left) == ("TXT-HANDLED", 70)
    # 新收 after 其中 is the 新收 total of its own row, not a part of a 新收 named before
    report.texts["s1.requests"] = "共收到政府信息公开申请75件，其中本年新收申请73件，上年结转1件。"
    [finding] = _text_findings(report)
    assert (finding.rule, finding.left) == ("TXT-NEW", 73)


def test_normative_keyword_takes_its_nearest_number():
    """Issue 16 §4 (a real report): 本年度制发规范性文件34件，现行有效件数424件 raised nothing."""
    report = _report()
    report.texts["s6"] = "本年度制发规范性文件34件，现行有效件数424件。"
    [finding] = _text_findings(report)
    assert (finding.rule, finding.left, finding.right) == ("TXT-NORMATIVE", 424, 698)
    assert report.texts["s6"][finding.span.start:finding.span.end] == "424"
    report.texts["s6"] = "本年度制发规范性文件34件，现行有效件数698件。"
    assert _text_findings(report) == []
    report.texts["s6"] = "本年度制发规范性文件34件，规章现行有效5件。"  # said of 规章
    assert _text_findings(report) == []


def test_review_and_suit_counted_in_qi():
    report = _report()
    report.texts["s1.requests"] = "本年度发生政府信息公开行政复议2起，行政诉讼1起。"
    assert _text_findings(report) == []
    report.texts["s1.requests"] = "本年度发生政府信息公开行政复议1起，行政诉讼3起。"
    assert [(f.rule, f.left) for f in _text_findings(report)] == [("TXT-REVIEW", 1), ("TXT-SUIT", 3)]
    report.texts["s1.requests"] = "本年新收申请74起。"  # 起 counts cases, not applications
    assert _text_findings(report) == []


def test_granted_and_partial_named_together_are_compared_with_their_sum():
    report = _report()
    report.set("t3.partial.total", 183)
    report.texts["s1.requests"] = "办理结果中，予以公开及部分公开258件，不予公开3件。"
    assert _text_findings(report) == []
    report.texts["s1.requests"] = "办理结果中，予以公开及部分公开250件，不予公开3件。"
    [finding] = _text_findings(report)
    assert finding.rule == "TXT-GRANTED" and finding.cells == ("t3.granted.total", "t3.partial.total")
    assert "予以公开加部分公开为258件" in finding.message and finding.left == 250
    report.texts["s1.requests"] = "予以公开60件。"  # alone, still the 予以公开 row
    [finding] = _text_findings(report)
    assert finding.cells == ("t3.granted.total",) and "予以公开为75件" in finding.message
