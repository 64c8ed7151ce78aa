"""The command line with Word files: import, new --previous FILE.docx, check across Word files, batch summary."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import PurePath

import openpyxl

from cli.commandline import command_line
from exporters import export_docx
from models.format import format2021 as fmt
from models.storage.drafts import load_draft
from tests.builders import consistent_report
from tests.cli_runner import run
from tests.conftest import FIXTURES
from tests.docx_builders import write_docx, write_report
from tests.docx_hands import blocks_2019

LEVEL = "机关层级无法从 Word 文件中读出，请在基本信息中选择（用于检查规章一栏）。"


def test_import_writes_the_draft_and_prints_the_notices(tmp_path, huaian_path):
    source = write_report(tmp_path / "淮安2024.docx", load_draft(huaian_path))
    draft = tmp_path / "out" / "huaian"
    draft.parent.mkdir()
    result = run("import", str(source), "-o", str(draft))
    assert result.returncode == 0, result.stderr
    saved = draft.with_suffix(".nianbao")
    assert result.stdout.splitlines()[:3] == [
        f"已从“淮安2024.docx”导入淮安市人民政府2024年度报告，草稿已保存：{saved}",
        f"  [读取] {LEVEL}",
        # W-DATE: the report as published carries no date. The level Word does not print is only a notice here.
        f"检查结果：1个警告。运行 {command_line('check', saved)} 查看详情。",
    ]
    report = load_draft(saved)
    assert report.cells == load_draft(huaian_path).cells
    assert report.texts == load_draft(huaian_path).texts
    assert [p.name for p in saved.parent.iterdir()] == ["huaian.nianbao"]  # no temporary file left


def test_import_overwrites_only_with_force(tmp_path, pingtan_path):
    source = write_report(tmp_path / "pingtan.docx", load_draft(pingtan_path))
    draft = tmp_path / "draft.nianbao"
    draft.write_text("keep me", encoding="utf-8")
    refused = run("import", str(source), "-o", str(draft))
    assert refused.returncode == 2 and "已存在。如要覆盖，请加 --force。" in refused.stderr
    assert draft.read_text(encoding="utf-8") == "keep me"
    forced = run("import", str(source), "-o", str(draft), "--force")
    assert forced.returncode == 0, forced.stderr
    assert load_draft(draft).number("t3.new.total") == 74


def test_import_of_an_unreadable_file(tmp_path):
    result = run("import", str(FIXTURES / "foreign" / "word97.doc"), "-o", str(tmp_path / "d.nianbao"))
    assert result.returncode == 2
    assert "“word97.doc”是旧版 Word 文档" in result.stderr
    assert not (tmp_path / "d.nianbao").exists()


def test_new_from_last_years_word_file(tmp_path, huaian_path):
    source = write_report(tmp_path / "2024.docx", load_draft(huaian_path))
    out = tmp_path / "2025.nianbao"
    result = run("new", "--previous", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已生成2025年度草稿" in result.stdout and f"  [读取] {LEVEL}" in result.stdout
    report = load_draft(out)
    assert report.meta.agency == "淮安市人民政府" and report.meta.year == 2025
    assert report.number("t3.carried_in.total") == 103
    assert report.texts["s6"] == load_draft(huaian_path).texts["s6"]


def test_check_two_word_files_across_years_as_json(tmp_path, huaian_path):
    last_year = load_draft(huaian_path)
    this_year = consistent_report(4, year=2025)
    this_year.meta.agency = last_year.meta.agency
    this_year.texts.update(last_year.texts)  # section 五 copied word for word: X-4
    write_report(tmp_path / "2024.docx", last_year)
    write_report(tmp_path / "2025.docx", this_year)
    result = run("check", str(tmp_path / "2025.docx"), "--previous", str(tmp_path / "2024.docx"), "--json")
    data = json.loads(result.stdout)
    [entry] = data["reports"]
    assert (entry["format"], entry["year"], entry["agency"]) == ("2021", 2025, "淮安市人民政府")
    assert entry["notices"] == [LEVEL]
    rules = {f["rule"] for f in entry["findings"]}
    assert {"X-1", "X-4"} <= rules
    x1 = [f for f in entry["findings"] if f["rule"] == "X-1"]
    assert {c for f in x1 for c in f["cells"]} >= {"t3.carried_in.total"}


def test_check_says_2019_format(tmp_path, sample_path):
    report = consistent_report(5)
    report.texts.update(load_draft(sample_path).texts)
    source = write_docx(tmp_path / "2020.docx", blocks_2019(report))
    data = json.loads(run("check", str(source), "--json").stdout)
    [entry] = data["reports"]
    assert entry["format"] == "2019"
    assert entry["notices"][0].startswith("这是2019年版格式（国办公开办函〔2019〕60号）的报告")
    text = run("check", str(source)).stdout
    assert "［2019年版格式］" in text and "  [读取] 这是2019年版格式" in text


def batch_folder(tmp_path, huaian_path):
    folder = tmp_path / "各部门"
    (folder / "乡镇").mkdir(parents=True)
    clean = load_draft(huaian_path)
    clean.meta.publish_date = date(2025, 3, 28)
    export_docx(clean, folder / "a-clean.docx")  # made by this app: level and date are in the file
    broken = consistent_report(6)
    broken.meta.agency = "=HYPERLINK(\"http://example.invalid\",\"点击\")"  # a title written to look like a formula
    broken.set("t3.new.natural", broken.number("t3.new.natural") + 1)
    write_report(folder / "b-broken.docx", broken)
    shutil.copyfile(FIXTURES / "foreign" / "word97.doc", folder / "乡镇" / "c-old.doc")
    shutil.copyfile(huaian_path, folder / "乡镇" / "d-draft.nianbao")
    for i in range(3):
        write_report(folder / f"e{i}.docx", consistent_report(10 + i))
    (folder / "说明.txt").write_text("不是报告", encoding="utf-8")
    (folder / "~$a-clean.docx").write_bytes(b"lock file")
    return folder


def test_batch_summary_xlsx(tmp_path, huaian_path):
    folder = batch_folder(tmp_path, huaian_path)
    out = tmp_path / "汇总.xlsx"
    result = run("check", str(folder), "--summary", str(out))
    assert result.returncode == 2  # one file could not be read
    assert result.stdout.splitlines() == [
        "已检查7个文件：通过1份，有警告4份，有错误1份，无法读取1个。",  # e0…e2 and d: published without a date
        f"文件夹中另有1个其他类型的文件未检查：{folder / '说明.txt'}。",  # the ~$ lock file is not counted
        f"汇总表已保存：{out}（每份报告一行；全部问题见“全部问题”工作表）。",
    ]
    *progress, reason = result.stderr.splitlines()
    assert progress[-1] == "检查中 [7/7] d-draft.nianbao"
    assert reason.startswith(f"“{folder / '乡镇' / 'c-old.doc'}”是旧版 Word 文档")  # named, with its reason
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "全部问题"]
    rows = list(book["汇总"].iter_rows(values_only=True))
    assert rows[0] == ("文件", "机关名称", "年度", "格式", "结论", "错误", "警告", "提示", "读取提示",
                       "问题1", "问题2", "问题3", "对照上年")
    by_file = {PurePath(row[0]).name: row for row in rows[1:]}
    assert list(by_file) == ["a-clean.docx", "b-broken.docx", "e0.docx", "e1.docx", "e2.docx", "c-old.doc",
                             "d-draft.nianbao"]
    # Its one notice, the 落款 kept out of section 六, only informs (cli/notices.py): not counted.
    assert by_file["a-clean.docx"][1:9] == ("淮安市人民政府", 2024, "2021", "通过", 0, 0, 0, 0)
    broken = by_file["b-broken.docx"]
    assert broken[1] == "=HYPERLINK(\"http://example.invalid\",\"点击\")" and broken[4] == "有错误"
    assert broken[5] == 2 and broken[9].startswith("[T3-A] 表三·自然人列：新收")  # not the level Word omits
    assert book["汇总"]["B3"].data_type == "s"
    old = by_file["c-old.doc"]
    assert old[4] == "无法读取" and old[9].startswith("“c-old.doc”是旧版 Word 文档")
    assert by_file["d-draft.nianbao"][4:9] == ("有警告", 0, 1, 0, 0)  # W-DATE: published without a date
    details = list(book["全部问题"].iter_rows(values_only=True))
    assert details[0] == ("文件", "机关名称", "年度", "规则", "严重程度", "涉及单元格", "内容")
    broken_rules = [row[3] for row in details if row[0].endswith("b-broken.docx")]
    assert broken_rules[:2] == ["T3-A", "T3-B"] and broken_rules[-1] == "读取"
    t3a = next(row for row in details if row[3] == "T3-A")
    assert t3a[5].startswith(f"{fmt.cell_label('t3.new.natural')}、")


def test_batch_summary_csv_opens_in_excel(tmp_path, huaian_path):
    folder = batch_folder(tmp_path, huaian_path)
    out = tmp_path / "汇总.csv"
    result = run("check", str(folder / "a-clean.docx"), str(folder / "b-broken.docx"), "--summary", str(out))
    assert result.returncode == 1
    assert result.stderr == ""  # two files: no progress
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[1][:5] == [str(folder / "a-clean.docx"), "淮安市人民政府", "2024", "2021", "通过"]
    assert rows[2][1] == "'=HYPERLINK(\"http://example.invalid\",\"点击\")"  # kept as text, not run as a formula
    detail = tmp_path / "汇总_全部问题.csv"
    lines = list(csv.reader(detail.read_bytes().decode("utf-8-sig").splitlines()))
    assert lines[0] == ["文件", "机关名称", "年度", "规则", "严重程度", "涉及单元格", "内容"]
    assert [row[3] for row in lines[1:3]] == ["读取", "T3-A"]


def test_batch_of_nothing(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", str(tmp_path / "empty"), "--summary", str(tmp_path / "out.xlsx"))
    assert result.returncode == 2 and "没有找到要检查的报告文件" in result.stderr


def test_summary_is_never_written_over_a_report_and_not_reread(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(FIXTURES / "huaian-city-gov-2024.nianbao", folder / "淮安.nianbao")
    target = folder / "淮安.nianbao"
    before = target.read_bytes()
    result = run("check", str(target), "--summary", str(target))
    assert result.returncode == 2 and target.read_bytes() == before
    bad = run("check", str(folder), "--summary", str(folder / "汇总.txt"))
    assert bad.returncode == 2 and ".xlsx" in bad.stderr
    summary = folder / "汇总.xlsx"
    assert run("check", str(folder), "--summary", str(summary)).returncode == 0
    again = run("check", str(folder), "--summary", str(summary))
    assert again.returncode == 2 and "已存在。如要覆盖，请加 --force。" in again.stderr
    forced = run("check", str(folder), "--summary", str(summary), "--force")
    assert forced.returncode == 0, "last run's summary is skipped"
    assert forced.stdout.startswith("已检查1个文件：")


def test_check_infers_a_townships_level_so_w1_runs_on_word_input(tmp_path):
    """Issue 16 §5: a township reporting 规章 现行有效 6 passed clean, since Word does not print the level."""
    report = consistent_report(4)
    report.meta.agency = "淮安市淮安区车桥镇人民政府"
    report.meta.level = None
    for column, value in (("issued", 0), ("repealed", 0), ("in_force", 6)):
        report.set(fmt.t2("rules", column), value)
    source = write_report(tmp_path / "车桥镇2024.docx", report)
    [entry] = json.loads(run("check", str(source), "--json").stdout)["reports"]
    assert entry["notices"] == ["机关层级按机关名称“淮安市淮安区车桥镇人民政府”推定为“乡镇人民政府（街道办事处）”，"
                                "如有不符请在基本信息中改正（用于检查规章一栏）。"]
    [w1] = [f for f in entry["findings"] if f["rule"] == "W-1"]
    assert w1["cells"] == ["t2.rules.in_force"]
    assert "机关层级为“乡镇人民政府（街道办事处）”" in w1["message"] and "现行有效件数6" in w1["message"]
    text = run("check", str(source)).stdout
    assert "推定为“乡镇人民政府（街道办事处）”" in text and "W-1" in text
    # the same report from an agency whose name does not tell its level: W-1 cannot run, as before
    report.meta.agency = "昆山市人民政府"
    unknown = write_report(tmp_path / "昆山2024.docx", report)
    [entry] = json.loads(run("check", str(unknown), "--json").stdout)["reports"]
    assert entry["notices"] == [LEVEL] and not [f for f in entry["findings"] if f["rule"] == "W-1"]
