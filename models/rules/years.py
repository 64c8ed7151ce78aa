"""Rules across years (spec §5): X-1 … X-4, checked against last year's report."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from models.findings import Finding
from models.format import format2021 as fmt
from models.report import Report, text_digest
from models.rules.textscan import similarity
from models.rules.year_change import SWING_FACTOR, YearChange

if TYPE_CHECKING:
    from models.rules.rule_set import Rule

SAME_WORDING = 0.9  # this alike in wording (years and figures left out) is 雷同


def _last_year(previous: Report) -> str:
    return f"{previous.meta.year}年度报告" if previous.meta.year else "上年度报告"


def check_x1(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Per column: this year's 上年结转 = last year's 结转下年度."""
    if previous is None:
        return
    for col in fmt.T3_COLUMNS:
        key = fmt.t3("carried_in", col.key)
        now, before = report.number(key), previous.number(fmt.t3("carried_out", col.key))
        if now is None or before is None or now == before:
            continue
        yield rule.finding(
            (key,),
            f"表三·{col.label}列：本年上年结转为{now}，但{_last_year(previous)}结转下年度为{before}，"
            f"相差{abs(now - before)}。",
            now, before,
        )


def check_x2(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """现行有效件数 = last year's 现行有效件数 + 本年制发 − 本年废止, for 规章 and 行政规范性文件."""
    if previous is None:
        return
    for row in fmt.T2_BLOCKS[0].rows:
        keys = {c: fmt.t2(row.key, c) for c in ("issued", "repealed", "in_force")}
        issued, repealed, in_force = (report.number(keys[c]) for c in ("issued", "repealed", "in_force"))
        before = previous.number(keys["in_force"])
        if None in (issued, repealed, in_force, before):
            continue
        expected = before + issued - repealed
        if expected != in_force:
            yield rule.finding(
                tuple(keys.values()),
                f"表二·{row.label}：上年现行有效{before}＋本年制发{issued}－本年废止{repealed}＝{expected}，"
                f"但本年现行有效件数为{in_force}，相差{abs(expected - in_force)}。"
                "如因清理、失效等原因，请在说明中写明。",
                expected, in_force,
            )


def check_x3(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """A count that grew more than 5× or fell below 1/5 of last year's, both ≥ 10 (YearChange.swing)."""
    if previous is None:
        return
    cells, earlier, format_ = report.cells, previous.cells, report.format
    for key in format_.count_keys:  # a key last year's format did not have is blank there, and skipped
        change = YearChange(cells.get(key), earlier.get(key))
        if change.swing:
            direction = "增加" if change.direction > 0 else "减少"
            yield rule.finding(
                (key,),
                f"{format_.cell_label(key)}：本年{change.now}，{_last_year(previous)}为{change.before}，"
                f"{direction}超过{SWING_FACTOR}倍，请核实。",
                change.now, change.before, swing=True,
            )


def x4_has_carried_text(report: Report) -> bool:
    """Without last year's report, X-4 compares section 五 with the text carried over from it, if it was."""
    return "text:s5" in report.provenance


def check_x4(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Section 五 the same as last year's: word for word, or alike in wording once years and figures are left out
    (models.rules.textscan.similarity ≥ SAME_WORDING); or, without last year's report, carried over and left
    unchanged."""
    text = report.section_text("s5")
    if not text.strip():
        return
    heading = fmt.SECTION_BY_KEY["s5"].heading
    if previous is not None and previous.section_text("s5").strip():
        alike = similarity(text, previous.section_text("s5"))
        if alike < SAME_WORDING:
            return
        how = "完全相同" if text_digest(text) == text_digest(previous.section_text("s5")) else (
            f"基本相同（除年份和数字外{alike:.0%}相同）")
        source = _last_year(previous)
    else:
        carried = report.provenance.get("text:s5")
        if carried is None or carried.digest != text_digest(text):
            return
        how, source = "完全相同", f"{carried.year}年度报告" if carried.year else "上年度报告"
    yield rule.finding(
        (),
        f"“{heading}”与{source}{how}。年度报告格式通知要求不得内容雷同，请按本年实际情况修改。",
        detail="s5", page="s5",
    )
