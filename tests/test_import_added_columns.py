"""Issue 16 §6: a column the publisher added to table 三 (a 小计 of the 法人或其他组织 columns) is skipped with one
notice for the column, not one per row, and every official cell is read as published."""

from __future__ import annotations

import pytest

from importers import read_report
from tests.builders import consistent_report
from tests.docx_builders import Table, grid_table, report_blocks, values_of, write_docx

SUBTOTAL_NOTICE = "表三的“小计”一栏不是规定的栏目（原报告自行添加），其中的数字未导入；各栏以规定的栏目为准。"


@pytest.mark.parametrize("merged", [False, True], ids=["typed-by-hand", "merged-headings"])
def test_an_added_subtotal_column_is_one_notice_and_skipped(tmp_path, merged):
    report = consistent_report(3)
    blocks = report_blocks(report)
    at = [i for i, b in enumerate(blocks) if isinstance(b, Table)][1]
    official = grid_table("t3", values_of(report), merged=False)
    rows = []
    for n, row in enumerate(official.rows):
        added = "小计" if n == 2 else (str(sum(int(x) for x in row[4:9])) if n >= 3 else "")
        rows.append([*row[:9], added, *row[9:]])  # after the five 法人或其他组织 columns, before 总计
    merges = [(0, 0, 3, 3), (0, 3, 1, 8), (1, 4, 1, 6), (1, 10, 2, 1)] if merged else []
    blocks[at] = Table(rows, merges)
    imported = read_report(write_docx(tmp_path / "小计.docx", blocks))
    assert imported.report.cells == report.cells
    assert SUBTOTAL_NOTICE in imported.notices
    assert not [n for n in imported.notices if "多出的内容" in n], "no notice per row"
