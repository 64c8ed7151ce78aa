"""Property tests: a report built to satisfy every sum has no error; any changed count is caught and named."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Meta, Report
from models.rules.rule_set import evaluate
from tests.builders import fill_t3

counts = st.integers(min_value=0, max_value=10**6)
T3_T4_KEYS = tuple(k for k in fmt.COUNT_KEYS if not k.startswith("t2."))


@st.composite
def consistent_reports(draw) -> Report:
    report = Report(meta=Meta("性质测试局", 2024, draw(st.sampled_from(fmt.LEVELS)), None))
    for key in fmt.ALL_CELL_KEYS:
        if key.startswith("t2."):
            report.set(key, draw(counts) if key != fmt.AMOUNT_KEY else None)
    report.set(fmt.AMOUNT_KEY, draw(st.decimals(min_value=0, max_value=10**9, places=2).map(Decimal)))
    leaves = {(r, c): draw(counts) for r in fmt.T3_LEAF_ROWS for c in fmt.T3_PART_COLUMNS}
    carried_out = {c: draw(counts) for c in fmt.T3_PART_COLUMNS}
    carried_in = {c: draw(counts) for c in fmt.T3_PART_COLUMNS}
    fill_t3(report, leaves, carried_out, carried_in)
    for block in fmt.T4_BLOCKS:
        parts = [draw(counts) for _ in fmt.T4_PART_COLUMNS]
        for col, value in zip(fmt.T4_PART_COLUMNS, parts, strict=True):
            report.set(fmt.t4(block.key, col), value)
        report.set(fmt.t4(block.key, "total"), sum(parts))
    return report


@settings(max_examples=150, deadline=None)
@given(consistent_reports())
def test_a_report_satisfying_every_sum_has_no_error(report):
    assert [f for f in evaluate(report) if f.severity is Severity.ERROR] == []


@settings(max_examples=300, deadline=None)
@given(consistent_reports(), st.sampled_from(T3_T4_KEYS), st.integers(min_value=1, max_value=1000), st.booleans())
def test_changing_any_count_of_tables_three_and_four_is_caught_naming_it(report, key, delta, up):
    value = report.number(key)
    new = value + delta if up or value < delta else value - delta
    report.set(key, new)
    errors = [f for f in evaluate(report) if f.severity is Severity.ERROR]
    assert errors, f"changing {key} from {value} to {new} went unnoticed"
    assert any(key in f.cells for f in errors)
