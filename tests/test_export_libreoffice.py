"""The exported files in a real office suite: LibreOffice renders the .docx to PDF and recalculates the .xlsx."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from exporters import DocxOptions, XlsxOptions, export_docx, export_xlsx
from importers.xlsx_reader import read_xlsx
from layouts.xlsx_formulas import CONSISTENT, INCOMPLETE, INCONSISTENT
from layouts.xlsx_layout import TABLE_SHEETS, check_cells, key_ref
from models.format import format2021 as fmt
from models.format import formats
from models.report import Report
from models.rules.equations import Outcome
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from models.tools import autosum
from models.values import format_value, is_number
from tests.builders import zero_report
from tests.office import convert, pdf_pages, pdf_text, require_office

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _office():
    require_office()


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _row_values(report: Report, table: str) -> list[str]:
    """Each grid row's non-blank values, space-separated, as a PDF line shows them."""
    grid = fmt.GRIDS[table]
    rows: dict[int, list[tuple[int, str]]] = {}
    for cell in grid.cells:
        if cell.is_input and format_value(report.cells.get(cell.key)):
            rows.setdefault(cell.row, []).append((cell.col, format_value(report.cells.get(cell.key))))
    return [" ".join(v for _, v in sorted(values)) for values in rows.values()]


@pytest.mark.parametrize("source", ["huaian", "zero"])
def test_pdf_shows_every_heading_label_and_number(source, tmp_path, huaian_path):
    report = load_draft(huaian_path) if source == "huaian" else zero_report()
    if source == "zero":
        report.set("t3.granted.research", None)  # a blank must stay blank, not print 0
    docx = export_docx(report, tmp_path / "report.docx", options=DocxOptions(allow_errors=True))
    pdf = convert(docx, "pdf", tmp_path / "pdf")
    text = pdf_text(pdf)
    flat, spaced = _squeeze(text), re.sub(r"\s+", " ", text)
    assert _squeeze(report.title) in flat
    for section in fmt.SECTIONS:
        assert section.heading in flat
    for grid in fmt.GRIDS.values():
        for cell in grid.cells:
            if cell.text:
                assert _squeeze(cell.text) in flat, cell.text
    for table in fmt.GRIDS:
        for line in _row_values(report, table):
            assert line in spaced, (table, line)
    pages = pdf_pages(pdf)
    assert 2 <= pages <= 8
    t3_pages = [p for p in range(1, pages + 1)
                if any(_squeeze(label) in _squeeze(pdf_text(pdf, p))
                       for label in (fmt.T3_CORNER_NOTE, fmt.T3_ROW_BY_KEY["carried_out"].label))]
    assert t3_pages and t3_pages[-1] - t3_pages[0] <= 1, t3_pages


def test_pdf_of_optional_pages_and_draft_mark(tmp_path, pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t4.review.total", 99)
    docx = export_docx(report, tmp_path / "draft.docx",
                       options=DocxOptions(allow_errors=True, checklist=True, signoff_sheet=True))
    pdf = convert(docx, "pdf", tmp_path / "pdf")
    first, second = pdf_text(pdf, 1), pdf_text(pdf, 2)
    assert "审核签发单" in first and "签发" in first and "—" not in first  # the cover has no page number
    assert "草稿（未通过校验）" in second and "— 1 —" in second
    assert "自查清单" in _squeeze(pdf_text(pdf))
    for page in range(2, pdf_pages(pdf) + 1):
        assert "草稿（未通过校验）" in pdf_text(pdf, page)


def _expected_sum(report: Report, key: str) -> int | None:
    parts = [report.cells.get(k) for k in fmt.SUM_DEFINITIONS[key]]
    return sum(parts) if all(is_number(p) for p in parts) else None


def test_libreoffice_recalculates_every_formula_to_the_models_values(tmp_path, huaian_path):
    report = load_draft(huaian_path)
    # Table 三's totals in 自动合计 (live formulas), table 四's typed (values its checks compare).
    report.workspace.auto_sum = frozenset((*autosum.row_totals(report.format), *autosum.handled_totals(report.format)))
    (tmp_path / "in").mkdir()
    path = export_xlsx(report, tmp_path / "in" / "r.xlsx")
    # Deliberately break: one input in 表三 and the typed 总计 of 表四·行政复议; blank one 表四 input.
    wb = openpyxl.load_workbook(path)
    wb["表三"][key_ref("t3.new.natural")] = 3002
    wb["表四"][key_ref("t4.review.total")] = 350
    wb["表四"][key_ref("t4.suit_direct.pending")] = None
    wb.save(path)
    edited = report.copy()
    edited.cells["t3.new.natural"] = 3002
    edited.cells["t4.review.total"] = 350
    del edited.cells["t4.suit_direct.pending"]
    for key in report.workspace.auto_sum:
        value = _expected_sum(edited, key)
        if value is None:
            edited.cells.pop(key, None)
        else:
            edited.cells[key] = value
    recalculated = convert(path, "xlsx", tmp_path / "out")
    values = openpyxl.load_workbook(recalculated, data_only=True)
    for key in fmt.ALL_CELL_KEYS:
        shown = values[TABLE_SHEETS[fmt.CELL_BY_KEY[key].table]][key_ref(key)].value
        want = edited.cells.get(key)
        if want is None:
            assert shown in (None, ""), key
        else:
            assert shown == (float(want) if key == fmt.AMOUNT_KEY else want), key
    verdicts = {}
    for table, checks in check_cells().items():
        for check in checks:
            shown = values[TABLE_SHEETS[table]].cell(row=check.row, column=check.col).value
            if shown is None:
                assert check.rule in ("T3-B", "T3-C"), check.equation.description  # holds whatever is typed
                continue
            cells = [edited.cells.get(k) for k in (*check.left, *check.right)]
            if not all(is_number(c) for c in cells):
                expected = INCOMPLETE
            else:
                left = sum(edited.cells[k] for k in check.left)
                right = sum(edited.cells[k] for k in check.right)
                expected = CONSISTENT if left == right else INCONSISTENT
            assert shown == expected, (check.rule, check.row, check.col)
            verdicts.setdefault(check.rule, []).append(shown)
    assert verdicts["T3-A"].count(INCONSISTENT) == 2  # 自然人 and 总计 columns
    assert "T3-B" not in verdicts and "T3-C" not in verdicts
    assert verdicts["T4-A"] == [INCONSISTENT] and verdicts["T4-B"] == [INCOMPLETE]
    back, _ = read_xlsx(recalculated)
    assert back.cells == edited.cells
    assert back.texts == report.texts and back.meta == report.meta


_VERDICT = {Outcome.HOLDS: CONSISTENT, Outcome.BROKEN: INCONSISTENT, Outcome.INCOMPLETE: INCOMPLETE}


def test_every_check_cell_agrees_with_the_python_check_for_a_changed_equation_list(tmp_path, monkeypatch):
    from tests.test_equations import WITHOUT_PENDING, _report

    monkeypatch.setitem(formats.FORMATS, WITHOUT_PENDING.id, WITHOUT_PENDING)
    report = _report(WITHOUT_PENDING.id)
    report.set("t3.granted.natural", report.number("t3.granted.natural") + 1)  # breaks a row and two columns
    report.set("t4.suit_direct.other", None)
    (tmp_path / "in").mkdir()
    path = export_xlsx(report, tmp_path / "in" / "r.xlsx", options=XlsxOptions(allow_errors=True))
    values = openpyxl.load_workbook(convert(path, "xlsx", tmp_path / "out"), data_only=True)
    errors = {(f.rule, f.cells) for f in evaluate(report)}
    shown: dict[str, list[str]] = {}
    for table, checks in check_cells(report.format).items():
        for check in checks:
            verdict = values[TABLE_SHEETS[table]].cell(row=check.row, column=check.col).value
            assert verdict == _VERDICT[check.equation.outcome(report.cells)], check.equation.description
            assert (verdict == INCONSISTENT) == ((check.rule, check.equation.cells) in errors)
            shown.setdefault(check.rule, []).append(verdict)
    assert shown["T4-A"] == [INCONSISTENT] and shown["T4-B"] == [INCOMPLETE] and shown["T4-C"] == [CONSISTENT]
    assert shown["T3-B"].count(INCONSISTENT) == 1 and shown["T3-C"].count(INCONSISTENT) == 1


def test_a_workbook_saved_by_libreoffice_reads_back_identical(tmp_path, sample_path):
    report = load_draft(sample_path)
    (tmp_path / "in").mkdir()
    path = export_xlsx(report, tmp_path / "in" / "r.xlsx", options=XlsxOptions())
    back, notices = read_xlsx(convert(path, "xlsx", tmp_path / "out"))
    assert back == report and notices == []


def test_libreoffice_keeps_the_sheets_protected_and_validated(tmp_path, huaian_path):
    (tmp_path / "in").mkdir()
    path = export_xlsx(load_draft(huaian_path), tmp_path / "in" / "r.xlsx")
    wb = openpyxl.load_workbook(convert(path, "xlsx", tmp_path / "out"))
    ws = wb["表三"]
    assert ws.protection.sheet
    assert ws[key_ref("t3.new.natural")].protection.locked is False
    assert ws["A3"].protection.locked is True
    assert any(dv.type == "whole" for dv in ws.data_validations.dataValidation)
    assert Path(path).exists()
