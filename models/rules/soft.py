"""Soft rules within one report (spec §5): W-1 … W-4."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from models.findings import Finding, TextSpan
from models.format import format2021 as fmt
from models.report import Report, text_digest
from models.rules.stale_years import stale_years
from models.rules.text import text_location
from models.rules.textscan import half_width

if TYPE_CHECKING:
    from models.rules.rule_set import Rule

FEE_WORDS = ("信息处理费", "处理费")
EMPTY_PROBLEMS = re.compile(r"^(无|暂无|没有|无问题|暂无问题)[。.]?$")
OLD_FORMAT = re.compile(r"〔\s*2019\s*〕\s*60\s*号|[\[［(（]\s*2019\s*[\]］)）]\s*60\s*号|2019\s*年?\s*第?\s*60\s*号")


def check_w1(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """规章 cells not 0 although the agency level cannot make 规章."""
    level = report.meta.level
    if level not in fmt.LEVELS or level in fmt.LEVELS_THAT_MAKE_RULES:
        return
    keys = tuple(fmt.t2("rules", c.key) for c in fmt.T2_BLOCKS[0].columns)
    nonzero = tuple(k for k in keys if (report.number(k) or 0) > 0)
    if nonzero:
        written = "、".join(f"{fmt.cell_label(k).split('·')[-1]}{report.number(k)}" for k in nonzero)
        yield rule.finding(
            nonzero,
            f"机关层级为“{level}”，按规定只有国务院部门和省级、设区的市级人民政府可以制定规章，"
            f"但表二·规章填写了{written}。请核实是否应填在行政规范性文件一行。",
        )


def check_w2(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Fee notices issued (（六）2.) but section 六 does not mention 信息处理费."""
    key = fmt.t3("other_2", "total")
    count = report.number(key)
    if not count:
        return
    if any(word in report.section_text("s6") for word in FEE_WORDS):
        return
    yield rule.finding(
        (key,),
        f"{fmt.cell_label(key)}为{count}件，说明本年发出过收费通知，"
        f"但“{fmt.SECTION_BY_KEY['s6'].heading}”未提及信息处理费的收取情况。",
        count,
    )


def check_w3(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Section 五 empty or only 无."""
    text = "".join("".join(report.texts.get(k, "") for k in fmt.text_keys("s5")).split())
    if text and not EMPTY_PROBLEMS.match(text):
        return
    yield rule.finding(
        (),
        f"“{fmt.SECTION_BY_KEY['s5'].heading}”{'为空' if not text else '只写了“' + text + '”'}。"
        "请如实写明本年存在的问题和改进措施。",
        detail="s5", page="s5",
    )


def check_w4(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """The superseded 2019 format cited, or an earlier year written as if it were the report's
    (models.rules.stale_years): both are last year's text not yet updated."""
    for text_key in fmt.ALL_TEXT_KEYS:
        raw = report.texts.get(text_key, "")
        for start, end in _old_format_citations(raw) if raw else ():
            yield rule.finding(
                (),
                f"{text_location(text_key)}：引用了已被国办公开办函〔2021〕30号取代的国办公开办函〔2019〕60号格式。",
                span=TextSpan(text_key, start, end),
                detail=f"{text_key}:2019-60",
            )
    year = report.meta.year
    if not year:
        return
    for text_key in (fmt.PREAMBLE_KEY, *(k for s in fmt.NARRATIVE_SECTIONS for k in fmt.text_keys(s))):
        raw = report.texts.get(text_key, "")
        for start, named, sentence in stale_years(raw, year) if raw else ():
            yield rule.finding(
                (),
                f"{text_location(text_key)}：“{_shortened(sentence)}”写的是{named}年，本报告为{year}年度。"
                f"如是沿用往年的文字，请改为{year}年的情况；如确指{named}年，请写明（如“较{named}年”）或填写说明。",
                span=TextSpan(text_key, start, start + 4),
                detail=f"{text_key}:{named}:{text_digest(sentence)}",
            )


def _shortened(sentence: str, limit: int = 60) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit] + "…"


@lru_cache(maxsize=256)
def _old_format_citations(raw: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in OLD_FORMAT.finditer(half_width(raw)))
