"""What a clerk types into 基本信息's 报告年度 and 发布日期 boxes, read into a year or a date (no Qt).

Both boxes are plain text boxes: a blank box means "not set" (None); anything else must read as a whole year or a
whole date, or it is refused with a Chinese reason and nothing is stored. Dates are read as clerks write them:
`2026-3-28`, `2026年3月28日`, `2026.3.28`, `2026/03/28`, `20260328`, with full-width digits or spaces too.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from models.errors import UserError
from models.format.format2021 import YEAR_MAX, YEAR_MIN
from models.values import false_digits_problem

#: Publication dates the app accepts (a report is published the year after the one it covers).
DATE_YEAR_MIN, DATE_YEAR_MAX = 2000, 2100
DATE_EXAMPLES = "2025年1月20日、2025-1-20、2025.1.20 或 2025/1/20"

_YEAR = re.compile(r"(\d{4})年?(?:度)?")
_DATE = re.compile(r"(\d{4})\s*(?:[-./年]|\s)\s*(\d{1,2})\s*(?:[-./月]|\s)\s*(\d{1,2})\s*日?")
_DIGITS = re.compile(r"\d{6,8}")


class InputRefused(UserError, ValueError):
    """The text is not a year / a date; `message` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _plain(text: str) -> str:
    """Full-width digits and punctuation made half-width, every space removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def parse_year(text: str) -> int | None:
    """`2024`, `２０２４`, `2024年` → 2024; blank → None. Raises InputRefused."""
    _refuse_false_digits(text)
    plain = _plain(text)
    if not plain:
        return None
    match = _YEAR.fullmatch(plain)
    if not match:
        raise InputRefused(f"“{text.strip()}”不是年份：请填写四位数字的年份，如2024。")
    year = int(match.group(1))
    problem = year_problem(year)
    if problem:
        raise InputRefused(problem)
    return year


def _refuse_false_digits(text: str) -> None:
    """A superscript or circled number is no digit (NFKC would read `202¹` as 2021)."""
    problem = false_digits_problem(text)
    if problem:
        raise InputRefused(problem)


def year_problem(year: int) -> str:
    """Why `year` cannot be a report's year ('' when it can): the one range of the 报告年度 box, the command line and
    every draft the app writes (YEAR_MIN–YEAR_MAX of models.format.format2021)."""
    if YEAR_MIN <= year <= YEAR_MAX:
        return ""
    return f"报告年度应在{YEAR_MIN}至{YEAR_MAX}年之间，“{year}”不在其中。"


def parse_date(text: str) -> date | None:
    """A date as clerks write it; blank → None. Raises InputRefused with the reason.

    Year, month and day are separated by `-` `.` `/`, 年月日 or spaces. Digits alone are read as 20260328, or, with
    six or seven digits (2026328, typed section by section), as the one date they can be; two readings are refused.
    """
    _refuse_false_digits(text)
    plain = unicodedata.normalize("NFKC", text).strip()
    if not plain:
        return None
    match = _DATE.fullmatch(plain)
    if match:
        year, month, day = (int(g) for g in match.groups())
    elif _DIGITS.fullmatch(plain):
        year, month, day = _digits_date(text.strip(), plain)
    else:
        raise InputRefused(f"“{text.strip()}”不是完整的日期：请按{DATE_EXAMPLES}的格式填写。")
    if not DATE_YEAR_MIN <= year <= DATE_YEAR_MAX:
        raise InputRefused(f"“{text.strip()}”的年份{year}不对：年份应在{DATE_YEAR_MIN}至{DATE_YEAR_MAX}年之间。")
    if not 1 <= month <= 12:
        raise InputRefused(f"“{text.strip()}”的月份{month}不对：月份应为1至12。")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise InputRefused(f"“{text.strip()}”不是有效的日期：{year}年{month}月只有1至{last}日。")
    return date(year, month, day)


def _digits_date(text: str, digits: str) -> tuple[int, int, int]:
    year, rest = int(digits[:4]), digits[4:]
    if len(rest) == 4:
        return year, int(rest[:2]), int(rest[2:])
    readings = []
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if 1 <= len(day) <= 2 and not month.startswith("0") and not day.startswith("0"):
            try:
                readings.append(date(year, int(month), int(day)))
            except ValueError:
                continue
    if len(readings) == 1:
        return year, readings[0].month, readings[0].day
    if readings:
        both = "或".join(format_date(d) for d in readings)
        raise InputRefused(f"“{text}”可以读作{both}：请用“-”或年月日把年、月、日分开，如{format_date(readings[0])}。")
    raise InputRefused(f"“{text}”不是完整的日期：请按{DATE_EXAMPLES}的格式填写。")


def format_date(value: date) -> str:
    """2025年1月20日: the year in full, month and day without a leading zero (GB/T 9704-2012 成文日期)."""
    return f"{value.year}年{value.month}月{value.day}日"
