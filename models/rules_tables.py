"""Error rules within one report (spec §5): T3-A, T3-B, T3-C, T4-A/B/C and V-1.

A sum rule is checked only when every cell it involves holds a number: a blank or invalid cell is V-1's finding,
and a half-filled column is not reported twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from models import format2021 as fmt
from models.findings import Finding, Severity, num
from models.report import Report
from models.values import check_value, is_number

Numbers = dict[str, int | Decimal]


def _numbers(report: Report, keys: tuple[str, ...]) -> Numbers | None:
    values = {k: report.cells.get(k) for k in keys}
    if all(is_number(v) for v in values.values()):
        return values  # type: ignore[return-value]
    return None


def _terms(names_and_values: list[tuple[str, int | Decimal]]) -> str:
    return "＋".join(f"{name}{num(value)}" for name, value in names_and_values)


def check_t3a(report: Report) -> Iterator[Finding]:
    """Per column: new + carried_in = handled_total + carried_out."""
    for col in fmt.T3_COLUMNS:
        keys = tuple(fmt.t3(r, col.key) for r in ("new", "carried_in", "handled_total", "carried_out"))
        values = _numbers(report, keys)
        if values is None:
            continue
        new, carried_in, handled, carried_out = (values[k] for k in keys)
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
    for row in fmt.T3_ROWS:
        parts = tuple(fmt.t3(row.key, c) for c in fmt.T3_PART_COLUMNS)
        total_key = fmt.t3(row.key, "total")
        values = _numbers(report, (*parts, total_key))
        if values is None:
            continue
        left = sum(values[k] for k in parts)
        right = values[total_key]
        if left != right:
            terms = _terms([(fmt.T3_COLUMN_BY_KEY[c].label, values[fmt.t3(row.key, c)]) for c in fmt.T3_PART_COLUMNS])
            yield Finding(
                "T3-B", Severity.ERROR, (*parts, total_key),
                f"表三·{row.name}行：{terms}＝{left}，但总计为{right}，相差{abs(left - right)}。",
                left, right,
            )


def check_t3c(report: Report) -> Iterator[Finding]:
    """Per column: （七）总计 = the sum of the 21 leaf outcomes."""
    for col in fmt.T3_COLUMNS:
        leaves = tuple(fmt.t3(r, col.key) for r in fmt.T3_LEAF_ROWS)
        total_key = fmt.t3("handled_total", col.key)
        values = _numbers(report, (*leaves, total_key))
        if values is None:
            continue
        left = sum(values[k] for k in leaves)
        right = values[total_key]
        if left != right:
            yield Finding(
                "T3-C", Severity.ERROR, (*leaves, total_key),
                f"表三·{col.label}列：（一）至（六）各项办理结果之和为{left}，但（七）总计为{right}，"
                f"相差{abs(left - right)}。",
                left, right,
            )


def check_t4(block_key: str, rule_id: str):
    def check(report: Report) -> Iterator[Finding]:
        block = fmt.T4_BLOCK_BY_KEY[block_key]
        parts = tuple(fmt.t4(block_key, c) for c in fmt.T4_PART_COLUMNS)
        total_key = fmt.t4(block_key, "total")
        values = _numbers(report, (*parts, total_key))
        if values is None:
            return
        left = sum(values[k] for k in parts)
        right = values[total_key]
        if left != right:
            terms = _terms([(fmt.T4_COLUMN_BY_KEY[c].label, values[fmt.t4(block_key, c)]) for c in fmt.T4_PART_COLUMNS])
            yield Finding(
                rule_id, Severity.ERROR, (*parts, total_key),
                f"表四·{block.name}：{terms}＝{left}，但总计为{right}，相差{abs(left - right)}。",
                left, right,
            )

    check.__doc__ = f"{block_key}: upheld + corrected + other + pending = total."
    return check


def _row_groups() -> list[tuple[str, tuple[str, ...]]]:
    """The cells of each table row, with the row's name, for grouping V-1 findings one per row."""
    groups: list[tuple[str, tuple[str, ...]]] = []
    for block in fmt.T2_BLOCKS:
        for row in block.rows:
            groups.append((f"表二·{row.label}", tuple(f"t2.{row.key}.{c.key}" for c in block.columns)))
    for row in fmt.T3_ROWS:
        groups.append((f"表三·{row.name}", tuple(fmt.t3(row.key, c.key) for c in fmt.T3_COLUMNS)))
    for block in fmt.T4_BLOCKS:
        groups.append((f"表四·{block.name}", tuple(fmt.t4(block.key, c.key) for c in fmt.T4_COLUMNS)))
    return groups


ROW_GROUPS = _row_groups()


def _column_name(key: str) -> str:
    cell = fmt.CELL_BY_KEY[key]
    if cell.table == "t3":
        return fmt.T3_COLUMN_BY_KEY[cell.column].label
    if cell.table == "t4":
        return fmt.T4_COLUMN_BY_KEY[cell.column].label
    for block in fmt.T2_BLOCKS:
        for col in block.columns:
            if col.key == cell.column:
                return col.label
    return key  # pragma: no cover


def check_v1(report: Report) -> Iterator[Finding]:
    """Every cell filled with a valid value: blanks one finding per row, each invalid value its own finding."""
    for name, keys in ROW_GROUPS:
        blanks = tuple(k for k in keys if report.cells.get(k) is None)
        if blanks:
            which = "、".join(_column_name(k) for k in blanks) if len(blanks) < len(keys) else "整行"
            yield Finding(
                "V-1", Severity.ERROR, blanks,
                f"{name}：{which}未填写。空白不等于0，没有发生的请填0。",
                detail="blank",
            )
        for key in keys:
            problem = check_value(key, report.cells.get(key))
            if problem:
                yield Finding(
                    "V-1", Severity.ERROR, (key,),
                    f"{fmt.cell_label(key)}：{problem}" + (
                        "请填写0或正数（最多6位小数）。" if fmt.CELL_BY_KEY[key].kind is fmt.CellKind.AMOUNT
                        else "请填写0或正整数。"
                    ),
                    detail="invalid",
                )
