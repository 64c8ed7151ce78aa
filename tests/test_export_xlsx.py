"""The Excel copy: layout from GRIDS, live formulas, checks, validation, protection, and the round trip."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from exporters import ExportRefused, XlsxOptions, build_xlsx, export_xlsx
from importers.xlsx_reader import XlsxReadError, read_xlsx
from layouts.xlsx_formulas import sum_formula
from layouts.xlsx_layout import (
    COVER_SHEET,
    DATA_SHEET,
    FINDINGS_SHEET,
    TABLE_SHEETS,
    check_cells,
    cover_row,
    key_ref,
    ref,
    sheet_col,
    sheet_row,
)
from models.format import format2021 as fmt
from models.report import Provenance, Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from models.tools import autosum
from models.tools.autosum import auto_sum_keys
from models.values import InvalidValue
from tests.builders import consistent_report, zero_report


def automatic(report: Report) -> Report:
    """The report with every total switched to 自动合计 (as a new report starts in the app)."""
    report.workspace.auto_sum = auto_sum_keys(report.format)
    return report


def workbook(report: Report, **options) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(build_xlsx(report, options=XlsxOptions(**options))))


def write(report: Report, path, **options):
    export_xlsx(report, path, options=XlsxOptions(**options))
    return path


def test_sheets_in_order_with_the_data_sheet_hidden(huaian_path):
    wb = workbook(load_draft(huaian_path))
    assert wb.sheetnames == [COVER_SHEET, "表二", "表三", "表四", FINDINGS_SHEET, "自查清单", DATA_SHEET]
    assert wb[DATA_SHEET].sheet_state == "hidden"


@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_each_table_sheet_has_the_official_labels_and_merges(table, huaian_path):
    ws = workbook(load_draft(huaian_path))[TABLE_SHEETS[table]]
    grid = fmt.GRIDS[table]
    merged = {str(r) for r in ws.merged_cells.ranges}
    for cell in grid.cells:
        row, col = sheet_row(cell.row), sheet_col(cell.col)
        if not cell.is_input:
            assert ws.cell(row=row, column=col).value == cell.text
        span = f"{ref(row, col)}:{ref(row + cell.rowspan - 1, col + cell.colspan - 1)}"
        assert (span in merged) == (cell.rowspan > 1 or cell.colspan > 1), span
    in_grid = {str(r) for r in ws.merged_cells.ranges
               if r.min_row >= sheet_row(0) and r.max_row < sheet_row(grid.rows) and r.max_col <= grid.columns}
    assert len(in_grid) == sum(1 for c in grid.cells if c.rowspan > 1 or c.colspan > 1)


def test_totals_in_automatic_sum_are_live_formulas_and_inputs_are_values(huaian_path):
    report = automatic(load_draft(huaian_path))
    wb = workbook(report)
    for key in fmt.ALL_CELL_KEYS:
        cell = wb[TABLE_SHEETS[fmt.CELL_BY_KEY[key].table]][key_ref(key)]
        if key in fmt.SUM_DEFINITIONS:
            assert cell.value == sum_formula(key) and "SUM(" in cell.value
            assert cell.protection.locked
        else:
            assert cell.value == (float(report.cells[key]) if key == fmt.AMOUNT_KEY else report.cells[key])
            assert not cell.protection.locked
    assert wb["表三"][key_ref("t3.new.total")].value == '=IF(COUNT(D6:I6)=6,SUM(D6:I6),"")'
    assert wb["表三"][key_ref("t3.handled_total.natural")].value == '=IF(COUNT(D8:D28)=21,SUM(D8:D28),"")'


def test_typed_totals_are_typed_values_as_in_the_app(huaian_path):
    report = load_draft(huaian_path)
    assert not report.workspace.auto_sum
    wb = workbook(report)
    for key in fmt.SUM_DEFINITIONS:
        cell = wb[TABLE_SHEETS[fmt.CELL_BY_KEY[key].table]][key_ref(key)]
        assert cell.value == report.cells[key] and not cell.protection.locked
    report.workspace.auto_sum = frozenset(autosum.row_totals(report.format))  # only the 总计 column
    ws = workbook(report)["表三"]
    assert ws[key_ref("t3.new.total")].value.startswith("=IF(COUNT(")
    assert ws[key_ref("t3.handled_total.natural")].value == report.cells["t3.handled_total.natural"]


def test_a_typed_total_that_disagrees_stays_a_value_so_the_check_shows_it(pingtan_path):
    report = automatic(load_draft(pingtan_path))
    report.set("t3.handled_total.natural", 71)
    ws = workbook(report, allow_errors=True)["表三"]
    assert ws[key_ref("t3.handled_total.natural")].value == 71
    assert ws[key_ref("t3.handled_total.natural")].protection.locked is False
    assert ws[key_ref("t3.new.total")].value.startswith("=IF(COUNT(")


def test_check_cells_cover_every_single_table_rule(huaian_path):
    ws3 = workbook(load_draft(huaian_path))["表三"]
    checks = check_cells()
    rules = [c.rule for c in checks["t3"]]
    assert rules.count("T3-A") == 7 and rules.count("T3-C") == 7 and rules.count("T3-B") == 25
    assert [c.rule for c in checks["t4"]] == ["T4-A", "T4-B", "T4-C"]
    for check in checks["t3"]:
        formula = ws3.cell(row=check.row, column=check.col).value
        assert formula.startswith("=IF(COUNT(") and '"一致","不一致"' in formula and '"未填完"' in formula
    rules_cf = [r for cf in ws3.conditional_formatting for r in cf.rules]
    assert any(r.formula == ['"不一致"'] and r.dxf.fill.fgColor.rgb.endswith("F7C6C6") for r in rules_cf)


def _cells_of(sqref) -> set[str]:
    return {ref(row, col) for cell_range in sqref.ranges for row, col in cell_range.cells}


def test_validation_whole_numbers_and_decimal_amount(huaian_path):
    wb = workbook(automatic(load_draft(huaian_path)))
    ws2 = wb["表二"]
    kinds = {dv.type: _cells_of(dv.sqref) for dv in ws2.data_validations.dataValidation}
    assert kinds["decimal"] == {key_ref(fmt.AMOUNT_KEY)}
    assert key_ref("t2.rules.issued") in kinds["whole"]
    for dv in ws2.data_validations.dataValidation:
        assert dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
    whole3 = next(dv for dv in wb["表三"].data_validations.dataValidation if dv.type == "whole")
    covered = _cells_of(whole3.sqref)
    t3_inputs = {key_ref(k) for k in fmt.ALL_CELL_KEYS if k.startswith("t3.") and k not in fmt.SUM_DEFINITIONS}
    assert covered == t3_inputs


def test_labels_are_protected_inputs_are_not(huaian_path):
    wb = workbook(automatic(load_draft(huaian_path)))
    for table, name in TABLE_SHEETS.items():
        ws = wb[name]
        assert ws.protection.sheet and not ws.protection.password
        for cell in fmt.GRIDS[table].cells:
            target = ws.cell(row=sheet_row(cell.row), column=sheet_col(cell.col))
            expected_locked = not cell.is_input or cell.key in fmt.SUM_DEFINITIONS
            assert target.protection.locked == expected_locked, (name, cell)
    assert wb[COVER_SHEET].cell(row=cover_row("agency"), column=2).protection.locked is False


def test_amount_shows_its_exact_decimals():
    report = zero_report()
    report.set(fmt.AMOUNT_KEY, Decimal("9116.30"))
    cell = workbook(report)["表二"][key_ref(fmt.AMOUNT_KEY)]
    assert cell.value == 9116.3 and cell.number_format == "0.00"


def test_findings_sheet_lists_findings_with_notes(pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    for key in fmt.text_keys("s5"):
        report.texts.pop(key, None)
    findings = evaluate(report)
    note_for = next(f for f in findings if f.rule == "W-3").fingerprint
    report.notes[note_for] = "说明一下。"
    ws = workbook(report, allow_errors=True)[FINDINGS_SHEET]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=4, max_col=5)]
    messages = [r[2] for r in rows]
    for finding in findings:
        assert finding.message in messages
    assert any(r[1] == "W-3" and r[4] == "说明一下。" for r in rows)
    assert workbook(report, allow_errors=True)[COVER_SHEET]["A2"].value == "草稿（未通过校验）"


def test_errors_are_refused_without_allow_errors(pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t4.review.total", 99)
    with pytest.raises(ExportRefused):
        build_xlsx(report)


# ----- round trip ------------------------------------------------------------------------------------------------

def _odd_report() -> Report:
    """Blanks, an invalid entry, an inconsistent typed total, provenance, notes, texts with line breaks, a
    sub-heading in the clerk's own wording."""
    report = consistent_report(3)
    report.set("t3.granted.research", None)
    report.set("t3.partial.other", InvalidValue("十二", "“十二”不是数字。"))
    report.set("t4.review.total", 999)
    report.set(fmt.AMOUNT_KEY, Decimal("24252.311082"))
    report.provenance["t3.carried_in.natural"] = Provenance(2023, "t3.carried_out.natural")
    report.texts.update({"preamble": "本报告……编制。", "s1.active": "第一段\n第二段\r\n　　第三段", "s6": "无。"})
    report.notes["W-3#abc"] = "说明"
    report.texts["s5.problems"] = "解读形式单一。"
    report.set_heading("s5.problems", "（一）存在的主要问题：")
    return report


@pytest.mark.parametrize("source", ["huaian", "pingtan", "sample", "zero", "random", "odd", "empty"])
def test_report_to_xlsx_to_report_is_identical(source, tmp_path, huaian_path, pingtan_path, sample_path):
    report = {
        "huaian": lambda: load_draft(huaian_path), "pingtan": lambda: load_draft(pingtan_path),
        "sample": lambda: load_draft(sample_path), "zero": zero_report, "random": lambda: consistent_report(11),
        "odd": _odd_report, "empty": Report,
    }[source]()
    back, notices = read_xlsx(write(report, tmp_path / "r.xlsx", allow_errors=True))
    assert back == report
    assert notices == []


def test_values_edited_in_a_spreadsheet_are_read_and_totals_follow(tmp_path, huaian_path):
    report = automatic(load_draft(huaian_path))
    report.provenance["t3.new.natural"] = Provenance(2023, "x")
    path = write(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["表三"][key_ref("t3.new.natural")] = 3002
    wb["表三"][key_ref("t3.withheld_1.natural")] = "5件"
    wb["表二"][key_ref(fmt.AMOUNT_KEY)] = 100.25
    wb["表四"][key_ref("t4.review.upheld")] = None
    wb[COVER_SHEET].cell(row=cover_row("agency"), column=2).value = "淮安市人民政府办公室"
    wb.save(path)
    back, notices = read_xlsx(path)
    assert back.cells["t3.new.natural"] == 3002 and back.cells["t3.new.total"] == 3120
    assert back.cells["t3.withheld_1.natural"] == 5 and back.cells["t3.withheld_1.total"] == 5
    assert back.cells["t3.handled_total.natural"] == 2935 and back.cells["t3.handled_total.total"] == 3053
    assert back.cells[fmt.AMOUNT_KEY] == Decimal("100.25")
    assert "t4.review.upheld" not in back.cells and "t4.review.total" not in back.cells
    assert back.meta.agency == "淮安市人民政府办公室"
    assert "t3.new.natural" not in back.provenance
    assert "表三·（三）不予公开1.属于国家秘密·自然人：已去掉“件”，按5填写。" in notices
    assert back.texts == report.texts
    assert {f.rule for f in evaluate(back)} >= {"T3-A", "V-1"}


def test_a_total_overwritten_with_a_number_is_read_as_that_number(tmp_path, huaian_path):
    path = write(load_draft(huaian_path), tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["表三"][key_ref("t3.new.total")] = 5000
    wb.save(path)
    back, _ = read_xlsx(path)
    assert back.cells["t3.new.total"] == 5000
    assert any(f.rule == "T3-B" for f in evaluate(back))


def test_words_in_number_cells_become_invalid_values_with_a_notice(tmp_path):
    path = write(automatic(zero_report()), tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["表三"][key_ref("t3.granted.natural")] = "若干"
    wb["表二"][key_ref("t2.rules.issued")] = 2.5
    wb.save(path)
    back, notices = read_xlsx(path)
    assert isinstance(back.cells["t3.granted.natural"], InvalidValue)
    assert isinstance(back.cells["t2.rules.issued"], InvalidValue)
    assert "t3.granted.total" not in back.cells
    assert len(notices) == 2 and all("表" in n for n in notices)


def test_a_workbook_that_is_not_ours_is_refused_with_a_reason(tmp_path):
    foreign = openpyxl.Workbook()
    foreign.active.title = "Sheet1"
    foreign.save(tmp_path / "foreign.xlsx")
    with pytest.raises(XlsxReadError) as refused:
        read_xlsx(tmp_path / "foreign.xlsx")
    assert "不是本软件导出" in refused.value.message and "封面" in refused.value.message
    path = write(zero_report(), tmp_path / "moved.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["表三"].insert_rows(8)
    wb.save(path)
    with pytest.raises(XlsxReadError) as moved:
        read_xlsx(path)
    assert "表三" in moved.value.message
    (tmp_path / "junk.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(XlsxReadError) as junk:
        read_xlsx(tmp_path / "junk.xlsx")
    assert "junk.xlsx" in junk.value.message


def test_missing_data_sheet_reads_the_tables_with_a_notice(tmp_path, huaian_path):
    report = load_draft(huaian_path)
    path = write(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb[DATA_SHEET]
    wb.save(path)
    back, notices = read_xlsx(path)
    assert back.cells == report.cells and back.meta == report.meta
    assert back.texts == {} and any("正文" in n for n in notices)


def test_control_characters_do_not_break_the_workbook(tmp_path):
    report = zero_report()
    report.meta.agency = "某局\x0b办公室"
    report.notes["W-3#x"] = "说明\x01"
    report.texts["s6"] = "正文\x0c换页"
    back, _ = read_xlsx(write(report, tmp_path / "r.xlsx"))
    assert back.meta.agency == "某局办公室"
    assert back.texts == report.texts and back.notes == report.notes
