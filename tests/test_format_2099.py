"""The format as a value: a made-up "2099" format, registered only here, next to the real 2021 one.

2099 inserts a leaf row mid-group in table 三 (with its own new key) and renames a table 二 column. A 2021 draft
still opens and is judged by 2021; a 2099 report is judged and stored by 2099; carry-over from 2021 into 2099 maps
every carried cell by key, and nothing shifts.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from models.format import format2021 as fmt
from models.format import formats
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import DraftError, load_draft, save_draft
from models.tools.carryover import embedded_previous, new_year_from
from tests.builders import consistent_report

NEW_ROW = "withheld_privacy"
NEW_KEYS = tuple(fmt.t3(NEW_ROW, c.key) for c in fmt.T3_COLUMNS)
RENAMED = "本年新制发件数"


def _format_2099() -> formats.Format:
    rows = list(fmt.T3_ROWS)
    at = [r.key for r in rows].index("withheld_4") + 1
    rows.insert(at, fmt.Axis(NEW_ROW, "5.涉及个人隐私", short="（三）不予公开5.涉及个人隐私", group="withheld"))
    first = fmt.T2_BLOCKS[0]
    columns = (replace(first.columns[0], label=RENAMED, aliases=(first.columns[0].label,)), *first.columns[1:])
    blocks = (replace(first, columns=columns), *fmt.T2_BLOCKS[1:])
    return formats.Format("2099", "国办公开办函〔2099〕1号", t2_blocks=blocks, t3_rows=tuple(rows))


FORMAT_2099 = _format_2099()


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setitem(formats.FORMATS, "2099", FORMAT_2099)
    return FORMAT_2099


def _report_2099(seed: int = 3) -> Report:
    """A consistent 2099 report: a consistent 2021 report's cells, and zeros in the new row."""
    source = consistent_report(seed)
    report = Report(meta=source.meta, texts=dict(source.texts), template="2099")
    for key, value in source.cells.items():
        report.set(key, value)
    for key in NEW_KEYS:
        report.set(key, 0)
    return report


def test_the_fixture_format_differs_as_intended(registered):
    assert len(registered.keys) == 207 and set(fmt.ALL_CELL_KEYS) < set(registered.keys)
    assert len(registered.t3_leaf_rows) == 22
    assert len(registered.sums["t3.handled_total.natural"]) == 22
    # Rows after the inserted one sit one grid row lower under the same key; the renamed label is in the grid.
    old, new = fmt.GRIDS["t3"], registered.grids["t3"]
    assert new.position("t3.withheld_5.total") == (old.position("t3.withheld_5.total")[0] + 1, 9)
    assert new.position("t3.withheld_4.total") == old.position("t3.withheld_4.total")
    assert RENAMED in {c.text for c in registered.grids["t2"].cells}
    assert registered.cell_label("t2.rules.issued") == f"表二·规章·{RENAMED}"


def test_a_2021_draft_opens_and_is_judged_by_2021(registered, tmp_path):
    report = consistent_report(1)
    path = tmp_path / "2024.nianbao"
    save_draft(report, path)
    again = load_draft(path)
    assert again.template == "2021" and again.cells == report.cells
    findings = evaluate(again)
    assert not [f for f in findings if f.rule == "V-1"]  # no V-1 for the row 2021 reports never had
    assert not any(k in NEW_KEYS for f in findings for k in f.cells)


def test_a_draft_without_a_template_reads_as_2021(registered, tmp_path):
    path = tmp_path / "old.nianbao"
    path.write_text('{"format": "gov-info-annual-report", "schema_version": 1, "future": {"kept": true},'
                    ' "cells": {"t3.new.natural": 4}}', encoding="utf-8")
    report = load_draft(path)
    assert report.template == "2021" and report.number("t3.new.natural") == 4
    save_draft(report, path)
    assert '"template": "2021"' in path.read_text(encoding="utf-8")
    assert load_draft(path).extra == {"future": {"kept": True}}


def test_a_2099_report_is_judged_by_2099(registered):
    report = _report_2099()
    assert [f for f in evaluate(report) if f.severity.name == "ERROR"] == []
    report.set(NEW_KEYS[0], None)
    blank = [f for f in evaluate(report) if f.rule == "V-1"]
    assert len(blank) == 1 and blank[0].cells == (NEW_KEYS[0],)
    assert "5.涉及个人隐私" in blank[0].message
    report.set(NEW_KEYS[0], 2)  # the new leaf counts in T3-B and in （七）总计 (T3-C)
    rules = {f.rule for f in evaluate(report)}
    assert {"T3-B", "T3-C"} <= rules


def test_a_2099_draft_round_trips_with_its_template(registered, tmp_path):
    report = _report_2099()
    report.set(NEW_KEYS[-1], 0)
    path = tmp_path / "2099.nianbao"
    save_draft(report, path)
    again = load_draft(path)
    assert again.template == "2099" and again.cells == report.cells
    assert again.number(NEW_KEYS[0]) == 0


def test_a_2099_draft_in_a_version_without_2099_is_a_clear_error(registered, tmp_path, monkeypatch):
    path = tmp_path / "来自新版本.nianbao"
    save_draft(_report_2099(), path)
    before = path.read_bytes()
    monkeypatch.delitem(formats.FORMATS, "2099")
    with pytest.raises(DraftError) as info:
        load_draft(path)
    message = info.value.message
    assert "来自新版本.nianbao" in message and "2099" in message and "升级" in message and "2021年版" in message
    assert path.read_bytes() == before


def test_carry_over_from_2021_into_2099_maps_every_cell_by_key(registered):
    previous = consistent_report(5, year=2098)
    previous.texts["s5.problems"] = "问题一。"
    report = new_year_from(previous, template="2099")
    assert report.template == "2099" and report.meta.year == 2099
    carried = {k: p.source for k, p in report.provenance.items() if not k.startswith("text:")}
    assert carried == {fmt.t3("carried_in", c.key): fmt.t3("carried_out", c.key) for c in fmt.T3_COLUMNS}
    for target, source in carried.items():
        assert report.number(target) == previous.number(source)
    assert set(report.cells) == set(carried)  # nothing else filled, nothing shifted into a neighbour
    assert report.texts["s5.problems"] == "问题一。"
    # Last year's report stays a 2021 report inside the 2099 draft, and the year-on-year rules compare by key.
    rules = {f.rule for f in evaluate(report, previous)}
    assert "X-1" not in rules
    embedded = embedded_previous(report)
    assert embedded is not None and embedded.template == "2021" and embedded.cells == previous.cells


def test_unknown_template_is_refused_by_the_registry():
    with pytest.raises(formats.UnknownTemplate):
        formats.format_of("2099")
    assert formats.FORMATS["2021"] is formats.FORMAT_2021
    assert formats.FORMAT_2021.keys == fmt.ALL_CELL_KEYS and formats.FORMAT_2021.grids is fmt.GRIDS


def test_a_2099_report_is_laid_out_in_word_by_2099(registered):
    import io

    from docx import Document

    from exporters import build_docx

    document = Document(io.BytesIO(build_docx(_report_2099())))
    t2, t3, _ = document.tables
    assert RENAMED in [c.text for c in t2.rows[1].cells]
    labels = [row.cells[2].text for row in t3.rows]
    assert labels.index("5.涉及个人隐私") == labels.index("4.保护第三方合法权益") + 1
    assert len(t3.rows) == fmt.GRIDS["t3"].rows + 1
    assert document.core_properties.comments == "按国办公开办函〔2099〕1号格式生成"


# ----- Excel: written and read by the workbook's own format -------------------------------------------------------

FIXTURE_WORKBOOK = Path(__file__).parent / "fixtures" / "workbooks" / "huaian-2024-layout1.xlsx"


def _xlsx(report: Report, path: Path) -> Path:
    from exporters import XlsxOptions, export_xlsx

    return export_xlsx(report, path, options=XlsxOptions(allow_errors=True))


def test_a_2099_report_exports_to_excel_by_2099_and_reads_back(registered, tmp_path):
    import openpyxl

    from importers.xlsx_reader import read_xlsx
    from layouts.xlsx_layout import DATA_SHEET, TEMPLATE_CELL, key_ref
    from models.tools.autosum import auto_sum_keys

    report = _report_2099()
    report.workspace.auto_sum = auto_sum_keys(report.format)  # totals in 自动合计 are written as live formulas
    report.set(NEW_KEYS[0], 7)  # the new row's edit is read back from where 2099 puts it
    report.set(fmt.t3(NEW_ROW, "total"), 7)
    path = _xlsx(report, tmp_path / "2099.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb[DATA_SHEET][TEMPLATE_CELL].value == "2099"
    t3 = wb["表三"]
    labels = [t3.cell(row=r, column=3).value for r in range(1, t3.max_row + 1)]
    assert labels.index("5.涉及个人隐私") == labels.index("4.保护第三方合法权益") + 1
    assert RENAMED in [c.value for c in wb["表二"][4]]
    assert t3[key_ref(fmt.t3(NEW_ROW, "total"), registered)].value.startswith("=IF(COUNT(")
    cover = [c.value for row in wb["封面"].iter_rows() for c in row]
    assert "国办公开办函〔2099〕1号" in cover and fmt.FORMAT_NOTICE not in cover
    back, notices = read_xlsx(path)
    assert back == report and back.template == "2099" and notices == []
    # An edit made in Excel under a row after the new one lands on its own key, not on a neighbour's.
    t3[key_ref("t3.withheld_5.natural", registered)] = 4321
    t3[key_ref(NEW_KEYS[1], registered)] = 11
    wb.save(path)
    back, _ = read_xlsx(path)
    assert back.number("t3.withheld_5.natural") == 4321 and back.number(NEW_KEYS[1]) == 11
    assert back.number("t3.withheld_4.natural") == report.number("t3.withheld_4.natural")


def test_a_workbook_of_a_format_this_version_does_not_know_is_not_read_cell_by_cell(registered, tmp_path,
                                                                                       monkeypatch):
    from importers.xlsx_reader import XlsxReadError, read_xlsx

    path = _xlsx(_report_2099(), tmp_path / "新版本.xlsx")
    monkeypatch.delitem(formats.FORMATS, "2099")
    with pytest.raises(XlsxReadError) as refused:
        read_xlsx(path)
    message = refused.value.message
    assert "新版本.xlsx" in message and "2099" in message and "升级本软件" in message


def test_a_2021_workbook_written_by_the_previous_version_still_reads(registered, tmp_path):
    import shutil

    import openpyxl

    from importers.xlsx_reader import read_xlsx
    from layouts.xlsx_layout import DATA_SHEET, TEMPLATE_CELL, key_ref

    draft = load_draft(Path(__file__).parent / "fixtures" / "huaian-city-gov-2024.nianbao")
    assert openpyxl.load_workbook(FIXTURE_WORKBOOK)[DATA_SHEET][TEMPLATE_CELL].value is None  # written before it
    back, notices = read_xlsx(FIXTURE_WORKBOOK)
    assert back == draft and back.template == "2021" and notices == []
    path = shutil.copy(FIXTURE_WORKBOOK, tmp_path / "edited.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["表三"][key_ref("t3.withheld_5.natural")] = 4321  # edited in Excel: read from the 2021 position
    wb.save(path)
    back, _ = read_xlsx(path)
    assert back.number("t3.withheld_5.natural") == 4321 and back.template == "2021"
    assert back.number("t3.withheld_4.natural") == draft.number("t3.withheld_4.natural")


# ----- The tools fill the report's own format ------------------------------------------------------------------


def test_the_ledger_fills_table_3_of_a_2099_report_with_its_new_row(registered, tmp_path):
    from importers.ledger_reader import read_ledger
    from models.tools.ledger import compute_table3
    from tests.ledger_builders import expected_cells, ledger_rows, make_cases, write_xlsx

    cases = make_cases(200, 2024, seed=2)
    result = compute_table3(read_ledger(write_xlsx(tmp_path / "台账.xlsx", ledger_rows(cases, seed=2))).sheets, 2024)
    assert result.problems == [] and result.cells == expected_cells(cases)
    assert result.cells_for(formats.FORMAT_2021) == result.cells
    report = _report_2099()
    report.set(NEW_KEYS[0], 9)  # typed before: the ledger classified no application into the new row
    changes = result.changes(report)
    assert {NEW_KEYS[0]} <= set(changes) and changes[NEW_KEYS[0]] == 0
    for key, value in changes.items():
        report.set(key, value)
    assert all(report.number(k) == v for k, v in result.cells.items())  # every 2021 cell where 2021 has it
    assert [f for f in evaluate(report) if f.severity.name == "ERROR" and f.cells[0].startswith("t3.")] == []


def test_merging_collection_sheets_into_a_2099_report_sums_by_its_own_format(registered, tmp_path):
    from importers.collection_reader import read_collection_sheet
    from models.tools.collection_merge import apply_merged, merge
    from tests.collection_builders import filled_sheet

    path, values = filled_sheet(tmp_path, "办公室.xlsx", "办公室", "t3", seed=4)
    report = _report_2099()
    report.set(NEW_KEYS[0], 3)
    apply_merged(report, merge([read_collection_sheet(path)]))
    assert all(report.cells[k] == v for k, v in values.items())
    handled = fmt.t3("handled_total", "natural")
    assert report.number(handled) == sum(report.number(fmt.t3(r, "natural")) for r in registered.t3_leaf_rows)
    assert NEW_KEYS[0] in registered.sums[handled]


# ----- Template migrations: 2021 drafts continuing as 2099 drafts (a migration registered only here) -------------


@pytest.fixture
def migrating(registered, monkeypatch):
    from models.format import template_migrations as tm

    monkeypatch.setitem(tm.MIGRATIONS, "2021", tm.TemplateMigration("2021", "2099"))
    return tm


def _draft_2021(tmp_path: Path) -> tuple[Report, Path]:
    from models.report import Provenance

    report = consistent_report(7)
    report.texts["s5.problems"] = "问题一。"
    report.provenance["t3.carried_in.natural"] = Provenance(2023, "t3.carried_out.natural")
    report.workspace.auto_sum = frozenset({"t3.new.total"})
    path = tmp_path / "2024.nianbao"
    save_draft(report, path)
    return report, path


def test_a_2021_draft_is_migrated_to_2099_on_read_and_the_original_kept(migrating, tmp_path):
    report, path = _draft_2021(tmp_path)
    before = path.read_bytes()
    moved = load_draft(path)
    assert moved.template == "2099" and moved.cells == report.cells  # every cell under its own key
    assert moved.texts == report.texts and moved.provenance == report.provenance
    assert moved.workspace.auto_sum == {"t3.new.total"}
    assert [f.cells for f in evaluate(moved) if f.rule == "V-1"] == [NEW_KEYS]  # only the new row is blank
    original = moved.extra[migrating.ORIGINAL_KEY]
    assert original["template"] == "2021" and original["cells"]["t3.new.natural"] == report.number("t3.new.natural")
    assert path.read_bytes() == before  # reading never writes
    save_draft(moved, path)
    again = load_draft(path)
    assert again.template == "2099" and again.cells == report.cells
    assert again.extra[migrating.ORIGINAL_KEY] == original  # the first original, kept


def test_an_embedded_previous_report_and_a_workbook_are_migrated_on_read(migrating, tmp_path, monkeypatch):
    from importers.xlsx_reader import read_xlsx

    previous = consistent_report(5, year=2023)
    monkeypatch.delitem(migrating.MIGRATIONS, "2021")
    carried = new_year_from(previous)  # a 2021 draft with last year's 2021 report inside
    monkeypatch.setitem(migrating.MIGRATIONS, "2021", migrating.TemplateMigration("2021", "2099"))
    embedded = embedded_previous(carried)
    assert embedded is not None and embedded.template == "2099" and embedded.cells == previous.cells
    back, notices = read_xlsx(FIXTURE_WORKBOOK)  # written by 2ca6658 as a 2021 workbook
    draft = load_draft(Path(__file__).parent / "fixtures" / "huaian-city-gov-2024.nianbao")
    assert back.template == "2099" and back.cells == draft.cells and notices == []


def test_a_migration_renames_keys_and_keeps_what_the_new_format_lacks(registered):
    from models.format.template_migrations import ORIGINAL_KEY, TemplateMigration, migrate_document
    from models.storage.draft_format import to_document

    doc = to_document(consistent_report(2))
    doc["provenance"] = {"t3.other_3.natural": {"year": 2023, "source": "x"}, "text:s6": {"year": 2023}}
    doc["texts"] = {"s6": "无。"}
    doc["workspace"]["auto_sum"] = ["t3.other_3.total"]
    doc["cells"]["t9.gone.natural"] = 5
    step = TemplateMigration("2021", "2099", renamed={"t3.other_3.natural": NEW_KEYS[0], "s6": "s5.improvements"})
    moved = migrate_document(doc, steps={"2021": step})
    assert moved["template"] == "2099" and moved[ORIGINAL_KEY] == doc and doc["template"] == "2021"
    assert moved["cells"][NEW_KEYS[0]] == doc["cells"]["t3.other_3.natural"]
    assert "t3.other_3.natural" not in moved["cells"] and moved["cells"]["t9.gone.natural"] == 5
    assert set(moved["provenance"]) == {NEW_KEYS[0], "text:s5.improvements"}
    assert moved["texts"] == {"s5.improvements": "无。"} and moved["workspace"]["auto_sum"] == ["t3.other_3.total"]
    assert migrate_document(doc, steps={}) is doc  # no migration: the document as it is
