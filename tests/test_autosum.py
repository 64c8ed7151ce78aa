"""Auto-sum helpers: totals computed from their parts, returned as changes (one undo step in the UI)."""

from __future__ import annotations

from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from models.tools import autosum
from tests.builders import consistent_report


def _blank_totals(report):
    for key in autosum.auto_sum_keys(report.format):
        report.set(key, None)


def test_filling_every_total_satisfies_the_sum_rules():
    report = consistent_report(40)
    expected = dict(report.cells)
    _blank_totals(report)
    changes = autosum.all_totals(report)
    assert set(changes) == autosum.auto_sum_keys(report.format) <= autosum.AUTO_SUM_KEYS
    autosum.apply(report, changes)
    assert report.cells == expected
    assert not [f for f in evaluate(report) if f.rule in ("T3-B", "T3-C", "T4-A", "T4-B", "T4-C")]


def test_each_helper_fills_its_own_totals():
    report = consistent_report(41)
    report.set("t3.carried_out.total", 10**6)
    report.set("t3.handled_total.natural", 10**6)
    report.set("t4.review.total", 10**6)
    assert set(autosum.t3_row_totals(report)) == {"t3.carried_out.total"}
    assert set(autosum.t3_handled_totals(report)) == {"t3.handled_total.natural"}
    assert set(autosum.t4_totals(report)) == {"t4.review.total"}
    assert report.number("t3.carried_out.total") == 10**6, "helpers return changes and do not apply them"


def test_a_total_with_a_blank_part_is_left_alone():
    report = consistent_report(42)
    report.set("t3.partial.other", None)
    report.set("t3.partial.total", 999)
    assert "t3.partial.total" not in autosum.t3_row_totals(report)


def test_handled_total_of_the_total_column_uses_fresh_row_totals():
    report = consistent_report(43)
    report.set("t3.granted.natural", report.number("t3.granted.natural") + 5)
    changes = autosum.all_totals(report)
    assert changes[fmt.t3("granted", "total")] == report.number("t3.granted.total") + 5
    assert changes[fmt.t3("handled_total", "total")] == report.number("t3.handled_total.total") + 5
    assert changes[fmt.t3("handled_total", "natural")] == report.number("t3.handled_total.natural") + 5


def test_auto_mode_blanks_a_total_whose_parts_are_incomplete():
    report = consistent_report(44)
    report.set("t4.review.pending", None)
    assert "t4.review.total" not in autosum.t4_totals(report)  # the helper leaves a typed total alone
    changes = autosum.all_totals(report, frozenset({"t4.review.total"}), blank_incomplete=True)
    assert changes == {"t4.review.total": None}


def test_auto_sum_keys_follow_each_format():
    from models.format.formats import FORMAT_2019, FORMAT_2021

    assert autosum.auto_sum_keys(FORMAT_2021) == frozenset((*autosum.ROW_TOTALS, *autosum.HANDLED_TOTALS,
                                                             *autosum.T4_TOTALS))
    assert "t3.other_handling.total" in autosum.auto_sum_keys(FORMAT_2019) and "t3.other_3.total" not in \
        autosum.auto_sum_keys(FORMAT_2019)
    # What a draft's stored switches are filtered by: a total of any registered format.
    assert {"t3.other_handling.total", "t3.other_3.total"} <= autosum.AUTO_SUM_KEYS
