"""Table 四 typed as two or three Word tables (行政复议 | 行政诉讼, the two 起诉 blocks apart, in either order), as
real reports type it: every cell lands where it belongs, and a wrong 总计 is still caught by T4-A."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from importers import Imported, read_report
from importers.docx_reader import WordTable, read_blocks
from importers.docx_tables import classify
from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from models.values import format_value
from tests.builders import consistent_report
from tests.docx_builders import Block, Table, grid_table, report_blocks, split_table, values_of, write_docx

LEVEL = "机关层级无法从 Word 文件中读出，请在基本信息中选择（用于检查规章一栏）。"
HEADING = "四、政府信息公开行政复议、行政诉讼情况"
COLUMNS = [c.label for c in fmt.T4_COLUMNS]
SUIT_BLOCKS = ("suit_direct", "suit_after_review")
T4_KEYS = [fmt.t4(b.key, c.key) for b in fmt.T4_BLOCKS for c in fmt.T4_COLUMNS]
#: Cells typed with a unit, one in each block.
UNITS = {"t4.review.upheld", "t4.suit_direct.other", "t4.suit_after_review.total"}
T3_TABLE = 2  # the Word table number of table 三: table 四's parts are the 3rd, 4th and 5th


def broken_report(seed: int) -> Report:
    """A consistent report whose 行政复议 总计 is one more than its parts: T4-A must find it after import."""
    report = consistent_report(seed)
    total = fmt.t4("review", "total")
    report.set(total, report.number(total) + 1)
    return report


def typed(report: Report) -> Callable[[str], str]:
    """Each cell as typed: the cells of UNITS with 件 after the number."""
    return lambda key: format_value(report.cells.get(key)) + ("件" if key in UNITS else "")


def numbers(value: Callable[[str], str], *blocks: str) -> list[str]:
    return [value(fmt.t4(block, c.key)) for block in blocks for c in fmt.T4_COLUMNS]


# ----- the parts, each a Word table of its own ------------------------------------------------------------------

def review_part(value: Callable[[str], str], style: str = "merged") -> Table:
    """行政复议 over its five columns. merged: as in the official table (the column headings over two rows);
    plain: no merges; wrapped: every label cut over two table rows (行政/复议, 结果/维持), as PDF converters write it;
    bare: the numbers alone."""
    row = numbers(value, "review")
    if style == "merged":
        return Table([["行政复议", "", "", "", ""], COLUMNS, [""] * 5, row],
                     [(0, 0, 1, 5), *((1, j, 2, 1) for j in range(5))])
    if style == "plain":
        return Table([["行政复议", "", "", "", ""], COLUMNS, row])
    if style == "wrapped":
        return Table([["行政", "", "", "", ""], ["复议", "", "", "", ""], [label[:2] for label in COLUMNS],
                      [label[2:] for label in COLUMNS], row])
    return Table([row])


def suit_part(value: Callable[[str], str], style: str = "merged") -> Table:
    """行政诉讼 over its two blocks. merged: as in the official table; suit_only: the 行政诉讼 heading over ten
    column headings, no block headings; bare: the ten numbers alone."""
    row = numbers(value, *SUIT_BLOCKS)
    if style == "merged":
        return Table([["行政诉讼", *[""] * 9], ["未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4],
                      COLUMNS * 2, row], [(0, 0, 1, 10), (1, 0, 1, 5), (1, 5, 1, 5)])
    if style == "suit_only":
        return Table([["行政诉讼", *[""] * 9], COLUMNS * 2, row], [(0, 0, 1, 10)])
    return Table([row])


def block_part(value: Callable[[str], str], block: str, title: str, *, headed: bool = True) -> Table:
    """One block under its own title (行政诉讼（复议后起诉）…) and column headings; or its five numbers alone."""
    row = numbers(value, block)
    if not headed:
        return Table([row])
    return Table([[title, "", "", "", ""], COLUMNS, row], [(0, 0, 1, 5)])


# ----- the document -----------------------------------------------------------------------------------------------

def document(tmp_path: Path, report: Report, parts: list[Table], between: str = "paragraph") -> Path:
    """The report in the official layout with table 四 typed as `parts`. Between them: an empty paragraph, a
    caption (表四（续）), or nothing at all (the Word tables touch)."""
    blocks: list[Block] = []
    for block in report_blocks(report):
        if isinstance(block, Table) and len(block.rows) == fmt.GRIDS["t4"].rows:
            for i, part in enumerate(parts):
                if i and between == "caption":
                    blocks.append("表四（续）")
                blocks.append(part)
        else:
            blocks.append(block)
    path = write_docx(tmp_path / "split-t4.docx", blocks)  # an empty paragraph after every table
    if between == "none":
        join_tables(path)
    return path


def join_tables(path: Path) -> None:
    """Remove the empty paragraphs that stand between two tables."""
    document = docx.Document(str(path))
    body = document.element.body
    for paragraph in list(body.iterchildren("{*}p")):
        before, after = paragraph.getprevious(), paragraph.getnext()
        if (not "".join(paragraph.itertext()).strip() and before is not None and after is not None
                and before.tag.endswith("}tbl") and after.tag.endswith("}tbl")):
            body.remove(paragraph)
    document.save(str(path))


def t4_cells(report: Report) -> dict[str, object]:
    return {key: report.cells.get(key) for key in T4_KEYS}


def unit_notices(report: Report) -> list[str]:
    return [f"{fmt.cell_label(key)}：已去掉“件”，按{report.number(key)}填写。"
            for key in T4_KEYS if key in UNITS]


def assert_imported(imported: Imported, report: Report) -> None:
    """All fifteen cells exactly (a unit dropped with a notice), and the checks find the wrong 行政复议 总计 (T4-A)
    and nothing else."""
    assert t4_cells(imported.report) == t4_cells(report)
    assert sorted(n for n in imported.notices if "已去掉“件”" in n) == sorted(unit_notices(report))
    errors = {f.rule for f in evaluate(imported.report) if f.severity is Severity.ERROR}
    assert errors == {"T4-A", "V-META"}  # V-META: the level, which Word does not print
    t4a = next(f for f in evaluate(imported.report) if f.rule == "T4-A")
    assert fmt.t4("review", "total") in t4a.cells


def t4_notices(imported: Imported) -> list[str]:
    """What the import says about table 四, but the units dropped."""
    return [n for n in imported.notices if n.startswith("表四") and "已去掉“件”" not in n]


# ----- the tests --------------------------------------------------------------------------------------------------

def test_each_part_with_headings_is_table_four_by_itself(tmp_path):
    """Classified by its own labels, whatever comes before it (a bare part relies on its place: after table 四's
    heading or its other part)."""
    value = typed(consistent_report(0))
    parts = [review_part(value, "merged"), review_part(value, "plain"), review_part(value, "wrapped"),
             suit_part(value, "merged"), suit_part(value, "suit_only"),
             block_part(value, "suit_direct", "未经复议直接起诉"), block_part(value, "suit_after_review", "复议后起诉"),
             block_part(value, "suit_after_review", "行政诉讼（复议后起诉）")]
    tables = [b for b in read_blocks(write_docx(tmp_path / "parts.docx", list(parts))) if isinstance(b, WordTable)]
    assert [classify(t) for t in tables] == ["t4"] * len(parts)


@pytest.mark.parametrize("between", ["paragraph", "none", "caption"])
@pytest.mark.parametrize("style", ["merged", "plain", "wrapped"])
def test_review_then_suit(tmp_path, between, style):
    report = broken_report(1)
    value = typed(report)
    imported = read_report(document(tmp_path, report, [review_part(value, style), suit_part(value)], between))
    assert_imported(imported, report)
    assert t4_notices(imported) == ["表四分为2个表格，已合并导入。"]
    # A caption between the parts (表四（续）) belongs to the table's layout: nothing to say about it.
    assert imported.notices == [LEVEL, "表四分为2个表格，已合并导入。", *unit_notices(report)]


@pytest.mark.parametrize("between", ["paragraph", "none", "caption"])
def test_suit_then_review(tmp_path, between):
    report = broken_report(2)
    value = typed(report)
    imported = read_report(document(tmp_path, report, [suit_part(value), review_part(value, "plain")], between))
    assert_imported(imported, report)
    assert t4_notices(imported) == ["表四分为2个表格，已合并导入。"]


@pytest.mark.parametrize("titles", [("未经复议直接起诉", "复议后起诉"),
                                    ("行政诉讼（未经复议直接起诉）", "行政诉讼—复议后起诉")])
@pytest.mark.parametrize("between", ["paragraph", "none", "caption"])
def test_three_tables(tmp_path, titles, between):
    report = broken_report(3)
    value = typed(report)
    parts = [review_part(value, "wrapped"), block_part(value, "suit_direct", titles[0]),
             block_part(value, "suit_after_review", titles[1])]
    imported = read_report(document(tmp_path, report, parts, between))
    assert_imported(imported, report)
    assert t4_notices(imported) == ["表四分为3个表格，已合并导入。"]


def test_three_tables_in_reverse_order(tmp_path):
    report = broken_report(4)
    value = typed(report)
    parts = [block_part(value, "suit_after_review", "复议后起诉"), block_part(value, "suit_direct", "未经复议直接起诉"),
             review_part(value, "merged")]
    imported = read_report(document(tmp_path, report, parts, "none"))
    assert_imported(imported, report)
    assert t4_notices(imported) == ["表四分为3个表格，已合并导入。"]


def test_suit_heading_over_ten_columns_holds_both_blocks_in_order(tmp_path):
    report = broken_report(5)
    value = typed(report)
    imported = read_report(document(tmp_path, report, [review_part(value), suit_part(value, "suit_only")]))
    assert_imported(imported, report)
    assert t4_notices(imported) == ["表四分为2个表格，已合并导入。"]


def test_block_titles_without_column_headings_read_in_the_official_order(tmp_path):
    """Each part titled by its block but without column headings: five numbers, in the format's column order."""
    report = broken_report(6)
    value = typed(report)
    parts = [Table([["行政复议", "", "", "", ""], numbers(value, "review")]),
             Table([["行政诉讼", *[""] * 9], ["未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4],
                    numbers(value, *SUIT_BLOCKS)])]
    imported = read_report(document(tmp_path, report, parts))
    assert_imported(imported, report)
    assert t4_notices(imported) == [
        "表四分为2个表格，已合并导入。",
        "表四的列标题无法识别，已按“行政复议、未经复议直接起诉、复议后起诉”各“结果维持、结果纠正、其他结果、"
        "尚未审结、总计”的顺序读取数字，请核对。"]


def test_a_part_without_headings_after_one_with_them_continues_by_position(tmp_path):
    report = broken_report(7)
    value = typed(report)
    imported = read_report(document(tmp_path, report, [review_part(value), suit_part(value, "bare")], "none"))
    assert_imported(imported, report)
    assert t4_notices(imported) == [
        f"表四（第{T3_TABLE + 2}个表格）没有可识别的标题，已按位置读作“未经复议直接起诉”“复议后起诉”"
        "（按“结果维持、结果纠正、其他结果、尚未审结、总计”的顺序），请核对。",
        "表四分为2个表格，已合并导入。"]


def test_numbers_that_fit_no_single_order_are_not_guessed(tmp_path):
    """After 行政复议, five numbers without a heading: 未经复议直接起诉 or 复议后起诉? Neither is guessed."""
    report = broken_report(8)
    value = typed(report)
    parts = [review_part(value), block_part(value, "suit_direct", "", headed=False)]
    imported = read_report(document(tmp_path, report, parts))
    assert t4_notices(imported)[:2] == [  # then the 10 blank cells, as for any blank cell
        f"表四（第{T3_TABLE + 2}个表格）没有可识别的标题，无法确定其中的数字属于“行政复议”“未经复议直接起诉”"
        "“复议后起诉”中的哪一部分，未导入，请手工填写。",
        "表四中没有找到“未经复议直接起诉”“复议后起诉”，相应单元格留空，请手工填写。"]  # one table used: nothing merged
    cells = imported.report.cells
    assert {k: cells.get(k) for k in T4_KEYS if k.startswith("t4.review.")} == {
        k: v for k, v in t4_cells(report).items() if k.startswith("t4.review.")}
    assert not [k for k in cells if k.startswith("t4.suit")]


def test_a_block_that_is_not_there_is_named(tmp_path):
    report = broken_report(9)
    value = typed(report)
    parts = [review_part(value), block_part(value, "suit_direct", "未经复议直接起诉")]
    imported = read_report(document(tmp_path, report, parts))
    assert "表四中没有找到“复议后起诉”，相应单元格留空，请手工填写。" in imported.notices
    assert not [k for k in imported.report.cells if k.startswith("t4.suit_after_review.")]
    direct = {k: v for k, v in t4_cells(report).items() if not k.startswith("t4.suit_after_review.")}
    assert {k: imported.report.cells.get(k) for k in direct} == direct


def test_headings_and_numbers_cut_apart_at_a_page_break(tmp_path):
    """The official table with its headings in one Word table and its row of numbers in the next."""
    report = broken_report(10)
    parts = list(split_table(grid_table("t4", typed(report)), 3))
    imported = read_report(document(tmp_path, report, parts))
    assert_imported(imported, report)
    assert t4_notices(imported) == ["表四分为2个表格，已合并导入。"]


def test_blocks_as_rows(tmp_path):
    """Table 四 turned on its side: a row per block, named by its label, the results as column headings."""
    report = broken_report(11)
    value = typed(report)
    table = Table([["类别", "", *COLUMNS], ["行政复议", "", *numbers(value, "review")],
                   ["行政诉讼", "未经复议直接起诉", *numbers(value, "suit_direct")],
                   ["", "复议后起诉", *numbers(value, "suit_after_review")]],
                  [(0, 0, 1, 2), (1, 0, 1, 2), (2, 0, 2, 1)])
    imported = read_report(document(tmp_path, report, [table]))
    assert_imported(imported, report)
    assert t4_notices(imported) == []


def test_one_table_as_before(tmp_path):
    """The official table, merged and hand-made: no notice about table 四 but the units."""
    report = broken_report(12)
    for merged in (True, False):
        imported = read_report(document(tmp_path, report, [grid_table("t4", typed(report), merged=merged)]))
        assert_imported(imported, report)
        assert imported.notices == [LEVEL, *unit_notices(report)]
    plain = consistent_report(13)
    imported = read_report(document(tmp_path, plain, [grid_table("t4", values_of(plain))]))
    assert t4_cells(imported.report) == t4_cells(plain) and imported.notices == [LEVEL]


def test_huaian_figures_typed_as_two_tables(tmp_path, huaian_path):
    """淮安市's 2024 table 四 (351 复议) as its Word file wraps the headings (结 果 / 维持 inside a cell), typed as
    行政复议 | 行政诉讼: the published figures, and no error in table 四."""
    report = load_draft(huaian_path)
    value = values_of(report)
    wrapped = ["结 果\n维持", "结 果\n纠正", "其 他 结\n果", "尚 未\n审结", "总计"]
    parts = [Table([["行政复议", "", "", "", ""], wrapped, numbers(value, "review")], [(0, 0, 1, 5)]),
             Table([["行政诉讼", *[""] * 9], ["未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4], wrapped * 2,
                    numbers(value, *SUIT_BLOCKS)], [(0, 0, 1, 10), (1, 0, 1, 5), (1, 5, 1, 5)])]
    imported = read_report(document(tmp_path, report, parts, "none"))
    assert t4_cells(imported.report) == t4_cells(report)
    assert imported.report.number("t4.review.total") == 351
    assert t4_notices(imported) == ["表四分为2个表格，已合并导入。"]
    assert not [f for f in evaluate(imported.report) if f.rule.startswith("T4-")]
