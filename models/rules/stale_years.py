"""Earlier years written as if they were the report's year: the text copied from last year's report and not updated.

"2024年，我市坚持…", "截至2024年底…", "统计期限自2024年1月1日至2024年12月31日" in a 2025 report are stale. An earlier
year is not stale where it is plainly about that year: a comparison (较2024年、与2024年相比、同比), a time since
(2024年以来), a range reaching this year (2021年至2025年), a law's or document's date (2019年修订), last year's
carry-over or report (2024年结转、2024年度报告), a title in 《》, a founding or an opening in the same clause (2022年7月
正式开通…公众号、2019年成立、自2018年平台上线以来): that is history. The 统计期限 sentence allows no earlier
year at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models.rules.textscan import half_width, sentences

_YEAR = re.compile(r"(?<![\d〔\[［(（])((?:19|20)\d{2})\s*年")
_TITLE = re.compile(r"《[^》]*》|〈[^〉]*〉|“[^”]*”")
_PERIOD = re.compile(r"统计\s*(?:期限|时限|区间|期间|时间|周期)|数据\s*(?:期限|时限|区间)")
_BEFORE = re.compile(r"(?:较|比|同比|相比|对比|与|和|同|较之|早于|不同于)\s*$")
_AFTER = re.compile(
    r"^\s*(?:度)?\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:"
    r"以来|起|开始|相比|同期|相较|修订|修正|印发|颁布|施行|公布|发布|出台|制定|实施的|结转|遗留|受理的申请"
    r"|政府信息公开工作年度报告|年度报告|度报告|报告中|报告提出|报告指出)"
)
# A founding or an opening in the same clause, shortly after the year (2022年7月正式开通, 2019年机构改革后成立).
_FOUNDED = re.compile(
    r"^\s*度?\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?[^，,。；;、\d]{0,8}?"
    r"(?:开通|建立|成立|组建|设立|创建|建成|上线|开设|开办|启用|投入使用|投用|挂牌)"
)
# 自/从 … 以来 around the year, in one clause (自2018年政务公开平台上线以来).
_SINCE_BEFORE = re.compile(r"(?:自|从)\s*$")
_SINCE_AFTER = re.compile(r"^[^，,。；;！？!?]{0,20}?以来")
_RANGE_END = re.compile(
    r"^\s*度?\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:至|到|—|－|-|–|~|～)\s*((?:19|20)\d{2})\s*年")


@lru_cache(maxsize=256)
def stale_years(raw: str, year: int) -> tuple[tuple[int, int, str], ...]:
    """(position of the year, the year named, the sentence) for each sentence of `raw` that writes an earlier year
    than `year` as if it were the report's own. One per sentence; cached by text (the rules run on every keystroke).
    """
    text = half_width(raw)
    if not any(int(m.group(1)) < year for m in _YEAR.finditer(text)):
        return ()
    found = []
    for offset, sentence in sentences(text):
        period = _PERIOD.search(sentence) is not None
        plain = sentence if period else _TITLE.sub(lambda m: " " * len(m.group()), sentence)
        for match in _YEAR.finditer(plain):
            named = int(match.group(1))
            if named >= year or (not period and _plainly_about_that_year(plain, match, year)):
                continue
            found.append((offset + match.start(1), named, raw[offset:offset + len(sentence)].strip()))
            break
    return tuple(found)


def _plainly_about_that_year(sentence: str, match: re.Match[str], year: int) -> bool:
    before, after = sentence[:match.start()], sentence[match.end():]
    if _BEFORE.search(before) or _AFTER.match(after) or _FOUNDED.match(after):
        return True
    if _SINCE_BEFORE.search(before) and _SINCE_AFTER.match(after):
        return True
    reaching = _RANGE_END.match(after)
    return reaching is not None and int(reaching.group(1)) >= year
