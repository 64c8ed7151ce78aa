"""Error rules within one report (spec §5): T3-A, T3-B, T3-C, T4-A/B/C and V-1.

A sum rule is checked only when every cell it involves holds a number: a blank or invalid cell is V-1's finding,
and a half-filled column is not reported twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from models import format2021 as fmt
from models.findings import Finding, Severity, num
from models.formats import Format
from models.report import Report
from models.values import MAX_COUNT, check_value

_NUMBER_TYPES = (int, Decimal)


def _values(report: Report, keys: tuple[str, ...]) -> list[int | Decimal] | None:
    """The numbers in `keys`, or None when any of them is blank or invalid."""
    cells = report.cells
    values = [cells.get(k) for k in keys]
    for v in values:
        if type(v) not in _NUMBER_TYPES:
            return None
    return values  # type: ignore[return-value]


def _terms(names_and_values: list[tuple[str, int | Decimal]]) -> str:
    return "＋".join(f"{name}{num(value)}" for name, value in names_and_values)


@dataclass(frozen=True)
class _Keys:
    """A format's key tuples for the table rules."""

    t3a: tuple[tuple[fmt.Axis, tuple[str, ...]], ...]
    t3b: tuple[tuple[fmt.Axis, tuple[str, ...]], ...]
    t3c: tuple[tuple[fmt.Axis, tuple[str, ...]], ...]
    row_groups: tuple[tuple[str, tuple[str, ...]], ...]


@cache
def _keys(format_: Format) -> _Keys:
    """Computed once per format: the rules run on every keystroke."""
    return _Keys(
        tuple((col, tuple(fmt.t3(r, col.key) for r in ("new", "carried_in", "handled_total", "carried_out")))
              for col in format_.t3_columns),
        tuple((row, tuple(fmt.t3(row.key, c) for c in fmt.T3_PART_COLUMNS)) for row in format_.t3_rows),
        tuple((col, tuple(fmt.t3(r, col.key) for r in format_.t3_leaf_rows)) for col in format_.t3_columns),
        _row_groups(format_),
    )


_PART_NAMES = tuple(fmt.T3_COLUMN_BY_KEY[c].label for c in fmt.T3_PART_COLUMNS)
_T4_NAMES = tuple(fmt.T4_COLUMN_BY_KEY[c].label for c in fmt.T4_PART_COLUMNS)


def check_t3a(report: Report) -> Iterator[Finding]:
    """Per column: new + carried_in = handled_total + carried_out."""
    for col, keys in _keys(report.format).t3a:
        values = _values(report, keys)
        if values is None:
            continue
        new, carried_in, handled, carried_out = values
        left, right = new + carried_in, handled + carried_out
        if left != right:
            yield Finding(
                "T3-A", Severity.ERROR, keys,
                f"表三·{col.label}列：新收{new}＋上年结转{carried_in}＝{left}，"
                f"但办理结果总计{handled}＋结转下年度{carried_out}＝{right}，相差{abs(left - right)}。",
                left, right,
            )


def check_t3b(report: Report) -> Iterator[Finding]:
    """Per row: total = natural + the five kinds of 法人或其他组织."""
    for row, parts in _keys(report.format).t3b:
        values = _values(report, (*parts, fmt.t3(row.key, "total")))
        if values is None:
            continue
        left, right = sum(values[:-1]), values[-1]
        if left != right:
            terms = _terms(list(zip(_PART_NAMES, values[:-1], strict=True)))
            yield Finding(
                "T3-B", Severity.ERROR, (*parts, fmt.t3(row.key, "total")),
                f"表三·{row.name}行：{terms}＝{left}，但总计为{right}，相差{abs(left - right)}。",
                left, right, focus=(fmt.t3(row.key, "total"),),
            )


def check_t3c(report: Report) -> Iterator[Finding]:
    """Per column: （七）总计 = the sum of the 21 leaf outcomes."""
    for col, leaves in _keys(report.format).t3c:
        total_key = fmt.t3("handled_total", col.key)
        values = _values(report, (*leaves, total_key))
        if values is None:
            continue
        left, right = sum(values[:-1]), values[-1]
        if left != right:
            yield Finding(
                "T3-C", Severity.ERROR, (*leaves, total_key),
                f"表三·{col.label}列：（一）至（六）各项办理结果之和为{left}，但（七）总计为{right}，"
                f"相差{abs(left - right)}。",
                left, right, focus=(total_key,),
            )


def check_t4(block_key: str, rule_id: str):
    block = fmt.T4_BLOCK_BY_KEY[block_key]
    keys = (*(fmt.t4(block_key, c) for c in fmt.T4_PART_COLUMNS), fmt.t4(block_key, "total"))

    def check(report: Report) -> Iterator[Finding]:
        values = _values(report, keys)
        if values is None:
            return
        left, right = sum(values[:-1]), values[-1]
        if left != right:
            terms = _terms(list(zip(_T4_NAMES, values[:-1], strict=True)))
            yield Finding(
                rule_id, Severity.ERROR, keys,
                f"表四·{block.name}：{terms}＝{left}，但总计为{right}，相差{abs(left - right)}。",
                left, right, focus=(keys[-1],),
            )

    check.__doc__ = f"{block_key}: upheld + corrected + other + pending = total."
    return check


def _row_groups(format_: Format) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The cells of each table row, with the row's name, for grouping V-1 findings one per row."""
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


def check_v1(report: Report) -> Iterator[Finding]:
    """Every cell filled with a valid value: blanks one finding per row, each invalid value its own finding."""
    format_ = report.format
    for name, keys in _keys(format_).row_groups:
        blanks = tuple(k for k in keys if report.cells.get(k) is None)
        if blanks:
            which = "、".join(_column_name(format_, k) for k in blanks) if len(blanks) < len(keys) else "整行"
            yield Finding(
                "V-1", Severity.ERROR, blanks,
                f"{name}：{which}未填写。空白不等于0，没有发生的请填0。",
                detail="blank", blank=True,
            )
        for key in keys:
            value = report.cells.get(key)
            if value is None or (type(value) is int and 0 <= value <= MAX_COUNT and key != fmt.AMOUNT_KEY):
                continue
            problem = check_value(key, value)
            if problem:
                yield Finding(
                    "V-1", Severity.ERROR, (key,),
                    f"{format_.cell_label(key)}：{problem}" + (
                        "请填写0或正数（最多6位小数）。" if format_.cell_by_key[key].kind is fmt.CellKind.AMOUNT
                        else "请填写0或正整数。"
                    ),
                    detail="invalid",
                )
