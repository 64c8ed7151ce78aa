"""Where everything sits in our .xlsx: sheet names, the table grids' cells, the cover fields, the check cells.

Shared by the writer (exporters/xlsx_*) and the reader (importers/xlsx_reader.py), so that both agree by
construction. Every position comes from the grids of the report's format (`Format.grids`; the format's template is
recorded in TEMPLATE_CELL of the hidden sheet); nothing here spells a table label. The check cells are the format's
equations (models/rules/equations.py), placed beside the grid.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from openpyxl.utils import get_column_letter

from models.format.formats import FORMAT_2021, Format
from models.rules.equations import Equation, equations_of

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
    """A cell beside a table whose formula tests one equation of the format (models/rules/equations.py)."""

    equation: Equation
    row: int           # sheet row
    col: int           # sheet column
    colspan: int = 1

    @property
    def rule(self) -> str:
        return self.equation.rule

    @property
    def left(self) -> tuple[str, ...]:
        return self.equation.parts

    @property
    def right(self) -> tuple[str, ...]:
        return self.equation.totals


@cache
def check_cells(format_: Format = FORMAT_2021) -> dict[str, tuple[CheckCell, ...]]:
    """The check cells of each table sheet, one per equation of `format_` (表二 has none): a row's to the right of
    the row, a column's below the grid (one sheet row per rule), a block's below the block across its width."""
    checks: dict[str, list[CheckCell]] = {table: [] for table in format_.grids}
    below: dict[str, list[str]] = {}  # per table, the column rules in the order of their sheet rows
    for equation in equations_of(format_):
        grid = format_.grids[equation.table]
        points = [(sheet_row(r), sheet_col(c)) for r, c in map(grid.position, equation.cells)]
        if equation.axis == "row":
            check = CheckCell(equation, points[-1][0], sheet_col(grid.columns))
        elif equation.axis == "column":
            rules = below.setdefault(equation.table, [])
            if equation.rule not in rules:
                rules.append(equation.rule)
            check = CheckCell(equation, sheet_row(grid.rows) + rules.index(equation.rule), points[-1][1])
        else:
            first, last = min(c for _, c in points), max(c for _, c in points)
            check = CheckCell(equation, sheet_row(grid.rows), first, colspan=last - first + 1)
        checks[equation.table].append(check)
    return {table: tuple(found) for table, found in checks.items()}
