"""Narrative helpers: the standard 依申请公开 paragraph generated from table 三."""

from __future__ import annotations

from models.format import format2021 as fmt
from models.report import Report


class IncompleteTable(ValueError):
    """Table 三 lacks numbers the paragraph needs; the message (Chinese) lists them."""


def _count(report: Report, row: str, col: str = "total") -> int:
    value = report.number(fmt.t3(row, col))
    if value is None:
        raise IncompleteTable(f"表三·{fmt.T3_ROW_BY_KEY[row].name}·{fmt.T3_COLUMN_BY_KEY[col].label}未填写。")
    return int(value)


def requests_paragraph(report: Report) -> str:
    """本年新收…件，其中自然人…件、法人或其他组织…件；上年结转…件；办结…件，其中予以公开…件…；结转下年度…件。"""
    missing = [
        f"{fmt.T3_ROW_BY_KEY[r].name}·{fmt.T3_COLUMN_BY_KEY[c].label}"
        for r in ("new", "carried_in", "handled_total", "carried_out", *fmt.T3_LEAF_ROWS)
        for c in ("natural", *fmt.T3_LEGAL_COLUMNS, "total")
        if report.number(fmt.t3(r, c)) is None and (c == "total" or r == "new")
    ]
    if missing:
        shown = "、".join(missing[:5]) + ("等" if len(missing) > 5 else "")
        raise IncompleteTable(f"表三尚未填完，无法生成段落：{shown}未填写。")
    new = _count(report, "new")
    natural = _count(report, "new", "natural")
    legal = sum(_count(report, "new", c) for c in fmt.T3_LEGAL_COLUMNS)
    outcomes = [("予以公开", _count(report, "granted")), ("部分公开", _count(report, "partial"))]
    for group in fmt.T3_GROUPS:
        leaves = [r.key for r in fmt.T3_ROWS if r.group == group.key]
        outcomes.append((group.label[3:], sum(_count(report, leaf) for leaf in leaves)))
    listed = "、".join(f"{name}{n}件" for name, n in outcomes if n)
    year = f"{report.meta.year}年，" if report.meta.year else ""
    handled = _count(report, "handled_total")
    parts = [
        f"{year}本年新收政府信息公开申请{new}件，其中自然人{natural}件、法人或其他组织{legal}件",
        f"上年结转{_count(report, 'carried_in')}件",
        f"办结{handled}件" + (f"，其中{listed}" if listed and handled else ""),
        f"结转下年度继续办理{_count(report, 'carried_out')}件",
    ]
    return "；".join(parts) + "。"
