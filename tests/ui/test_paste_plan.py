"""The paste planner (no Qt): block parsing and mapping onto the official tables."""

from __future__ import annotations

from models.format import format2021 as fmt
from ui.tables.paste import parse_block, plan_paste


def test_excel_block_with_quotes_and_trailing_tabs():
    assert parse_block('1\t"2\n3"\t4\t\r\n5\t6\t\t\r\n') == [["1", "2\n3", "4"], ["5", "6"]]


def test_block_maps_onto_spanned_table_two():
    plan = plan_paste(fmt.GRIDS["t2"], "t2.rules.issued", parse_block("1\t2\t3\n4\t5\t6\n7\n8\n9\n10.5"))
    assert plan.ok
    assert plan.values["t2.normative.in_force"] == 6 and plan.values["t2.coercion.decisions"] == 9
    assert str(plan.values["t2.fees.amount"]) == "10.5"


def test_block_bigger_than_the_table_is_refused_whole():
    plan = plan_paste(fmt.GRIDS["t4"], "t4.suit_after_review.total", parse_block("1\t2"))
    assert not plan.ok and "超出表格" in plan.problems[0]


def test_blank_inside_a_block_is_reported():
    plan = plan_paste(fmt.GRIDS["t3"], "t3.new.natural", parse_block("1\t\t3"))
    assert plan.ok and plan.values["t3.new.commercial"] is None
    assert any("已清空" in n for n in plan.notices)


def test_only_auto_sum_cells_says_why():
    keys = frozenset({"t4.review.total"})
    plan = plan_paste(fmt.GRIDS["t4"], "t4.review.total", parse_block("5"), keys)
    assert not plan.ok and "自动合计" in plan.problems[0]


def test_a_copied_cell_over_the_csv_field_limit_is_refused_by_its_length():
    long = "说明" * 70_000  # 140,000 characters: over csv's default field limit of 131,072
    block = parse_block(f'1\t"{long}"\t3\n')
    assert block == [["1", long, "3"]]
    plan = plan_paste(fmt.GRIDS["t4"], "t4.review.upheld", block)
    assert not plan.ok
    label = fmt.cell_label("t4.review.corrected")
    assert plan.problems == [f"{label}：粘贴的内容有140000个字符，不是数字（只能粘贴数字）。"]


def test_pasting_a_marked_number_is_refused():
    plan = plan_paste(fmt.GRIDS["t4"], "t4.review.upheld", parse_block("5①\t12¹\t3"))
    assert not plan.ok
    assert len(plan.problems) == 2 and all("不是普通数字" in p for p in plan.problems), plan.problems
