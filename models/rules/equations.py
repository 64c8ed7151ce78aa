"""The equations of a format: every 勾稽关系 that says one sum of cells equals another, declared once.

Built from the format's sum definitions (`Format.sums`: each row total of table 三, its （七）总计 row, the 总计 of
each block of table 四) plus T3-A (the rule printed in table 三's corner, which is no sum definition). The Python check
(`models.rules.tables.check_equations`), the Excel check cells (`layouts.xlsx_layout.check_cells`, their formulas in
`layouts.xlsx_formulas`) and the 自查清单 (`exporters.selfcheck`) all iterate `equations_of(format)`; none writes an
equation of its own.

An equation holds when every cell in it holds a number and sum(parts) = sum(totals); with a blank or invalid cell it
is not checked (that is V-1's finding), in Python and in Excel alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Literal

from models.format import format2021 as fmt
from models.format.formats import Format

#: The ids of the rules that consist of equations (models/rules/rule_set.py gives each its severity and title).
BALANCE = "T3-A"      # per column of table 三: 新收 + 上年结转 = 办理结果总计 + 结转下年度
ROW_SUM = "T3-B"      # per row of table 三: 总计 = the applicant columns
COLUMN_SUM = "T3-C"   # per column of table 三: （七）总计 = the leaf outcomes
BLOCK_SUMS = {"review": "T4-A", "suit_direct": "T4-B", "suit_after_review": "T4-C"}  # per block of table 四

#: Where an equation lies in its table: along a row, down a column, or across a block of table 四.
Direction = Literal["row", "column", "block"]

_PLUS = "＋"
#: T3-A's two sides: (row key, name in messages), the rule printed in table 三's corner.
_BALANCE_NAMES = (
    (("new", "新收"), ("carried_in", "上年结转")),
    (("handled_total", "办理结果总计"), ("carried_out", "结转下年度")),
)
_LEAVES = "（一）至（六）各项办理结果之和"
_NUMBER_TYPES = (int, Decimal)


class Outcome(Enum):
    HOLDS = "holds"
    BROKEN = "broken"
    INCOMPLETE = "incomplete"  # a cell is blank or invalid: not checked


@dataclass(frozen=True)
class Equation:
    """sum(parts) = sum(totals), on one row, column or block of a table, checked by rule `rule`."""

    rule: str
    table: str                      # "t3" | "t4"
    axis: Direction
    where: str                      # 表三·自然人列, 表三·本年新收行, 表四·行政复议
    parts: tuple[str, ...]
    totals: tuple[str, ...]         # one total cell, or (for T3-A) the two cells on the right-hand side
    part_names: tuple[str, ...]     # for the message: 自然人、商业企业 … (empty: `parts_phrase` names them)
    total_names: tuple[str, ...]
    parts_phrase: str = ""          # （一）至（六）各项办理结果之和, for many parts

    @property
    def cells(self) -> tuple[str, ...]:
        """Every cell of the equation, parts first (the cells of its findings, in this order)."""
        return (*self.parts, *self.totals)

    @property
    def focus(self) -> tuple[str, ...]:
        """The cell most likely wrong when it fails: a total (typed by hand) when there is one."""
        return self.totals if len(self.totals) == 1 else ()

    @property
    def description(self) -> str:
        """The equation in words, for the 自查清单: 表三·自然人列：新收＋上年结转＝办理结果总计＋结转下年度."""
        parts = self.parts_phrase or _PLUS.join(self.part_names)
        if len(self.totals) == 1:
            return f"{self.where}：{self.total_names[0]}＝{parts}"
        return f"{self.where}：{parts}＝{_PLUS.join(self.total_names)}"

    def sides(self, cells: dict[str, object]) -> tuple[object, object, list] | None:
        """(sum of parts, sum of totals, every value) when every cell holds a number, else None."""
        values = [cells.get(k) for k in self.cells]
        for v in values:
            if type(v) not in _NUMBER_TYPES:
                return None
        n = len(self.parts)
        return sum(values[:n]), sum(values[n:]), values

    def outcome(self, cells: dict[str, object]) -> Outcome:
        sides = self.sides(cells)
        if sides is None:
            return Outcome.INCOMPLETE
        return Outcome.HOLDS if sides[0] == sides[1] else Outcome.BROKEN

    def message(self, values: Sequence[object], left: object, right: object) -> str:
        """What a finding says when the equation fails: the numbers on both sides and the difference."""
        n = len(self.parts)
        if self.parts_phrase:
            said_left = f"{self.parts_phrase}为{left}"
        else:
            said_left = _terms(self.part_names, values[:n]) + f"＝{left}"
        if len(self.totals) == 1:
            said_right = f"{self.total_names[0]}为{right}"
        else:
            said_right = _terms(self.total_names, values[n:]) + f"＝{right}"
        return f"{self.where}：{said_left}，但{said_right}，相差{abs(left - right)}。"  # type: ignore[operator]


def _terms(names: Sequence[str], values: Sequence[object]) -> str:
    return _PLUS.join(f"{name}{value}" for name, value in zip(names, values, strict=True))


@cache
def equations_of(format_: Format) -> tuple[Equation, ...]:
    """Every equation of `format_`, in the order of RULES: T3-A, T3-B, T3-C, T4-A … T4-C; within a rule in table
    order. Computed once per format (the rules run on every keystroke)."""
    cell = format_.cell_by_key
    column_label = {("t4", c.key): c.label for c in format_.t4_columns}
    column_label.update({("t3", c.key): c.label for c in format_.t3_columns})
    row_name = {r.key: r.name for r in format_.t3_rows}
    row_label = {r.key: r.label for r in format_.t3_rows}
    col_name = {c.key: c.label for c in format_.t3_columns}  # table 三's
    block_name = {b.key: b.name for b in format_.t4_blocks}

    balance = tuple(
        Equation(BALANCE, "t3", "column", f"表三·{col.label}列",
                 tuple(fmt.t3(r, col.key) for r, _ in _BALANCE_NAMES[0]),
                 tuple(fmt.t3(r, col.key) for r, _ in _BALANCE_NAMES[1]),
                 tuple(n for _, n in _BALANCE_NAMES[0]), tuple(n for _, n in _BALANCE_NAMES[1]))
        for col in format_.t3_columns
    )
    rows: dict[str, Equation] = {}
    columns: dict[str, Equation] = {}
    blocks: dict[str, Equation] = {}
    for total, parts in format_.sums.items():
        at, over = cell[total], [cell[p] for p in parts]
        names = tuple(column_label[(c.table, c.column)] for c in over)
        if at.table == "t4":
            blocks[at.row] = Equation(BLOCK_SUMS[at.row], "t4", "block", f"表四·{block_name[at.row]}", parts,
                                      (total,), names, (column_label[("t4", at.column)],))
        elif all(c.row == at.row for c in over):
            rows[at.row] = _row_sum(row_name[at.row], parts, total, names, column_label[("t3", at.column)])
        elif all(c.column == at.column for c in over):
            columns[at.column] = Equation(COLUMN_SUM, "t3", "column", f"表三·{col_name[at.column]}列", parts,
                                          (total,), (), (row_label[at.row],),
                                          parts_phrase=_LEAVES)
        else:  # pragma: no cover - a format's sums run along a row, down a column or across a block
            raise ValueError(f"sum of {total} is neither a row's, a column's nor a block's")
    # A cell has one sum definition: （七）总计·总计 is defined as its column's sum, yet its row adds up as well.
    for row in format_.t3_rows:
        if row.key not in rows:
            total = fmt.t3(row.key, "total")
            parts = tuple(fmt.t3(row.key, c.key) for c in format_.t3_columns if c.key != "total")
            rows[row.key] = _row_sum(row.name, parts, total, tuple(col_name[cell[c].column] for c in parts),
                                     col_name["total"])
    return (
        *balance,
        *(rows[r.key] for r in format_.t3_rows),
        *(columns[c.key] for c in format_.t3_columns if c.key in columns),
        *(blocks[b.key] for b in format_.t4_blocks if b.key in blocks),
    )


def _row_sum(name: str, parts: tuple[str, ...], total: str, names: tuple[str, ...], total_name: str) -> Equation:
    return Equation(ROW_SUM, "t3", "row", f"表三·{name}行", parts, (total,), names, (total_name,))


@cache
def equations_by_rule(format_: Format) -> dict[str, tuple[Equation, ...]]:
    """The equations of `format_` grouped by rule id."""
    grouped: dict[str, list[Equation]] = {}
    for equation in equations_of(format_):
        grouped.setdefault(equation.rule, []).append(equation)
    return {rule: tuple(found) for rule, found in grouped.items()}
