"""The report as plain Python: meta, narrative texts (with the clerk's own wording of their sub-headings), the 200
cells, the clerk's 说明 notes and provenance."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from models.format import format2021 as fmt
from models.format.formats import CURRENT_TEMPLATE, Format, format_of
from models.values import CellValue, InvalidValue, check_value, is_number, parse


@dataclass
class Meta:
    agency: str = ""
    year: int | None = None
    level: str = ""
    publish_date: date | None = None


@dataclass(frozen=True)
class Provenance:
    """Where a carried value came from: last year's report (its year) and, for a cell, the cell it was taken from."""

    year: int | None
    source: str  # the cell key or text key in last year's report
    digest: str = ""  # for texts: a digest of the text as carried, so an unchanged copy can be recognised

    def describe(self) -> str:
        return f"来自{self.year}年度报告" if self.year else "来自上年度报告"


@dataclass
class Workspace:
    """What the app keeps in the draft beside the report itself (the draft's `workspace`, schema 2).

    `auto_sum`: the total cells the clerk switched to 自动合计 (kept as stored; models.tools.autosum.AUTO_SUM_KEYS says
    which are switchable). `deadline`: the clerk's own 公开截止日期 (None: the one the rules set,
    `format2021.default_deadline`). `collection`: the departments' numbers of the last 汇总数据采集表
    (models/tools/collection_merge.py reads and writes its content). `unsplit`: cells the imported report did not
    split out (its （六）其他处理 printed as one row, counted in 3.其他): while blank they are a warning, not V-1, and
    count as 0 in the sums. `extra`: keys of the workspace this version does not know, kept so that a round trip loses
    nothing.
    """

    auto_sum: frozenset[str] = frozenset()
    deadline: date | None = None
    collection: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    unsplit: frozenset[str] = frozenset()

    def copy(self) -> Workspace:
        return Workspace(self.auto_sum, self.deadline, _deep_copy(self.collection), _deep_copy(self.extra),
                         self.unsplit)


def text_digest(text: str) -> str:
    """A digest of a text that ignores whitespace differences."""
    compact = "".join(text.split())
    return hashlib.sha256(compact.encode("utf-8")).hexdigest()[:16]


@dataclass
class Report:
    meta: Meta = field(default_factory=Meta)
    cells: dict[str, CellValue] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    #: The clerk's own wording of a conventional sub-heading (text key → `（一）存在的主要问题：`), kept when it differs
    #: from the official one (`format2021.SubHeading.heading`); a key not here is worded officially.
    headings: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    # Keys of the draft file this version does not know, kept so that a load/save round trip loses nothing.
    extra: dict[str, Any] = field(default_factory=dict)
    extra_meta: dict[str, Any] = field(default_factory=dict)
    extra_cells: dict[str, Any] = field(default_factory=dict)
    workspace: Workspace = field(default_factory=Workspace)
    read_only: bool = False
    #: The schema version the draft was read in, when older than ours: how the file was read, not what the report
    #: says, so two reports read from different schema versions with the same content are equal.
    upgraded_from: int | None = field(default=None, compare=False)
    #: The format the report is judged, stored and laid out by (models/format/formats.py).
    template: str = CURRENT_TEMPLATE

    @property
    def format(self) -> Format:
        """The report's own format, `FORMATS[template]` (UnknownTemplate when this version does not know it)."""
        return format_of(self.template)

    # ----- cells -----------------------------------------------------------------------------------------------

    def get(self, key: str) -> CellValue:
        if key not in self.format.cell_by_key:
            raise KeyError(f"unknown cell key {key!r}")
        return self.cells.get(key)

    def set(self, key: str, value: CellValue) -> None:
        """Set a cell to a parsed value (or None for blank). Invalid values are refused; use `set_text` for input."""
        if key not in self.format.cell_by_key:
            raise KeyError(f"unknown cell key {key!r}")
        if not isinstance(value, InvalidValue):
            problem = check_value(key, value)
            if problem:
                raise ValueError(f"{self.format.cell_label(key)}：{problem}")
        if self.cells.get(key) != value or type(self.cells.get(key)) is not type(value):
            self.provenance.pop(key, None)
        if value is None:
            self.cells.pop(key, None)
        else:
            self.cells[key] = value

    def set_text(self, key: str, text: str) -> str:
        """Parse what the clerk typed and set it. Returns the notice ('' if none); raises ValueRefused."""
        parsed = parse(key, text)
        self.set(key, parsed.value)
        return parsed.notice

    def number(self, key: str) -> int | Decimal | None:
        """The cell as a number, or None when blank or invalid."""
        value = self.cells.get(key)
        return value if is_number(value) else None

    def is_blank(self, key: str) -> bool:
        return self.cells.get(key) is None

    # ----- narrative ------------------------------------------------------------------------------------------

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def set_section_text(self, key: str, text: str) -> None:
        if text != self.texts.get(key, ""):
            self.provenance.pop(f"text:{key}", None)
        if text:
            self.texts[key] = text
        else:
            self.texts.pop(key, None)

    def section_text(self, section_key: str) -> str:
        """A narrative section as one text: intro, then each non-empty sub-heading (as worded) on its own line and
        its body."""
        return compose_section(section_key, self.texts, self.headings)

    def set_whole_section(self, section_key: str, text: str) -> None:
        """Set a section from one text, split at its sub-headings (official, or as the report words them) when that
        reproduces it exactly; the section's wording becomes what the text says."""
        texts, headings = split_section(section_key, text, self.headings)
        for key in fmt.text_keys(section_key):
            self.texts.pop(key, None)
            self.headings.pop(key, None)
        self.texts.update({k: v for k, v in texts.items() if v})
        self.headings.update(headings)

    def heading(self, key: str) -> str:
        """Sub-heading `key` as the report words it: the clerk's wording, or the official heading."""
        return self.headings.get(key) or fmt.SUBHEADING_BY_KEY[key].heading

    def set_heading(self, key: str, wording: str) -> None:
        """Word sub-heading `key` the clerk's way; '' (or the official wording itself) restores the official heading.
        An unknown key is refused (KeyError), and so is a wording of more than one line (ValueError)."""
        sub = fmt.SUBHEADING_BY_KEY.get(key)
        if sub is None:
            raise KeyError(f"unknown sub-heading key {key!r}")
        wording = wording.strip()
        if "\n" in wording or "\r" in wording:
            raise ValueError("a sub-heading is one line")
        if wording and wording != sub.heading:
            self.headings[key] = wording
        else:
            self.headings.pop(key, None)

    # ----- meta -----------------------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return fmt.report_title(self.meta.agency, self.meta.year)

    def copy(self) -> Report:
        return Report(
            meta=Meta(**vars(self.meta)),
            cells=dict(self.cells),
            texts=dict(self.texts),
            headings=dict(self.headings),
            notes=dict(self.notes),
            provenance=dict(self.provenance),
            extra=_deep_copy(self.extra),
            extra_meta=_deep_copy(self.extra_meta),
            extra_cells=_deep_copy(self.extra_cells),
            workspace=self.workspace.copy(),
            read_only=self.read_only,
            template=self.template,
        )


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def compose_section(section_key: str, texts: dict[str, str], headings: dict[str, str] | None = None) -> str:
    """The whole text of a section (see `Report.section_text`); `headings`: the clerk's wording by text key."""
    section = fmt.SECTION_BY_KEY[section_key]
    headings = headings or {}
    if not section.subheadings:
        return texts.get(section.key, "")
    parts: list[str] = []
    intro = texts.get(section.intro_key, "")
    if intro:
        parts.append(intro)
    for sub in section.subheadings:
        body = texts.get(sub.key, "")
        if body:
            parts.append(f"{headings.get(sub.key) or sub.heading}\n{body}")
    return "\n".join(parts)


def split_section(section_key: str, text: str,
                  headings: dict[str, str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Split a whole section text into its text keys at its sub-heading lines: the official heading, or the wording
    `headings` gives a key. Returns the texts and the wording of each sub-heading found worded the clerk's way.
    Falls back to the intro (and no wording) when a split would not round-trip."""
    section = fmt.SECTION_BY_KEY[section_key]
    if not section.subheadings:
        return {section.key: text}, {}
    headings = headings or {}
    lines = text.split("\n")
    known: dict[str, tuple[str, str]] = {}  # a heading line → (its text key, the clerk's wording or '')
    for sub in section.subheadings:
        known.setdefault(sub.heading, (sub.key, ""))
        if headings.get(sub.key):
            known.setdefault(headings[sub.key], (sub.key, headings[sub.key]))
    result: dict[str, str] = {}
    found: dict[str, str] = {}
    current = section.intro_key
    buffer: list[str] = []
    for line in lines:
        if line in known and known[line][0] not in result and known[line][0] != current:
            result[current] = "\n".join(buffer)
            current, buffer = known[line][0], []
            if known[line][1]:
                found[current] = known[line][1]
        else:
            buffer.append(line)
    result[current] = "\n".join(buffer)
    if compose_section(section_key, result, found) == text:
        return result, found
    return {section.intro_key: text}, {}
