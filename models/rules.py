"""The rule set as data (id, severity, title, check) and `evaluate`, which runs every rule on a report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from models import rules_meta, rules_soft, rules_tables, rules_text, rules_years
from models.findings import Finding, Severity
from models.focus import with_focus
from models.report import Report

Check = Callable[[Report, Report | None], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    check: Check
    needs_previous: bool = False


def _this_year(check: Callable[[Report], Iterable[Finding]]) -> Check:
    return lambda report, previous: check(report)


def _text_rule(pattern: rules_text.TextPattern) -> Check:
    return lambda report, previous: rules_text.check_text(report, (pattern,))


RULES: tuple[Rule, ...] = (
    Rule("T3-A", Severity.ERROR, "表三每列：新收＋上年结转＝办理结果总计＋结转下年度",
         _this_year(rules_tables.check_t3a)),
    Rule("T3-B", Severity.ERROR, "表三每行：总计＝自然人＋各类法人或其他组织", _this_year(rules_tables.check_t3b)),
    Rule("T3-C", Severity.ERROR, "表三每列：（七）总计＝（一）至（六）各项之和", _this_year(rules_tables.check_t3c)),
    Rule("T4-A", Severity.ERROR, "表四·行政复议：各项结果之和＝总计",
         _this_year(rules_tables.check_t4("review", "T4-A"))),
    Rule("T4-B", Severity.ERROR, "表四·行政诉讼·未经复议直接起诉：各项结果之和＝总计",
         _this_year(rules_tables.check_t4("suit_direct", "T4-B"))),
    Rule("T4-C", Severity.ERROR, "表四·行政诉讼·复议后起诉：各项结果之和＝总计",
         _this_year(rules_tables.check_t4("suit_after_review", "T4-C"))),
    Rule("V-1", Severity.ERROR, "每个单元格均已填写有效数值（空白不等于0）", _this_year(rules_tables.check_v1)),
    Rule("V-META", Severity.ERROR, "基本信息：机关名称、报告年度、机关层级均已填写", _this_year(rules_meta.check_meta)),
    Rule("X-1", Severity.WARNING, "本年上年结转＝上年结转下年度", rules_years.check_x1, needs_previous=True),
    Rule("X-2", Severity.WARNING, "现行有效件数＝上年现行有效＋本年制发－本年废止", rules_years.check_x2,
         needs_previous=True),
    Rule("X-3", Severity.INFO, "数值与上年相比变化不超过5倍", rules_years.check_x3, needs_previous=True),
    Rule("X-4", Severity.WARNING, "“五、存在的主要问题及改进情况”不与上年雷同", rules_years.check_x4),
    Rule("W-1", Severity.WARNING, "非规章制定机关不填报规章", _this_year(rules_soft.check_w1)),
    Rule("W-2", Severity.WARNING, "发出收费通知的，“六”中说明信息处理费情况", _this_year(rules_soft.check_w2)),
    Rule("W-3", Severity.WARNING, "“五、存在的主要问题及改进情况”不为空", _this_year(rules_soft.check_w3)),
    Rule("W-4", Severity.WARNING, "不引用已废止的格式，不把往年年份当作本年", _this_year(rules_soft.check_w4)),
    Rule("W-DATE", Severity.WARNING, "已填写发布日期（落款日期）", _this_year(rules_meta.check_date)),
    *(Rule(p.rule, Severity.WARNING, f"正文中的{p.title}与表格一致", _text_rule(p))
      for p in rules_text.TEXT_PATTERNS),
    Rule("TXT-NONE", Severity.ERROR, "表三有本年新收申请的，正文不写“无依申请公开”",
         _this_year(rules_text.check_no_requests)),
)
RULE_BY_ID = {r.id: r for r in RULES}


def evaluate(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding of every rule, sorted by severity, then table order, then rule id."""
    findings: list[Finding] = []
    for rule in RULES:
        if rule.needs_previous and previous is None:
            continue
        findings.extend(rule.check(report, previous))
    findings = with_focus(findings, report.cells)
    findings.sort(key=Finding.sort_key)
    return findings


def rules_checked(previous_loaded: bool) -> tuple[Rule, ...]:
    """The rules that `evaluate` runs (for a 自查清单: every rule, passed or not)."""
    return tuple(r for r in RULES if previous_loaded or not r.needs_previous)
