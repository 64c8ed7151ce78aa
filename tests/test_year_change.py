"""The change of one number against last year's (models.rules.year_change): one rounding, one direction, one swing test,
and the texts built from them, for counts, 万元 amounts, blanks, a last year's 0 and values that are not numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.rules.year_change import YearChange
from models.values import InvalidValue

NOT_A_NUMBER = InvalidValue("十二", "不是数字。")


@pytest.mark.parametrize(("now", "before", "compact", "detail"), [
    (115, 103, "上年103 ↑11.7%", "上年103，+12（+11.7%）"),
    (90, 100, "上年100 ↓10.0%", "上年100，-10（-10.0%）"),
    (5, 5, "上年5 持平", "上年5，持平"),
    (5, 0, "上年0 ↑", "上年0，+5"),
    (0, 0, "上年0 持平", "上年0，持平"),
    (None, 7, "上年7", "上年7"),
    (3, None, "上年空白", "上年空白"),
    (None, None, "上年空白", "上年空白"),
    (100, 3985758, "上年3985758 ↓100%", "上年3985758，-3985658（-100%）"),
    (1001, 3, "上年3 ↑33,267%", "上年3，+998（+33,267%）"),
    (1025, 1000, "上年1000 ↑2.5%", "上年1000，+25（+2.5%）"),  # half up, never to even
    (10025, 10000, "上年10000 ↑0.3%", "上年10000，+25（+0.3%）"),
    (Decimal("1.50"), Decimal("1.5"), "上年1.5 持平", "上年1.5，持平"),
    (Decimal("96171.6"), Decimal("9116.36"), "上年9116.36 ↑955%", "上年9116.36，+87055.24（+955%）"),
    (Decimal("0.50"), Decimal("2.00"), "上年2.00 ↓75.0%", "上年2.00，-1.50（-75.0%）"),
    (3, NOT_A_NUMBER, "上年十二", "上年十二（不是有效数字，不作比较）"),
    (NOT_A_NUMBER, 3, "上年3", "上年3"),
])
def test_texts(now, before, compact, detail):
    change = YearChange(now, before)
    assert change.compact_text() == compact
    assert change.detail_text() == detail


@pytest.mark.parametrize("pair", [(None, 7), (3, None), (3, NOT_A_NUMBER), (NOT_A_NUMBER, 3), (True, 1), (1, False)])
def test_blank_or_invalid_is_never_compared(pair):
    change = YearChange(*pair)
    assert not change.comparable
    assert (change.delta, change.direction, change.percent, change.swing) == (None, 0, None, False)
    assert change.amount_text == change.describe() == ""


def test_a_percentage_is_rounded_once():
    """Just under 100% rounds to whole percent like 100% itself (it once read "100.0%" on the page, "100%" in the
    table)."""
    assert YearChange(100, 3985758).percent == Decimal("-100")
    assert YearChange(0, 40).percent == Decimal("-100")
    assert YearChange(2, 3).percent == Decimal("-33.3")
    assert YearChange(7, 7).percent == Decimal("0.0")
    assert YearChange(3, 0).percent is None and YearChange(3, 0).amount_text == "上年为0"


@pytest.mark.parametrize(("now", "before", "swing"), [
    (501, 100, True), (500, 100, False), (19, 100, True), (20, 100, False), (900, 9, False), (9, 900, False),
    (10, 51, True), (51, 10, True), (50, 10, False), (None, 100, False), (NOT_A_NUMBER, 100, False),
    (Decimal("60.5"), Decimal("12.0"), True),
])
def test_swing_is_more_than_five_times_with_both_at_least_ten(now, before, swing):
    assert YearChange(now, before).swing is swing
