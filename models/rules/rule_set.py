"""The rule set: each rule declared once as a `Rule` (id, severity, title, check), and `evaluate`, which runs them.

A rule's id and severity are written only in its declaration here (the ids of the equation rules in
models/rules/equations.py, the TXT ids in models/rules/text.py): a check builds its findings with `rule.finding(...)`,
so a finding always carries its rule's id and severity (tests/test_rules_declared_once.py keeps it so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from models.findings import Finding, Number, Severity
from models.report import Report
from models.rules import equations as eq
from models.rules import meta as rules_meta
from models.rules import soft as rules_soft
from models.rules import tables as rules_tables
from models.rules import text as rules_text
from models.rules import years as rules_years
from models.rules.focus import with_focus

#: A rule's check: the rule itself (to build findings with), this year's report and last year's (or None).
Check = Callable[["Rule", Report, "Report | None"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    check: Check
    needs_previous: bool = False
    #: The short plain-language name a clerk sees (the id is for reviewers: tooltips and exports).
    name: str = ""
    #: For a cross-year rule that can also compare without last year's report (X-4: the text carried over from it):
    #: whether this report gives it something to compare with. None: last year's report is what it needs.
    compares_without_previous: Callable[[Report], bool] | None = None

    @property
    def cross_year(self) -> bool:
        return self.needs_previous or self.compares_without_previous is not None

    def compared(self, report: Report, previous_loaded: bool) -> bool:
        """Whether the rule had something to check `report` against (always, for a rule of this year alone)."""
        if not self.cross_year or previous_loaded:
            return True
        return self.compares_without_previous is not None and self.compares_without_previous(report)

    def finding(self, cells: tuple[str, ...], message: str, left: Number | None = None,
                right: Number | None = None, **details: object) -> Finding:
        """A finding of this rule (its id and severity) on `cells`; `details` are Finding's keyword fields."""
        return Finding(self.id, self.severity, cells, message, left, right, **details)  # type: ignore[arg-type]

    def run(self, report: Report, previous: Report | None = None) -> Iterable[Finding]:
        """This rule's findings on `report` (a rule that needs last year's report finds nothing without it)."""
        return self.check(self, report, previous)


_equations = rules_tables.check_equations
T3_A = Rule(eq.BALANCE, Severity.ERROR, "表三每列：新收＋上年结转＝办理结果总计＋结转下年度", _equations,
            name="表三 列收支平衡")
T3_B = Rule(eq.ROW_SUM, Severity.ERROR, "表三每行：总计＝自然人＋各类法人或其他组织", _equations, name="表三 行合计")
T3_C = Rule(eq.COLUMN_SUM, Severity.ERROR, "表三每列：（七）总计＝（一）至（六）各项之和", _equations,
            name="表三 列合计")
T4_A = Rule(eq.BLOCK_SUMS["review"], Severity.ERROR, "表四·行政复议：各项结果之和＝总计", _equations,
            name="表四 行政复议合计")
T4_B = Rule(eq.BLOCK_SUMS["suit_direct"], Severity.ERROR, "表四·行政诉讼·未经复议直接起诉：各项结果之和＝总计",
            _equations, name="表四 直接起诉合计")
T4_C = Rule(eq.BLOCK_SUMS["suit_after_review"], Severity.ERROR, "表四·行政诉讼·复议后起诉：各项结果之和＝总计",
            _equations, name="表四 复议后起诉合计")
V_1 = Rule("V-1", Severity.ERROR, "每个单元格均已填写有效数值（空白不等于0）", rules_tables.check_v1,
           name="单元格未填写")
V_SPLIT = Rule("V-SPLIT", Severity.WARNING, "导入的报告未分列的行（“（六）其他处理”只有一行）已分列填写",
               rules_tables.check_unsplit, name="原报告未分列")
V_META = Rule("V-META", Severity.ERROR, "基本信息：机关名称、报告年度、机关层级均已填写", rules_meta.check_meta,
              name="基本信息未填")
X_1 = Rule("X-1", Severity.WARNING, "本年上年结转＝上年结转下年度", rules_years.check_x1, needs_previous=True,
           name="与上年结转不一致")
X_2 = Rule("X-2", Severity.WARNING, "现行有效件数＝上年现行有效＋本年制发－本年废止", rules_years.check_x2,
           needs_previous=True, name="规范性文件件数与上年不衔接")
X_3 = Rule("X-3", Severity.INFO, "数值与上年相比变化不超过5倍", rules_years.check_x3, needs_previous=True,
           name="与上年相比变化大")
X_4 = Rule("X-4", Severity.WARNING, "“五、存在的主要问题及改进情况”不与上年雷同", rules_years.check_x4,
           compares_without_previous=rules_years.x4_has_carried_text, name="问题与改进与上年雷同")
W_1 = Rule("W-1", Severity.WARNING, "非规章制定机关不填报规章", rules_soft.check_w1, name="非规章制定机关填了规章")
W_2 = Rule("W-2", Severity.WARNING, "发出收费通知的，“六”中说明信息处理费情况", rules_soft.check_w2,
           name="信息处理费未说明")
W_3 = Rule("W-3", Severity.WARNING, "“五、存在的主要问题及改进情况”不为空", rules_soft.check_w3,
           name="存在的主要问题未填")
W_4 = Rule("W-4", Severity.WARNING, "不引用已废止的格式，不把往年年份当作本年", rules_soft.check_w4,
           name="引用废止格式或往年年份")
W_DATE = Rule("W-DATE", Severity.WARNING, "已填写发布日期（落款日期）", rules_meta.check_date, name="落款日期未定")
TXT = tuple(Rule(p.rule, Severity.WARNING, f"正文中的{p.title}与表格一致", rules_text.check_text,
                 name=f"正文{p.title}与表格不一致")
            for p in rules_text.TEXT_PATTERNS)
TXT_NONE = Rule("TXT-NONE", Severity.ERROR, "表三有本年新收申请的，正文不写“无依申请公开”",
                rules_text.check_no_requests, name="正文称无申请而表三有")

RULES: tuple[Rule, ...] = (
    T3_A, T3_B, T3_C, T4_A, T4_B, T4_C, V_1, V_SPLIT, V_META, X_1, X_2, X_3, X_4, W_1, W_2, W_3, W_4, W_DATE, *TXT,
    TXT_NONE,
)
RULE_BY_ID = {r.id: r for r in RULES}


def rule_name(rule_id: str) -> str:
    """The plain-language name of a rule for the clerk; an unknown id (a newer draft's) is shown as it is."""
    rule = RULE_BY_ID.get(rule_id)
    return rule.name if rule is not None and rule.name else rule_id


def evaluate(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding of every rule, sorted by severity, then table order, then rule id."""
    findings: list[Finding] = []
    for rule in RULES:
        if rule.needs_previous and previous is None:
            continue
        findings.extend(rule.check(rule, report, previous))
    findings = with_focus(findings, report.cells)
    findings.sort(key=Finding.sort_key)
    return findings

