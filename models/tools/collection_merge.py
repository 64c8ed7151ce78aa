"""Summing returned 数据采集表 into the report, with who supplied which number.

A sheet is summed only when nothing about it is in doubt: a sheet of another year or template, a department that
sent two sheets, a value that is not a number — each is rejected with its reasons, never summed in part.

The departments' numbers are kept in the draft (`report.workspace.collection`), so that sheets can be merged as they
come back: a later merge adds new departments, replaces the numbers of a department that sent a new sheet and keeps
the others; every merged cell is the sum over all departments so far.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from models.errors import UserError
from models.format import format2021 as fmt
from models.format.formats import Format
from models.report import Report
from models.rules.rule_set import T3_A
from models.tools import autosum
from models.tools.collection import SheetData, normalize_department
from models.values import CellValue, coerce_loaded, is_number

#: At most this many cell names are listed in one notice about blank cells.
LISTED_BLANKS = 5


@dataclass(frozen=True)
class Contribution:
    """One department's numbers, from one sheet (`file` is its name)."""

    department: str
    file: str
    values: dict[str, CellValue]
    contact: str = ""  # 填报人 and 联系电话 as written on the sheet


@dataclass
class Rejected:
    path: Path
    department: str
    reasons: list[str]


@dataclass
class Merged:
    year: int
    contributions: list[Contribution]          # earlier merges' kept departments first, then this merge's sheets
    kept: int = 0                              # how many of `contributions` come from earlier merges
    rejected: list[Rejected] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def sources(self) -> dict[str, list[tuple[str, CellValue]]]:
        """Each cell → [(department, value)], in the order of `contributions`."""
        found: dict[str, list[tuple[str, CellValue]]] = defaultdict(list)
        for contribution in self.contributions:
            for key, value in contribution.values.items():
                found[key].append((contribution.department, value))
        return {k: found[k] for k in sorted(found, key=fmt.CELL_ORDER.__getitem__)}

    @property
    def sums(self) -> dict[str, int | Decimal]:
        return {key: sum((v for _, v in pairs if is_number(v)), start=0)  # type: ignore[misc]
                for key, pairs in self.sources.items()}


class MergeRefused(UserError):
    """Nothing can be merged; `message` (Chinese) says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def merge_year(sheets: list[SheetData], year: int | None) -> int:
    """The year to merge for: `year` when given, else the one year all sheets share. Raises MergeRefused."""
    if year is not None:
        return year
    by_year: dict[int, list[str]] = defaultdict(list)
    for sheet in sheets:
        if sheet.year is not None:
            by_year[sheet.year].append(sheet.path.name)
    if len(by_year) == 1:
        return next(iter(by_year))
    if not by_year:
        raise MergeRefused("采集表的报告年度无法识别，请用 --year 指定年度。")
    listing = "；".join(f"{y}年度：{'、'.join(names)}" for y, names in sorted(by_year.items()))
    raise MergeRefused(f"各采集表的年度不一致（{listing}），请核对后用 --year 指定汇总的年度。")


def merge(sheets: list[SheetData], year: int | None = None, earlier: list[Contribution] | None = None) -> Merged:
    """Check the sheets against each other and the year, and combine the good ones with `earlier` departments."""
    year = merge_year(sheets, year)
    reasons = _rejections(sheets, year)
    usable = [s for s, why in zip(sheets, reasons, strict=True) if not why]
    merged = Merged(year, [], rejected=[Rejected(s.path, s.department, why)
                                        for s, why in zip(sheets, reasons, strict=True) if why])
    new_departments = {normalize_department(s.department): s for s in usable}
    for old in earlier or ():
        replacing = new_departments.get(normalize_department(old.department))
        if replacing is None:
            merged.contributions.append(old)
        elif replacing.path.name == old.file:
            merged.notices.append(f"{old.department}（“{old.file}”）已重新汇总，替换了此前汇总的数字。")
        else:
            merged.notices.append(f"{old.department}的数字已按新发回的“{replacing.path.name}”替换"
                                  f"（此前汇总的是“{old.file}”）。")
    merged.kept = len(merged.contributions)
    for sheet in usable:
        contact = " ".join(t for t in (sheet.filler, sheet.phone) if t)
        merged.contributions.append(Contribution(sheet.department, sheet.path.name, dict(sheet.values), contact))
        merged.notices.extend(_sheet_notices(sheet))
    return merged


def _rejections(sheets: list[SheetData], year: int) -> list[list[str]]:
    """The reasons not to sum each sheet (an empty list for a good one)."""
    reasons = [list(s.problems) for s in sheets]
    by_department: dict[str, list[int]] = defaultdict(list)
    for i, sheet in enumerate(sheets):
        if sheet.template and sheet.template != fmt.TEMPLATE_ID:
            reasons[i].append(f"采集表的报告格式为“{sheet.template}”，与本软件的2021年版格式不同。")
        if sheet.year is not None and sheet.year != year:
            reasons[i].append(f"采集表为{sheet.year}年度，与汇总的{year}年度不一致。")
        if sheet.department:
            by_department[normalize_department(sheet.department)].append(i)
    for same in by_department.values():
        if len(same) > 1:
            files = "、".join(f"“{sheets[i].path.name}”" for i in same)
            for i in same:
                reasons[i].append(f"{sheets[i].department}发回了{len(same)}份采集表（{files}），"
                                  "无法确定以哪一份为准。请只保留一份后重新汇总。")
    return reasons


def _sheet_notices(sheet: SheetData) -> list[str]:
    notices = []
    if sheet.blanks:
        names = "、".join(fmt.cell_label(k) for k in sheet.blanks[:LISTED_BLANKS])
        more = f"等{len(sheet.blanks)}个单元格" if len(sheet.blanks) > LISTED_BLANKS else ""
        notices.append(f"{sheet.department}（“{sheet.path.name}”）未填写{names}{more}，未计入汇总"
                       "（空白不等于0；如确实没有，请科室填0）。")
    if "t3" in sheet.parts:
        own = Report()
        for key, value in sheet.values.items():
            own.set(key, value)
        autosum.apply(own, autosum.all_totals(own))
        for finding in T3_A.run(own):
            notices.append(f"{sheet.department}（“{sheet.path.name}”）的{finding.message}")
    return notices


def apply_merged(report: Report, merged: Merged) -> dict[str, tuple[CellValue, CellValue]]:
    """Set every merged cell to its sum, recompute the totals of the tables touched, and keep the departments'
    numbers in the draft. Returns the cells that changed: key → (old, new)."""
    changes: dict[str, tuple[CellValue, CellValue]] = {}

    def put(key: str, value: CellValue) -> None:
        old = report.cells.get(key)
        if old != value or type(old) is not type(value):
            report.set(key, value)
            changes[key] = (old, value)

    sums = _in_format(report.format, merged.sums)
    for key, total in sums.items():
        put(key, Decimal(total) if report.format.cell_by_key[key].kind is fmt.CellKind.AMOUNT else total)
    # The totals of the report's own format (a row it adds to a table counts in that table's totals).
    cell_by_key = report.format.cell_by_key
    tables = {cell_by_key[k].table for k in sums}
    totals = frozenset(k for k in autosum.auto_sum_keys(report.format) if cell_by_key[k].table in tables)
    for key, value in autosum.all_totals(report, totals, blank_incomplete=True).items():
        put(key, value)
    if report.meta.year is None:
        report.meta.year = merged.year
    report.workspace.collection = {
        "year": merged.year,
        "departments": [{"department": c.department, "file": c.file, "contact": c.contact, "values": dict(c.values)}
                        for c in merged.contributions],
    }
    return changes


def _in_format(format_: Format, sums: dict[str, int | Decimal]) -> dict[str, int | Decimal]:
    """The merged sums (2021 cells) as cells of `format_`: a row that holds several 2021 rows gets their sum (a
    column with one of them missing stays unset); a cell the format has no place for is left out (see
    `check_target`)."""
    found: dict[str, int | Decimal] = {}
    parts_of = {p: row for row, parts in format_.t3_row_parts.items() for p in parts}
    folded: dict[str, list[int | Decimal]] = {}
    for key, total in sums.items():
        if key in format_.cell_by_key:
            found[key] = total
            continue
        table, row, col = key.split(".")
        if table == "t3" and row in parts_of:
            folded.setdefault(fmt.t3(parts_of[row], col), []).append(total)
    for key, totals in folded.items():
        if len(totals) == len(format_.t3_row_parts[key.split(".")[1]]):
            found[key] = sum(totals)  # type: ignore[assignment]
    return found


def check_target(report: Report) -> None:
    """MergeRefused when the report's format has no place for cells the 采集表 collects (a 2019-format report: its
    table 二 is another table)."""
    if report.template == fmt.TEMPLATE_ID:
        return
    format_ = report.format
    parts = {p for row_parts in format_.t3_row_parts.values() for p in row_parts}
    lacking = [k for k in fmt.ALL_CELL_KEYS if k not in format_.cell_by_key and k.split(".")[1] not in parts]
    if lacking:
        raise MergeRefused(f"数据采集表按{fmt.TEMPLATE_ID}年版格式制作，本报告为{format_.id}年版格式"
                           f"（如{fmt.cell_label(lacking[0])}在本报告中没有对应的单元格），不能汇总到本报告中。")


def stored_contributions(report: Report, year: int) -> tuple[list[Contribution], list[str]]:
    """The departments' numbers an earlier merge kept in the draft (for `year`), and notices about what was not
    usable. MergeRefused when the report's format cannot take the 采集表's cells (`check_target`)."""
    check_target(report)
    stored = report.workspace.collection
    if stored is None:
        return [], []
    if not isinstance(stored, dict) or not isinstance(stored.get("departments"), list):
        return [], ["草稿中此前的汇总记录无法识别，本次只汇总所给的采集表。"]
    if stored.get("year") != year:
        return [], [f"草稿中此前的汇总记录属于{stored.get('year')}年度，本次未沿用。"]
    found: list[Contribution] = []
    notices: list[str] = []
    for entry in stored["departments"]:
        contribution = _contribution(entry)
        if contribution is None:
            notices.append("草稿中此前汇总的一个科室的记录无法识别，已忽略。")
        else:
            found.append(contribution)
    return found, notices


def _contribution(entry: Any) -> Contribution | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("department"), str) or not entry["department"]:
        return None
    values = entry.get("values")
    if not isinstance(values, dict) or any(k not in fmt.CELL_BY_KEY for k in values):
        return None
    parsed = {k: coerce_loaded(k, raw) for k, raw in values.items()}
    if not all(is_number(v) for v in parsed.values()):
        return None
    return Contribution(entry["department"], str(entry.get("file", "")), parsed, str(entry.get("contact", "")))
