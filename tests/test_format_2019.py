"""The superseded 2019 format (国办公开办函〔2019〕60号) as a registered format: its own table 二, table 三's single
（六）其他处理 row, frozen keys; a 2019 report is imported, judged, stored, exported and carried over by its own format.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from exporters import XlsxOptions, build_docx, export_docx, export_xlsx
from importers import read_report
from importers.xlsx_reader import read_xlsx
from models.format import format2019
from models.format import format2021 as fmt
from models.format.formats import FORMAT_2019, FORMATS
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft, save_draft
from models.tools.carryover import embedded_previous, new_year_from
from tests.builders import consistent_report
from tests.test_frozen_keys import read_frozen_keys

GOLDEN = Path(__file__).parent / "fixtures" / "keys-2019.txt"
OTHER = format2019.T3_OTHER_ROW.key


def report_2019(seed: int = 3, year: int = 2020) -> Report:
    """A consistent 2019-format report: a consistent 2021 report's tables 三 and 四 with （六） as one row, table 二
    of the 2019 format filled."""
    source = consistent_report(seed, year=year)
    report = Report(meta=source.meta, texts=dict(source.texts), template="2019")
    for key, value in source.cells.items():
        if not key.startswith(("t2.", "t3.other_")):
            report.set(key, value)
    for col in fmt.T3_COLUMNS:
        report.set(fmt.t3(OTHER, col.key), sum(source.number(fmt.t3(f"other_{i}", col.key)) for i in (1, 2, 3)))
    for i, cell in enumerate(c for c in FORMAT_2019.cells if c.table == "t2"):
        report.set(cell.key, Decimal("120.5") if cell.kind is fmt.CellKind.AMOUNT else i)
    return report


def _golden() -> list[tuple[str, int, int]]:
    return read_frozen_keys(GOLDEN)


def test_the_2019_keys_are_frozen():
    current = [(c.key, *FORMAT_2019.grids[c.table].position(c.key)) for c in FORMAT_2019.cells]
    assert current == _golden() and len(current) == 198


def test_the_2019_format_is_registered_with_its_own_tables():
    assert FORMATS["2019"] is FORMAT_2019 and FORMAT_2019.notice == "国办公开办函〔2019〕60号"
    labels = {c.text for c in FORMAT_2019.grids["t2"].cells}
    assert {"本年新制作数量", "上一年项目数量", "本年增/减", "第二十条第（九）项", "采购总金额"} <= labels
    assert not {"本年制发件数", "本年收费金额（单位：万元）"} & labels
    assert FORMAT_2019.cell_by_key["t2.procurement.amount"].kind is fmt.CellKind.AMOUNT
    # Table 三: （六） is one row; every other row means what it means in 2021 and keeps its key.
    assert [r.key for r in FORMAT_2019.t3_rows if r.key.startswith("other")] == [OTHER]
    assert set(FORMAT_2019.t3_leaf_rows) == (set(fmt.T3_LEAF_ROWS) - {"other_1", "other_2", "other_3"}) | {OTHER}
    assert {k for k in FORMAT_2019.keys if k.startswith(("t3.", "t4."))} - set(fmt.ALL_CELL_KEYS) == {
        fmt.t3(OTHER, c.key) for c in fmt.T3_COLUMNS}
    assert FORMAT_2019.cell_label(fmt.t3(OTHER, "natural")) == "表三·（六）其他处理·自然人"


def test_a_2019_report_is_judged_by_its_own_format():
    report = report_2019()
    assert [f for f in evaluate(report) if f.severity.name == "ERROR"] == []
    report.set(fmt.t3(OTHER, "natural"), report.number(fmt.t3(OTHER, "natural")) + 1)
    assert {"T3-B", "T3-C"} <= {f.rule for f in evaluate(report)}  # the single row counts in （七）总计
    report = report_2019()
    report.set("t2.licensing.decided", None)
    blank = [f for f in evaluate(report) if f.rule == "V-1"]
    assert [f.cells for f in blank] == [("t2.licensing.decided",)] and "处理决定数量" in blank[0].message


def test_a_2019_word_report_is_imported_as_a_2019_report_never_v1_for_2021_cells(tmp_path):
    from tests.docx_builders import write_docx
    from tests.docx_hands import blocks_2019

    source = consistent_report(5, year=2020)
    imported = read_report(write_docx(tmp_path / "2020.docx", blocks_2019(source)))
    report = imported.report
    assert imported.template == report.template == "2019"
    assert report.number(fmt.t3(OTHER, "total")) == sum(source.number(fmt.t3(f"other_{i}", "total")) for i in (1, 2, 3))
    findings = evaluate(report)
    judged = {k for f in findings for k in f.cells}
    assert judged <= set(FORMAT_2019.keys) | {k for k in judged if k.startswith("meta.")}
    assert not [f for f in findings if f.rule == "V-1" and not f.cells[0].startswith("t2.")]  # 三 and 四 complete


def test_a_2019_report_round_trips_through_draft_word_and_excel(tmp_path):
    report = report_2019()
    path = tmp_path / "2020.nianbao"
    save_draft(report, path)
    assert load_draft(path) == report
    back, notices = read_xlsx(export_xlsx(report, tmp_path / "2020.xlsx", options=XlsxOptions(allow_errors=True)))
    assert back == report and notices == []
    word = read_report(export_docx(report, tmp_path / "2020.docx"))
    assert word.template == word.report.template == "2019"
    t34 = {k: v for k, v in report.cells.items() if not k.startswith("t2.")}
    assert {k: v for k, v in word.report.cells.items() if not k.startswith("t2.")} == t34


def test_a_2019_report_is_laid_out_in_word_by_2019():
    from docx import Document

    document = Document(io.BytesIO(build_docx(report_2019())))
    t2, t3, _ = document.tables
    assert "本年新制作数量" in [c.text for c in t2.rows[1].cells]
    assert "（六）其他处理" in [c.text for row in t3.rows for c in row.cells]
    assert len(t3.rows) == fmt.GRIDS["t3"].rows - 2
    assert document.core_properties.comments == "按国办公开办函〔2019〕60号格式生成"


def test_carry_over_from_a_2019_report_into_2021(tmp_path):
    previous = report_2019(year=2020)
    report = new_year_from(previous)
    assert report.template == "2021" and report.meta.year == 2021
    for col in fmt.T3_COLUMNS:
        assert report.number(fmt.t3("carried_in", col.key)) == previous.number(fmt.t3("carried_out", col.key))
    assert "X-1" not in {f.rule for f in evaluate(report, previous)}
    path = tmp_path / "2021.nianbao"
    save_draft(report, path)
    embedded = embedded_previous(load_draft(path))
    assert embedded is not None and embedded.template == "2019" and embedded.cells == previous.cells


@pytest.mark.parametrize("key", ["t3.other_1.natural", "t2.rules.issued"])
def test_a_2019_report_holds_no_2021_only_cell(key):
    with pytest.raises(KeyError):
        report_2019().set(key, 1)


def test_a_2019_table_2_with_a_split_table_3_sums_the_split_rows_into_the_2019_row(tmp_path):
    from tests.docx_builders import grid_table, values_of, write_docx
    from tests.docx_hands import blocks_2019

    source = consistent_report(6, year=2020)
    blocks = blocks_2019(source)
    at = next(i for i, b in enumerate(blocks) if b == "三、收到和处理政府信息公开申请情况") + 1
    blocks[at] = grid_table("t3", values_of(source))  # （六） in three rows, as 2021 prints it
    imported = read_report(write_docx(tmp_path / "2020.docx", blocks))
    report = imported.report
    assert report.template == "2019"
    for col in fmt.T3_COLUMNS:
        parts = sum(source.number(fmt.t3(f"other_{i}", col.key)) for i in (1, 2, 3))
        assert report.number(fmt.t3(OTHER, col.key)) == parts
    assert any("已把原表中的各分项相加" in n for n in imported.notices)
    assert [f for f in evaluate(report) if f.severity.name == "ERROR" and f.cells[0].startswith(("t3.", "t4."))] == []


def test_the_ledger_fills_table_3_of_a_2019_report_with_the_single_other_row(tmp_path):
    from importers.ledger_reader import read_ledger
    from models.tools.ledger import compute_table3
    from tests.ledger_builders import ledger_rows, make_cases, write_xlsx

    cases = make_cases(300, 2020, seed=3)
    result = compute_table3(read_ledger(write_xlsx(tmp_path / "台账.xlsx", ledger_rows(cases, seed=3))).sheets, 2020)
    report = report_2019()
    for key, value in result.changes(report).items():
        report.set(key, value)
    for col in fmt.T3_COLUMNS:
        parts = sum(result.cells[fmt.t3(f"other_{i}", col.key)] for i in (1, 2, 3))
        assert report.number(fmt.t3(OTHER, col.key)) == parts
        assert report.number(fmt.t3("handled_total", col.key)) == result.cells[fmt.t3("handled_total", col.key)]
    assert [f for f in evaluate(report) if f.severity.name == "ERROR"] == []


def test_collection_sheets_are_refused_for_a_2019_report(tmp_path):
    from importers.collection_reader import read_collection_sheet
    from models.tools.collection_merge import MergeRefused, apply_merged, check_target, merge, stored_contributions
    from tests.collection_builders import filled_sheet

    report = report_2019()
    with pytest.raises(MergeRefused) as refused:
        stored_contributions(report, 2020)
    assert "2019年版格式" in refused.value.message and "不能汇总" in refused.value.message
    check_target(consistent_report(1))  # a 2021 report takes them
    # Even when asked without the check, a merge never fails on a cell the format lacks: table 三 is folded.
    path, values = filled_sheet(tmp_path, "办公室.xlsx", "办公室", "t3", seed=4, year=2020)
    apply_merged(report, merge([read_collection_sheet(path)]))
    for col in fmt.T3_COLUMNS[:-1]:
        expected = sum(values[fmt.t3(f"other_{i}", col.key)] for i in (1, 2, 3))
        assert report.number(fmt.t3(OTHER, col.key)) == expected
