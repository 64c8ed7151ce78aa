"""Auto-sum helpers: the totals the format defines as sums, computed from their parts.

Each helper returns the changes {key: value} rather than applying them, so that the UI can make one undo step.
A total is computed only when every part holds a number; otherwise it is left as it is.
"""

from __future__ import annotations

from decimal import Decimal

from models import format2021 as fmt
from models.report import Report
from models.values import CellValue, is_number

# （七）总计·总计 belongs to the （七）总计 row: the sum of the leaves' 总计 column (T3-B checks it across too).
ROW_TOTALS = tuple(fmt.t3(r.key, "total") for r in fmt.T3_ROWS if r.key != "handled_total")
HANDLED_TOTALS = tuple(fmt.t3("handled_total", c.key) for c in fmt.T3_COLUMNS)
T4_TOTALS = tuple(fmt.t4(b.key, "total") for b in fmt.T4_BLOCKS)
#: Every cell that can be switched to 自动合计.
AUTO_SUM_KEYS = frozenset((*ROW_TOTALS, *HANDLED_TOTALS, *T4_TOTALS))


def _sum_of(cells: dict[str, CellValue], parts: tuple[str, ...]) -> int | Decimal | None:
    values = [cells.get(k) for k in parts]
    if not all(is_number(v) for v in values):
        return None
    return sum(values)  # type: ignore[arg-type]


def _changes(report: Report, totals: tuple[str, ...], blank_incomplete: bool = False) -> dict[str, CellValue]:
    """Compute `totals` in order, each seeing the ones computed before it (row totals feed （七）总计·总计).

    A total with a blank or invalid part is left as it is, or (`blank_incomplete`, for cells in 自动合计 mode)
    blanked, so that it never shows a sum of parts that are no longer all there.
    """
    cells = dict(report.cells)
    changes: dict[str, CellValue] = {}
    for key in totals:
        value = _sum_of(cells, fmt.SUM_DEFINITIONS[key])
        if value is None:
            if blank_incomplete and cells.get(key) is not None:
                cells[key] = changes[key] = None
            continue
        if cells.get(key) != value or not is_number(cells.get(key)):
            cells[key] = changes[key] = value
    return changes


def t3_row_totals(report: Report) -> dict[str, CellValue]:
    """The 总计 column of table 三: each row's six applicant kinds added up."""
    return _changes(report, ROW_TOTALS)


def t3_handled_totals(report: Report) -> dict[str, CellValue]:
    """The （七）总计 row of table 三: each column's 21 leaf outcomes added up."""
    return _changes(report, HANDLED_TOTALS)


def t4_totals(report: Report) -> dict[str, CellValue]:
    """Each 总计 of table 四."""
    return _changes(report, T4_TOTALS)


def all_totals(report: Report, keys: frozenset[str] | None = None, *,
               blank_incomplete: bool = False) -> dict[str, CellValue]:
    """Every auto-sum (or those in `keys`), in dependency order: row totals, then （七）总计, then 表四."""
    order = tuple(k for k in (*ROW_TOTALS, *HANDLED_TOTALS, *T4_TOTALS) if keys is None or k in keys)
    return _changes(report, order, blank_incomplete)


def apply(report: Report, changes: dict[str, CellValue]) -> None:
    for key, value in changes.items():
        report.set(key, value)
