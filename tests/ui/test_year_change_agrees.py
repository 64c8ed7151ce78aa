"""The same number gets the same year-on-year answer everywhere: the X-3 rule, the 对比上年 display of the table
(the text under the value, the tooltip, the swing tint) and the 一图读懂 page's arrow and percentage (its data step,
render.infographic.parts.change_runs, without drawing). Each pair below once got different answers somewhere."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from models.rules.year_change import YearChange
from models.tools.summary import summarize
from models.values import InvalidValue
from render.infographic import style
from render.infographic.parts import change_runs
from tests.builders import consistent_report
from ui import theme
from ui.document import ReportDocument
from ui.tables.table_model import PREVIOUS_ROLE, OfficialTableModel

COUNT = "t2.penalty.decisions"
AMOUNT = fmt.AMOUNT_KEY
NOT_A_NUMBER = InvalidValue("十二", "不是数字。")
PERCENT = re.compile(r"([\d,]+(?:\.\d+)?)%")
PAIRS = [
    (COUNT, 115, 103), (COUNT, 90, 100), (COUNT, 5, 5), (COUNT, 5, 0), (COUNT, 0, 0), (COUNT, 0, 40),
    (COUNT, None, 7), (COUNT, 3, None), (COUNT, None, None), (COUNT, 100, 3985758), (COUNT, 1001, 3),
    (COUNT, 1025, 1000), (COUNT, 10025, 10000), (COUNT, 501, 100), (COUNT, 500, 100), (COUNT, 19, 100),
    (COUNT, 900, 9), (COUNT, 3, NOT_A_NUMBER), (COUNT, NOT_A_NUMBER, 30),
    (AMOUNT, Decimal("1.50"), Decimal("1.5")), (AMOUNT, Decimal("96171.6"), Decimal("9116.36")),
    (AMOUNT, Decimal("0.50"), Decimal("2.00")), (AMOUNT, Decimal("3"), Decimal("0.00")), (AMOUNT, None, Decimal(1)),
]


def _reports(key: str, now, before):
    previous, current = consistent_report(1, year=2023), consistent_report(2, year=2024)
    for report, value in ((current, now), (previous, before)):
        if value is None:
            report.cells.pop(key, None)
        else:
            report.cells[key] = value
    return current, previous


def _table(current, previous, key: str) -> tuple[str, str, bool]:
    """The text under the value, the tooltip and whether the cell is tinted as a swing, with 对比上年 on."""
    doc = ReportDocument(current, previous=previous)
    model = OfficialTableModel(doc, "t2")
    model.set_show_previous(True)
    index = model.index_of(key)
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    swing = background is not None and background.color() == theme.SWING_BACKGROUND
    return index.data(PREVIOUS_ROLE), index.data(Qt.ItemDataRole.ToolTipRole), swing


def _table_direction(compact: str) -> int | None:
    """↑ 1, ↓ -1, 持平 0; None when the table shows no change."""
    for mark, direction in (("↑", 1), ("↓", -1), ("持平", 0)):
        if mark in compact:
            return direction
    return None


def _page(current, previous, key: str) -> tuple[int | None, str]:
    """The 一图读懂 page's direction (its triangle, or 0 for 持平; None when it shows no change) and its amount."""
    [figure] = [f for f in summarize(current, previous).all_figures() if f.key == key]
    runs = change_runs(figure, "较2023年", 30)
    arrows = [r.arrow for r in runs if r.arrow]
    if arrows:
        return arrows[0], runs[-1].text
    if runs and runs[-1].color == style.FLAT:
        return 0, runs[-1].text
    return None, ""


@pytest.mark.parametrize(("key", "now", "before"), PAIRS)
def test_the_rule_the_table_and_the_page_agree(qapp, key, now, before):
    change = YearChange(now, before)
    current, previous = _reports(key, now, before)
    [*rule] = [f for f in evaluate(current, previous) if f.rule == "X-3" and f.cells == (key,)]
    compact, tooltip, tinted = _table(current, previous, key)
    page_direction, page_amount = _page(current, previous, key)

    assert compact == change.compact_text() and change.detail_text() in tooltip.splitlines()
    # Direction: the table's arrow, the page's triangle and the sign of the tooltip's difference.
    table_direction = _table_direction(compact)
    assert table_direction == page_direction == (change.direction if change.comparable else None)
    if table_direction:
        assert f"，{'+' if table_direction > 0 else '-'}" in change.detail_text()
    # Percentage: the same rounding under the value, in the tooltip and on the page (上年为0 has none anywhere).
    percents = {PERCENT.findall(compact)[0] if PERCENT.findall(compact) else None,
                PERCENT.findall(change.detail_text())[0] if PERCENT.findall(change.detail_text()) else None,
                PERCENT.findall(page_amount)[0] if PERCENT.findall(page_amount) else None}
    assert len(percents) == 1, percents
    if change.comparable and change.direction and change.percent is None:
        assert page_amount == "上年为0" and compact.endswith(("↑", "↓"))
    # Swing: X-3 (counts only) fires exactly when the table tints the cell, with the page's direction.
    assert bool(rule) == tinted == (change.swing and key in current.format.count_keys)
    if rule:
        assert ("增加" if page_direction == 1 else "减少") in rule[0].message


def test_the_pairs_cover_the_edge_cases():
    changes = [YearChange(now, before) for _key, now, before in PAIRS]
    assert any(c.swing for c in changes) and any(not c.comparable for c in changes)
    assert any(c.comparable and c.before == 0 and c.direction for c in changes)
    assert any(isinstance(c.before, InvalidValue) for c in changes) and any(isinstance(c.now, Decimal) for c in changes)
