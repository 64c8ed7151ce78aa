"""Generated application ledgers whose table 三 is known from how each application was made, not from counting dates.

Each application is drawn from a scenario (closed before the year, carried in and closed, carried in and still open,
new and closed, new and carried out, received after the year); the expected cells follow from the scenario alone.
Labels are written in the many ways a clerk writes them, all derived from `models.format.format2021`.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl

from models.format import format2021 as fmt

HEADER = ("序号", "收到日期", "申请人类型", "申请内容", "办理结果", "办结日期", "备注")
#: The scenario → the rows of table 三 it counts in (besides the leaf row of its result when closed in the year).
SCENARIOS: dict[str, tuple[str, ...]] = {
    "before": (),
    "carried_closed": ("carried_in",),
    "carried_open": ("carried_in", "carried_out"),
    "new_closed": ("new",),
    "new_open": ("new", "carried_out"),
    "after": (),
}
CLOSED_IN_YEAR = ("carried_closed", "new_closed")


@dataclass
class Case:
    scenario: str
    received: date
    applicant: str          # column key
    result: str | None      # leaf key
    closed: date | None


def _day(rng: random.Random, start: date, end: date) -> date:
    """A day in [start, end], the ends themselves often (boundaries are where counting goes wrong)."""
    roll = rng.random()
    if roll < 0.15:
        return start
    if roll < 0.3:
        return end
    return start + timedelta(days=rng.randint(0, (end - start).days))


def make_cases(n: int, year: int, seed: int = 0) -> list[Case]:
    rng = random.Random(seed)
    y0, y1 = date(year, 1, 1), date(year, 12, 31)
    cases = []
    for _ in range(n):
        scenario = rng.choice(tuple(SCENARIOS))
        applicant = rng.choice(fmt.T3_PART_COLUMNS)
        result = rng.choice(fmt.T3_LEAF_ROWS)
        if scenario == "before":
            received = _day(rng, date(year - 2, 1, 1), y0 - timedelta(days=1))
            closed: date | None = _day(rng, received, y0 - timedelta(days=1))
        elif scenario == "after":
            received = _day(rng, y1 + timedelta(days=1), date(year + 1, 3, 31))
            closed = rng.choice((None, received))
        elif scenario.startswith("carried"):
            received = _day(rng, date(year - 2, 6, 1), y0 - timedelta(days=1))
        else:
            received = _day(rng, y0, y1)
        if scenario in CLOSED_IN_YEAR:
            closed = _day(rng, max(received, y0), y1)
        elif scenario.endswith("open"):
            closed = rng.choice((None, _day(rng, y1 + timedelta(days=1), date(year + 1, 3, 31))))
        if closed is None:
            result = None
        cases.append(Case(scenario, received, applicant, result, closed))
    return cases


def expected_cells(cases: list[Case]) -> dict[str, int]:
    """Table 三 from the scenarios: every cell, totals included."""
    cells = {fmt.t3(r.key, c.key): 0 for r in fmt.T3_ROWS for c in fmt.T3_COLUMNS}
    for case in cases:
        rows = list(SCENARIOS[case.scenario])
        if case.scenario in CLOSED_IN_YEAR:
            rows += [case.result, "handled_total"]
        for row in rows:
            cells[fmt.t3(row, case.applicant)] += 1
            cells[fmt.t3(row, "total")] += 1
    return cells


# ----- How a clerk writes each value -------------------------------------------------------------------------

def applicant_texts(key: str) -> list[str]:
    label = fmt.T3_COLUMN_BY_KEY[key].label
    if key == "natural":
        return [label, f" {label} "]
    legal = fmt.T3_LEGAL_PERSONS
    return [label, f"{legal}-{label}", f"{legal}·{label}", f"{legal}（{label}）", f"{legal} {label}"]


def result_texts(key: str) -> list[str]:
    row = fmt.T3_ROW_BY_KEY[key]
    label = row.label
    core = label.split(".", 1)[1] if row.group else label.split("）", 1)[1]
    core_short = core.split("（")[0]
    texts = [label, core_short, core_short.replace("“", '"').replace("”", '"')]
    if row.group:
        group = fmt.T3_GROUP_BY_KEY[row.group].label
        number = label.split(".", 1)[0]
        texts += [f"{group} {label}", f"{group}{number}、{core}", f"{group.split('）')[1]}-{core}",
                  f"{number}．{core}".translate(str.maketrans("0123456789", "０１２３４５６７８９"))]
    else:
        texts += [label.split("（区分")[0]]
    return texts


def date_forms(day: date) -> list[object]:
    """A date as a cell may hold it: a date or datetime, an Excel serial number, or text in several styles."""
    serial = (day - date(1899, 12, 30)).days
    return [day, datetime(day.year, day.month, day.day, 9, 30), serial, day.isoformat(),
            f"{day.year}/{day.month}/{day.day}", f"{day.year}年{day.month}月{day.day}日",
            f"{day.year}.{day.month:02d}.{day.day:02d}", day.strftime("%Y%m%d")]


def ledger_rows(cases: list[Case], seed: int = 0, *, text_only: bool = False) -> list[tuple[object, ...]]:
    """One row per case under HEADER; `text_only` writes every date as text (CSV)."""
    rng = random.Random(seed)
    rows = []
    for i, case in enumerate(cases, start=1):
        forms = [date_forms(d) if d else [None] for d in (case.received, case.closed)]
        if text_only:
            forms = [[f for f in fs if isinstance(f, str)] or [""] for fs in forms]
        result = rng.choice(result_texts(case.result)) if case.result else rng.choice(("", "", "办理中"))
        rows.append((i, rng.choice(forms[0]), rng.choice(applicant_texts(case.applicant)), f"申请公开第{i}号文件",
                     result, rng.choice(forms[1]), ""))
    return rows


def write_xlsx(path: Path, rows: list[tuple[object, ...]], *, header: tuple[str, ...] = HEADER,
               title: str | None = "依申请公开登记台账", sheet: str = "台账") -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    if title:
        ws.append((title,))
    ws.append(header)
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[tuple[object, ...]], *, encoding: str = "utf-8-sig",
              header: tuple[str, ...] = HEADER, delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
    return path
