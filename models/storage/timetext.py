"""Times as the clerk reads them (2026年03月28日 14:05), built from the numbers.

Never `strftime` with Chinese in the format: CPython on Windows hands the format to the C runtime in the locale's
code page, which cannot encode 年 under an English locale (UnicodeEncodeError) and refuses it under code page 936
(ValueError: Invalid format string).
"""

from __future__ import annotations

from datetime import datetime


def minute_text(moment: datetime) -> str:
    """`2026年03月28日 14:05`."""
    return f"{moment.year}年{moment.month:02d}月{moment.day:02d}日 {moment.hour:02d}:{moment.minute:02d}"
