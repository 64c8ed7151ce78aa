"""Error rules within one report: each with a passing case and a failing case naming the exact cells."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.findings import Severity
from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from models.values import InvalidValue
from tests.builders import consistent_report


def _by_rule(report, rule):
    return [f for f in evaluate(report) if f.rule == rule]


def test_consistent_report_has_no_error():
    report = consistent_report(1)
    assert [f for f in evaluate(report) if f.severity is Severity.ERROR] == []


def test_t3a_message_shows_both_sides_and_names_the_column():
    report = consistent_report(2)
    for row, value in (("new", 12), ("carried_in", 3), ("carried_out", 4)):
        report.set(f"t3.{row}.natural", value)
    leaves = [0] * 21
    leaves[0] = 10
    for key, v in zip(fmt.T3_LEAF_ROWS, leaves, strict=True):
        report.set(f"t3.{key}.natural", v)
    report.set("t3.handled_total.natural", 10)
    [finding] = _by_rule(report, "T3-A")
    assert finding.severity is Severity.ERROR
    assert finding.cells == ("t3.new.natural", "t3.carried_in.natural", "t3.handled_total.natural",
                             "t3.carried_out.natural")
    assert finding.message.startswith(
        "表三·自然人列：新收12＋上年结转3＝15，但办理结果总计10＋结转下年度4＝14，相差1。")
    assert (finding.left, finding.right, finding.difference) == (15, 14, 1)
    # Each of the four rows' sums fails too (their 总计 was left as it was): each crossing cell is a suspect.
    assert finding.focus == finding.cells and "最可能填错的是“表三·本年新收·自然人”（12）" in finding.message


def test_t3a_holds_while_t3c_catches_a_hand_typed_total():
    report = consistent_report(3)
    # Move one application from the leaves to nowhere: （七）总计 still balances T3-A but no longer the leaves.
    granted = report.number("t3.granted.research")
    report.set("t3.granted.research", granted + 1)
    report.set("t3.granted.total", report.number("t3.granted.total") + 1)
    assert _by_rule(report, "T3-A") == []
    assert _by_rule(report, "T3-B") == []
    # The 科研机构 column and the 总计 column each no longer add up: one finding per broken column.
    finding, total_column = _by_rule(report, "T3-C")
    assert "t3.granted.research" in finding.cells and "t3.handled_total.research" in finding.cells
    assert finding.message.startswith("表三·科研机构列：")
    assert finding.difference == 1
    assert total_column.message.startswith("表三·总计列：")


def test_t3b_names_the_row():
    report = consistent_report(4)
    report.set("t3.partial.total", report.number("t3.partial.total") + 2)
    findings = _by_rule(report, "T3-B")
    assert len(findings) == 1
    assert findings[0].cells == (*(f"t3.partial.{c}" for c in fmt.T3_PART_COLUMNS), "t3.partial.total")
    assert "表三·（二）部分公开行" in findings[0].message and "相差2" in findings[0].message


def test_one_broken_column_is_one_finding():
    report = consistent_report(5)
    report.set("t3.new.other", report.number("t3.new.other") + 1)
    report.set("t3.new.total", report.number("t3.new.total") + 1)
    assert len(_by_rule(report, "T3-A")) == 2  # the 其他 column and the 总计 column, one finding each
    assert {f.cells[0] for f in _by_rule(report, "T3-A")} == {"t3.new.other", "t3.new.total"}


@pytest.mark.parametrize(("block", "rule"), [("review", "T4-A"), ("suit_direct", "T4-B"),
                                             ("suit_after_review", "T4-C")])
def test_t4_rules(block, rule):
    report = consistent_report(6)
    assert _by_rule(report, rule) == []
    report.set(f"t4.{block}.pending", report.number(f"t4.{block}.pending") + 1)
    [finding] = _by_rule(report, rule)
    assert finding.cells == tuple(f"t4.{block}.{c.key}" for c in fmt.T4_COLUMNS)
    assert finding.severity is Severity.ERROR and "相差1" in finding.message


def test_v1_blank_is_not_zero():
    report = consistent_report(7)
    report.set("t3.withheld_2.commercial", None)
    report.set("t3.withheld_2.research", None)
    [finding] = _by_rule(report, "V-1")
    assert finding.cells == ("t3.withheld_2.commercial", "t3.withheld_2.research")
    assert "商业企业、科研机构未填写" in finding.message and "空白不等于0" in finding.message
    # A sum rule with a blank cell is left to V-1 rather than reported twice.
    assert not [f for f in evaluate(report) if f.rule in ("T3-B", "T3-C")]


def test_v1_invalid_values_from_a_file():
    report = consistent_report(8)
    report.set("t2.normative.issued", InvalidValue("-3", "“-3”是负数。"))
    report.set("t2.fees.amount", InvalidValue("1.1234567", "“1.1234567”超过6位小数。"))
    findings = _by_rule(report, "V-1")
    assert [f.cells for f in findings] == [("t2.normative.issued",), ("t2.fees.amount",)]
    assert "负数" in findings[0].message and "6位小数" in findings[1].message


def test_v1_passes_on_a_full_report():
    report = consistent_report(9)
    report.set("t2.fees.amount", Decimal("24252.311082"))
    assert _by_rule(report, "V-1") == []


def test_set_refuses_invalid_values():
    report = consistent_report(10)
    with pytest.raises(ValueError):
        report.set("t3.new.natural", -1)
    with pytest.raises(ValueError):
        report.set("t3.new.natural", Decimal("1.5"))
    with pytest.raises(KeyError):
        report.set("t3.new.nobody", 1)


def test_findings_sorted_by_severity_then_table_order():
    report = consistent_report(11, level="县级政府部门")
    report.set("t2.rules.issued", 1)           # W-1 warning
    report.set("t4.review.total", 10**6)       # T4-A error
    report.set("t3.new.natural", 10**6)        # T3-A / T3-B errors
    findings = evaluate(report)
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks)
    errors = [f.rule for f in findings if f.severity is Severity.ERROR]
    assert errors.index("T4-A") > errors.index("T3-A")


def test_fingerprint_is_stable_and_distinct():
    a = consistent_report(12)
    a.set("t3.new.natural", a.number("t3.new.natural") + 1)
    b = a.copy()
    b.set("t3.new.natural", b.number("t3.new.natural") + 5)  # other numbers, same broken cells
    fa = {f.rule: f.fingerprint for f in evaluate(a)}
    fb = {f.rule: f.fingerprint for f in evaluate(b)}
    assert fa["T3-A"] == fb["T3-A"] and fa["T3-B"] == fb["T3-B"]
    assert fa["T3-A"] != fa["T3-B"] and fa["T3-A"].startswith("T3-A#")


def test_every_finding_has_its_rules_severity():
    from models.rules.rule_set import RULE_BY_ID
    from tests.builders import zero_report

    reports = [consistent_report(s) for s in range(13, 18)] + [zero_report()]
    for i, report in enumerate(reports):
        report.set("t3.new.natural", None if i % 2 else 10**6)
        report.set("t2.rules.issued", 3)
        report.meta.level = "县级政府部门"
        report.texts["s1.requests"] = "收到申请999件，行政复议88件。根据国办公开办函〔2019〕60号编制。"
        for finding in evaluate(report, reports[0]):
            assert finding.severity is RULE_BY_ID[finding.rule].severity, finding.rule
