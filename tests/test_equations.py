"""The equation list (models/rules/equations.py) is the one source of the table sums: the Python check, the Excel check
cells and the 自查清单 all follow it, for the 2021 format and for any other."""

from __future__ import annotations

import io

import openpyxl
import pytest

from exporters import XlsxOptions, build_xlsx
from exporters.selfcheck import NOT_CHECKED, PASSED, checklist
from layouts.xlsx_layout import TABLE_SHEETS, check_cells, key_ref, refs
from models.format import format2021 as fmt
from models.format import formats
from models.format.formats import FORMAT_2021
from models.report import Report
from models.rules.equations import Outcome, equations_by_rule, equations_of
from models.rules.rule_set import RULES, T3_B, T3_C, T4_A, evaluate
from tests.builders import consistent_report, zero_report
from tests.test_format_2099 import FORMAT_2099, NEW_ROW, _report_2099

REVIEW = tuple(fmt.t4("review", c) for c in ("upheld", "corrected", "other", "pending", "total"))


def _without_pending() -> formats.Format:
    """A test-only format: the 2021 tables, but 行政复议's 总计 is defined without 尚未审结."""
    sums = dict(fmt.SUM_DEFINITIONS)
    sums["t4.review.total"] = REVIEW[:3]
    return formats.Format("2021-test", fmt.FORMAT_NOTICE, cells=fmt.CELLS, grids=fmt.GRIDS, sums=sums)


WITHOUT_PENDING = _without_pending()


def test_the_2021_equations_are_the_spec_rules():
    by_rule = equations_by_rule(FORMAT_2021)
    assert {rule: len(found) for rule, found in by_rule.items()} == {
        "T3-A": 7, "T3-B": 25, "T3-C": 7, "T4-A": 1, "T4-B": 1, "T4-C": 1}
    assert [e.rule for e in equations_of(FORMAT_2021)] == sorted(
        (e.rule for e in equations_of(FORMAT_2021)), key=[r.id for r in RULES].index)
    [natural] = [e for e in by_rule["T3-A"] if e.totals[0] == "t3.handled_total.natural"]
    assert natural.cells == ("t3.new.natural", "t3.carried_in.natural", "t3.handled_total.natural",
                             "t3.carried_out.natural")
    assert natural.description == "表三·自然人列：新收＋上年结转＝办理结果总计＋结转下年度"
    # The spec's example message (spec §5), word for word.
    assert natural.message([12, 3, 10, 4], 15, 14) == (
        "表三·自然人列：新收12＋上年结转3＝15，但办理结果总计10＋结转下年度4＝14，相差1。")
    # Every sum definition of the format is one equation; （七）总计·总计 also adds up along its row.
    sums = {(e.totals, e.parts) for e in equations_of(FORMAT_2021) if len(e.totals) == 1}
    assert {((total,), parts) for total, parts in fmt.SUM_DEFINITIONS.items()} <= sums
    row = [e for e in by_rule["T3-B"] if e.totals == ("t3.handled_total.total",)]
    assert row[0].parts == tuple(fmt.t3("handled_total", c) for c in fmt.T3_PART_COLUMNS)


def test_an_equation_is_checked_only_when_every_cell_holds_a_number():
    report = zero_report()
    [review] = equations_by_rule(FORMAT_2021)["T4-A"]
    assert review.outcome(report.cells) is Outcome.HOLDS
    report.set("t4.review.total", 2)
    assert review.outcome(report.cells) is Outcome.BROKEN
    report.set("t4.review.other", None)
    assert review.outcome(report.cells) is Outcome.INCOMPLETE
    assert not [f for f in evaluate(report) if f.rule == "T4-A"]  # V-1's to report, not T4-A's


def _report(template: str) -> Report:
    """A consistent 2021 report (行政复议: 1＋1＋1＋1＝4) under `template`."""
    source = consistent_report(4)
    report = Report(meta=source.meta, texts=dict(source.texts), template=template)
    for key, value in source.cells.items():
        report.set(key, value)
    for key, value in zip(REVIEW, (1, 1, 1, 1, 4), strict=True):
        report.set(key, value)
    return report


def _review_check(report: Report) -> tuple[str, str]:
    """The formula of 行政复议's check cell in the report's workbook, and the references of its cells."""
    ws = openpyxl.load_workbook(io.BytesIO(build_xlsx(report, options=XlsxOptions(allow_errors=True))))[
        TABLE_SHEETS["t4"]]
    [check] = [c for c in check_cells(report.format)["t4"] if c.rule == "T4-A"]
    return ws.cell(row=check.row, column=check.col).value, ",".join(refs(check.equation.cells))


def test_changing_the_equation_list_changes_the_check_the_workbook_and_the_checklist(monkeypatch):
    monkeypatch.setitem(formats.FORMATS, WITHOUT_PENDING.id, WITHOUT_PENDING)
    as_2021, changed = _report("2021"), _report(WITHOUT_PENDING.id)
    assert as_2021.cells == changed.cells

    # The Python check: consistent by 2021, 1＋1＋1≠4 by the changed list.
    assert not [f for f in evaluate(as_2021) if f.rule == "T4-A"]
    [finding] = [f for f in evaluate(changed) if f.rule == "T4-A"]
    assert finding.cells == (*REVIEW[:3], REVIEW[4]) and (finding.left, finding.right) == (3, 4)
    assert finding.message == "表四·行政复议：结果维持1＋结果纠正1＋其他结果1＝3，但总计为4，相差1。"

    # The Excel check cell, read back with openpyxl: it compares the changed list's cells.
    formula_2021, cells_2021 = _review_check(as_2021)
    formula, cells = _review_check(changed)
    assert key_ref("t4.review.pending") == "D6" and cells_2021 == "A6:E6" and cells == "A6:C6,E6"
    assert formula_2021 == ('=IF(COUNT(A6:D6,E6)<5,"未填完",IF(SUM(A6:D6)=SUM(E6),"一致","不一致"))')
    assert formula == ('=IF(COUNT(A6:C6,E6)<4,"未填完",IF(SUM(A6:C6)=SUM(E6),"一致","不一致"))')

    # The 自查清单 (Word appendix and Excel sheet): status and the equation it names.
    def row(report: Report):
        return next(r for r in checklist(report, evaluate(report), False) if r.rule is T4_A)

    assert row(as_2021).status == PASSED
    assert row(as_2021).remarks == ("核对“表四·行政复议：总计＝结果维持＋结果纠正＋其他结果＋尚未审结”，成立。",)
    assert row(changed).status == "未通过"
    assert row(changed).remarks == ("核对“表四·行政复议：总计＝结果维持＋结果纠正＋其他结果”，不成立。",)
    sheet = openpyxl.load_workbook(io.BytesIO(build_xlsx(changed, options=XlsxOptions(allow_errors=True))))["自查清单"]
    listed = [[c.value for c in r] for r in sheet.iter_rows(min_col=1, max_col=4) if r[0].value == "T4-A"]
    assert listed == [["T4-A", T4_A.title, "未通过", row(changed).remarks[0]]]


def test_a_format_with_a_new_row_gets_its_equations(monkeypatch):
    monkeypatch.setitem(formats.FORMATS, FORMAT_2099.id, FORMAT_2099)
    by_rule = equations_by_rule(FORMAT_2099)
    new_total = fmt.t3(NEW_ROW, "total")
    assert len(by_rule["T3-B"]) == 26 and any(e.totals == (new_total,) for e in by_rule["T3-B"])
    assert all(len(e.parts) == 22 and fmt.t3(NEW_ROW, e.totals[0].split(".")[-1]) in e.parts
               for e in by_rule["T3-C"])
    report = _report_2099()
    assert not [f for f in evaluate(report) if f.rule in ("T3-B", "T3-C")]
    report.set(fmt.t3(NEW_ROW, "natural"), 5)  # the new row no longer adds up, nor does its column's （七）总计
    broken = {f.rule: f.cells for f in evaluate(report) if f.rule in ("T3-B", "T3-C")}
    assert broken[T3_B.id][-1] == new_total and broken[T3_C.id][-1] == "t3.handled_total.natural"
    rows = {r.rule.id: r for r in checklist(report, evaluate(report), False)}
    assert rows["T3-B"].remarks == ("核对26个等式，1个不成立。",)


def test_the_checklist_names_equations_left_unchecked():
    report = zero_report()
    report.set("t3.new.natural", None)
    for key in ("t4.suit_direct.upheld", "t4.suit_after_review.pending"):
        report.set(key, None)
    rows = {r.rule.id: r for r in checklist(report, evaluate(report), False)}
    assert rows["T3-A"].status == PASSED
    assert rows["T3-A"].remarks == (
        "核对6个等式，均成立。未核对1个等式（有未填写或无效的单元格，见V-1）："
        "“表三·自然人列：新收＋上年结转＝办理结果总计＋结转下年度”。",)
    assert rows["T4-B"].status == NOT_CHECKED and rows["T4-C"].status == NOT_CHECKED
    assert rows["T4-B"].remarks[0].startswith("未核对1个等式")
    assert rows["T3-C"].remarks == ("核对7个等式，均成立。",)
    blank = zero_report()
    blank.cells.clear()
    remark = {r.rule.id: r for r in checklist(blank, evaluate(blank), False)}["T3-B"].remarks[0]
    assert remark.startswith("未核对25个等式") and remark.endswith("等。") and remark.count("“") == 3


@pytest.mark.parametrize("seed", range(6))
def test_the_python_check_reports_exactly_the_broken_equations(seed):
    report = consistent_report(seed)
    keys = sorted(k for k in report.cells if k.startswith(("t3.", "t4.")))
    for i, key in enumerate(keys[seed::17]):
        report.set(key, None if i % 3 == 2 else (report.number(key) or 0) + 1 + i)
    broken = {(e.rule, e.cells) for e in equations_of(report.format)
              if e.outcome(report.cells) is Outcome.BROKEN}
    found = {(f.rule, f.cells) for f in evaluate(report) if f.rule in equations_by_rule(report.format)}
    assert found == broken and broken
