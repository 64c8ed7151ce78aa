"""Which cell of a failing sum is most likely wrong, so that one wrong number paints one red cell.

A single mistyped number in table 三 breaks its row's sum (T3-B) and its column's sums (T3-A, T3-C) at once: the
cell they share is the likeliest culprit, and both findings say so. A （七）总计 that disagrees both with the outcomes
above it (T3-C) and with 新收＋上年结转－结转下年度 (T3-A) is itself the likeliest. Otherwise the rules' own choice
stands (the total of the sum: totals are typed by hand). Every finding keeps all its cells, for the exports, the
自查清单 and the jump; only `focus` and the message change.
"""

from __future__ import annotations

from dataclasses import replace

from models.findings import Finding
from models.format.formats import label_of
from models.rules.equations import BALANCE, COLUMN_SUM, ROW_SUM
from models.values import CellValue, format_value

_ROW, _COLUMN = (ROW_SUM,), (BALANCE, COLUMN_SUM)
_ROW_AND_COLUMN = "它所在的行和列都不平"
_BOTH_COLUMN_SUMS = "（一）至（六）之和、新收加上年结转减结转下年度都与它不符"


def with_focus(findings: list[Finding], cells: dict[str, CellValue]) -> list[Finding]:
    """`findings` with the likeliest wrong cell of crossing sums as their focus, named in their messages."""
    culprits: dict[int, tuple[set[str], str]] = {}
    rows = [f for f in findings if f.rule in _ROW]
    columns = [f for f in findings if f.rule in _COLUMN]
    for row in rows:
        for column in columns:
            _blame(culprits, (row, column), set(row.cells) & set(column.cells), _ROW_AND_COLUMN)
    t3a = {f.cells[2]: f for f in columns if f.rule == BALANCE}  # keyed by the column's 办理结果总计 cell
    for t3c in (f for f in columns if f.rule == COLUMN_SUM):
        total = t3c.cells[-1]
        if total in t3a and id(t3c) not in culprits and id(t3a[total]) not in culprits:
            _blame(culprits, (t3c, t3a[total]), {total}, _BOTH_COLUMN_SUMS)
    if not culprits:
        return findings
    result = []
    for finding in findings:
        if id(finding) in culprits:
            found, why = culprits[id(finding)]
            ordered = tuple(k for k in finding.cells if k in found)
            named = "、".join(f"“{label_of(k)}”（{format_value(cells.get(k))}）" for k in ordered)
            why = why.replace("它", "它们各自", 1) if len(ordered) > 1 else why
            finding = replace(finding, focus=ordered, message=f"{finding.message}最可能填错的是{named}：{why}。")
        result.append(finding)
    return result


def _blame(culprits: dict[int, tuple[set[str], str]], findings: tuple[Finding, ...], shared: set[str],
           why: str) -> None:
    if len(shared) != 1:
        return
    for finding in findings:
        found, _ = culprits.setdefault(id(finding), (set(), why))
        found.update(shared)
