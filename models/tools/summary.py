"""The figures of the year for the 一图读懂 page, Qt-free: what 表二, 表三 and 表四 say, grouped for a reader,
with the change from last year's report when one is given (or embedded in a carried-over draft).

Blank is not 0: a blank cell, or a sum with a blank part, is None and shown as "—".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models.format import format2021 as fmt
from models.report import Report
from models.rules.year_change import Number, YearChange
from models.tools.carryover import embedded_previous

BLANK = "—"
COUNT_UNIT = "件"
AMOUNT_UNIT = "万元"
_NUMBERING = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")


def plain_label(label: str) -> str:
    """A format label without its numbering: "（三）不予公开" → "不予公开", "二、主动公开…" → "主动公开…"."""
    return _NUMBERING.sub("", label)


def format_number(value: Number | None) -> str:
    """Digits grouped by thousands ("3,985,758", "96,171.6"); blank as "—". Decimals are kept as typed."""
    if value is None:
        return BLANK
    if isinstance(value, Decimal):
        return f"{value:,f}"
    return f"{value:,}"


@dataclass(frozen=True)
class Figure:
    """One number of the page: its label, value (None = blank), unit and last year's value when compared."""

    key: str
    label: str
    value: Number | None
    unit: str = COUNT_UNIT
    previous: Number | None = None
    compared: bool = False  # a previous report was given; `previous` may still be blank

    @property
    def text(self) -> str:
        return format_number(self.value)

    @property
    def change(self) -> YearChange | None:
        """The change from last year's value (models.rules.year_change), or None when either is blank."""
        if not self.compared or self.value is None or self.previous is None:
            return None
        return YearChange(self.value, self.previous)


def share(figure: Figure, among: tuple[Figure, ...]) -> Decimal | None:
    """`figure` as a percentage (one decimal) of the sum of `among`; None when any is blank or they add up to 0."""
    if not complete(among):
        return None
    base = sum(f.value for f in among)
    if figure.value is None or not base:
        return None
    return (Decimal(figure.value) * 100 / Decimal(base)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def complete(figures: tuple[Figure, ...]) -> bool:
    """True when no figure is blank: only then can their proportions be drawn."""
    return all(f.value is not None for f in figures)


def format_share(percent: Decimal | None) -> str:
    """"44.7%", or "" when there is no share."""
    return "" if percent is None else f"{percent}%"


@dataclass(frozen=True)
class DocumentRow:
    """规章 or 行政规范性文件: issued this year and in force at year end."""

    label: str
    issued: Figure
    in_force: Figure


@dataclass(frozen=True)
class ActiveFigures:
    """主动公开 (表二)."""

    heading: str
    documents: tuple[DocumentRow, ...]
    decisions: tuple[Figure, ...]  # 行政许可, 行政处罚, 行政强制
    decisions_caption: str  # 本年处理决定数量
    fees: Figure  # 行政事业性收费, 万元
    fees_caption: str  # 本年收费金额


@dataclass(frozen=True)
class RequestFigures:
    """依申请公开 (表三, 总计 column)."""

    heading: str
    new: Figure
    carried_in: Figure
    handled: Figure
    carried_out: Figure
    outcomes: tuple[Figure, ...]  # 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理
    applicants: tuple[Figure, ...]  # of the new applications: 自然人, 法人或其他组织

    def share(self, figure: Figure) -> Decimal | None:
        """An outcome's or an applicant kind's share of all its kind (see `share`)."""
        return share(figure, self.applicants if figure in self.applicants else self.outcomes)


@dataclass(frozen=True)
class CaseBlock:
    """One block of 表四: 行政复议, or a 行政诉讼 block; its total and the four outcomes."""

    key: str
    label: str
    total: Figure
    outcomes: tuple[Figure, ...]  # 结果维持, 结果纠正, 其他结果, 尚未审结


@dataclass(frozen=True)
class CaseFigures:
    """行政复议、行政诉讼 (表四)."""

    heading: str
    review: CaseBlock
    suit_heading: str  # 行政诉讼
    suits: tuple[CaseBlock, ...]  # 未经复议直接起诉, 复议后起诉


@dataclass(frozen=True)
class YearFigures:
    agency: str
    year: int | None
    previous_year: int | None
    compared: bool
    active: ActiveFigures
    requests: RequestFigures
    cases: CaseFigures

    @property
    def title(self) -> str:
        return fmt.report_title(self.agency, self.year)

    @property
    def comparison(self) -> str:
        """How a change is labelled: "较2023年" (or "较上年" when last year's report has no year)."""
        return f"较{self.previous_year}年" if self.previous_year else "较上年"

    def all_figures(self) -> list[Figure]:
        a, r, c = self.active, self.requests, self.cases
        figures = [f for row in a.documents for f in (row.issued, row.in_force)] + [*a.decisions, a.fees]
        figures += [r.new, r.carried_in, r.handled, r.carried_out, *r.outcomes, *r.applicants]
        for block in (c.review, *c.suits):
            figures += [block.total, *block.outcomes]
        return figures


class _Reader:
    """Reads values from this year's report and, when compared, last year's."""

    def __init__(self, report: Report, previous: Report | None) -> None:
        self.report, self.previous = report, previous

    def figure(self, key: str, label: str, unit: str = COUNT_UNIT) -> Figure:
        return self.total(key, (key,), label, unit)

    def total(self, key: str, parts: tuple[str, ...], label: str, unit: str = COUNT_UNIT) -> Figure:
        """A figure that is the sum of cells: None when any part is blank."""
        before = _sum(self.previous, parts) if self.previous is not None else None
        return Figure(key, label, _sum(self.report, parts), unit, before, self.previous is not None)


def _sum(report: Report, keys: tuple[str, ...]) -> Number | None:
    values = [report.number(k) for k in keys]
    if any(v is None for v in values):
        return None
    return sum(values)


def summarize(report: Report, previous: Report | None = None) -> YearFigures:
    """The figures of `report`, compared with `previous` or else with the report embedded at carry-over."""
    if previous is None:
        previous = embedded_previous(report)
    read = _Reader(report, previous)
    return YearFigures(
        agency=report.meta.agency.strip(),
        year=report.meta.year,
        previous_year=previous.meta.year if previous is not None else None,
        compared=previous is not None,
        active=_active(read),
        requests=_requests(read),
        cases=_cases(read),
    )


def _active(read: _Reader) -> ActiveFigures:
    documents_block, licensing, enforcement, fees = fmt.T2_BLOCKS
    columns = {c.key: c.label.removesuffix("件数") for c in documents_block.columns}
    documents = tuple(
        DocumentRow(row.label,
                    read.figure(fmt.t2(row.key, "issued"), columns["issued"]),
                    read.figure(fmt.t2(row.key, "in_force"), columns["in_force"]))
        for row in documents_block.rows
    )
    decisions = tuple(read.figure(fmt.t2(row.key, "decisions"), row.label)
                      for row in (*licensing.rows, *enforcement.rows))
    fee_row, fee_column = fees.rows[0], fees.columns[0]

    return ActiveFigures(
        heading=plain_label(fmt.SECTION_BY_KEY["s2"].heading),
        documents=documents,
        decisions=decisions,
        decisions_caption=licensing.columns[0].label,
        fees=read.figure(fmt.AMOUNT_KEY, fee_row.label, AMOUNT_UNIT),
        fees_caption=re.sub(r"（单位：.*）$", "", fee_column.label),
    )


def _requests(read: _Reader) -> RequestFigures:
    rows = fmt.T3_ROW_BY_KEY
    outcomes = [read.figure(fmt.t3(key, "total"), plain_label(rows[key].name)) for key in ("granted", "partial")]
    for group in fmt.T3_GROUPS:
        leaves = tuple(fmt.t3(r.key, "total") for r in fmt.T3_ROWS if r.group == group.key)
        outcomes.append(read.total(fmt.t3(group.key, "total"), leaves, plain_label(group.label)))
    legal = tuple(fmt.t3("new", c) for c in fmt.T3_LEGAL_COLUMNS)
    return RequestFigures(
        heading=plain_label(fmt.SECTION_BY_KEY["s3"].heading),
        new=read.figure(fmt.t3("new", "total"), rows["new"].name),
        carried_in=read.figure(fmt.t3("carried_in", "total"), rows["carried_in"].name),
        handled=read.figure(fmt.t3("handled_total", "total"), rows["handled_total"].name),
        carried_out=read.figure(fmt.t3("carried_out", "total"), rows["carried_out"].name),
        outcomes=tuple(outcomes),
        applicants=(read.figure(fmt.t3("new", "natural"), fmt.T3_COLUMN_BY_KEY["natural"].label),
                    read.total(fmt.t3("new", "legal"), legal, fmt.T3_LEGAL_PERSONS)),
    )


def _case_block(read: _Reader, block: fmt.Axis) -> CaseBlock:
    return CaseBlock(
        key=block.key,
        label=block.label,
        total=read.figure(fmt.t4(block.key, "total"), block.label),
        outcomes=tuple(read.figure(fmt.t4(block.key, c.key), c.label) for c in fmt.T4_COLUMNS if c.key != "total"),
    )


def _cases(read: _Reader) -> CaseFigures:
    review, *suits = fmt.T4_BLOCKS
    return CaseFigures(
        heading=plain_label(fmt.SECTION_BY_KEY["s4"].heading),
        review=_case_block(read, review),
        suit_heading=fmt.T4_SUIT,
        suits=tuple(_case_block(read, b) for b in suits),
    )
