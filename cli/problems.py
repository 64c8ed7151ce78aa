"""The problems a summary row names (问题1–3): the weightiest first, blank cells as one line.

Weight, heaviest first: the sums of tables 三 and 四 (T3-*, T4-*); the text against the tables and the cross-year
checks (TXT-*, X-*), errors before warnings; any other error; the cells not filled in (V-1), all of them as one line;
any other warning; a hint. Within one weight, the order of `evaluate` (table order) is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.findings import Finding, Severity
from models.format.formats import Format

SHOWN = 3
BLANK_RULE = "V-1"
EXAMPLES = 3


def weight(finding: Finding) -> int:
    """0 for the weightiest finding; see the module's docstring."""
    rule, error = finding.rule, finding.severity is Severity.ERROR
    if finding.severity is Severity.INFO:
        return 6
    if rule == BLANK_RULE:
        return 4
    if rule.startswith(("T3-", "T4-")) and error:
        return 0
    if rule.startswith(("TXT-", "X-")):
        return 1 if error else 2
    return 3 if error else 5


def top_problems(findings: Sequence[Finding], format_: Format, shown: int = SHOWN) -> list[str]:
    """The `shown` weightiest problems as "[rule] message"; the V-1 findings together are one of them."""
    blanks = [f for f in findings if f.rule == BLANK_RULE]
    lines: list[tuple[int, str]] = [(weight(f), f"[{f.rule}] {f.message}") for f in findings if f.rule != BLANK_RULE]
    if blanks:
        lines.append((weight(blanks[0]), f"[{BLANK_RULE}] {blank_cells_line(blanks, format_)}"))
    lines.sort(key=lambda line: line[0])  # stable: table order within one weight
    return [text for _, text in lines[:shown]]


def blank_cells_line(findings: Sequence[Finding], format_: Format) -> str:
    """The V-1 findings of one report in one sentence: "5个单元格未填写（例如表三·…、…等）。空白不等于0，…"."""
    blank = [key for f in findings if f.blank for key in f.cells]
    invalid = [key for f in findings if not f.blank for key in f.cells]
    counts = "、".join(text for text in (f"{len(blank)}个单元格未填写" if blank else "",
                                          f"{len(invalid)}个单元格的数值无效" if invalid else "") if text)
    keys = [*invalid, *blank]
    examples = "、".join(format_.cell_label(k) for k in keys[:EXAMPLES]) + ("等" if len(keys) > EXAMPLES else "")
    advice = "空白不等于0，没有发生的请填0。" if blank else "请填写0或正数。"
    return f"{counts}（{'例如' if len(keys) > EXAMPLES else ''}{examples}）。{advice}"
