"""Rules on 基本信息 (issue 12): V-META (agency, year and level are required) and W-DATE (no publication date).

A report without its agency or year has no proper title, and one without a level has no deadline and no 规章 check:
each missing field is an error of its own. A missing publication date only leaves the 落款 date blank in Word.
Findings name the field by its meta key (`meta.agency` …) so that the findings list can jump to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from models.findings import Finding
from models.format import format2021 as fmt
from models.report import Report

if TYPE_CHECKING:
    from models.rules.rule_set import Rule


def check_meta(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """V-META: one error per missing required field, in the order of the 基本信息 page."""
    meta = report.meta
    if not meta.agency.strip():
        yield rule.finding((fmt.META_AGENCY,), "基本信息：未填写机关名称。报告标题和落款都要写明机关名称。", blank=True)
    if not meta.year:
        yield rule.finding((fmt.META_YEAR,), "基本信息：未填写报告年度。报告标题要写明年度。", blank=True)
    if not meta.level:
        yield rule.finding((fmt.META_LEVEL,),
                           "基本信息：未选择机关层级。公开截止日期和表二规章一栏的检查都取决于机关层级。", blank=True)
    elif meta.level not in fmt.LEVELS:
        yield rule.finding((fmt.META_LEVEL,), f"基本信息：机关层级“{meta.level}”不是可选的层级之一，请重新选择。",
                           detail=meta.level)


def check_date(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """W-DATE: no publication date, so the Word 落款 carries a blank date line."""
    if report.meta.publish_date is None:
        yield rule.finding((fmt.META_PUBLISH_DATE,),
                           "落款日期未定：基本信息中未填写发布日期，导出的 Word 文件落款处日期留空"
                           "（“年　月　日”），须在印发前补填。", blank=True)
