"""Issue 16 §6: a folder holding one agency's consecutive years checks each report against the year before (X-1, X-2,
X-4) by itself, says which pairs it made, pairs with none when last year's report is there twice, and --previous
still wins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl

from cli.batch import check_files
from cli.pairing import agency_key, last_years
from models.format import format2021 as fmt
from models.report import Meta, Report
from models.storage.drafts import save_draft
from models.tools.carryover import new_year_from
from tests.builders import consistent_report, fill_t3
from tests.cli_runner import run
from tests.docx_builders import write_report

AGENCY = "测试县交通运输局"  # a 县级政府部门 by its name: Word does not print the level
OTHER = "测试县教育局"


def year_of(agency: str, year: int, seed: int) -> Report:
    report = consistent_report(seed, year=year, level="县级政府部门")
    report.meta.agency = agency
    return report


def following(before: Report, seed: int) -> Report:
    """The next year's report of the same agency that agrees with `before` on every cross-year rule."""
    now = year_of(before.meta.agency, before.meta.year + 1, seed)
    leaves = {(r, c): now.number(fmt.t3(r, c)) for r in fmt.T3_LEAF_ROWS for c in fmt.T3_PART_COLUMNS}
    fill_t3(now, leaves, {c: now.number(fmt.t3("carried_out", c)) for c in fmt.T3_PART_COLUMNS},
            {c: before.number(fmt.t3("carried_out", c)) for c in fmt.T3_PART_COLUMNS})
    for row in fmt.T2_BLOCKS[0].rows:
        issued, repealed = now.number(fmt.t2(row.key, "issued")), now.number(fmt.t2(row.key, "repealed"))
        now.set(fmt.t2(row.key, "in_force"), before.number(fmt.t2(row.key, "in_force")) + issued - repealed)
    for col in fmt.T3_COLUMNS:
        key = fmt.t3("carried_in", col.key)
        assert now.number(key) == before.number(fmt.t3("carried_out", col.key))
    return now


def carried_in_one_more(report: Report) -> None:
    """上年结转 of the 自然人 column one more (本年新收 one less, so that table 三 still balances): X-1 only."""
    for col in ("natural", "total"):
        report.set(fmt.t3("carried_in", col), report.number(fmt.t3("carried_in", col)) + 1)
        report.set(fmt.t3("new", col), report.number(fmt.t3("new", col)) - 1)


def agency_folder(tmp_path: Path) -> tuple[Path, Report, Report]:
    """A 2023 and a 2024 report of AGENCY, whose 2024 上年结转 differs from 2023's 结转下年度 in one column, and
    another agency's 2024 report."""
    folder = tmp_path / "各部门"
    folder.mkdir()
    before = year_of(AGENCY, 2023, 1)
    now = following(before, 2)
    carried_in_one_more(now)
    write_report(folder / "交通_2023.docx", before)
    write_report(folder / "交通_2024.docx", now)
    write_report(folder / "教育_2024.docx", year_of(OTHER, 2024, 3))
    return folder, before, now


def rules_by_file(stdout: str) -> dict[str, list[str]]:
    return {Path(r["file"]).name: [f["rule"] for f in r["findings"]] for r in json.loads(stdout)["reports"]}


def test_consecutive_years_of_one_agency_are_paired(tmp_path):
    folder, before, now = agency_folder(tmp_path)
    last_year = folder / "交通_2023.docx"
    data = json.loads(run("check", str(folder), "--json").stdout)
    rules = {Path(r["file"]).name: [f["rule"] for f in r["findings"]] for r in data["reports"]}
    cross_year = ("X-1", "X-2", "X-4")  # the warnings; X-3 (a hint of a large change) may come along
    assert [r for r in rules["交通_2024.docx"] if r in cross_year] == ["X-1", "X-1"]
    assert not [r for r in rules["交通_2023.docx"] + rules["教育_2024.docx"] if r.startswith("X-")]
    x1 = [f for r in data["reports"] for f in r["findings"] if f["rule"] == "X-1"]
    assert [f["cells"] for f in x1] == [["t3.carried_in.natural"], ["t3.carried_in.total"]]
    assert x1[0]["message"] == (f"表三·自然人列：本年上年结转为{now.number('t3.carried_in.natural')}，但2023年度报告"
                                f"结转下年度为{before.number('t3.carried_out.natural')}，相差1。")
    notice = f"按同批检查的“{last_year}”（同一机关2023年度报告）核对跨年度规则（X-1…X-4）。"
    paired = {Path(r["file"]).name: notice in r["notices"] for r in data["reports"]}
    assert paired == {"交通_2023.docx": False, "交通_2024.docx": True, "教育_2024.docx": False}

    text = run("check", str(folder)).stdout.splitlines()
    titles = [i for i, line in enumerate(text) if not line.startswith(" ")]
    start = next(i for i in titles if text[i].startswith(f"{AGENCY} 2024年度（{folder / '交通_2024.docx'}）："))
    block = text[start + 1:min(i for i in titles if i > start)]
    assert f"  [读取] {notice}" in block  # the pair, named in the text output
    assert any(line.startswith("  [警告] X-1 表三·自然人列") for line in block)

    out = tmp_path / "汇总.xlsx"
    result = run("check", str(folder), "--summary", str(out))
    assert "跨年度核对：1份报告按同批检查的同一机关上年报告核对（见汇总表“对照上年”列）。" in result.stdout.splitlines()
    rows = list(openpyxl.load_workbook(out)["汇总"].iter_rows(values_only=True))
    assert rows[0][-1] == "对照上年"
    compared = {Path(row[0]).name: row[-1] for row in rows[1:]}
    assert compared == {"交通_2023.docx": None, "交通_2024.docx": str(last_year), "教育_2024.docx": None}


def test_last_years_report_there_twice_pairs_with_neither(tmp_path):
    folder, _, _ = agency_folder(tmp_path)
    shutil.copy(folder / "交通_2023.docx", folder / "交通_2023（修改稿）.docx")
    data = json.loads(run("check", str(folder), "--json").stdout)
    [report] = [r for r in data["reports"] if r["file"].endswith("交通_2024.docx")]
    assert not [f for f in report["findings"] if f["rule"].startswith("X-")]
    names = f"{folder / '交通_2023.docx'}、{folder / '交通_2023（修改稿）.docx'}"
    assert report["notices"][-1] == (f"同批检查的文件中有2份{AGENCY}2023年度报告（{names}），无法确定按哪一份核对，"
                                     "未用于跨年度核对（X-1…X-4）。请只保留其中一份后重新检查。")
    out = tmp_path / "汇总.xlsx"
    result = run("check", str(folder), "--summary", str(out))
    assert "1份报告的上年报告在同批文件中不止一份，未用于跨年度核对（见汇总表“对照上年”列）。" in result.stdout
    assert "跨年度核对：" not in result.stdout
    rows = list(openpyxl.load_workbook(out)["汇总"].iter_rows(min_row=2, values_only=True))
    row = next(r for r in rows if r[0].endswith("交通_2024.docx"))
    assert row[-1] == "同批有2份2023年度报告，均未用于对照"
    assert row[8] == 1  # the twins notice matters: one of the two files should go


def test_explicit_previous_still_wins(tmp_path):
    folder, before, _ = agency_folder(tmp_path)
    (folder / "交通_2024.docx").unlink()
    write_report(folder / "交通_2024.docx", following(before, 2))  # agrees with the 2023 report in the folder
    older = year_of(AGENCY, 2022, 4)
    older.set("t3.carried_out.natural", before.number("t3.carried_in.natural") + 7)
    previous = write_report(tmp_path / "交通_2022.docx", older)
    assert "X-1" not in rules_by_file(run("check", str(folder), "--json").stdout)["交通_2024.docx"]
    data = json.loads(run("check", str(folder), "--previous", str(previous), "--json").stdout)
    by_file = {Path(r["file"]).name: r for r in data["reports"]}
    assert "X-1" in [f["rule"] for f in by_file["交通_2024.docx"]["findings"]]  # against 2022, not the 2023 file
    assert not any("同批检查" in n for r in data["reports"] for n in r["notices"])
    out = tmp_path / "汇总.xlsx"
    run("check", str(folder), "--previous", str(previous), "--summary", str(out))
    rows = list(openpyxl.load_workbook(out)["汇总"].iter_rows(min_row=2, values_only=True))
    assert {r[-1] for r in rows} == {"--previous 指定的2022年度报告"}


def test_a_file_of_the_folder_wins_over_the_report_saved_in_a_draft(tmp_path):
    folder = tmp_path / "各部门"
    folder.mkdir()
    before = year_of(AGENCY, 2023, 1)
    saved = year_of(AGENCY, 2023, 5)  # what the draft was carried over from: other numbers
    draft = new_year_from(saved)
    for col in fmt.T3_COLUMNS:
        draft.set(fmt.t3("carried_in", col.key), before.number(fmt.t3("carried_out", col.key)))
    save_draft(draft, folder / "交通_2024.nianbao")
    write_report(folder / "交通_2023.docx", before)
    [_, now] = check_files([folder / "交通_2023.docx", folder / "交通_2024.nianbao"], workers=2)  # worker processes
    assert now.paired_with == folder / "交通_2023.docx" and now.compared_with == str(folder / "交通_2023.docx")
    assert "X-1" not in [f.rule for f in now.findings]
    assert not any("草稿中保存的" in n for n in now.notices)
    alone = check_files([folder / "交通_2024.nianbao"])[0]
    assert "X-1" in [f.rule for f in alone.findings] and alone.compared_with == "草稿中保存的2023年度报告"


def meta_report(agency: str, year: int | None) -> Report:
    return Report(meta=Meta(agency, year))


def test_pairs_by_normalised_name_and_the_year_before():
    assert agency_key(" 测试县（开发区）管委会\u3000") == agency_key("测试县(开发区) 管委会")
    reports = [meta_report("测试县（开发区）管委会", 2024), meta_report("测试县(开发区)管委会 ", 2023),
               meta_report("测试县(开发区)管委会", 2022), meta_report("测试县教育局", 2023), None,
               meta_report("", 2023), meta_report("测试县教育局", None)]
    paths = [Path(f"r{i}.docx") for i in range(len(reports))]
    found = last_years(reports, paths)
    assert [m.previous if m else None for m in found] == [1, 2, None, None, None, None, None]
    assert (found[0].agency, found[0].year) == ("测试县（开发区）管委会", 2023)


def test_one_file_named_twice_is_one_report_and_two_files_are_twins():
    reports = [meta_report("测试县教育局", 2024), meta_report("测试县教育局", 2023), meta_report("测试县教育局", 2023)]
    assert last_years(reports, [Path("a.docx"), Path("b.docx"), Path("./b.docx")])[0].previous == 1
    twins = last_years(reports, [Path("a.docx"), Path("b.docx"), Path("c.docx")])[0]
    assert twins.twins == (1, 2) and twins.previous == -1
