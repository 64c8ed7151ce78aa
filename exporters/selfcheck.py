"""The 自查清单: every rule of the rule set with its outcome for one report, for the Word appendix and Excel.

Statuses: 通过 (no finding), 未通过 (an error), 有警告 / 有提示 (warnings or infos, each with the clerk's 说明 if
written), 未核对 (a cross-year rule when last year's report was not loaded).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.findings import Finding, Severity
from models.report import Report
from models.rules import RULE_BY_ID, RULES, Rule

PASSED, FAILED, NOT_CHECKED = "通过", "未通过", "未核对"
NOT_CHECKED_REASON = "未载入上年度报告，未作跨年度核对。"
_WITH_FINDINGS = {Severity.ERROR: FAILED, Severity.WARNING: "有警告", Severity.INFO: "有提示"}


@dataclass(frozen=True)
class FindingLine:
    finding: Finding
    note: str  # the clerk's 说明 ('' when none)


@dataclass(frozen=True)
class ChecklistRow:
    rule: Rule
    status: str
    lines: tuple[FindingLine, ...]

    @property
    def passed(self) -> bool:
        return self.status == PASSED


def previous_was_loaded(previous: Report | None, findings: Iterable[Finding]) -> bool:
    """Whether the cross-year rules ran: last year's report is given, or one of its findings is there."""
    return previous is not None or any(
        RULE_BY_ID[f.rule].needs_previous for f in findings if f.rule in RULE_BY_ID
    )


def checklist(report: Report, findings: list[Finding], previous_loaded: bool) -> list[ChecklistRow]:
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    rows: list[ChecklistRow] = []
    for rule in RULES:
        found = by_rule.get(rule.id, [])
        if rule.needs_previous and not previous_loaded:
            status = NOT_CHECKED
        elif not found:
            status = PASSED
        else:
            status = _WITH_FINDINGS[min((f.severity for f in found), key=lambda s: s.rank)]
        lines = tuple(FindingLine(f, report.notes.get(f.fingerprint, "")) for f in found)
        rows.append(ChecklistRow(rule, status, lines))
    return rows


def summary(findings: list[Finding]) -> str:
    """错误0个，警告2个，提示1个."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return "，".join(f"{s.label}{counts[s]}个" for s in Severity)

