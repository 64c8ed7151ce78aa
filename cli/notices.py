"""Which reading notices a 政务公开办 needs to look at (the summary's 读取提示 count) and which only inform.

A notice is a sentence from a reader (importers/) or from the batch (cli/batch.py), with no kind of its own; the
informational ones are told apart here, in one place, by their wording. Every other notice matters: something was
guessed, refused, missing or left out. The full list stays in the text output, --json and the 全部问题 sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cli.batch import PAIRED_NOTICE, SAVED_NOTICE
from layouts.docx_layout import CHECKLIST_TITLE, SIGNOFF_TITLE


def _template(text: str) -> re.Pattern[str]:
    """A notice written from a str.format template: the fixed parts verbatim, each {field} any text."""
    parts = re.split(r"\{\w+\}", text)
    return re.compile("^" + ".+?".join(re.escape(p) for p in parts) + "$")


#: The notices that only inform, each with why it needs no action.
INFORMATIONAL: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^机关层级按机关名称“.+”推定为“[^”]+”"),
     "the level Word does not print was inferred from the agency's name and the rules ran with it"),
    (re.compile(rf"^已略过(报告前的“{SIGNOFF_TITLE}”|文末的附件“{CHECKLIST_TITLE}”)。$"),
     "a page this app adds to its own Word export (审核签发单, 自查清单), not part of the report, was skipped"),
    (re.compile(r"^文末落款“.*”未计入“"),
     "the 落款 (agency and date) closing the report was kept out of section 六's text, as it should be"),
    (re.compile(r"：已去掉“[^”]+”，按[0-9.]+填写。$|^\d+个单元格中的“[^”]+”已去掉，只保留数字"),
     "a unit (件, 万元) or a word such as 共/合计 beside a number was dropped; the number is read as written"),
    (re.compile(r"：“[^”]+”按整数\d+填写。$"),
     "a count written with zero decimals (12.0) was read as the whole number"),
    (re.compile(r"^“[^”]+”按原文保留，对应“[^”]+”。$"),
     "a sub-heading worded a little differently was kept as written; the text is where it belongs"),
    (re.compile(r"^表三的“（六）其他处理”在原报告中只有一行，且都为0"),
     "a single （六） row of zeros means zero in each of its three rows: nothing was guessed"),
    (re.compile(r"^表[二三四]有\d+个单元格空白"),
     "each blank cell it names is a V-1 error already, counted and shown in 问题1–3"),
    (_template(SAVED_NOTICE), "says which report the cross-year rules used; the 对照上年 column shows it"),
    (_template(PAIRED_NOTICE), "says which report the cross-year rules used; the 对照上年 column shows it"),
)


def informational(notice: str) -> bool:
    """Whether `notice` only informs (see INFORMATIONAL); a notice not known here matters."""
    return any(pattern.search(notice) for pattern, _ in INFORMATIONAL)


def notices_that_matter(notices: Iterable[str]) -> list[str]:
    return [n for n in notices if not informational(n)]
