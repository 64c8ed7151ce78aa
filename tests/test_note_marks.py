"""Note marks and superscripts are not digits: "5①", "12¹", "₁2", "٣" are refused on every path that reads a number
typed by a person — Word import, 采集表 merge and paste (in tests/ui/test_paste_plan.py) — never read as 51, 121, 12
or 3."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from exporters.collection_sheet import export_collection_sheet
from importers import read_report
from importers.collection_reader import read_collection_sheet
from models.tools.collection import parse_parts
from models.tools.collection_merge import merge
from models.values import InvalidValue, ValueRefused, parse_amount, parse_count
from tests.builders import consistent_report
from tests.collection_builders import department_values, fill
from tests.docx_builders import grid_table, values_of, write_docx

MARKED = ["5①", "12¹", "₁2", "٣", "1٢", "⑴", "5⒈", "3²", "½", "12\u2083件"]


@pytest.mark.parametrize("text", MARKED)
def test_a_marked_number_is_refused_naming_the_mark(text):
    for parser in (parse_count, parse_amount):
        with pytest.raises(ValueRefused) as refused:
            parser(text)
        assert "不是普通数字" in refused.value.message


def test_ascii_and_full_width_digits_are_still_digits():
    assert parse_count("１２件").value == 12 and parse_count(" 12 ").value == 12
    assert str(parse_amount("０.５万元").value) == "0.5"


def _pass_for_digits() -> list[str]:
    """Every character Python or NFKC would take for (part of) a number, other than 0–9 and ０–９."""
    found = []
    for code in range(0x80, sys.maxunicode + 1):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF or ch in "０１２３４５６７８９":
            continue
        if ch.isnumeric() or any(c.isdigit() for c in unicodedata.normalize("NFKC", ch)):
            found.append(ch)
    return found


def test_no_character_after_a_number_makes_it_another_number():
    for ch in _pass_for_digits():
        for text in (f"5{ch}", f"{ch}5"):
            try:
                value = parse_count(text).value
            except ValueRefused:
                continue
            assert value == 5, (text, hex(ord(ch)), value)


def test_word_import_keeps_a_marked_number_as_invalid_with_a_notice(tmp_path):
    report = consistent_report(11)
    marked = {"t3.granted.natural": "5①", "t2.fees.amount": "12¹"}

    def value(key: str) -> str:
        return marked.get(key, values_of(report)(key))

    blocks = ["测试市人民政府2024年政府信息公开工作年度报告", "二、主动公开政府信息情况", grid_table("t2", value),
              "三、收到和处理政府信息公开申请情况", grid_table("t3", value)]
    imported = read_report(write_docx(tmp_path / "marks.docx", blocks))
    for key, text in marked.items():
        cell = imported.report.cells[key]
        assert isinstance(cell, InvalidValue) and cell.raw == text
        assert any(text in n and "不是普通数字" in n for n in imported.notices), imported.notices


def test_a_marked_number_in_a_returned_collection_sheet_is_not_summed(tmp_path):
    parts = parse_parts(["licensing"])
    values: dict[str, object] = dict(department_values(parts, 3))
    key = next(iter(parts[0].keys))
    values[key] = "5①"
    path = fill(export_collection_sheet(tmp_path / "a.xlsx", parts, 2024, "审批科"), parts, values)
    merged = merge([read_collection_sheet(path)], 2024)
    assert not merged.contributions
    [rejected] = merged.rejected
    assert any("5①" in reason and "不是普通数字" in reason for reason in rejected.reasons), rejected.reasons



@pytest.mark.parametrize("typed", ["202¹", "２０２⁴", "②⓪②④"])
def test_the_year_box_refuses_marks_instead_of_reading_them_as_digits(typed):
    from models.meta_input import InputRefused, parse_year

    with pytest.raises(InputRefused, match="不是普通数字"):
        parse_year(typed)


@pytest.mark.parametrize("typed", ["2025-1-2⁰", "2025年1月2₀日", "2025012⓪"])
def test_dates_refuse_marks_instead_of_reading_them_as_digits(typed):
    from models.meta_input import InputRefused, parse_date
    from models.tools.ledger_values import BadValue
    from models.tools.ledger_values import parse_date as ledger_date

    with pytest.raises(InputRefused, match="不是普通数字"):
        parse_date(typed)
    with pytest.raises(BadValue):
        ledger_date(typed)
