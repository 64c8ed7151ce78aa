"""Where everything sits in a 数据采集表, shared by the writer (exporters/collection_sheet.py) and the reader
(importers/collection_reader.py) so that both agree by construction.

Sheets: 填报说明 (department, year, what is asked, who filled it in), 表二 (one line per cell of the table 二 rows
asked for), 表三 / 表四 (the official grids, as in our report workbook: `layouts.xlsx_layout`), and the hidden
采集表信息 that marks the file as ours and records the year, the department and the parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from layouts.xlsx_layout import TABLE_SHEETS, key_positions
from models.format import format2021 as fmt
from models.tools.collection import PART_BY_KEY, Part

GUIDE_SHEET = "填报说明"
INFO_SHEET = "采集表信息"
MARKER = "gov-info-annual-report/collection"
VERSION = 1
#: The hidden sheet: a marker row, then one `name | value` row each.
INFO_FIELDS = ("template", "year", "department", "parts")

#: The guide sheet's fields: (name, label), label in column A and value in column B from GUIDE_FIRST_ROW down.
GUIDE_FIELDS: tuple[tuple[str, str], ...] = (
    ("department", "填报科室"),
    ("year", "报告年度"),
    ("parts", "填报内容"),
    ("filler", "填报人"),
    ("phone", "联系电话"),
)
GUIDE_FIRST_ROW = 3

#: The 表二 sheet: a header row, then one line per cell: 项目 | 信息内容 | 栏目 | 数值.
T2_SHEET = TABLE_SHEETS["t2"]
T2_HEADER = ("项目", fmt.T2_ITEM_LABEL, "栏目", "数值")
T2_HEADER_ROW = 3
T2_VALUE_COLUMN = 4


def guide_row(name: str) -> int:
    return GUIDE_FIRST_ROW + [n for n, _ in GUIDE_FIELDS].index(name)


@dataclass(frozen=True)
class T2Line:
    key: str
    row: int                         # sheet row
    labels: tuple[str, str, str]     # 项目, 信息内容, 栏目


def t2_lines(parts: tuple[Part, ...]) -> tuple[T2Line, ...]:
    """The lines of the 表二 sheet for the table 二 parts asked for, in the format's order."""
    wanted = {p.key for p in parts if p.table == "t2"}
    lines: list[T2Line] = []
    row = T2_HEADER_ROW + 1
    for block in fmt.T2_BLOCKS:
        for item in block.rows:
            if item.key not in wanted:
                continue
            for col in block.columns:
                lines.append(T2Line(fmt.t2(item.key, col.key), row, (block.title, item.label, col.label)))
                row += 1
    return tuple(lines)


def positions(parts: tuple[Part, ...]) -> dict[str, tuple[str, int, int]]:
    """Every cell the department fills → (sheet name, row, column)."""
    found: dict[str, tuple[str, int, int]] = {}
    for line in t2_lines(parts):
        found[line.key] = (T2_SHEET, line.row, T2_VALUE_COLUMN)
    grid_positions = key_positions()
    for part in parts:
        if part.table in ("t3", "t4"):
            for key in PART_BY_KEY[part.key].keys:
                _, row, col = grid_positions[key]
                found[key] = (TABLE_SHEETS[part.table], row, col)
    return found


def sheet_names(parts: tuple[Part, ...]) -> tuple[str, ...]:
    """The visible sheets, in order."""
    tables = {p.table for p in parts}
    return (GUIDE_SHEET, *(TABLE_SHEETS[t] for t in ("t2", "t3", "t4") if t in tables))
