"""One wrong number, one red cell: the likeliest wrong cell of crossing sums, named in the messages."""

from __future__ import annotations

from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.builders import consistent_report


def _errors(report):
    return [f for f in evaluate(report) if f.severity.value == "error"]


def test_a_wrong_total_is_the_one_cell_both_its_row_and_column_blame(huaian_path):
    report = load_draft(huaian_path)
    report.set("t3.granted.total", 1363)  # should be 1362
    found = _errors(report)
    assert [f.rule for f in found] == ["T3-B", "T3-C"]
    assert all(f.focus == ("t3.granted.total",) for f in found)
    assert sum(len(f.cells) for f in found) > 25  # every involved cell is still named (exports, jump)
    row, column = found
    assert "最可能填错的是“表三·（一）予以公开·总计”（1363）" in row.message
    assert "最可能填错的是“表三·（一）予以公开·总计”（1363）" in column.message
    assert "（一）至（六）各项办理结果之和为3051，但（七）总计为3050" in column.message  # the numbers, still shown


def test_a_wrong_part_is_blamed_not_the_totals(huaian_path):
    report = load_draft(huaian_path)
    report.set("t3.granted.natural", 1289)  # should be 1288
    assert {f.focus for f in _errors(report)} == {("t3.granted.natural",)}


def test_a_hand_typed_seventh_total_breaking_both_column_sums_is_blamed():
    report = consistent_report(4)
    report.set("t3.handled_total.natural", report.number("t3.handled_total.natural") + 2)
    report.set("t3.handled_total.total", report.number("t3.handled_total.total") + 2)  # its row still adds up
    found = _errors(report)  # the 自然人 and the 总计 column: each breaks T3-A and T3-C, no row sum breaks
    assert sorted(f.rule for f in found) == ["T3-A", "T3-A", "T3-C", "T3-C"]
    assert {f.focus for f in found} == {("t3.handled_total.natural",), ("t3.handled_total.total",)}
    assert all("与它不符" in f.message for f in found)


def test_without_a_crossing_the_total_is_the_likeliest():
    report = consistent_report(5)
    report.set("t4.review.total", report.number("t4.review.total") + 1)
    [finding] = _errors(report)
    assert finding.rule == "T4-A" and finding.likeliest == ("t4.review.total",)
    assert len(finding.cells) == 5
