"""The formulas of our .xlsx: live totals and the 一致 / 不一致 checks beside each table.

Blank cells: a blank is "not filled in", never 0 (spec V-1). A total therefore shows a number only when every
cell it adds up holds a number, and stays empty otherwise (`IF(COUNT(range)=n, SUM(range), "")`); a check shows
未填完 until every cell it compares holds a number, like the app's rules, which skip a sum with a blank in it.
"""

from __future__ import annotations

from layouts.xlsx_layout import CheckCell, refs
from models.format.formats import FORMAT_2021, Format

CONSISTENT, INCONSISTENT, INCOMPLETE = "一致", "不一致", "未填完"


def sum_formula(total_key: str, format_: Format = FORMAT_2021) -> str:
    """The live total of `total_key` per the format's sum definitions (`Format.sums`)."""
    parts = format_.sums[total_key]
    args = ",".join(refs(parts, format_))
    return f'=IF(COUNT({args})={len(parts)},SUM({args}),"")'


def check_formula(check: CheckCell, format_: Format = FORMAT_2021) -> str:
    """一致 when sum(parts) = sum(totals) of the check's equation, 不一致 when not, 未填完 while a cell is not a number
    (as the Python check, which skips such an equation). Cells are placed by `format_`'s grids."""
    equation = check.equation
    left, right = ",".join(refs(equation.parts, format_)), ",".join(refs(equation.totals, format_))
    n = len(equation.cells)
    return (f'=IF(COUNT({left},{right})<{n},"{INCOMPLETE}",'
            f'IF(SUM({left})=SUM({right}),"{CONSISTENT}","{INCONSISTENT}"))')
