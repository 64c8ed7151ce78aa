"""The format module against spec §1–4: keys, labels verbatim, and merges that tile each official table."""

from __future__ import annotations

import pytest

from models.format import format2021 as fmt


def test_two_hundred_unique_cells_in_table_order():
    assert len(fmt.ALL_CELL_KEYS) == 200
    assert len(set(fmt.ALL_CELL_KEYS)) == 200
    assert sum(1 for k in fmt.ALL_CELL_KEYS if k.startswith("t2.")) == 10
    assert sum(1 for k in fmt.ALL_CELL_KEYS if k.startswith("t3.")) == 175
    assert sum(1 for k in fmt.ALL_CELL_KEYS if k.startswith("t4.")) == 15
    assert [c.key for c in fmt.CELLS if c.kind is fmt.CellKind.AMOUNT] == ["t2.fees.amount"]


@pytest.mark.parametrize("key", [
    "t2.rules.issued", "t2.normative.in_force", "t2.licensing.decisions", "t2.penalty.decisions",
    "t2.coercion.decisions", "t2.fees.amount", "t3.new.natural", "t3.withheld_3.total", "t3.other_3.legal_service",
    "t3.handled_total.total", "t3.carried_out.other", "t4.review.upheld", "t4.suit_direct.total",
    "t4.suit_after_review.pending",
])
def test_spec_keys_exist(key):
    assert key in fmt.CELL_BY_KEY


def test_section_headings_verbatim_and_in_order():
    assert [s.heading for s in fmt.SECTIONS] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]
    assert [s.heading for s in fmt.SECTION_BY_KEY["s1"].subheadings] == [
        "（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况", "（四）政府信息公开平台建设情况",
        "（五）监督保障情况",
    ]


def test_table_three_labels_verbatim():
    labels = {r.key: r.label for r in fmt.T3_ROWS}
    assert labels["new"] == "一、本年新收政府信息公开申请数量"
    assert labels["partial"] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert labels["withheld_3"] == "3.危及“三安全一稳定”"
    assert labels["declined_5"] == "5.要求行政机关确认或重新出具已获取信息"
    assert labels["other_2"] == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert labels["carried_out"] == "四、结转下年度继续办理"
    assert len(fmt.T3_ROWS) == 25 and len(fmt.T3_LEAF_ROWS) == 21
    assert [c.label for c in fmt.T3_COLUMNS] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                                 "其他", "总计"]


def _tiles(grid: fmt.Grid) -> dict[tuple[int, int], fmt.GridCell]:
    covered: dict[tuple[int, int], fmt.GridCell] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                assert (r, c) not in covered, f"{grid.table}: ({r},{c}) covered twice"
                covered[(r, c)] = cell
    return covered


@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_grid_cells_tile_the_table_exactly(table):
    grid = fmt.GRIDS[table]
    covered = _tiles(grid)
    assert set(covered) == {(r, c) for r in range(grid.rows) for c in range(grid.columns)}
    keys = [c.key for c in grid.cells if c.is_input]
    assert keys == [k for k in fmt.ALL_CELL_KEYS if k.startswith(table + ".")]
    assert grid.coverage == covered and grid.coverage is grid.coverage  # computed once
    assert all(grid.covering(r, c) is cell for (r, c), cell in covered.items())


def test_each_table_section_names_its_table():
    assert {s.key: s.table for s in fmt.SECTIONS if s.table} == {"s2": "t2", "s3": "t3", "s4": "t4"}
    assert fmt.TABLE_TITLES == {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
                                "t4": "四、政府信息公开行政复议、行政诉讼情况"}


def test_label_variants_live_in_the_format():
    assert "（七）合计" in fmt.T3_ROW_BY_KEY["handled_total"].aliases
    assert "五、政府信息公开工作存在的主要问题及改进情况" in fmt.SECTION_BY_KEY["s5"].aliases


def test_table_three_merges_as_in_the_official_table():
    grid = fmt.GRIDS["t3"]
    assert (grid.rows, grid.columns) == (28, 10)
    corner = grid.at(0, 0)
    assert (corner.rowspan, corner.colspan, corner.text) == (3, 3, fmt.T3_CORNER_NOTE)
    assert (grid.at(0, 3).text, grid.at(0, 3).colspan) == ("申请人情况", 7)
    assert (grid.at(1, 3).text, grid.at(1, 3).rowspan) == ("自然人", 2)
    assert (grid.at(1, 4).text, grid.at(1, 4).colspan) == ("法人或其他组织", 5)
    assert (grid.at(1, 9).text, grid.at(1, 9).rowspan) == ("总计", 2)
    band = grid.at(5, 0)
    assert (band.text, band.rowspan) == ("三、本年度办理结果", 22)
    withheld = grid.at(7, 1)
    assert (withheld.text, withheld.rowspan) == ("（三）不予公开", 8)
    assert grid.at(3, 0).colspan == 3 and grid.at(27, 0).text == "四、结转下年度继续办理"
    assert grid.at(26, 1).text == "（七）总计" and grid.at(26, 1).colspan == 2


def test_table_four_and_two_merges():
    t4 = fmt.GRIDS["t4"]
    assert (t4.at(0, 0).text, t4.at(0, 0).colspan) == ("行政复议", 5)
    assert (t4.at(0, 5).text, t4.at(0, 5).colspan) == ("行政诉讼", 10)
    assert (t4.at(1, 5).text, t4.at(1, 10).text) == ("未经复议直接起诉", "复议后起诉")
    assert t4.at(1, 0).rowspan == 2 and t4.at(2, 5).text == "结果维持"
    t2 = fmt.GRIDS["t2"]
    assert (t2.at(0, 0).text, t2.at(0, 0).colspan) == ("第二十条第（一）项", 4)
    assert t2.at(12, 1).text == "本年收费金额（单位：万元）" and t2.at(12, 1).colspan == 3
    assert t2.at(13, 1).key == "t2.fees.amount"


def test_sum_definitions_cover_every_total():
    sums = fmt.SUM_DEFINITIONS
    assert len(sums["t3.handled_total.natural"]) == 21
    assert sums["t3.new.total"] == tuple(f"t3.new.{c}" for c in fmt.T3_PART_COLUMNS)
    assert sums["t4.review.total"] == ("t4.review.upheld", "t4.review.corrected", "t4.review.other",
                                       "t4.review.pending")


def test_deadline_by_level():
    assert fmt.default_deadline(2024, "县级政府部门") == (2025, 1, 31)
    assert fmt.default_deadline(2024, "设区的市级人民政府") == (2025, 3, 31)
