"""The deadline banner text: days left to publish the report (spec §1; the date is configurable per report)."""

from __future__ import annotations

from datetime import date


def deadline_text(year: int | None, deadline: tuple[int, int, int] | None, today: date | None = None) -> str:
    if not year or deadline is None:
        return ""
    today = today or date.today()
    due = date(*deadline)
    days = (due - today).days
    when = f"{due.year}年{due.month}月{due.day}日"
    if days > 0:
        return f"{year}年度报告应于{when}前公开，还有{days}天。"
    if days == 0:
        return f"{year}年度报告今天（{when}）截止公开。"
    return f"{year}年度报告的公开截止日期（{when}）已过{-days}天。"
