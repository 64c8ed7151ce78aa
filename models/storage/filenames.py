"""File names made from what a clerk typed (机关名称, 科室): usable on Windows, macOS and Linux, and short enough.

One name may have 255 bytes on Linux and macOS (UTF-8: a Chinese character is 3 bytes) and 255 UTF-16 units on
Windows. The app later adds to a name it wrote — a temporary `.{name}.XXXXXXXX.tmp`, a lock `.~{name}.lock`, a backup
`{stem}-{digest}-{time}`, an original `{stem}（格式版本N原件）` — so a suggested name leaves NAME_ROOM for those. A
name that is too long keeps its end (the year and what the file is: `2024年度报告`) and is cut before it, marked
with “…”. Used by the command line for a file named after the report and by the GUI for its suggested names.
"""

from __future__ import annotations

import re

MAX_NAME_BYTES = 255
#: What the app may add to a name it writes (see the module's docstring), in bytes and in UTF-16 units alike.
NAME_ROOM = 40
#: The end of a stem kept whole when it is shortened: the year and what the file is
#: (`2024年政府信息公开工作年度报告（草稿）` has 21 characters).
KEPT_TAIL = 24
_CUT = "…"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?", re.IGNORECASE)
DEFAULT_STEM = "年度报告"


def _fits(name: str, limit: int) -> bool:
    return len(name.encode("utf-8")) <= limit and len(name.encode("utf-16-le")) // 2 <= limit


def safe_stem(stem: str, suffix: str = "") -> str:
    """`stem` usable as a file name (with `suffix`, e.g. ".nianbao", after it) on every system: no character or
    device name Windows refuses, no trailing dot or space, at most MAX_NAME_BYTES − NAME_ROOM with the suffix."""
    cleaned = _UNSAFE.sub("_", " ".join(stem.split())).rstrip(" .")
    if not cleaned:
        return DEFAULT_STEM
    if _RESERVED.fullmatch(cleaned):
        cleaned = f"_{cleaned}"
    limit = MAX_NAME_BYTES - NAME_ROOM
    if _fits(cleaned + suffix, limit):
        return cleaned
    head, tail = cleaned[:-KEPT_TAIL], cleaned[-KEPT_TAIL:]
    low, high = 0, len(head)
    while low < high:  # the longest head that fits
        middle = (low + high + 1) // 2
        if _fits(head[:middle].rstrip(" .") + _CUT + tail + suffix, limit):
            low = middle
        else:
            high = middle - 1
    return head[:low].rstrip(" .") + _CUT + tail


def file_name(stem: str, suffix: str) -> str:
    """`safe_stem(stem, suffix)` followed by `suffix`."""
    return safe_stem(stem, suffix) + suffix
