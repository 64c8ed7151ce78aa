"""Auto-sum helpers: the totals the format defines as sums, computed from their parts.

Each helper returns the changes {key: value} rather than applying them, so that the UI can make one undo step.
A total is computed only when every part holds a number; otherwise it is left as it is.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from models.format import format2021 as fmt
from models.format.formats import FORMAT_2021, FORMATS, Format
from models.report import Report
from models.values import CellValue, is_number


@cache
def row_totals(format_: Format) -> tuple[str, ...]:
    """Table 三's 总计 column of `format_`, but （七）总计·总计, which belongs to the （七）总计 row: the sum of the
    leaves' 总计 column (T3-B checks it across too)."""
    return tuple(fmt.t3(r.key, "total") for r in format_.t3_rows if r.key != "handled_total")


@cache
def handled_totals(format_: Format) -> tuple[str, ...]:
    """Table 三's （七）总计 row of `format_`."""
    return tuple(fmt.t3("handled_total", c.key) for c in format_.t3_columns)


@cache
def t4_total_keys(format_: Format) -> tuple[str, ...]:
    """Each 总计 of table 四 of `format_`."""
    return tuple(fmt.t4(b.key, "total") for b in format_.t4_blocks)


@cache
def auto_sum_keys(format_: Format) -> frozenset[str]:
    """Every cell of `format_` that can be switched to 自动合计."""
    return frozenset((*row_totals(format_), *handled_totals(format_), *t4_total_keys(format_)))


def _order(format_: Format) -> tuple[str, ...]:
    """The totals in dependency order: row totals, then （七）总计 (which adds up leaf totals), then 表四."""
    return (*row_totals(format_), *handled_totals(format_), *t4_total_keys(format_))


# The 2021 format's, for code and tests written against it.
ROW_TOTALS = row_totals(FORMAT_2021)
HANDLED_TOTALS = handled_totals(FORMAT_2021)
T4_TOTALS = t4_total_keys(FORMAT_2021)
#: Every cell that can be switched to 自动合计 in a format registered at start (2021, 2019); one report's are
#: `auto_sum_keys(report.format)` (what ui/document.py filters its stored switches by, and a new report starts with).
AUTO_SUM_KEYS: frozenset[str] = frozenset().union(*(auto_sum_keys(f) for f in FORMATS.values()))


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
    sums = report.format.sums
    for key in totals:
        if key not in sums:
            continue  # a total of another format
        value = _sum_of(cells, sums[key])
        if value is None:
            if blank_incomplete and cells.get(key) is not None:
                cells[key] = changes[key] = None
            continue
        if cells.get(key) != value or not is_number(cells.get(key)):
            cells[key] = changes[key] = value
    return changes


def t3_row_totals(report: Report) -> dict[str, CellValue]:
    """The 总计 column of table 三: each row's six applicant kinds added up."""
    return _changes(report, row_totals(report.format))


def t3_handled_totals(report: Report) -> dict[str, CellValue]:
    """The （七）总计 row of table 三: each column's leaf outcomes added up."""
    return _changes(report, handled_totals(report.format))


def t4_totals(report: Report) -> dict[str, CellValue]:
    """Each 总计 of table 四."""
    return _changes(report, t4_total_keys(report.format))


def all_totals(report: Report, keys: frozenset[str] | None = None, *,
               blank_incomplete: bool = False) -> dict[str, CellValue]:
    """Every auto-sum of the report's format (or those in `keys`), in dependency order: row totals, then （七）总计,
    then 表四."""
    order = tuple(k for k in _order(report.format) if keys is None or k in keys)
    return _changes(report, order, blank_incomplete)


def apply(report: Report, changes: dict[str, CellValue]) -> None:
    for key, value in changes.items():
        report.set(key, value)
