"""Rules across years (X-1 … X-4): passing and failing cases against last year's report."""

from __future__ import annotations

from models.findings import Severity
from models.rules.rule_set import evaluate
from models.tools.carryover import new_year_from
from tests.builders import consistent_report


def _pair():
    previous = consistent_report(20, year=2023)
    current = consistent_report(21, year=2024)
    for col in ("natural", "commercial", "research", "nonprofit", "legal_service", "other", "total"):
        current.set(f"t3.carried_in.{col}", previous.number(f"t3.carried_out.{col}"))
    for row in ("rules", "normative"):
        before = previous.number(f"t2.{row}.in_force")
        current.set(f"t2.{row}.issued", 3)
        current.set(f"t2.{row}.repealed", 1)
        current.set(f"t2.{row}.in_force", before + 2)
    current.texts["s5.problems"] = "本年新的问题。"
    previous.texts["s5.problems"] = "上年的问题。"
    return previous, current


def _rules(report, previous, rule):
    return [f for f in evaluate(report, previous) if f.rule == rule]


def test_cross_year_rules_only_with_previous():
    previous, current = _pair()
    current.set("t3.carried_in.natural", 999)
    assert _rules(current, None, "X-1") == []
    assert _rules(current, previous, "X-1")


def test_x1_carry_over_mismatch_per_column():
    previous, current = _pair()
    assert _rules(current, previous, "X-1") == []
    carried = previous.number("t3.carried_out.legal_service")
    current.set("t3.carried_in.legal_service", carried + 2)
    [finding] = _rules(current, previous, "X-1")
    assert finding.severity is Severity.WARNING
    assert finding.cells == ("t3.carried_in.legal_service",)
    assert f"2023年度报告结转下年度为{carried}" in finding.message and "相差2" in finding.message


def test_x2_in_force_continuity():
    previous, current = _pair()
    assert _rules(current, previous, "X-2") == []
    before = previous.number("t2.normative.in_force")
    current.set("t2.normative.in_force", before)  # forgot to add 3 issued and remove 1 repealed
    [finding] = _rules(current, previous, "X-2")
    assert finding.cells == ("t2.normative.issued", "t2.normative.repealed", "t2.normative.in_force")
    assert f"上年现行有效{before}＋本年制发3－本年废止1＝{before + 2}" in finding.message
    assert finding.severity is Severity.WARNING


def test_x3_swing_only_when_both_at_least_ten():
    previous, current = _pair()
    previous.set("t2.penalty.decisions", 100)
    current.set("t2.penalty.decisions", 501)
    previous.set("t2.licensing.decisions", 9)
    current.set("t2.licensing.decisions", 900)      # last year below 10: no finding
    previous.set("t2.coercion.decisions", 100)
    current.set("t2.coercion.decisions", 500)       # exactly 5×: no finding
    findings = _rules(current, previous, "X-3")
    assert [f.cells for f in findings if f.cells[0].startswith("t2.")] == [("t2.penalty.decisions",)]
    assert findings[0].severity is Severity.INFO
    current.set("t2.penalty.decisions", 19)         # fell below 1/5
    assert any(f.cells == ("t2.penalty.decisions",) for f in _rules(current, previous, "X-3"))


def test_x4_section_five_copied_word_for_word():
    previous, current = _pair()
    assert _rules(current, previous, "X-4") == []
    current.texts["s5.problems"] = "上年的问题。"
    [finding] = _rules(current, previous, "X-4")
    assert "五、存在的主要问题及改进情况" in finding.message and "2023年度报告" in finding.message


def test_x4_from_carry_over_without_last_year_loaded():
    previous, _ = _pair()
    carried = new_year_from(previous)
    assert [f.rule for f in evaluate(carried) if f.rule == "X-4"] == ["X-4"]
    carried.set_section_text("s5.problems", "本年根据实际情况重写的问题。")
    assert [f for f in evaluate(carried) if f.rule == "X-4"] == []
