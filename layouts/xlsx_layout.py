"""Where everything sits in our .xlsx: sheet names, the table grids' cells, the cover fields, the check cells.

Shared by the writer (exporters/xlsx_*) and the reader (importers/xlsx_reader.py), so that both agree by
construction. Every position comes from the grids of the report's format (`Format.grids`; the format's template is
recorded in TEMPLATE_CELL of the hidden sheet); nothing here spells a table label.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from openpyxl.utils import get_column_letter

from models import format2021 as fmt
from models.formats import FORMAT_2021, Format

COVER_SHEET = "封面"
TABLE_SHEETS = {"t2": "表二", "t3": "表三", "t4": "表四"}
FINDINGS_SHEET = "检查结果"
DATA_SHEET = "报告数据"
DATA_MARKER = "gov-info-annual-report/xlsx"
DATA_VERSION = 1  # of the hidden sheet itself: A1 the marker, B1 this version, the draft JSON from A2 down
DATA_CHUNK = 30000  # characters per cell (Excel holds at most 32767)
#: The layout of the visible sheets (where the cover fields, the grids and their cells sit), written to
#: LAYOUT_VERSION_CELL of the hidden sheet. A reader reads the cells only of a layout it knows; workbooks exported
#: before the version was written (no value there) have layout 1. Change the layout, raise the version.
LAYOUT_VERSION = 1
LAYOUT_VERSION_CELL = "C1"
#: The report's template (format id), whose grids the table sheets hold. Workbooks exported before it was written
#: (no value there) hold the 2021 grids. A reader that does not know the template reads none of the cells.
TEMPLATE_CELL = "D1"

#: Sheet row of the grid's first row (row 1 is the table's title, row 2 a short guide).
GRID_TOP = 3

#: The cover's editable fields: (Meta attribute, label), from row COVER_FIRST_ROW down, label in A, value in B.
COVER_FIELDS: tuple[tuple[str, str], ...] = (
    ("agency", "机关名称"),
    ("year", "报告年度"),
    ("level", "机关层级"),
    ("publish_date", "发布日期"),
)
COVER_FIRST_ROW = 3


def cover_row(field: str) -> int:
    return COVER_FIRST_ROW + [f for f, _ in COVER_FIELDS].index(field)


def sheet_row(grid_row: int) -> int:
    return GRID_TOP + grid_row


def sheet_col(grid_col: int) -> int:
    return 1 + grid_col


def ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


@cache
def key_positions(format_: Format = FORMAT_2021) -> dict[str, tuple[str, int, int]]:
    """Every cell key of `format_` → (table, sheet row, sheet column) of its input cell."""
    positions: dict[str, tuple[str, int, int]] = {}
    for table, grid in format_.grids.items():
        for cell in grid.cells:
            if cell.is_input:
                positions[cell.key] = (table, sheet_row(cell.row), sheet_col(cell.col))
    return positions


def key_ref(key: str, format_: Format = FORMAT_2021) -> str:
    _, row, col = key_positions(format_)[key]
    return ref(row, col)


def refs(keys: tuple[str, ...] | list[str], format_: Format = FORMAT_2021) -> list[str]:
    """Sheet references for keys, with runs of neighbours in one row or one column joined into ranges."""
    points = [key_positions(format_)[k][1:] for k in keys]
    out: list[str] = []
    i = 0
    while i < len(points):
        j = i
        for step in ((0, 1), (1, 0)):
            j = i
            while j + 1 < len(points) and (points[j + 1][0] - points[j][0], points[j + 1][1] - points[j][1]) == step:
                j += 1
            if j > i:
                break
        start, end = points[i], points[j]
        out.append(ref(*start) if j == i else f"{ref(*start)}:{ref(*end)}")
        i = j + 1
    return out


@dataclass(frozen=True)
class CheckCell:
    """A cell beside a table whose formula tests one rule on one column, row or block: sum(left) = sum(right)."""

    rule: str
    row: int           # sheet row
    col: int           # sheet column
    left: tuple[str, ...]
    right: tuple[str, ...]
    colspan: int = 1


def _t3_checks(format_: Format) -> list[CheckCell]:
    grid = format_.grids["t3"]
    below = sheet_row(grid.rows)
    checks = []
    for j, col in enumerate(format_.t3_columns):
        c = sheet_col(grid.label_columns + j)
        checks.append(CheckCell("T3-A", below, c, (fmt.t3("new", col.key), fmt.t3("carried_in", col.key)),
                                (fmt.t3("handled_total", col.key), fmt.t3("carried_out", col.key))))
        checks.append(CheckCell("T3-C", below + 1, c, tuple(fmt.t3(r, col.key) for r in format_.t3_leaf_rows),
                                (fmt.t3("handled_total", col.key),)))
    right = sheet_col(grid.columns)
    parts = tuple(c.key for c in format_.t3_columns if c.key != "total")
    for i, row in enumerate(format_.t3_rows):
        checks.append(CheckCell("T3-B", sheet_row(grid.header_rows + i), right,
                                tuple(fmt.t3(row.key, c) for c in parts), (fmt.t3(row.key, "total"),)))
    return checks


def _t4_checks(format_: Format) -> list[CheckCell]:
    grid = format_.grids["t4"]
    n = len(format_.t4_columns)
    parts = tuple(c.key for c in format_.t4_columns if c.key != "total")
    return [
        CheckCell(rule, sheet_row(grid.rows), sheet_col(b * n),
                  tuple(fmt.t4(block.key, c) for c in parts), (fmt.t4(block.key, "total"),), colspan=n)
        for b, (block, rule) in enumerate(zip(format_.t4_blocks, ("T4-A", "T4-B", "T4-C"), strict=True))
    ]


@cache
def check_cells(format_: Format = FORMAT_2021) -> dict[str, tuple[CheckCell, ...]]:
    """The check cells of each table sheet of `format_` (表二 has no rule of its own besides V-1)."""
    return {"t2": (), "t3": tuple(_t3_checks(format_)), "t4": tuple(_t4_checks(format_))}
