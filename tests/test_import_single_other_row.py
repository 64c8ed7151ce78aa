"""Issue 16 §1: the format is decided per table. Real 2021-format county reports print table 三's （六）其他处理 as ONE
row (the 2019 layout) beside a 2021 table 二: the report stays 2021, table 二 is imported, and the single row is placed
(all 0: 0/0/0; else 3.其他, the other two rows unsplit: a warning, never V-1)."""

from __future__ import annotations

from pathlib import Path

from importers import read_report
from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft, save_draft
from tests.docx_builders import Table, report_blocks, write_docx
from tests.docx_hands import T2_2019, t3_2019
from tests.truth_corpus import county_report

OTHER_LEAVES = ("other_1", "other_2", "other_3")


def _county_report(*, other: int | None) -> Report:
    """A consistent 2021 report; `other`: what each cell of the three （六） rows holds (None: random)."""
    report = county_report(7, other)
    report.meta.agency = "测试县人民政府"
    return report


def _single_row_docx(path: Path, report: Report, *, with_t2: bool = True) -> Path:
    """The report in the official layout, but table 三 prints （六） as one row (its three rows' sum)."""
    blocks = report_blocks(report)
    tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    blocks[tables[1]] = t3_2019(report)
    if not with_t2:
        del blocks[tables[0]]
    return write_docx(path, blocks)


def _errors(report: Report) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in evaluate(report) if f.severity is Severity.ERROR]


def test_an_all_zero_single_row_in_a_2021_report_means_zero_in_each_of_its_rows(tmp_path):
    report = _county_report(other=0)
    imported = read_report(_single_row_docx(tmp_path / "县.docx", report))
    assert imported.template == fmt.TEMPLATE_ID and imported.report.template == fmt.TEMPLATE_ID
    assert imported.report.cells == report.cells, "table 二 kept, every cell as published, 0/0/0 for （六）"
    assert "表三的“（六）其他处理”在原报告中只有一行，且都为0，其三个分项已按0导入。" in imported.notices
    assert not any("表二的栏目" in n or "2019" in n for n in imported.notices)
    assert _errors(imported.report) == []
    assert not imported.report.workspace.unsplit


def test_a_non_zero_single_row_goes_to_other_3_and_its_two_blank_rows_are_a_warning_not_v1(tmp_path):
    report = _county_report(other=None)
    assert any(report.number(fmt.t3("other_1", c)) for c in fmt.T3_PART_COLUMNS), "a real non-zero （六）"
    imported = read_report(_single_row_docx(tmp_path / "县.docx", report))
    got = imported.report
    assert got.template == fmt.TEMPLATE_ID
    for col in fmt.T3_COLUMNS:
        assert got.number(fmt.t3("other_3", col.key)) == sum(report.number(fmt.t3(r, col.key)) for r in OTHER_LEAVES)
        assert got.is_blank(fmt.t3("other_1", col.key)) and got.is_blank(fmt.t3("other_2", col.key))
    others = {k for k in report.cells if not k.startswith("t3.other_")}
    assert {k: got.cells.get(k) for k in others} == {k: report.cells[k] for k in others}, "table 二 and the rest"
    assert any("其数字已计入“（六）其他处理3.其他”；第1、2项原报告未分列" in n for n in imported.notices)
    findings = evaluate(got)
    assert _errors(got) == [], "no V-1 for what the publisher never split, and the sums hold with them as 0"
    split = [f for f in findings if f.rule == "V-SPLIT"]
    assert [f.severity for f in split] == [Severity.WARNING] * 2
    assert "原报告未分列" in split[0].message
    assert set(split[0].cells) == {fmt.t3("other_1", c.key) for c in fmt.T3_COLUMNS}

    # The sums still run: a real T3-C error in the report is found.
    wrong = got.copy()
    wrong.set(fmt.t3("other_3", "natural"), (got.number(fmt.t3("other_3", "natural")) or 0) + 1)
    assert {f.rule for f in evaluate(wrong) if f.severity is Severity.ERROR} >= {"T3-B", "T3-C"}

    # Saved as a draft and opened again: still unsplit; once the clerk splits them, nothing is left.
    draft = tmp_path / "县.nianbao"
    save_draft(got, draft, keep_backups=0)
    again = load_draft(draft)
    assert again.workspace.unsplit == got.workspace.unsplit
    assert [f.rule for f in evaluate(again) if f.rule == "V-SPLIT"] == ["V-SPLIT", "V-SPLIT"]
    for key in again.workspace.unsplit:
        again.set(key, 0)
    assert not [f for f in evaluate(again) if f.rule in ("V-SPLIT", "V-1")]


def test_table_two_alone_decides_the_2019_format(tmp_path):
    report = _county_report(other=0)
    blocks = report_blocks(report)
    tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    blocks[tables[0]] = Table(T2_2019, [])
    imported = read_report(write_docx(tmp_path / "旧.docx", blocks))
    assert imported.template == "2019", "the 2019 table 二 makes it a 2019 report, though table 三 has three rows"


def test_without_table_two_a_single_row_in_a_2020_report_is_the_2019_format(tmp_path):
    report = _county_report(other=0)
    report.meta.year = 2020
    imported = read_report(_single_row_docx(tmp_path / "2020.docx", report, with_t2=False))
    assert imported.template == "2019"
    report.meta.year = 2023
    imported = read_report(_single_row_docx(tmp_path / "2023.docx", report, with_t2=False))
    assert imported.template == fmt.TEMPLATE_ID
