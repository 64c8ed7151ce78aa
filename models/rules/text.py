"""Numbers in the narrative against the tables (spec §5, TXT-* warnings).

A pattern ties a keyword to the first number with 件 (for cases also 起) that follows it in the same sentence, with
no other digit in between: the keyword's nearest number. Only such a tie is compared; a number that cannot be tied
to a table cell is never flagged. A number after 其中/包括/含 that breaks down a total the same keyword named before
in the sentence (办结2件，其中公开答复1件) is a part, not the total, and is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from models.findings import Finding, TextSpan
from models.format import format2021 as fmt
from models.report import Report
from models.rules.textscan import SENTENCE_END, half_width, to_int

if TYPE_CHECKING:
    from models.rules.rule_set import Rule

# Between the keyword and the number: no sentence end and no digit, at most 30 characters.
_GAP = r"[^。！？!?；;\n\d]{0,30}?"
_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*件"
_CASES = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*[件起]"
# Words after which the numbers of a sentence are the parts of a total named before them.
_BREAKDOWN = re.compile(r"其中|包括|包含|含有|含")


@dataclass(frozen=True)
class Reading:
    """One way to read a number in the text: the sum of these cells, described for the message."""

    cells: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class TextPattern:
    rule: str
    title: str
    hints: tuple[str, ...]  # literal words of which one must occur for the regex to have a chance (cheap test)
    regex: re.Pattern[str]
    readings: tuple[Reading, ...]
    # Words that, between the keyword and the number, mean the number counts something else as well.
    blockers: tuple[str, ...] = ()
    # The readings of a match whose keyword names two rows together (its regex group `also`: 予以公开及部分公开).
    combined: tuple[Reading, ...] = ()

    @property
    def keyword(self) -> re.Pattern[str]:
        return _keyword(self.regex)


@lru_cache(maxsize=32)
def _keyword(regex: re.Pattern[str]) -> re.Pattern[str]:
    """The keyword group `(?P<k>…)` of a pattern on its own."""
    source = regex.pattern
    start = source.index("(?P<k>")
    depth = 0
    for at in range(start, len(source)):
        if source[at] == "(" and source[at - 1] != "\\":
            depth += 1
        elif source[at] == ")" and source[at - 1] != "\\":
            depth -= 1
            if depth == 0:
                return re.compile(source[start:at + 1])
    raise ValueError(source)


def _pattern(keyword: str, *, must_contain: str = "", number: str = _NUMBER) -> re.Pattern[str]:
    gap = rf"(?:{_GAP}{must_contain}{_GAP})" if must_contain else _GAP
    return re.compile(rf"(?P<k>{keyword}){gap}{number}")


_NEW = Reading((fmt.t3("new", "total"),), "本年新收")
_NEW_AND_CARRIED = Reading((fmt.t3("new", "total"), fmt.t3("carried_in", "total")), "新收加上年结转")
_OTHER_PROCEEDINGS = ("复议", "诉讼", "投诉", "举报", "信访")

TEXT_PATTERNS: tuple[TextPattern, ...] = (
    TextPattern("TXT-NEW", "本年新收申请数", ("新收",), _pattern("新收"), (_NEW,), ("结转",)),
    TextPattern("TXT-RECEIVED", "收到/受理申请数", ("收到", "受理"),
                _pattern(r"(?<!不予)(?<!不)(?:收到|受理)", must_contain="申请"),
                (_NEW, _NEW_AND_CARRIED), _OTHER_PROCEEDINGS),
    TextPattern("TXT-CARRIED-IN", "上年结转申请数", ("结转",), _pattern(r"上一?年度?结转"),
                (Reading((fmt.t3("carried_in", "total"),), "上年结转"),), ("新收", "收到", "受理")),
    TextPattern("TXT-CARRIED-OUT", "结转下年度申请数", ("结转",), _pattern(r"结转(?:至|到)?下一?年度?(?:继续办理)?"),
                (Reading((fmt.t3("carried_out", "total"),), "结转下年度"),)),
    TextPattern("TXT-HANDLED", "办结/答复申请数", ("办结", "答复"), _pattern(r"办结|(?<!延期)(?<!逾期)答复"),
                (Reading((fmt.t3("handled_total", "total"),), "办理结果总计"),), _OTHER_PROCEEDINGS),
    TextPattern("TXT-GRANTED", "予以公开数", ("予以公开",),
                _pattern(r"(?<!主动)(?<!部分)(?<!不)予以公开(?P<also>(?:及|和|与|、|以及)部分(?:予以)?公开)?"),
                (Reading((fmt.t3("granted", "total"),), "予以公开"),), ("部分",),
                (Reading((fmt.t3("granted", "total"), fmt.t3("partial", "total")), "予以公开加部分公开"),)),
    TextPattern("TXT-REVIEW", "行政复议案件数", ("行政复议",), _pattern("行政复议", number=_CASES),
                (Reading((fmt.t4("review", "total"),), "行政复议总计"),), ("诉讼",)),
    TextPattern("TXT-SUIT", "行政诉讼案件数", ("行政诉讼",), _pattern("行政诉讼", number=_CASES),
                (Reading((fmt.t4("suit_direct", "total"), fmt.t4("suit_after_review", "total")), "行政诉讼总计"),),
                ("复议",)),
    # 现行有效 next to 规范性文件, or after it in the same sentence behind other figures (规范性文件34件，现行有效件数
    # 424件): the number nearest to 现行有效 either way, never one said of 规章.
    TextPattern("TXT-NORMATIVE", "现行有效行政规范性文件数", ("现行有效",),
                re.compile(rf"(?P<k>现行有效{_GAP}规范性文件|规范性文件{_GAP}现行有效"
                           rf"|规范性文件(?:(?!规章)[^。！？!?；;\n]){{0,40}}?[，,、]\s*现行有效){_GAP}{_NUMBER}"),
                (Reading((fmt.t2("normative", "in_force"),), "行政规范性文件现行有效件数"),), ("规章",)),
)
_PATTERN_BY_RULE = {p.rule: p for p in TEXT_PATTERNS}


def checked_text_keys() -> tuple[str, ...]:
    return tuple(k for s in fmt.TEXT_CHECKED_SECTIONS for k in fmt.text_keys(s))


def text_location(text_key: str) -> str:
    """`一、总体情况·（二）依申请公开情况` for a text key."""
    for section in fmt.SECTIONS:
        if text_key == section.key or text_key == section.intro_key:
            return section.heading
        for sub in section.subheadings:
            if sub.key == text_key:
                return f"{section.heading}·{sub.heading}"
    return "报告开头" if text_key == fmt.PREAMBLE_KEY else text_key


def _reading_value(report: Report, reading: Reading) -> int | None:
    values = [report.number(k) for k in reading.cells]
    if any(v is None for v in values):
        return None
    return int(sum(values))  # type: ignore[arg-type]


def check_text(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Every number the pattern of `rule` ties to a table cell in sections 一 and 六 that disagrees with the tables."""
    pattern = _PATTERN_BY_RULE[rule.id]
    single = tuple((r, v) for r in pattern.readings if (v := _reading_value(report, r)) is not None)
    combined = tuple((r, v) for r in pattern.combined if (v := _reading_value(report, r)) is not None)
    if not (single or combined):
        return
    for text_key in checked_text_keys():
        raw = report.texts.get(text_key, "")
        for start, end, number_start, number_end, written, both in ties(pattern.rule, raw) if raw else ():
            readings = combined if both else single
            if readings and written not in {v for _, v in readings}:
                cells, message = _mismatch(text_key, raw[start:end], readings)
                yield rule.finding(cells, message, written, readings[0][1],
                                   span=TextSpan(text_key, number_start, number_end), detail=f"{text_key}:{written}")


@lru_cache(maxsize=1024)
def ties(rule: str, raw: str) -> tuple[tuple[int, int, int, int, int], ...]:
    """(match start, match end, number start, number end, number written, whether the keyword names two rows
    together) for every number `rule` ties in `raw`.

    Cached by text: while the clerk types in one editor, the other texts are not scanned again.
    """
    pattern = _PATTERN_BY_RULE[rule]
    if not any(hint in raw for hint in pattern.hints):
        return ()
    text = half_width(raw)
    found = []
    for match in pattern.regex.finditer(text):
        gap = text[match.end("k"):match.start("n")]
        if any(word in gap for word in pattern.blockers) or _joined_before(text, match.start("k"), pattern.blockers):
            continue
        if _part_of_a_breakdown(text, match.start("k"), pattern.keyword):
            continue
        both = "also" in pattern.regex.groupindex and match.group("also") is not None
        found.append((match.start(), match.end(), match.start("n"), match.end("n"), to_int(match.group("n")), both))
    return tuple(found)


def _part_of_a_breakdown(text: str, keyword_start: int, keyword: re.Pattern[str]) -> bool:
    """`办结依申请2件，其中公开答复1件`: after 其中/包括/含, a keyword that the sentence already named before that word
    counts a part of that total."""
    sentence_start = max(text.rfind(end, 0, keyword_start) for end in SENTENCE_END) + 1
    before = text[sentence_start:keyword_start]
    breakdowns = list(_BREAKDOWN.finditer(before))
    return bool(breakdowns) and keyword.search(before, 0, breakdowns[-1].start()) is not None


def _joined_before(text: str, keyword_start: int, blockers: tuple[str, ...]) -> bool:
    """`行政复议、行政诉讼案件3件`: the keyword joined to a blocker right before it counts both together."""
    if not blockers:
        return False
    before = text[max(0, keyword_start - 12):keyword_start]
    return re.search(rf"(?:{'|'.join(blockers)})[^、和及与或，。；\d]{{0,4}}[、和及与或]$", before) is not None


@lru_cache(maxsize=4096)
def _mismatch(text_key: str, quoted: str, readings: tuple[tuple[Reading, int], ...]) -> tuple[tuple[str, ...], str]:
    """The cells and the message for the words `quoted` from the text, whose number the tables' `readings` (with
    their values) contradict. Cached: while the clerk types, the same sentences are checked again and again."""
    table = "、".join(f"{r.description}为{v}件" for r, v in readings)
    cells = tuple(dict.fromkeys(c for r, _ in readings for c in r.cells))
    return cells, f"{text_location(text_key)}：正文写“{quoted}”，但表格中{table}，不一致。"


# A sentence saying there were no applications: 无依申请公开事项, 未收到政府信息公开申请, 没有受理信息公开申请 …
# (not 无依申请公开逾期答复情况 or 未发生行政复议: the negation must govern the applications themselves).
_DISCLOSURE = r"(?:政府信息公开|依申请公开|信息公开)"
_NO_REQUESTS = re.compile(
    rf"(?:无|没有|暂无|未有)(?:收到|受理|接到)?(?:任何)?{_DISCLOSURE}的?(?:申请|事项|情况|工作)"
    rf"|(?:未|没有|未曾)(?:收到|受理|接到)(?:过)?(?:任何)?(?:(?!申请)[^。；;，,！？!?\d]){{0,20}}?{_DISCLOSURE}的?申请"
)


@lru_cache(maxsize=256)
def no_request_sentences(raw: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each phrase in `raw` that says no 政府信息公开 application was received."""
    return tuple((m.start(), m.end()) for m in _NO_REQUESTS.finditer(half_width(raw)))


def check_no_requests(rule: Rule, report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Section 一 says there were no applications although table 三 counts new ones (TXT-NONE, an error)."""
    new_key = fmt.t3("new", "total")
    count = report.number(new_key)
    if not count:
        return
    for text_key in fmt.text_keys("s1"):
        raw = report.texts.get(text_key, "")
        for start, end in no_request_sentences(raw) if raw else ():
            yield rule.finding(
                (new_key,),
                f"{text_location(text_key)}：正文写“{raw[start:end]}”，但表三本年新收政府信息公开申请{count}件。"
                "请按本年情况改写这一段（可用“插入依申请公开段落”按表三生成）。",
                0, count,
                span=TextSpan(text_key, start, end),
                detail=f"{text_key}:none",
            )
