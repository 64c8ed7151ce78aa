"""Issue 16 §6: the batch summary a 政务公开办 can act on: the weightiest problems first with the blank cells as one
line, the verdict coloured, and only the reading notices that matter counted."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cli.batch import PAIRED_NOTICE, SAVED_NOTICE, Checked, examine
from cli.check import is_summary_file
from cli.notices import INFORMATIONAL, informational, notices_that_matter
from cli.problems import top_problems, weight
from cli.summary import EARLIER_SUMMARY_HEADERS, detail_rows, summary_rows, write_summary
from importers import Imported, read_report
from models.findings import Finding, Severity
from models.format import format2021 as fmt
from models.format.formats import FORMAT_2021
from models.values import InvalidValue
from tests.builders import consistent_report, zero_report
from tests.cli_runner import run
from tests.docx_builders import Table, report_blocks, write_docx, write_report
from tests.docx_hands import blocks_2019, hazard_blocks, hazard_report

BLANKS = ("t2.rules.issued", "t2.normative.repealed", "t2.licensing.decisions")  # three rows: three V-1 findings


def checked(report, notices=(), name="报告.nianbao") -> Checked:
    return examine(Path(name), Imported(report, list(notices), report.template, "draft"))


def broken_report():
    """Three blank cells of table 二, and 本年新收·自然人 one too many (T3-A and T3-B)."""
    report = consistent_report(3)
    for key in BLANKS:
        report.set(key, None)
    report.set("t3.new.natural", report.number("t3.new.natural") + 1)
    return report


def test_the_sums_come_before_the_blank_cells_which_are_one_line():
    item = checked(broken_report())
    rules = [f.rule for f in item.findings]
    assert rules[:5] == ["V-1", "V-1", "V-1", "T3-A", "T3-B"]  # evaluation (table) order; W-2, W-3 follow
    row = summary_rows([item])[0]
    assert row[9].startswith("[T3-A] 表三·自然人列：新收")
    assert row[10].startswith("[T3-B] ")
    labels = "、".join(fmt.cell_label(k) for k in BLANKS)
    assert row[11] == f"[V-1] 3个单元格未填写（{labels}）。空白不等于0，没有发生的请填0。"
    assert [r[3] for r in detail_rows([item])] == rules  # the full list, as before


def test_many_blank_cells_give_a_count_and_examples():
    report = consistent_report(4)
    blank = [k for k in fmt.ALL_CELL_KEYS if k.startswith("t4.")]
    for key in blank:
        report.set(key, None)
    report.set("t2.rules.issued", InvalidValue("3.5件", "不是整数。"))  # an invalid value is a V-1 finding too
    row = summary_rows([checked(report)])[0]
    examples = "、".join(fmt.cell_label(k) for k in ("t2.rules.issued", *blank[:2]))
    assert row[9] == (f"[V-1] {len(blank)}个单元格未填写、1个单元格的数值无效（例如{examples}等）。"
                      "空白不等于0，没有发生的请填0。")
    assert row[10].startswith("[W-2] ") and row[11].startswith("[W-3] ")  # warnings after every error


def finding(rule: str, severity: Severity, blank: bool = False) -> Finding:
    return Finding(rule, severity, ("t3.new.total",), f"{rule}的说明", blank=blank)


def test_weight_orders_the_problems():
    findings = [finding("W-DATE", Severity.WARNING), finding("V-1", Severity.ERROR, blank=True),
                finding("V-META", Severity.ERROR), finding("X-3", Severity.INFO), finding("TXT-1", Severity.WARNING),
                finding("X-1", Severity.WARNING), finding("TXT-NONE", Severity.ERROR), finding("T4-B", Severity.ERROR),
                finding("T3-C", Severity.ERROR)]
    assert [weight(f) for f in findings] == [5, 4, 3, 6, 2, 2, 1, 0, 0]
    order = [line.split("]")[0][1:] for line in top_problems(findings, FORMAT_2021, shown=20)]
    assert order == ["T4-B", "T3-C", "TXT-NONE", "TXT-1", "X-1", "V-META", "V-1", "W-DATE", "X-3"]


def test_the_verdict_is_coloured(tmp_path):
    failing = checked(broken_report(), name="错误.nianbao")
    warned = zero_report(2024)
    warned.meta.publish_date = None  # W-DATE
    passing = checked(zero_report(2024), name="通过.nianbao")
    unreadable = Checked(Path("坏的.docx"), None, error="“坏的.docx”无法打开。")
    out = write_summary([failing, checked(warned, name="警告.nianbao"), passing, unreadable], tmp_path / "汇总.xlsx")
    sheet = openpyxl.load_workbook(out[0])["汇总"]
    verdicts = [(sheet.cell(row=r, column=5).value, sheet.cell(row=r, column=5).fill.fgColor.rgb,
                 sheet.cell(row=r, column=5).font.color.rgb) for r in range(2, 6)]
    assert verdicts == [("有错误", "00FFC7CE", "009C0006"), ("有警告", "00FFEB9C", "009C5700"),
                        ("通过", "00C6EFCE", "00006100"), ("无法读取", "00FFC7CE", "009C0006")]
    assert all(sheet.cell(row=r, column=5).fill.fill_type == "solid" for r in range(2, 6))
    assert sheet.cell(row=2, column=4).fill.fill_type is None  # only the verdict


def test_the_reading_count_leaves_out_what_only_informs(tmp_path, sample_path):
    """A Word report in a clerk's hand: the level inferred from the name, units after numbers, blank cells (V-1
    errors already), sub-headings worded differently, the 落款 kept out of 六: all in the details, none counted."""
    report = hazard_report(consistent_report(3))
    report.texts.update(read_report(sample_path).report.texts)
    report.meta.agency = "测试县交通运输局"
    item = examine(Path("a.docx"), read_report(write_docx(tmp_path / "a.docx", hazard_blocks(report))))
    assert len(item.notices) >= 8
    assert any(n.startswith("机关层级按机关名称“测试县交通运输局”推定为") for n in item.notices)
    assert notices_that_matter(item.notices) == []
    row = summary_rows([item])[0]
    assert row[8] == 0
    assert [r[6] for r in detail_rows([item]) if r[3] == "读取"] == item.notices  # every notice, as before


def test_notices_that_matter_are_counted(tmp_path):
    unknown = consistent_report(7)  # 测试市人民政府: a 市 may be a 设区的市 or a 县级市, so no level is inferred
    blocks = report_blocks(unknown)
    at = next(c for c in fmt.GRIDS["t2"].cells if c.key == "t2.rules.issued")
    next(b for b in blocks if isinstance(b, Table)).rows[at.row][at.col] = "约12"  # refused: kept as written
    item = examine(Path("b.docx"), read_report(write_docx(tmp_path / "b.docx", blocks)))
    assert notices_that_matter(item.notices) == item.notices
    assert item.notices[0] == "机关层级无法从 Word 文件中读出，请在基本信息中选择（用于检查规章一栏）。"
    assert item.notices[1].startswith("表二·规章·本年制发件数：“约12”")
    assert summary_rows([item])[0][8] == 2
    old = read_report(write_docx(tmp_path / "c.docx", blocks_2019(consistent_report(8))))
    assert notices_that_matter(old.notices)[0].startswith("这是2019年版格式")
    assert informational("草稿中有本软件不认识的单元格“t3.new.naturel”（已保留，未检查）。") is False


@pytest.mark.parametrize("notice", [
    SAVED_NOTICE.format(year=2023), PAIRED_NOTICE.format(file="各部门/交通_2023.docx", year=2023),
    "已略过报告前的“审核签发单”。", "已略过文末的附件“自查清单”。", "表三·本年新收·自然人：“12.0”按整数12填写。",
    "12个单元格中的“件”已去掉，只保留数字（例如表三·本年新收·自然人：已去掉“件”，按3填写。）",
])
def test_informational_notices(notice):
    assert informational(notice)


def test_every_informational_kind_says_why():
    assert all(pattern.pattern and reason for pattern, reason in INFORMATIONAL)


def test_an_earlier_csv_summary_is_still_known_as_one(tmp_path):
    old = tmp_path / "汇总.csv"
    old.write_bytes(("\ufeff" + ",".join(EARLIER_SUMMARY_HEADERS[0]) + "\r\n").encode("utf-8"))
    assert is_summary_file(old)


def test_summary_of_a_word_folder_end_to_end(tmp_path):
    folder = tmp_path / "各部门"
    folder.mkdir()
    write_report(folder / "a.docx", broken_report())
    out = tmp_path / "汇总.xlsx"
    assert run("check", str(folder), "--summary", str(out)).returncode == 1
    [row] = list(openpyxl.load_workbook(out)["汇总"].iter_rows(min_row=2, values_only=True))
    assert row[4] == "有错误" and row[9].startswith("[T3-A]") and row[11].startswith("[V-1] 3个单元格未填写")
    assert row[8] == 1  # the level Word does not print and the name does not tell: to choose
