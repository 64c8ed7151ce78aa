"""The 自查清单: every rule of the rule set with its outcome for one report, for the Word appendix and Excel.

Statuses: 通过 (no finding), 未通过 (an error), 有警告 / 有提示 (warnings or infos, each with the clerk's 说明 if
written), 未核对 (a cross-year rule with nothing to compare: last year's report not loaded and, for X-4, no text
carried over from it; or a rule of equations none of which could be checked for blank or invalid cells). A rule
of equations (models/rules/equations.py) also says what it checked: how many equations held, and which were left
unchecked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.findings import Finding, Severity
from models.report import Report
from models.rules.equations import Equation, Outcome, equations_by_rule
from models.rules.rule_set import RULE_BY_ID, RULES, V_1, Rule

PASSED, FAILED, NOT_CHECKED = "通过", "未通过", "未核对"
NOT_CHECKED_REASON = "未载入上年度报告，未作跨年度核对。"
_WITH_FINDINGS = {Severity.ERROR: FAILED, Severity.WARNING: "有警告", Severity.INFO: "有提示"}
LISTED_UNCHECKED = 3  # equations named one by one when left unchecked; more are counted


@dataclass(frozen=True)
class FindingLine:
    finding: Finding
    note: str  # the clerk's 说明 ('' when none)


@dataclass(frozen=True)
class ChecklistRow:
    rule: Rule
    status: str
    lines: tuple[FindingLine, ...]
    equations: tuple[tuple[Equation, Outcome], ...] = ()  # the rule's equations and how each came out

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    @property
    def remarks(self) -> tuple[str, ...]:
        """What the row says besides its findings: why it was not checked, what its equations came to."""
        if self.rule.cross_year and self.status == NOT_CHECKED:
            return (NOT_CHECKED_REASON,)
        return (equation_remark(self.equations),) if self.equations else ()


def equation_remark(outcomes: tuple[tuple[Equation, Outcome], ...]) -> str:
    """What a rule's equations came to: 核对7个等式，均成立。/ 核对“表四·行政复议：总计＝…”，不成立。/
    未核对1个等式（有未填写或无效的单元格，见V-1）：“…”。"""
    checked = [e for e, o in outcomes if o is not Outcome.INCOMPLETE]
    broken = sum(1 for _, o in outcomes if o is Outcome.BROKEN)
    unchecked = [e for e, o in outcomes if o is Outcome.INCOMPLETE]
    said = ""
    if len(checked) == 1:
        said = f"核对“{checked[0].description}”，{'不成立' if broken else '成立'}。"
    elif checked:
        said = f"核对{len(checked)}个等式，{f'{broken}个不成立' if broken else '均成立'}。"
    if unchecked:
        named = "；".join(f"“{e.description}”" for e in unchecked[:LISTED_UNCHECKED])
        more = "等" if len(unchecked) > LISTED_UNCHECKED else ""
        said += f"未核对{len(unchecked)}个等式（有未填写或无效的单元格，见{V_1.id}）：{named}{more}。"
    return said


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
    equations = equations_by_rule(report.format)
    for rule in RULES:
        found = by_rule.get(rule.id, [])
        outcomes = tuple((e, e.outcome(report.cells)) for e in equations.get(rule.id, ()))
        if not rule.compared(report, previous_loaded):
            status = NOT_CHECKED
        elif found:
            status = _WITH_FINDINGS[min((f.severity for f in found), key=lambda s: s.rank)]
        elif outcomes and all(o is Outcome.INCOMPLETE for _, o in outcomes):
            status = NOT_CHECKED
        else:
            status = PASSED
        lines = tuple(FindingLine(f, report.notes.get(f.fingerprint, "")) for f in found)
        rows.append(ChecklistRow(rule, status, lines, outcomes))
    return rows


def summary(findings: list[Finding]) -> str:
    """错误0个，警告2个，提示1个."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return "，".join(f"{s.label}{counts[s]}个" for s in Severity)

