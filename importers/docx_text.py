"""The words of a Word report: its title (agency, year), the six section headings and the narrative sub-headings.

Headings are recognised by the format module's labels and each section's aliases, with or without their ordinal (Word's
automatic numbering leaves it out of the text), and with small differences (行政法复议, 主动公开方面 for 主动公开情况).
A sub-heading may run on into its text: `（一）主动公开情况。2024年，…` — the heading is cut off, the text kept. A
numbered sub-heading may also stand inside a paragraph after a sentence (`……人员不足。（二）改进措施：……`): the
paragraph is split there. A sub-heading worded differently (`（一）存在的主要问题：` for （一）存在的问题) is kept as
the clerk worded it (`Report.headings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from importers.docx_labels import core, norm, overlap, ratio, without_generic_ending
from models.format import format2021 as fmt

_NUMERALS = "一二三四五六七八九十"
_SECTION_ORDINAL = re.compile(r"^([一二三四五六七八九十])[、.,]")
_SUB_ORDINAL = re.compile(r"^\(([一二三四五六七八九十]+)\)")
_HEAD_END = re.compile(r"[。:：]")
HEADING_MAX = 40        # characters of a heading line (a longer line is text)
SUBHEADING_MAX = 30
SECTION_RATIO = 0.75    # similarity of a heading typed differently, with its ordinal
UNNUMBERED_RATIO = 0.85  # … without it (Word's automatic numbering)
SUB_OVERLAP = 0.5       # share of a sub-heading's words a variant keeps (主要问题 for 存在的问题)

_TITLE = re.compile(r"^(?P<before>.*?)(?P<year>(?:19|20|１９|２０)[0-9０-９]{2}|[〇○零一二三四五六七八九]{4})年度?"
                    r"(?P<after>.*?)政府信息公开(?:工作)?年度?报告")
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九０１２３４５６７８９", "000123456789" "0123456789")
_DATE = re.compile(r"^[(（]?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[)）]?$")
_PERIOD = re.compile(r"((?:19|20)\d{2})年1月1日(?:起)?至\1年12月31日")


def _section_cores() -> list[tuple[int, list[str]]]:
    result = []
    for index, section in enumerate(fmt.SECTIONS):
        labels = (section.heading, *section.aliases)
        result.append((index, [core(norm(label)) for label in labels]))
    return result


_SECTIONS = _section_cores()


def numeral(text: str) -> int:
    """一 → 1 … 十 → 10 (the ordinals of headings), 0 when not one of them."""
    return _NUMERALS.index(text) + 1 if len(text) == 1 and text in _NUMERALS else 0


def split_head(text: str) -> tuple[str, str]:
    """A line into its heading part and the text that runs on after `。` or `：`."""
    match = _HEAD_END.search(text)
    if not match:
        return text.strip(), ""
    return text[: match.start()].strip(), text[match.end():].strip()


def match_section(text: str, after: int) -> tuple[int, str] | None:
    """(index in fmt.SECTIONS, text after the heading) when `text` is the heading of a section after `after`."""
    head, rest = split_head(text)
    normed = norm(head)
    if not normed or len(normed) > HEADING_MAX:
        return _inline_heading(text, after)
    ordinal_match = _SECTION_ORDINAL.match(normed)
    ordinal = numeral(ordinal_match.group(1)) if ordinal_match else 0
    typed = core(normed)
    best: tuple[float, int] | None = None
    for index, cores in _SECTIONS:
        if index <= after or (ordinal and ordinal != index + 1):
            continue
        if typed in cores:
            return index, rest
        needed = SECTION_RATIO if ordinal else UNNUMBERED_RATIO
        score = max(ratio(typed, c, needed) for c in cores)
        if score >= needed and (best is None or score > best[0]):
            best = (score, index)
    return (best[1], rest) if best else _inline_heading(text, after)


def _inline_heading(text: str, after: int) -> tuple[int, str] | None:
    """`一、总体情况 2024年，……`: a heading run on into its first paragraph without 。 or ：."""
    compact = norm(text)
    for index, section in enumerate(fmt.SECTIONS):
        if index <= after:
            continue
        for heading in (section.heading, *section.aliases):
            wanted = norm(heading)
            if compact.startswith(wanted) and len(compact) > len(wanted):
                return index, _after_chars(text, len(heading.replace(" ", "")))
    return None


def _after_chars(text: str, count: int) -> str:
    """`text` after its first `count` non-space characters, separators stripped."""
    seen = 0
    for position, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
            if seen == count:
                return text[position + 1:].lstrip(" \u3000：:。.，,").strip()
    return ""


@dataclass(frozen=True)
class SubMatch:
    index: int       # in the section's subheadings
    rest: str        # text that ran on after the heading
    typed: str       # the heading as worded when its words differ from the canonical one's ('' when they are the same)


def _worded(text: str, head: str, index: int) -> str:
    """The heading `head` (of `text`) as the clerk worded it, to be printed on a line of its own: with the colon that
    ends it (`（一）存在的主要问题：`), without a `。` that only ran it on into its text, and with the official ordinal
    in front when it has none (Word's automatic numbering keeps the ordinal out of the text)."""
    end = _HEAD_END.search(text)
    colon = end.group() if end and end.group() in ":：" else ""
    head = "".join(line.strip() for line in head.splitlines())
    normed = norm(head)
    ordinal = "" if core(normed) != normed else f"（{_NUMERALS[index]}）"
    return ordinal + head + colon


def match_subheading(text: str, section: fmt.Section, after: int) -> SubMatch | None:
    """The conventional sub-heading of `section` that `text` starts with, if it comes after number `after`."""
    head, rest = split_head(text)
    normed = norm(head)
    if not normed or len(normed) > SUBHEADING_MAX:
        return None
    ordinal_match = _SUB_ORDINAL.match(normed)
    typed = without_generic_ending(core(normed))
    for index, sub in enumerate(section.subheadings):
        if index <= after:
            continue
        canonical = norm(sub.heading)
        if normed == canonical or core(normed) == core(canonical):
            return SubMatch(index, rest, "")
        expected = without_generic_ending(core(canonical))
        if ordinal_match:
            if numeral(ordinal_match.group(1)) == index + 1 and overlap(typed, expected) >= SUB_OVERLAP:
                return SubMatch(index, rest, _worded(text, head, index))
        elif not rest and ratio(typed, expected, UNNUMBERED_RATIO) >= UNNUMBERED_RATIO:
            return SubMatch(index, rest, _worded(text, head, index))
    return None


class Narrative(NamedTuple):
    """A narrative section as read: its texts by text key, the clerk's wording of the sub-headings worded differently
    (text key → wording, for `Report.set_heading`), and a notice for each of those."""

    texts: dict[str, str]
    headings: dict[str, str]
    notices: list[str]


def split_narrative(section: fmt.Section, paragraphs: list[str]) -> Narrative:
    """The section's text keys and their texts, with the wording of sub-headings written differently."""
    if not section.subheadings:
        text = "\n".join(paragraphs)
        return Narrative(({section.key: text} if text else {}), {}, [])
    parts: dict[str, list[str]] = {}
    headings: dict[str, str] = {}
    notices: list[str] = []
    current, last = section.intro_key, -1
    queue = list(paragraphs)
    while queue:
        paragraph = queue.pop(0)
        found = match_subheading(paragraph, section, last)
        body = found.rest if found else paragraph
        if found is not None:
            sub = section.subheadings[found.index]
            current, last = sub.key, found.index
            parts.setdefault(current, [])
            if found.typed:
                headings[sub.key] = found.typed
                notices.append(f"“{found.typed.rstrip(':：')}”按原文保留，对应“{sub.heading}”。")
        if (at := _inline_subheading(body, section, last)) is not None:
            body, queue = body[:at].rstrip(), [body[at:], *queue]
        if body:
            parts.setdefault(current, []).append(body)
    return Narrative({key: "\n".join(lines) for key, lines in parts.items() if lines}, headings, notices)


_INLINE_SUB = re.compile(r"(?<=[。；;！!？?])\s*([(（][一二三四五六七八九十]+[)）])")


def _inline_subheading(text: str, section: fmt.Section, after: int) -> int | None:
    """Where a numbered sub-heading of `section` after number `after` starts inside `text`, after a sentence and
    followed by its own text (`……不够及时。（二）改进措施：……`), or None."""
    for match in _INLINE_SUB.finditer(text):
        found = match_subheading(text[match.start(1):], section, after)
        if found is not None and found.rest:
            return match.start(1)
    return None


# ----- title and signature ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Title:
    agency: str
    year: int | None
    paragraphs: int  # how many leading paragraphs the title took


def find_title(paragraphs: list[str], lines: int = 3) -> Title | None:
    """`<机关名称><年份>年政府信息公开工作年度报告` (or year first) in the first paragraphs, maybe over two lines."""
    joined = ""
    for count, paragraph in enumerate(paragraphs[:lines], start=1):
        joined += "".join(paragraph.split()).strip("《》<>")  # the agency's name as written: only spaces go
        match = _TITLE.search(joined)
        if match:
            year = int(match.group("year").translate(_YEAR_DIGITS))
            before, after = match.group("before").removesuffix("关于"), match.group("after")
            return Title((before or after).strip("《》<>"), year, count)
    return None


def year_from_period(text: str) -> int | None:
    """The year of `统计期限自2024年1月1日至2024年12月31日` in the preamble."""
    match = _PERIOD.search(norm(text))
    return int(match.group(1)) if match else None


def is_blank_date(text: str) -> bool:
    """A 落款 date line left blank to be filled in by hand (`    年  月  日`, as our export writes it undated)."""
    return norm(text) == "年月日"


def as_date(text: str) -> date | None:
    """A line that is only a date (2025年1月20日), as a date."""
    return date_of(_DATE.match(norm(text)))


def date_of(match: re.Match[str] | None) -> date | None:
    """The date a match's first three groups (year, month, day) write, None when there is none or no such day."""
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
