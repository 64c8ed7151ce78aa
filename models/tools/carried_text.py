"""Text carried over from last year's report is a draft, not an answer.

`new_year_from` copies last year's paragraphs as a start and records each in `Report.provenance` ("text:KEY", with a
digest of the text). Such a paragraph is *unconfirmed* until the clerk edits it (any change drops the provenance) or
confirms that it holds for this year too. A section with unconfirmed text is not finished, and the official export
asks first.
"""

from __future__ import annotations

from models.format import format2021 as fmt
from models.report import Report, text_digest

#: The texts a clerk writes (报告开头 and sections 一, 五, 六), in the report's order.
WRITTEN_KEYS = (fmt.PREAMBLE_KEY, *(k for section in fmt.NARRATIVE_SECTIONS for k in fmt.text_keys(section)))


def _marker(key: str) -> str:
    return f"text:{key}"


def is_unconfirmed(report: Report, key: str) -> bool:
    """Whether the text under `key` is last year's, carried over and neither edited nor confirmed."""
    text = report.texts.get(key, "")
    carried = report.provenance.get(_marker(key))
    return bool(text.strip()) and carried is not None and carried.digest == text_digest(text)


def unconfirmed_keys(report: Report) -> list[str]:
    """The text keys still holding unconfirmed carried text, in the report's order."""
    return [key for key in WRITTEN_KEYS if is_unconfirmed(report, key)]


def carried_year(report: Report, key: str) -> int | None:
    carried = report.provenance.get(_marker(key))
    return carried.year if carried is not None else None


def confirm(report: Report, key: str) -> bool:
    """The clerk keeps the carried text of `key` for this year. Returns whether anything changed.

    Only the paragraph's own mark goes: section 五's record of last year's whole text stays, so X-4 still sees a 五
    copied unchanged.
    """
    if not is_unconfirmed(report, key):
        return False
    del report.provenance[_marker(key)]
    return True


def mark_text(report: Report, key: str) -> str:
    """The line shown above an unconfirmed paragraph: 以下为2024年度原文，请修改或确认。"""
    year = carried_year(report, key)
    return f"以下为{year}年度原文，请修改或确认。" if year else "以下为上年度原文，请修改或确认。"
