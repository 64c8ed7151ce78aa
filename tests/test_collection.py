"""数据采集表: parts, the exported sheet (validation, protection, marker), reading it back, merging several."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from exporters.collection_sheet import export_collection_sheet
from exporters.xlsx_export import export_xlsx
from importers.collection_reader import CollectionReadError, read_collection_sheet
from layouts.collection_layout import INFO_SHEET, positions
from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft, save_draft
from models.tools.collection import PART_BY_KEY, PARTS, PartsError, parse_parts
from models.tools.collection_merge import (
    MergeRefused,
    apply_merged,
    merge,
    stored_contributions,
)
from tests.builders import consistent_report
from tests.collection_builders import department_values, fill, filled_sheet


def test_parts_come_from_the_format():
    assert [p.key for p in PARTS] == ["rules", "normative", "licensing", "penalty", "coercion", "fees", "t3", "t4"]
    assert PART_BY_KEY["licensing"].title == "表二·行政许可"
    asked = {k for p in PARTS for k in p.keys}
    assert asked == set(fmt.ALL_CELL_KEYS) - set(fmt.SUM_DEFINITIONS)
    assert len(PART_BY_KEY["t3"].keys) == 24 * 6 and len(PART_BY_KEY["t4"].keys) == 12


@pytest.mark.parametrize(("names", "keys"), [
    (["licensing"], ["licensing"]),
    (["行政许可，表二·行政处罚", "表三"], ["licensing", "penalty", "t3"]),
    (["t4", "coercion、licensing"], ["licensing", "coercion", "t4"]),
    (["表二"], ["rules", "normative", "licensing", "penalty", "coercion", "fees"]),
    (["all"], [p.key for p in PARTS]),
])
def test_parts_by_name(names, keys):
    assert [p.key for p in parse_parts(names)] == keys


def test_unknown_part_lists_the_known_ones():
    with pytest.raises(PartsError) as info:
        parse_parts(["licensing,许可证"])
    assert info.value.message.startswith("“许可证”不是采集表的内容。可选：rules（表二·规章）")
    with pytest.raises(PartsError):
        parse_parts([" , "])


def test_the_sheet_validates_protects_and_marks_itself(tmp_path):
    parts = parse_parts(["licensing,fees,t3"])
    path = export_collection_sheet(tmp_path / "a.xlsx", parts, 2024, "审批科")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["填报说明", "表二", "表三", INFO_SHEET]
    assert workbook[INFO_SHEET].sheet_state == "hidden"
    assert workbook[INFO_SHEET]["A1"].value == "gov-info-annual-report/collection"
    guide = workbook["填报说明"]
    assert (guide["B3"].value, guide["B4"].value) == ("审批科", 2024)
    assert guide["B3"].protection.locked and not guide["B6"].protection.locked
    assert "审批科·2024年度" in workbook["表二"]["A1"].value and "审批科·2024年度" in workbook["表三"]["A1"].value
    for sheet in ("填报说明", "表二", "表三", INFO_SHEET):
        assert workbook[sheet].protection.sheet
    places = positions(parts)
    for key, (sheet, row, col) in places.items():
        assert not workbook[sheet].cell(row=row, column=col).protection.locked, key
    assert workbook["表二"]["A4"].protection.locked and workbook["表三"]["A3"].protection.locked
    rules = {(dv.type, str(dv.sqref)) for dv in workbook["表二"].data_validations.dataValidation}
    assert rules == {("whole", "D4"), ("decimal", "D5")}
    t3_validated = {c for dv in workbook["表三"].data_validations.dataValidation if dv.type == "whole"
                    for r in dv.sqref.ranges for row in r.cells for c in [row]}
    assert {(row, col) for key, (sheet, row, col) in places.items() if sheet == "表三"} <= t3_validated
    total = fmt.t3("new", "total")
    assert workbook["表三"].cell(*_grid(total)).value.startswith("=IF(COUNT(")  # totals are formulas, locked
    assert workbook["表三"].cell(*_grid(total)).protection.locked


def _grid(key):
    from layouts.xlsx_layout import key_positions

    return key_positions()[key][1:]


def test_round_trip_export_fill_read(tmp_path):
    path, values = filled_sheet(tmp_path, "a.xlsx", "审批科", "all", seed=1)
    sheet = read_collection_sheet(path)
    assert sheet.problems == [] and sheet.blanks == ()
    assert (sheet.department, sheet.year, sheet.template) == ("审批科", 2024, "2021")
    assert sheet.parts == tuple(p.key for p in PARTS)
    assert sheet.values == values
    assert isinstance(sheet.values[fmt.AMOUNT_KEY], Decimal)
    assert (sheet.filler, sheet.phone) == ("审批科联系人", "0512-1234567")


def test_a_generic_sheet_takes_the_department_typed_in_and_blanks_stay_blank(tmp_path):
    parts = parse_parts(["licensing,penalty"])
    path = export_collection_sheet(tmp_path / "a.xlsx", parts, 2024)
    workbook = openpyxl.load_workbook(path)
    assert not workbook["填报说明"]["B3"].protection.locked
    fill(path, parts, {"t2.licensing.decisions": "12件"}, department=" 法制科 ")
    sheet = read_collection_sheet(path)
    assert sheet.department == "法制科" and sheet.problems == []
    assert sheet.values == {"t2.licensing.decisions": 12} and sheet.blanks == ("t2.penalty.decisions",)
    export_collection_sheet(tmp_path / "b.xlsx", parts, 2024)
    assert read_collection_sheet(tmp_path / "b.xlsx").problems == ["“填报说明”中没有填写填报科室。"]


def test_prefilled_sheet_reads_back_as_the_report(tmp_path, huaian_path):
    report = load_draft(huaian_path)
    parts = parse_parts(["all"])
    path = export_collection_sheet(tmp_path / "pre.xlsx", parts, 2024, "办公室", prefill=report)
    sheet = read_collection_sheet(path)
    assert sheet.values == {k: report.cells[k] for p in parts for k in p.keys}


def test_three_filled_sheets_sum_correctly_with_who_supplied_what(tmp_path):
    a, va = filled_sheet(tmp_path, "a.xlsx", "审批科", "licensing,t3", seed=1)
    b, vb = filled_sheet(tmp_path, "b.xlsx", "执法大队", "licensing,penalty,coercion,t3", seed=2)
    c, vc = filled_sheet(tmp_path, "c.xlsx", "财务科", "fees,t3,t4", seed=3, blank_department=True)
    merged = merge([read_collection_sheet(p) for p in (a, b, c)])
    assert merged.rejected == [] and merged.year == 2024
    assert [x.department for x in merged.contributions] == ["审批科", "执法大队", "财务科"]
    licensing = "t2.licensing.decisions"
    assert merged.sources[licensing] == [("审批科", va[licensing]), ("执法大队", vb[licensing])]
    assert merged.sums[licensing] == va[licensing] + vb[licensing]
    assert merged.sources[fmt.AMOUNT_KEY] == [("财务科", vc[fmt.AMOUNT_KEY])]
    for key in PART_BY_KEY["t3"].keys:
        assert merged.sums[key] == va[key] + vb[key] + vc[key]
        assert [d for d, _ in merged.sources[key]] == ["审批科", "执法大队", "财务科"]
    assert set(merged.sums) == set(va) | set(vb) | set(vc)
    report = consistent_report(9)
    for key in PART_BY_KEY["t3"].keys:
        report.set(key, None)
    changes = apply_merged(report, merged)
    assert report.cells[licensing] == va[licensing] + vb[licensing]
    assert report.cells[fmt.AMOUNT_KEY] == vc[fmt.AMOUNT_KEY]
    assert report.cells[fmt.t3("new", "total")] == sum(v[fmt.t3("new", c)] for v in (va, vb, vc)
                                                        for c in fmt.T3_PART_COLUMNS)
    assert changes[licensing][1] == report.cells[licensing]
    assert [f for f in evaluate(report) if f.severity is Severity.ERROR] == []


def _sheet_with(tmp_path, name, department, edit, parts="licensing,t4", seed=4):
    path, _ = filled_sheet(tmp_path, name, department, parts, seed=seed)
    workbook = openpyxl.load_workbook(path)
    edit(workbook)
    workbook.save(path)
    return path


def test_conflicting_sheets_are_reported_not_summed(tmp_path):
    good, values = filled_sheet(tmp_path, "good.xlsx", "审批科", "licensing,t4", seed=5)
    other_year = _sheet_with(tmp_path, "year.xlsx", "办公室", lambda wb: wb[INFO_SHEET].__setitem__("B3", 2023))
    template = _sheet_with(tmp_path, "tpl.xlsx", "法制科", lambda wb: wb[INFO_SHEET].__setitem__("B2", "2019"))
    twice = [filled_sheet(tmp_path, f"twice{i}.xlsx", "执法大队", "licensing", seed=6 + i)[0] for i in (1, 2)]
    text = _sheet_with(tmp_path, "text.xlsx", "信访科", lambda wb: wb["表二"].__setitem__("D4", "十二"))
    moved = _sheet_with(tmp_path, "moved.xlsx", "财务科", lambda wb: wb["表二"].insert_rows(4))
    sheets = [read_collection_sheet(p) for p in (good, other_year, template, *twice, text, moved)]
    merged = merge(sheets, 2024)
    reasons = {r.path.name: r.reasons for r in merged.rejected}
    assert reasons == {
        "year.xlsx": ["采集表为2023年度，与汇总的2024年度不一致。"],
        "tpl.xlsx": ["采集表的报告格式为“2019”，与本软件的2021年版格式不同。"],
        "twice1.xlsx": ["执法大队发回了2份采集表（“twice1.xlsx”、“twice2.xlsx”），无法确定以哪一份为准。"
                        "请只保留一份后重新汇总。"],
        "twice2.xlsx": ["执法大队发回了2份采集表（“twice1.xlsx”、“twice2.xlsx”），无法确定以哪一份为准。"
                        "请只保留一份后重新汇总。"],
        "text.xlsx": ["表二·行政许可（工作表“表二”D4）：“十二”不是数字。"],
        "moved.xlsx": ["工作表“表二”的A4应为“第二十条第（五）项”，实为“”：表格的行列被改动过，无法可靠读取。"
                       "请让科室在新导出的采集表中重新填写。"],
    }
    assert [c.department for c in merged.contributions] == ["审批科"]
    assert merged.sums == values


def test_years_that_disagree_without_a_year_given_are_refused(tmp_path):
    a, _ = filled_sheet(tmp_path, "a.xlsx", "审批科", "licensing", seed=1, year=2023)
    b, _ = filled_sheet(tmp_path, "b.xlsx", "办公室", "licensing", seed=2, year=2024)
    with pytest.raises(MergeRefused) as info:
        merge([read_collection_sheet(a), read_collection_sheet(b)])
    assert info.value.message == ("各采集表的年度不一致（2023年度：a.xlsx；2024年度：b.xlsx），"
                                  "请核对后用 --year 指定汇总的年度。")


def test_an_unbalanced_table_three_of_one_department_is_pointed_out(tmp_path):
    parts = parse_parts(["t3"])
    values = department_values(parts, 3)
    values[fmt.t3("new", "natural")] += 2
    path = fill(export_collection_sheet(tmp_path / "a.xlsx", parts, 2024, "办公室"), parts, values)
    merged = merge([read_collection_sheet(path)])
    assert any(n.startswith("办公室（“a.xlsx”）的表三·自然人列：新收") and "相差2" in n for n in merged.notices)


def test_merges_accumulate_in_the_draft(tmp_path):
    a, _ = filled_sheet(tmp_path, "a.xlsx", "审批科", "licensing", seed=1)
    b, vb = filled_sheet(tmp_path, "b.xlsx", "执法大队", "licensing,penalty", seed=2)
    report = Report()
    apply_merged(report, merge([read_collection_sheet(a), read_collection_sheet(b)]))
    draft = tmp_path / "d.nianbao"
    save_draft(report, draft)
    report = load_draft(draft)
    assert [d["department"] for d in report.workspace.collection["departments"]] == ["审批科", "执法大队"]
    a2, va2 = filled_sheet(tmp_path, "a2.xlsx", "审批科", "licensing", seed=11)
    c, vc = filled_sheet(tmp_path, "c.xlsx", "办公室", "licensing", seed=3)
    earlier, notices = stored_contributions(report, 2024)
    assert notices == [] and [e.department for e in earlier] == ["审批科", "执法大队"]
    merged = merge([read_collection_sheet(a2), read_collection_sheet(c)], 2024, earlier)
    assert merged.kept == 1
    assert "审批科的数字已按新发回的“a2.xlsx”替换（此前汇总的是“a.xlsx”）。" in merged.notices
    apply_merged(report, merged)
    key = "t2.licensing.decisions"
    assert report.cells[key] == vb[key] + va2[key] + vc[key]
    assert report.cells["t2.penalty.decisions"] == vb["t2.penalty.decisions"]
    assert [d for d, _ in merged.sources[key]] == ["执法大队", "审批科", "办公室"]
    assert stored_contributions(report, 2023) == ([], ["草稿中此前的汇总记录属于2024年度，本次未沿用。"])


def test_a_formula_without_a_result_and_other_odd_values(tmp_path):
    path = _sheet_with(tmp_path, "f.xlsx", "审批科", lambda wb: (wb["表二"].__setitem__("D4", "=1+2"),
                                                               wb["表四"].__setitem__("A6", -3),
                                                               wb["表四"].__setitem__("B6", 2.5)))
    problems = read_collection_sheet(path).problems
    assert problems[0].startswith("表二·行政许可（工作表“表二”D4）是公式，文件中没有它的计算结果。")
    assert "表四·行政复议·结果维持（工作表“表四”A6）：“-3”是负数。" in problems
    assert "表四·行政复议·结果纠正（工作表“表四”B6）：“2.5”不是整数，件数必须是整数。" in problems


def test_files_that_are_not_collection_sheets(tmp_path):
    report_xlsx = export_xlsx(consistent_report(1), tmp_path / "report.xlsx")
    with pytest.raises(CollectionReadError, match="不是本软件导出的数据采集表"):
        read_collection_sheet(report_xlsx)
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    with pytest.raises(CollectionReadError, match=r"x\.xlsx"):
        read_collection_sheet(tmp_path / "x.xlsx")
    with pytest.raises(CollectionReadError, match="找不到文件"):
        read_collection_sheet(tmp_path / "none.xlsx")
