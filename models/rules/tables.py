"""Error rules within one report (spec §5): the equation rules (T3-A, T3-B, T3-C, T4-A/B/C) and V-1, and V-SPLIT for
the rows an imported report did not split out.

An equation is checked only when every cell it involves holds a number: a blank or invalid cell is V-1's finding,
and a half-filled column is not reported twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from models.findings import Finding
from models.format import format2021 as fmt
from models.format.formats import Format
from models.report import Report
from models.rules.equations import equations_by_rule
from models.values import MAX_COUNT, check_value

if TYPE_CHECKING:
    from models.rules.rule_set import Rule


def check_equations(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Each equation of `rule` in the report's format (models/rules/equations.py) whose two sides differ. A blank
    cell the imported report did not split out counts as 0: its number is in the row it was counted in."""
    cells = report.cells
    if report.workspace.unsplit:
        cells = {**cells, **{k: 0 for k in report.workspace.unsplit if cells.get(k) is None}}
    for equation in equations_by_rule(report.format).get(rule.id, ()):
        sides = equation.sides(cells)
        if sides is None:
            continue
        left, right, values = sides
        if left != right:
            yield rule.finding(equation.cells, equation.message(values, left, right), left, right,
                               focus=equation.focus)


@cache
def _row_groups(format_: Format) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The cells of each table row, with the row's name, for grouping V-1 findings one per row (computed once per
    format: the rules run on every keystroke)."""
    groups: list[tuple[str, tuple[str, ...]]] = []
    for block in format_.t2_blocks:
        for row in block.rows:
            groups.append((f"表二·{row.label}", tuple(fmt.t2(row.key, c.key) for c in block.columns)))
    for row in format_.t3_rows:
        groups.append((f"表三·{row.name}", tuple(fmt.t3(row.key, c.key) for c in format_.t3_columns)))
    for block in format_.t4_blocks:
        groups.append((f"表四·{block.name}", tuple(fmt.t4(block.key, c.key) for c in format_.t4_columns)))
    return tuple(groups)


def _column_name(format_: Format, key: str) -> str:
    cell = format_.cell_by_key[key]
    if cell.table == "t3":
        return fmt.T3_COLUMN_BY_KEY[cell.column].label
    if cell.table == "t4":
        return fmt.T4_COLUMN_BY_KEY[cell.column].label
    for block in format_.t2_blocks:
        for col in block.columns:
            if col.key == cell.column:
                return col.label
    return key  # pragma: no cover


def check_unsplit(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Rows the imported report did not split out (its （六）其他处理 printed as one row): one warning per row while
    any of them is blank."""
    unsplit = report.workspace.unsplit
    if not unsplit:
        return
    for name, keys in _row_groups(report.format):
        blanks = tuple(k for k in keys if k in unsplit and report.cells.get(k) is None)
        if blanks:
            yield rule.finding(blanks, f"{name}：原报告未分列（“（六）其他处理”只有一行，其数字已计入“3.其他”）。"
                                       "请按办理记录分列填写，没有发生的填0。")


def check_v1(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Every cell filled with a valid value: blanks one finding per row, each invalid value its own finding."""
    format_ = report.format
    unsplit = report.workspace.unsplit
    for name, keys in _row_groups(format_):
        blanks = tuple(k for k in keys if report.cells.get(k) is None and k not in unsplit)
        if blanks:
            which = "、".join(_column_name(format_, k) for k in blanks) if len(blanks) < len(keys) else "整行"
            yield rule.finding(
                blanks,
                f"{name}：{which}未填写。空白不等于0，没有发生的请填0。",
                detail="blank", blank=True,
            )
        for key in keys:
            value = report.cells.get(key)
            if value is None or (type(value) is int and 0 <= value <= MAX_COUNT and key != fmt.AMOUNT_KEY):
                continue
            problem = check_value(key, value)
            if problem:
                yield rule.finding(
                    (key,),
                    f"{format_.cell_label(key)}：{problem}" + (
                        "请填写0或正数（最多6位小数）。" if format_.cell_by_key[key].kind is fmt.CellKind.AMOUNT
                        else "请填写0或正整数。"
                    ),
                    detail="invalid",
                )
