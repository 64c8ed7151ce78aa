"""Issue 17 point 12: every check cell the workbook shows can turn 不一致 by one edit, whichever totals are in
自动合计; a check every total of which is a live formula (one that holds whatever is typed) is not shown.

The totals follow the app: a total in 自动合计 is a live formula, any other a typed value. Hidden checks are proven
unbreakable with the models' own auto-sum; shown ones are broken in Excel's terms: one cell edited with openpyxl,
recalculated by LibreOffice (one start for every file), each check cell compared with the Python check.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from exporters import build_xlsx
from layouts.xlsx_formulas import INCONSISTENT, can_fail
from layouts.xlsx_layout import TABLE_SHEETS, CheckCell, check_cells, key_positions, key_ref
from models.format.formats import FORMAT_2021
from models.report import Report
from models.rules.equations import Outcome
from models.tools import autosum
from tests.builders import consistent_report
from tests.office import convert_all, require_office

FORMAT = FORMAT_2021
#: The 自动合计 switches of the app, alone and together.
CONFIGS = {
    "typed": frozenset(),
    "all": autosum.auto_sum_keys(FORMAT),
    "rows": frozenset(autosum.row_totals(FORMAT)),
    "handled": frozenset(autosum.handled_totals(FORMAT)),
    "t4": frozenset(autosum.t4_total_keys(FORMAT)),
    "rows+t4": frozenset((*autosum.row_totals(FORMAT), *autosum.t4_total_keys(FORMAT))),
}
CHECKS = [c for table in ("t3", "t4") for c in check_cells(FORMAT)[table]]


def _report(auto: frozenset[str]) -> Report:
    report = consistent_report(5)
    report.workspace.auto_sum = auto
    autosum.apply(report, autosum.all_totals(report, auto, blank_incomplete=True))
    return report


def _inputs(auto: frozenset[str]) -> list[str]:
    """The cells a clerk can type in 表三 and 表四 of a workbook with these totals in 自动合计."""
    return [k for k, (table, _, _) in key_positions(FORMAT).items() if table in ("t3", "t4") and k not in auto]


def _edited(report: Report, key: str, auto: frozenset[str]) -> Report:
    """`report` with `key` one more and the 自动合计 totals following, as the app (and the workbook) do."""
    edited = report.copy()
    edited.set(key, edited.number(key) + 1)
    autosum.apply(edited, autosum.all_totals(edited, auto, blank_incomplete=True))
    return edited


def _shown(workbook: openpyxl.Workbook) -> set[CheckCell]:
    return {c for c in CHECKS if workbook[TABLE_SHEETS[c.equation.table]].cell(row=c.row, column=c.col).value}


@pytest.mark.parametrize("config", CONFIGS)
def test_exactly_the_checks_that_can_fail_are_shown(config):
    auto = CONFIGS[config]
    report = _report(auto)
    shown = _shown(openpyxl.load_workbook(io.BytesIO(build_xlsx(report))))
    breakable = {c for c in CHECKS
                 if any(c.equation.outcome(_edited(report, k, auto).cells) is Outcome.BROKEN for k in _inputs(auto))}
    assert shown == breakable == {c for c in CHECKS if can_fail(c, auto, FORMAT)}
    if config == "typed":
        assert shown == set(CHECKS)
    if config == "all":  # only T3-A compares cells a clerk types
        assert {c.rule for c in shown} == {"T3-A"}


def test_the_sheet_says_which_totals_are_computed():
    sheets = {name: openpyxl.load_workbook(io.BytesIO(build_xlsx(_report(CONFIGS[name])))) for name in CONFIGS}
    assert "本表的合计均为填写的数字" in sheets["typed"]["表三"]["A2"].value
    assert "自动合计（公式计算，随各项变化）：总计列、（七）总计行" in sheets["all"]["表三"]["A2"].value
    assert "自动合计（公式计算，随各项变化）：总计列；" in sheets["rows"]["表三"]["A2"].value
    assert "自动合计（公式计算，随各项变化）：各总计；" in sheets["t4"]["表四"]["A2"].value
    assert "本表的合计均为填写的数字" in sheets["t4"]["表三"]["A2"].value


def _cover(report: Report, auto: frozenset[str], shown: set[CheckCell]) -> list[str]:
    """Edits (keys) that together break every shown check, each by itself one edit: greedily, most checks first."""
    breaks = {k: {c for c in shown if c.equation.outcome(_edited(report, k, auto).cells) is Outcome.BROKEN}
              for k in _inputs(auto)}
    left, chosen = set(shown), []
    while left:
        key = max(breaks, key=lambda k: len(breaks[k] & left))
        assert breaks[key] & left, f"no single edit breaks {[c.equation.description for c in left]}"
        chosen.append(key)
        left -= breaks[key]
    return chosen


@pytest.mark.slow
def test_every_shown_check_turns_inconsistent_by_one_edit_in_libreoffice(tmp_path):
    require_office()
    (tmp_path / "in").mkdir()
    cases: list[tuple[str, str, Report, set[CheckCell]]] = []
    files = []
    for config, auto in CONFIGS.items():
        report = _report(auto)
        data = build_xlsx(report)
        shown = _shown(openpyxl.load_workbook(io.BytesIO(data)))
        for key in _cover(report, auto, shown):
            wb = openpyxl.load_workbook(io.BytesIO(data))
            ws = wb[TABLE_SHEETS[FORMAT.cell_by_key[key].table]]
            ws[key_ref(key, FORMAT)] = report.number(key) + 1
            path = tmp_path / "in" / f"{config}-{len(files)}.xlsx"
            wb.save(path)
            files.append(path)
            cases.append((config, key, _edited(report, key, auto), shown))
    recalculated = convert_all(files, "xlsx", tmp_path / "out", timeout=600)
    broken: dict[str, set[CheckCell]] = {}
    for (config, key, edited, shown), path in zip(cases, recalculated, strict=True):
        values = openpyxl.load_workbook(path, data_only=True)
        for check in shown:
            verdict = values[TABLE_SHEETS[check.equation.table]].cell(row=check.row, column=check.col).value
            expected = check.equation.outcome(edited.cells)
            assert (verdict == INCONSISTENT) == (expected is Outcome.BROKEN), (config, key, check.equation.description)
            if verdict == INCONSISTENT:
                broken.setdefault(config, set()).add(check)
    for config, auto in CONFIGS.items():
        assert broken.get(config, set()) == {c for c in CHECKS if can_fail(c, auto, FORMAT)}, config
