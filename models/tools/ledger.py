"""Table 三 from an application ledger (依申请公开台账): one row per application, counted for a report year.

For report year Y, with each application's 收到日期 r, 办结日期 c (None while open) and 办理结果:
- 本年新收: r in Y;
- 上年结转: r before Y and not closed before Y (c in Y or later, or still open);
- each 办理结果 row: c in Y, with that result;
- 结转下年度: r on or before 12-31 of Y and not closed by then (c after Y, or still open).
So every column satisfies 新收 + 上年结转 = 办理结果总计 + 结转下年度 (T3-A) by construction; the totals are sums.

A row that cannot be classified (unknown 申请人类型 or 办理结果, a bad date, 办结 before 收到, a result without a
办结日期 …) is listed with its row and the reason, never guessed. Rows that cannot touch year Y (closed before it or
received after it) are counted as outside the year and not checked further.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from models.findings import Finding
from models.format import format2021 as fmt
from models.format.formats import Format
from models.report import Meta, Report
from models.tools import autosum
from models.tools.ledger_fields import ColumnMapping, LedgerSheet
from models.tools.ledger_values import (
    BadValue,
    applicant_lookup,
    cell_text,
    is_pending,
    parse_date,
    result_lookup,
    squeeze,
    why_not_applicant,
    why_not_result,
)

#: Every cell of table 三; the totals among them are sums of the counted cells.
T3_KEYS: tuple[str, ...] = tuple(fmt.t3(r.key, c.key) for r in fmt.T3_ROWS for c in fmt.T3_COLUMNS)
T3_TOTALS = frozenset(k for k in autosum.AUTO_SUM_KEYS if k.startswith("t3."))


class RowRef(NamedTuple):
    """A ledger row as the clerk finds it: the sheet (None for CSV) and the 1-based row number."""

    sheet: str | None
    row: int

    def __str__(self) -> str:
        return f"工作表“{self.sheet}”第{self.row}行" if self.sheet else f"第{self.row}行"


class Application(NamedTuple):
    where: RowRef
    received: date
    applicant: str          # a column key of table 三 (natural, commercial …)
    result: str | None      # a leaf row key of table 三; None while the application is open
    closed: date | None


@dataclass(frozen=True)
class RowProblem:
    where: RowRef
    reason: str

    def __str__(self) -> str:
        return f"{self.where}：{self.reason}。"


@dataclass
class LedgerResult:
    """Table 三 counted from a ledger, with what could not be counted and how the rows were used."""

    year: int
    cells: dict[str, int]                          # every cell of table 三
    problems: list[RowProblem] = field(default_factory=list)
    counted: int = 0                               # applications that count toward year Y
    outside: int = 0                               # closed before Y or received after Y
    blank_rows: int = 0
    sources: dict[str, list[RowRef]] = field(default_factory=dict)  # a counted cell → the rows counted in it

    @property
    def rows_read(self) -> int:
        return self.counted + self.outside + len(self.problems)

    def cells_for(self, format_: Format) -> dict[str, int]:
        """Every cell of table 三 of `format_`: the ledger's counts (a row that holds several 2021 rows, such as the
        2019 format's single （六）, their sum); 0 in a leaf row the ledger cannot classify a result into (a row of a
        later format: every application counted has another result, and one whose result is not recognised is
        among `problems`); the totals by that format's sums."""
        report = Report(template=format_.id)
        for row in format_.t3_rows:
            parts = format_.t3_row_parts.get(row.key, (row.key,))
            for col in format_.t3_columns:
                if col.key != "total" and row.key != "handled_total":
                    report.set(fmt.t3(row.key, col.key), sum(self.cells.get(fmt.t3(p, col.key), 0) for p in parts))
        totals = frozenset(k for k in autosum.auto_sum_keys(format_) if k.startswith("t3."))
        autosum.apply(report, autosum.all_totals(report, totals))
        return {key: report.cells[key] for key in format_.keys if key.startswith("t3.")}  # type: ignore[misc]

    def changes(self, report: Report) -> dict[str, int]:
        """The cells of table 三 of the report's format whose value in `report` differs from the ledger's (for one
        undo step in the UI)."""
        return {key: value for key, value in self.cells_for(report.format).items()
                if report.cells.get(key) != value or type(report.cells.get(key)) is not int}

    def apply_to(self, report: Report) -> None:
        """Replace every cell of table 三 in `report` with the ledger's counts."""
        for key, value in self.changes(report).items():
            report.set(key, value)

    def to_report(self, agency: str = "", level: str = "") -> Report:
        """A new report for the year with table 三 filled and every other cell blank."""
        report = Report(meta=Meta(agency=agency, year=self.year, level=level))
        self.apply_to(report)
        return report


def applications(sheets: Sequence[LedgerSheet], mapping: ColumnMapping | None = None, *, year: int,
                 today: date | None = None) -> tuple[list[Application], list[RowProblem], int, int]:
    """The applications of every sheet that can touch `year`, the rows that cannot be classified, the number of
    rows outside the year and of blank rows."""
    mapping = mapping or ColumnMapping()
    start, end = date(year, 1, 1), date(year, 12, 31)
    words = _Words(mapping)
    found: list[Application] = []
    problems: list[RowProblem] = []
    outside = blank = 0
    for sheet in sheets:
        dates = _Dates(sheet.epoch, today)
        cols = sheet.header.columns
        positions = (cols["received"], cols["applicant"], cols["result"], cols["closed"])
        width = max(positions) + 1
        for index in range(sheet.header.row + 1, len(sheet.rows)):
            raw = sheet.rows[index]
            if len(raw) < width:
                raw = (*raw, *([None] * (width - len(raw))))
            received_raw, applicant_raw, result_raw, closed_raw = (raw[p] for p in positions)
            applicant_text, result_text = words.text(applicant_raw), words.text(result_raw)
            if not applicant_text and not result_text and dates.blank(received_raw) and dates.blank(closed_raw):
                blank += 1
                continue
            where = RowRef(sheet.name, index + 1)
            try:
                received = dates.parse(received_raw, "收到日期")
                closed = dates.parse(closed_raw, "办结日期")
            except BadValue as exc:
                problems.append(RowProblem(where, exc.reason))
                continue
            if received is None:
                problems.append(RowProblem(where, "没有收到日期"))
                continue
            if closed is not None and closed < received:
                problems.append(RowProblem(where, f"办结日期{closed.isoformat()}早于收到日期{received.isoformat()}"))
                continue
            if received > end or (closed is not None and closed < start):
                outside += 1
                continue
            problem, application = _classify(where, received, closed, applicant_text, result_text, words)
            if problem:
                problems.append(RowProblem(where, problem))
            else:
                found.append(application)  # type: ignore[arg-type]
    return found, problems, outside, blank


_MISS = object()


class _Dates:
    """Dates of one sheet, each distinct cell value parsed once (a ledger repeats the same days many times)."""

    def __init__(self, epoch: date, today: date | None) -> None:
        self.epoch, self.today = epoch, today
        self.memo: dict[tuple[type, object], date | BadValue | None] = {}

    def parse(self, value: object, name: str) -> date | None:
        key = (type(value), value)
        hit = self.memo.get(key, _MISS)
        if hit is _MISS:
            try:
                hit = parse_date(value, epoch=self.epoch, today=self.today)
            except BadValue as exc:
                hit = exc
            self.memo[key] = hit  # type: ignore[assignment]
        if isinstance(hit, BadValue):
            raise BadValue(f"{name}{hit.reason}")
        return hit  # type: ignore[return-value]

    @staticmethod
    def blank(value: object) -> bool:
        return not isinstance(value, int | float) and not cell_text(value)


class _Words:
    """申请人类型 and 办理结果 as table 三 keys, each distinct text looked up once."""

    def __init__(self, mapping: ColumnMapping) -> None:
        self.results = result_lookup(mapping.results)
        self.applicants = applicant_lookup(mapping.applicants)
        self.texts: dict[tuple[type, object], str] = {}
        self.squeezed: dict[str, str] = {}

    def text(self, value: object) -> str:
        key = (type(value), value)
        found = self.texts.get(key)
        if found is None:
            found = self.texts[key] = cell_text(value)
        return found

    def _squeeze(self, text: str) -> str:
        found = self.squeezed.get(text)
        if found is None:
            found = self.squeezed[text] = squeeze(text)
        return found

    def applicant(self, text: str) -> str | None:
        return self.applicants.get(self._squeeze(text))

    def result(self, text: str) -> str | None:
        return self.results.get(self._squeeze(text))

    def pending(self, text: str) -> bool:
        return not text or is_pending(text)


def _classify(where: RowRef, received: date, closed: date | None, applicant_text: str, result_text: str,
              words: _Words) -> tuple[str, Application | None]:
    if not applicant_text:
        return "没有申请人类型", None
    applicant = words.applicant(applicant_text)
    if applicant is None:
        return why_not_applicant(applicant_text), None
    result = words.result(result_text) if result_text else None
    pending = result is None and words.pending(result_text)
    if closed is None:
        if not pending:
            return f"有办理结果“{result_text}”但没有办结日期", None
        return "", Application(where, received, applicant, None, None)
    if not result_text:
        return f"有办结日期{closed.isoformat()}但没有办理结果", None
    if pending:
        return f"办理结果为“{result_text}”，却有办结日期{closed.isoformat()}", None
    if result is None:
        return why_not_result(result_text), None
    return "", Application(where, received, applicant, result, closed)


def tally(found: Sequence[Application], year: int) -> tuple[dict[str, int], dict[str, list[RowRef]]]:
    """Every cell of table 三 for `year`, and the rows counted in each counted cell."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    sources: dict[str, list[RowRef]] = {}

    def count(row: str, application: Application) -> None:
        sources.setdefault(fmt.t3(row, application.applicant), []).append(application.where)

    for app in found:
        if app.received > end or (app.closed is not None and app.closed < start):
            continue
        if app.received >= start:
            count("new", app)
        elif app.closed is None or app.closed >= start:
            count("carried_in", app)
        if app.closed is not None and start <= app.closed <= end:
            count(app.result, app)  # type: ignore[arg-type]
        if app.closed is None or app.closed > end:
            count("carried_out", app)
    report = Report()
    for row in fmt.T3_ROWS:
        for col in fmt.T3_PART_COLUMNS:
            if row.key != "handled_total":
                key = fmt.t3(row.key, col)
                report.set(key, len(sources.get(key, ())))
    autosum.apply(report, autosum.all_totals(report, T3_TOTALS))
    return {key: report.cells[key] for key in T3_KEYS}, sources  # type: ignore[misc]


def compute_table3(sheets: Sequence[LedgerSheet], year: int, mapping: ColumnMapping | None = None, *,
                   today: date | None = None) -> LedgerResult:
    """Table 三 for `year` from the ledger's sheets (see `importers.ledger_reader.read_ledger`). Dates after
    `today` (default: the computer's date) are refused as typing errors."""
    found, problems, outside, blank = applications(sheets, mapping, year=year, today=today or date.today())
    cells, sources = tally(found, year)
    return LedgerResult(year, cells, problems, len(found), outside, blank, sources)


def table3_findings(report: Report, previous: Report | None = None) -> list[Finding]:
    """The findings of the rules of table 三 (T3-A/B/C, V-1 on its cells) and, with last year's report, X-1."""
    from models.rules.rule_set import T3_A, T3_B, T3_C, V_1, X_1, evaluate

    t3, whole = set(T3_KEYS), {T3_A.id, T3_B.id, T3_C.id, X_1.id}
    return [f for f in evaluate(report, previous)
            if f.rule in whole or (f.rule == V_1.id and set(f.cells) <= t3)]
