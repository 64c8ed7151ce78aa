"""What the published report prints, in order: the draft mark, the title's lines, the preamble, the six headings
with their narrative (sub-headings as the report words them), the three tables where their sections put them, and
the 落款 — as the Word export (exporters/docx_export.py) sets them down.

Qt-free and format-free: a writer walks `outline(report, draft=…)` and gives each part its own markup (the web page,
exporters/html_export.py, and its plain-text twin for the clipboard).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from layouts.page_geometry import TITLE_CHARS_PER_LINE
from layouts.report_text import DATE_PLACEHOLDER, paragraphs, split_heading
from layouts.signature import SignatureIndents, signature_indents
from layouts.title_lines import title_lines
from models.app_info import DRAFT_MARK
from models.format import format2021 as fmt
from models.meta_input import format_date
from models.report import Report


@dataclass(frozen=True)
class DraftMark:
    text: str


@dataclass(frozen=True)
class Title:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 1: 一、 … 六、; 2: a （一） sub-heading
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # a sub-heading the paragraph opens with (`（一）主动公开情况。`), printed as a level-two heading


@dataclass(frozen=True)
class TablePart:
    table: str  # "t2", "t3", "t4": laid out from report.format.grids[table]


@dataclass(frozen=True)
class Signature:
    agency: str
    date: str
    indents: SignatureIndents  # right indents of the two lines, in characters (layouts.signature)


Part = DraftMark | Title | Heading | Paragraph | TablePart | Signature


def outline(report: Report, *, draft: bool = False, chars_per_line: int = TITLE_CHARS_PER_LINE) -> list[Part]:
    """The report's parts in print order; `draft` puts 草稿（未通过校验） first; the title breaks as on a line of
    `chars_per_line` characters of the title's type (layouts.title_lines)."""
    parts: list[Part] = [DraftMark(DRAFT_MARK)] if draft else []
    parts.append(Title(tuple(title_lines(report.meta.agency, report.title, chars_per_line))))
    parts.extend(body(report.text(fmt.PREAMBLE_KEY)))
    for section in report.format.sections:
        parts.append(Heading(1, section.heading))
        if not section.subheadings:
            parts.extend(body(report.text(section.key)))
        else:
            parts.extend(body(report.text(section.intro_key)))
            for sub in section.subheadings:
                text = report.text(sub.key)
                if text:
                    parts.append(Heading(2, report.heading(sub.key)))
                    parts.extend(body(text))
        if section.table:
            parts.append(TablePart(section.table))
    published = report.meta.publish_date
    date_text = format_date(published) if published else DATE_PLACEHOLDER
    parts.append(Signature(report.meta.agency, date_text, signature_indents(report.meta.agency, date_text)))
    return parts


def body(text: str) -> Iterator[Heading | Paragraph]:
    """A narrative text as paragraphs; a （一） line of its own is a level-two heading (layouts.report_text)."""
    for line in paragraphs(text):
        heading = split_heading(line)
        if heading and not heading[1]:
            yield Heading(2, line)
        elif heading:
            yield Paragraph(heading[1], lead=heading[0])
        else:
            yield Paragraph(line)
