"""Where the report's title breaks into lines (GB/T 9704 §7.3.1: 回行时要做到词意完整，排列对称，长短适宜).

The agency's name stands on its own line(s) above "2024年政府信息公开工作年度报告" when the whole title does not fit
one line. A name too long for one line is split only after a part that is a whole word: a bracketed part （福建）,
an organ's name (人民政府, 委员会, 办公室 …) or an administrative unit (省, 市, 区, 县 … but never 市|场 or 区|域),
choosing the most even pair of lines. Lines are kept one character shorter than the type area holds: a title that
exactly fills a line leaves its last character alone on the next line in LibreOffice (0.8 mm of slack).

Qt-free: the Word export and the page renderer (print preview, PDF) break titles the same way.
"""

from __future__ import annotations

import re

#: A Latin character's width in full-width characters, set generously: the year's digits come from the Latin font
#: (0.5 in 宋体, 0.7 in the DejaVu Sans LibreOffice falls back to).
LATIN_WIDTH = 0.75
#: The space Word and LibreOffice put between Chinese and Latin text (调整中文与西文/数字的间距), in characters.
AUTOSPACE = 0.25
_SCRIPT_CHANGE = re.compile(r"(?<=[\u2000-\uffff])(?=[\x00-\u1fff])|(?<=[\x00-\u1fff])(?=[\u2000-\uffff])")


def display_width(text: str) -> float:
    """How wide `text` sets in the title, in full-width characters, with room for wide digits and autospacing."""
    latin = sum(1 for ch in text if ord(ch) < 0x2000)
    return len(text) - latin + latin * LATIN_WIDTH + AUTOSPACE * len(_SCRIPT_CHANGE.findall(text))

#: Ends of an organ's name: a split right after one keeps both lines whole words.
ORGAN_ENDS = ("管理委员会", "人民政府", "委员会", "办公室", "办公厅", "办事处", "管理局", "政府", "中心", "公司",
              "集团", "街道", "局", "厅")
#: Administrative units, split after only when they are not part of a longer word (市场, 区域, 城市 …).
UNITS = ("自治区", "自治州", "自治县", "特别行政区", "新区", "片区",
         "省", "市", "区", "县", "州", "盟", "旗", "镇", "乡")
#: unit → characters that make a word with it when they follow (市场, 区域, 县级, 广州市, 东乡族 …).
_WORD_AFTER = {
    "省": "级委直属会", "市": "场政容民级委直属貌区县", "区": "域级委直属", "县": "域级委直属城", "州": "级委府市区县",
    "镇": "级委", "乡": "级镇村族", "盟": "级委市", "旗": "级委",
}
#: unit → characters that make a word with it when they come before (城市, 超市, 郊区 …).
_WORD_BEFORE = {"市": "城都超夜", "区": "郊辖园景", "县": "州"}


def split_points(name: str) -> list[int]:
    """Positions (1 … len-1) after which `name` may break: after a closing bracket, an organ's end, or a unit that
    ends a place name (not the first character of one: 江苏省|镇江市, 青岛市|市北区)."""
    points: set[int] = set()
    for end in range(2, len(name)):
        if name[end - 1] == "）" or any(name.endswith(word, 0, end) for word in ORGAN_ENDS):
            points.add(end)
            continue
        unit = next((word for word in UNITS if name.endswith(word, 0, end)), "")
        if not unit or _inside_bracket(name, end) or name[end] in _WORD_AFTER.get(unit[-1], ""):
            continue
        start = end - len(unit)
        if len(unit) == 1 and (start in points or name[start - 1] in _WORD_BEFORE.get(unit, "")):
            continue
        points.add(end)
    return sorted(points)


def _inside_bracket(name: str, position: int) -> bool:
    return name[:position].count("（") > name[:position].count("）")


def name_lines(name: str, limit: float) -> list[str]:
    """`name` on lines of at most `limit` full-width characters, split only at its split points (as few lines as
    possible, then as even as possible); split evenly by characters only when no split point serves."""
    return _word_lines(name, limit) or _even_split(name, limit)


def _word_lines(name: str, limit: float) -> list[str] | None:
    if display_width(name) <= limit:
        return [name]
    best: tuple[tuple[int, float], list[str]] | None = None
    for point in split_points(name):
        head = name[:point]
        rest = _word_lines(name[point:], limit) if display_width(head) <= limit else None
        if rest is None:
            continue
        lines = [head, *rest]
        score = (len(lines), max(display_width(line) for line in lines))
        if best is None or score < best[0]:
            best = (score, lines)
    return best[1] if best else None


def _even_split(name: str, limit: float) -> list[str]:
    """The name in equal parts, each within `limit` (the last resort: a name with no word boundary that serves)."""
    parts = 2
    while True:
        size = -(-len(name) // parts)
        lines = [name[i:i + size] for i in range(0, len(name), size)]
        if all(display_width(line) <= limit for line in lines):
            return lines
        parts += 1


def title_lines(agency: str, title: str, chars_per_line: int) -> list[str]:
    """The title's lines for a type area `chars_per_line` full-width characters wide: one line if it fits with a
    character to spare, else the agency's name (split at word boundaries if need be) above the rest."""
    limit = chars_per_line - 1
    if display_width(title) <= limit:
        return [title]
    rest = title[len(agency):] if agency and title.startswith(agency) else ""
    if not rest:
        return name_lines(title, limit)
    return [*name_lines(agency, limit), *name_lines(rest, limit)]
