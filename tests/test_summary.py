"""The figures of the 一图读懂 page (Qt-free): taken exactly from the report, blanks kept blank, changes computed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.format import format2021 as fmt
from models.rules.year_change import YearChange
from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from models.tools.summary import BLANK, format_number, plain_label, summarize
from tests.builders import consistent_report, zero_report


def by_key(figures) -> dict:
    return {f.key: f for f in figures.all_figures()}


def test_huaian_figures_come_from_the_report(huaian_path):
    figures = summarize(load_draft(huaian_path))
    values = {k: f.value for k, f in by_key(figures).items()}
    assert figures.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert not figures.compared and figures.previous_year is None
    assert values["t2.rules.issued"] == 1 and values["t2.rules.in_force"] == 11
    assert values["t2.normative.issued"] == 8 and values["t2.normative.in_force"] == 66
    assert values["t2.licensing.decisions"] == 447228
    assert values["t2.penalty.decisions"] == 3985758
    assert values["t2.coercion.decisions"] == 88283
    assert values["t2.fees.amount"] == Decimal("96171.6")
    assert (values["t3.new.total"], values["t3.carried_in.total"]) == (3119, 34)
    assert (values["t3.handled_total.total"], values["t3.carried_out.total"]) == (3050, 103)
    outcomes = [f.value for f in figures.requests.outcomes]
    assert outcomes == [1362, 454, 178, 781, 88, 187]
    assert sum(outcomes) == values["t3.handled_total.total"]
    assert [f.value for f in figures.requests.applicants] == [3001, 118]
    review = figures.cases.review
    assert review.total.value == 351 and [f.value for f in review.outcomes] == [72, 64, 178, 37]
    assert [b.total.value for b in figures.cases.suits] == [26, 20]
    assert all(f.change is None for f in figures.all_figures())


def test_labels_come_from_the_format():
    figures = summarize(consistent_report(1))
    assert [f.label for f in figures.requests.outcomes] == [
        "予以公开", "部分公开", *(plain_label(g.label) for g in fmt.T3_GROUPS)]
    assert [row.label for row in figures.active.documents] == [r.label for r in fmt.T2_BLOCKS[0].rows]
    assert [f.label for f in figures.cases.review.outcomes] == [c.label for c in fmt.T4_COLUMNS[:-1]]
    assert figures.cases.suit_heading == fmt.T4_SUIT
    assert figures.active.heading == "主动公开政府信息情况"


def test_group_sums_every_leaf_of_the_total_column():
    report = consistent_report(7)
    figures = summarize(report)
    for group, figure in zip(fmt.T3_GROUPS, figures.requests.outcomes[2:], strict=True):
        expected = sum(report.number(fmt.t3(r.key, "total")) for r in fmt.T3_ROWS if r.group == group.key)
        assert figure.value == expected
    legal = sum(report.number(fmt.t3("new", c)) for c in fmt.T3_LEGAL_COLUMNS)
    assert figures.requests.applicants[1].value == legal


def test_blank_is_not_zero():
    report = consistent_report(3)
    report.set("t2.penalty.decisions", None)
    report.set(fmt.t3("declined_2", "total"), None)
    report.set(fmt.t3("new", "research"), None)
    figures = by_key(summarize(report))
    assert figures["t2.penalty.decisions"].value is None and figures["t2.penalty.decisions"].text == BLANK
    assert figures["t3.declined.total"].value is None  # a sum with a blank part is blank
    assert figures["t3.new.legal"].value is None
    assert figures["t3.withheld.total"].value is not None


def test_all_zero_sample_has_no_shares_and_no_division(sample_path):
    figures = summarize(load_draft(sample_path))
    assert {f.value for f in figures.all_figures()} == {0}
    assert all(figures.requests.share(f) is None for f in figures.requests.outcomes)
    assert figures.active.fees.text == "0"


def test_changes_against_last_year():
    before, now = consistent_report(1, year=2023), consistent_report(2, year=2024)
    before.set("t2.penalty.decisions", 200)
    now.set("t2.penalty.decisions", 225)
    before.set("t2.licensing.decisions", 0)
    now.set("t2.licensing.decisions", 5)
    before.set("t2.coercion.decisions", None)
    figures = summarize(now, before)
    assert figures.compared and figures.comparison == "较2023年"
    fig = by_key(figures)
    assert fig["t2.penalty.decisions"].change.describe() == "增长12.5%"
    assert fig["t2.licensing.decisions"].change.describe() == "上年为0"
    assert fig["t2.coercion.decisions"].change is None and fig["t2.coercion.decisions"].compared


def test_embedded_previous_is_used_when_none_is_given(huaian_path):
    last = load_draft(huaian_path)
    report = new_year_from(last)
    figures = summarize(report)
    assert figures.compared and figures.previous_year == 2024
    carried = by_key(figures)["t3.carried_in.total"]
    assert carried.value == 103 and carried.previous == 34
    assert carried.change.describe() == "增长203%"  # whole percent from 100% up
    assert by_key(figures)["t2.penalty.decisions"].change is None  # blank this year


@pytest.mark.parametrize(("now", "before", "text", "percent"), [
    (225, 200, "增长12.5%", Decimal("12.5")),
    (0, 40, "下降100%", Decimal("-100")),
    (7, 7, "持平", Decimal("0.0")),
    (0, 0, "持平", None),
    (3, 0, "上年为0", None),
    (1001, 3, "增长33,267%", Decimal("33267")),
    (Decimal("96171.6"), Decimal("9116.36"), "增长955%", Decimal("955")),
    (2, 3, "下降33.3%", Decimal("-33.3")),
])
def test_change_texts(now, before, text, percent):
    change = YearChange(now, before)
    assert change.describe() == text
    assert change.percent == percent


def test_zero_report_changes_never_divide(sample_path):
    figures = summarize(zero_report(2024), zero_report(2023))
    assert {f.change.describe() for f in figures.all_figures()} == {"持平"}


def test_number_format():
    assert format_number(3985758) == "3,985,758"
    assert format_number(Decimal("96171.60")) == "96,171.60"
    assert format_number(Decimal("1E+2")) == "100"
    assert format_number(0) == "0"
    assert format_number(None) == BLANK


def test_no_share_while_a_sibling_is_blank():
    report = consistent_report(4)
    figures = summarize(report).requests
    assert sum(figures.share(f) for f in figures.outcomes) == pytest.approx(100, abs=0.5)
    report.set(fmt.t3("granted", "total"), None)
    figures = summarize(report).requests
    assert [figures.share(f) for f in figures.outcomes] == [None] * 6
    assert figures.share(figures.applicants[0]) is not None
