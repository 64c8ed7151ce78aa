"""The formulas of our .xlsx: live totals and the 一致 / 不一致 checks beside each table.

Blank cells: a blank is "not filled in", never 0 (spec V-1). A total therefore shows a number only when every
cell it adds up holds a number, and stays empty otherwise (`IF(COUNT(range)=n, SUM(range), "")`); a check shows
未填完 until every cell it compares holds a number, like the app's rules, which skip a sum with a blank in it.
"""

from __future__ import annotations

from functools import cache

from layouts.xlsx_layout import CheckCell, refs
from models.format.formats import FORMAT_2021, Format

CONSISTENT, INCONSISTENT, INCOMPLETE = "一致", "不一致", "未填完"


@cache
def sum_formula(total_key: str, format_: Format = FORMAT_2021) -> str:
    """The live total of `total_key` per the format's sum definitions (`Format.sums`)."""
    parts = format_.sums[total_key]
    args = ",".join(refs(parts, format_))
    return f'=IF(COUNT({args})={len(parts)},SUM({args}),"")'


@cache
def check_formula(check: CheckCell, format_: Format = FORMAT_2021) -> str:
    """一致 when sum(parts) = sum(totals) of the check's equation, 不一致 when not, 未填完 while a cell is not a number
    (as the Python check, which skips such an equation). Cells are placed by `format_`'s grids."""
    equation = check.equation
    left, right = ",".join(refs(equation.parts, format_)), ",".join(refs(equation.totals, format_))
    n = len(equation.cells)
    return (f'=IF(COUNT({left},{right})<{n},"{INCOMPLETE}",'
            f'IF(SUM({left})=SUM({right}),"{CONSISTENT}","{INCONSISTENT}"))')


def _expand(key: str, computed: frozenset[str], format_: Format, into: dict[str, int], sign: int) -> None:
    """Add `sign` × the input cells `key` stands for: itself, or the parts of its formula when it is computed."""
    if key in computed:
        for part in format_.sums[key]:
            _expand(part, computed, format_, into, sign)
    else:
        into[key] = into.get(key, 0) + sign


@cache
def can_fail(check: CheckCell, computed: frozenset[str], format_: Format = FORMAT_2021) -> bool:
    """Whether the check can say 不一致 when the totals in `computed` are live formulas: its two sides, written out
    as sums of the cells a clerk types, differ (then editing a cell whose count differs breaks it); when they are the
    same sum, the check holds whatever is typed and is not shown."""
    net: dict[str, int] = {}
    for key in check.equation.parts:
        _expand(key, computed, format_, net, 1)
    for key in check.equation.totals:
        _expand(key, computed, format_, net, -1)
    return any(net.values())
