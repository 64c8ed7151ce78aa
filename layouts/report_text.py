"""How the report's texts become paragraphs on the page: split at line breaks, typed indentation dropped, a （一）
sub-heading line a heading of its own, a paragraph opening with one (`（一）主动公开情况。本年……`) its heading in 楷体.

Qt-free: the Word export (exporters/docx_body.py) and the page renderer (render/report/) split texts the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]{1,3}）")
_MAX_HEADING_CHARS = 30
#: The 落款 date line when no publication date is set (W-DATE): 年 月 日 with room to write the date in by hand,
#: as on a 公文 awaiting its 成文日期. Ideographic spaces, so that Word keeps their width.
DATE_PLACEHOLDER = "　　　　年　　月　　日"


def paragraphs(text: str) -> Iterator[str]:
    """The non-empty lines of a narrative text, without the indentation typed before them."""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip(" \t\u3000\u00a0")
        if line:
            yield line


def split_heading(line: str) -> tuple[str, str] | None:
    """A paragraph that is or opens with a （一） sub-heading: (heading, rest) — rest "" for a heading line of its
    own; None for an ordinary paragraph."""
    if not _SUBHEADING.match(line):
        return None
    head, dot, rest = line.partition("。")
    if not dot and len(line) <= _MAX_HEADING_CHARS:
        return line, ""
    if dot and rest and len(head) < _MAX_HEADING_CHARS:
        return head + dot, rest
    return None
