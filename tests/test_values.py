"""Parsing what a clerk types or pastes (issue: ` 12 `, `１２`, `12件`, `1,234`; `-3`, `1.5`, `abc` refused)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.values import InvalidValue, ValueRefused, check_value, coerce_loaded, parse, parse_amount, parse_count


@pytest.mark.parametrize(("text", "value", "notice"), [
    (" 12 ", 12, False), ("１２", 12, False), ("12件", 12, True), ("1,234", 1234, False), ("0", 0, False),
    ("\u30000", 0, False), ("0 ", 0, False), ("3119 件", 3119, True), ("3,985,758", 3985758, False),
    ("999999999", 999999999, False), ("12.0", 12, True), ("共12件", 12, True), ("12（件）", 12, True),
    ("12\u200b", 12, False),
])
def test_counts_accepted(text, value, notice):
    parsed = parse_count(text)
    assert parsed.value == value and isinstance(parsed.value, int)
    assert bool(parsed.notice) is notice


def test_dropped_unit_is_named_in_the_notice():
    assert "件" in parse_count("12件").notice


@pytest.mark.parametrize(("text", "why"), [
    ("-3", "负数"), ("−3", "负数"), ("1.5", "整数"), ("abc", "不是数字"), ("12abc", "不是有效"),
    ("1,23", "千位分隔符"), ("1000000000", "9位"), ("1 2", "多个数字"),
    # Words that change what the number means are refused, never dropped.
    ("12万", "不是有效"), ("3万件", "不是有效"), ("12个工作日", "不是有效"), ("约12件", "不是有效"),
])
def test_counts_refused_with_a_reason(text, why):
    with pytest.raises(ValueRefused) as info:
        parse_count(text)
    assert why in info.value.message


@pytest.mark.parametrize("text", ["", "   ", "—", "/", "\u3000"])
def test_blank_marks_are_blank(text):
    assert parse_count(text).value is None


@pytest.mark.parametrize(("text", "digits"), [
    ("96171.6", "96171.6"), ("9116.36", "9116.36"), ("24252.311082", "24252.311082"), ("96171.60", "96171.60"),
    ("1,234.5", "1234.5"), ("0", "0"), ("12万元", "12"),
])
def test_amount_keeps_digits_exactly(text, digits):
    value = parse_amount(text).value
    assert isinstance(value, Decimal) and str(value) == digits


@pytest.mark.parametrize(("text", "why"), [
    ("1.1234567", "6位小数"), ("-1", "负数"), ("3940元", "万元"), ("x", "不是数字"), ("96171.6元整", "万元"),
    ("0.5千万元", "不是有效"),
])
def test_amount_refused(text, why):
    with pytest.raises(ValueRefused) as info:
        parse_amount(text)
    assert why in info.value.message


def test_parse_picks_by_cell_kind():
    assert parse("t2.fees.amount", "1.5").value == Decimal("1.5")
    with pytest.raises(ValueRefused):
        parse("t3.new.natural", "1.5")


def test_loaded_values_keep_what_cannot_be_read():
    assert coerce_loaded("t3.new.natural", 12) == 12
    assert coerce_loaded("t3.new.natural", "12") == 12
    assert coerce_loaded("t3.new.natural", None) is None
    bad = coerce_loaded("t3.new.natural", -3)
    assert isinstance(bad, InvalidValue) and bad.raw == "-3" and "负数" in bad.reason
    assert isinstance(coerce_loaded("t3.new.natural", True), InvalidValue)
    assert isinstance(coerce_loaded("t3.new.natural", [1]), InvalidValue)
    assert coerce_loaded("t2.fees.amount", Decimal("9116.36")) == Decimal("9116.36")


def test_check_value():
    assert check_value("t3.new.natural", 5) == ""
    assert check_value("t3.new.natural", -1)
    assert check_value("t3.new.natural", Decimal("1.5"))
    assert check_value("t2.fees.amount", Decimal("1.1234567"))
    assert check_value("t2.fees.amount", Decimal("1.123456")) == ""
    assert check_value("t2.fees.amount", Decimal("-0"))
    assert check_value("t2.fees.amount", Decimal("1E+20"))
