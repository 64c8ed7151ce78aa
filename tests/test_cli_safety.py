"""No command destroys an input, and all of them agree: where a draft or an export goes (suffix, folder), when an
existing file is replaced (--force, exit 2 otherwise, backup named), which last-year report is used, and that
`import` and `check` find the same problems in the same file."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from cli.outputs import safe_stem, same_file
from exporters import export_xlsx
from models.storage.drafts import load_draft, save_draft
from models.tools.carryover import new_year_from
from tests.cli_runner import run, run_process
from tests.collection_builders import filled_sheet
from tests.conftest import FIXTURES, ROOT
from tests.docx_builders import write_report
from tests.ledger_builders import expected_cells, ledger_rows, make_cases, write_csv

HUAIAN = "淮安市人民政府2024年度报告"


@pytest.fixture
def docx(tmp_path, huaian_path):
    return write_report(tmp_path / "淮安2024.docx", load_draft(huaian_path))


def ledger(tmp_path, name="台账.csv"):
    cases = make_cases(20, 2023, seed=3)
    return write_csv(tmp_path / name, ledger_rows(cases, seed=3)), expected_cells(cases)


# --- never over an input ---------------------------------------------------------------------------------------------

def test_import_never_writes_a_draft_over_the_word_report(docx):
    before = docx.read_bytes()
    result = run("import", str(docx), "-o", str(docx), "--force")
    assert result.returncode == 2
    assert ".nianbao" in result.stderr and "淮安2024.nianbao" in result.stderr
    assert docx.read_bytes() == before


def test_import_and_new_never_overwrite_the_file_they_read(tmp_path, huaian_path):
    draft = tmp_path / "d.nianbao"
    shutil.copy(huaian_path, draft)
    before = draft.read_bytes()
    (tmp_path / "sub").mkdir()
    for args in (("import", str(draft), "-o", str(draft), "--force"),
                 ("import", str(draft), "-o", str(tmp_path / "sub" / ".." / "d"), "--force"),
                 ("new", "--previous", str(draft), "-o", str(draft), "--force")):
        result = run(*args)
        assert result.returncode == 2, args
        assert "是本命令要读取的文件" in result.stderr and "加 --force 也不行" in result.stderr
    assert draft.read_bytes() == before


def test_a_hard_link_is_the_same_file(tmp_path, huaian_path):
    draft = tmp_path / "d.nianbao"
    shutil.copy(huaian_path, draft)
    os.link(draft, tmp_path / "link.nianbao")
    assert same_file(draft, tmp_path / "link.nianbao")
    result = run("import", str(draft), "-o", str(tmp_path / "link.nianbao"), "--force")
    assert result.returncode == 2 and draft.read_bytes() == huaian_path.read_bytes()


def test_a_folder_output_never_lands_on_the_input(tmp_path, huaian_path):
    """In a folder the draft is named after the report: here that is the file being imported."""
    source = tmp_path / f"{HUAIAN}.nianbao"
    shutil.copy(huaian_path, source)
    result = run("import", str(source), "-o", str(tmp_path), "--force")
    assert result.returncode == 2 and "是本命令要读取的文件" in result.stderr
    assert source.read_bytes() == huaian_path.read_bytes()


def test_ledger_and_collect_never_overwrite_what_they_read(tmp_path, huaian_path):
    source, _ = ledger(tmp_path)
    mapping = tmp_path / "map.nianbao"  # an odd name for a mapping, but a file this command reads all the same
    mapping.write_text('{"columns": {}}', encoding="utf-8")
    result = run("ledger", str(source), "--year", "2023", "--mapping", str(mapping), "-o", str(mapping), "--force")
    assert result.returncode == 2 and "是本命令要读取的文件" in result.stderr
    assert mapping.read_text(encoding="utf-8") == '{"columns": {}}'
    draft = tmp_path / "d.nianbao"
    save_draft(load_draft(huaian_path), draft)
    result = run("ledger", str(draft), "--into", str(draft))
    assert result.returncode == 2 and "也是本命令要读取的文件" in result.stderr
    report = load_draft(huaian_path)
    prefill = export_xlsx(report, tmp_path / "上年.xlsx")
    before = prefill.read_bytes()
    result = run("collect", "export", "--parts", "t4", "--year", "2025", "--prefill", str(prefill), "-o", str(prefill),
                 "--force")
    assert result.returncode == 2 and "是本命令要读取的文件" in result.stderr and prefill.read_bytes() == before


def test_check_summary_never_replaces_a_report_in_the_folder(tmp_path, huaian_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    report = export_xlsx(load_draft(huaian_path), folder / "淮安.xlsx")
    before = report.read_bytes()
    for args in (("check", str(folder), "--summary", str(report), "--force"),
                 ("check", str(huaian_path), "--previous", str(report), "--summary", str(report), "--force")):
        result = run(*args)
        assert result.returncode == 2 and "是本命令要读取的文件" in result.stderr, args
    assert report.read_bytes() == before


# --- drafts are .nianbao; folders ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["import", "new", "ledger", "collect merge"])
def test_a_draft_is_never_named_like_a_word_file(tmp_path, huaian_path, command):
    out = tmp_path / "本年.docx"
    if command == "import":
        args = ["import", str(huaian_path), "-o", str(out)]
    elif command == "new":
        args = ["new", "--previous", str(huaian_path), "-o", str(out)]
    elif command == "ledger":
        args = ["ledger", str(ledger(tmp_path)[0]), "--year", "2023", "-o", str(out)]
    else:
        sheet, _ = filled_sheet(tmp_path, "a.xlsx", "审批科", "licensing", seed=1)
        args = ["collect", "merge", str(sheet), "-o", str(out)]
    result = run(*args)
    assert result.returncode == 2
    assert "草稿总是保存为 .nianbao 文件" in result.stderr and "“本年.nianbao”" in result.stderr
    assert not out.exists() and not out.with_suffix(".nianbao").exists()


def test_an_existing_folder_gets_a_draft_named_after_the_report(tmp_path, docx):
    folder = tmp_path / "草稿"
    folder.mkdir()
    result = run("import", str(docx), "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in folder.iterdir()] == [f"{HUAIAN}.nianbao"]
    again = run("import", str(docx), "-o", str(folder) + os.sep)  # the same with a trailing separator
    assert again.returncode == 2 and "已存在" in again.stderr and "--force" in again.stderr
    result = run("new", "--previous", str(folder / f"{HUAIAN}.nianbao"), "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / "淮安市人民政府2025年度报告.nianbao").exists()


def test_a_missing_folder_is_refused_not_made_into_a_file(tmp_path, docx):
    missing = str(tmp_path / "没有的文件夹") + os.sep
    for args in (("import", str(docx), "-o", missing), ("export", str(docx), "--docx", missing)):
        result = run(*args)
        assert result.returncode == 2 and "文件夹“" in result.stderr and "不存在" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["淮安2024.docx"]


def test_export_into_folders_and_without_a_suffix(tmp_path, huaian_path):
    folder = tmp_path / "导出"
    folder.mkdir()
    result = run("export", str(huaian_path), "--docx", str(folder), "--xlsx", str(folder))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [f"{HUAIAN}.docx", f"{HUAIAN}.xlsx"]
    again = run("export", str(huaian_path), "--docx", str(folder))  # exists: --force, not a suffix complaint
    assert again.returncode == 2 and "已存在。如要覆盖，请加 --force。" in again.stderr
    assert run("export", str(huaian_path), "--docx", str(folder), "--force").returncode == 0
    result = run("export", str(huaian_path), "--docx", str(tmp_path / "报告"))
    assert result.returncode == 0 and (tmp_path / "报告.docx").exists()
    wrong = run("export", str(huaian_path), "--docx", str(tmp_path / "报告.doc"))
    assert wrong.returncode == 2 and "扩展名应为 .docx" in wrong.stderr


def test_infographic_into_a_folder(tmp_path, huaian_path, qt_libraries, chinese_font):
    result = run("infographic", str(huaian_path), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"{HUAIAN}一图读懂.png").read_bytes().startswith(b"\x89PNG")


def test_collect_and_summary_into_folders(tmp_path):
    sheets = tmp_path / "采集表"
    sheets.mkdir()
    result = run("collect", "export", "--parts", "licensing", "--year", "2024", "--department", "审批科",
                 "-o", str(sheets))
    assert result.returncode == 0, result.stderr
    [sheet] = sheets.iterdir()
    assert sheet.name == "审批科2024年度数据采集表.xlsx"
    filled_sheet(sheets, "b.xlsx", "执法大队", "licensing", seed=2)
    drafts = tmp_path / "草稿"
    drafts.mkdir()
    result = run("collect", "merge", str(sheets), "-o", str(drafts))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in drafts.iterdir()] == ["2024年度报告.nianbao"]
    assert run("check", str(drafts), "--summary", str(drafts)).returncode == 1
    assert sorted(p.name for p in drafts.iterdir()) == ["2024年度报告.nianbao", "年度报告检查汇总.xlsx"]
    again = run("check", str(drafts), "--summary", str(drafts), "--force")  # last run's summary: not a report
    assert again.returncode == 1 and again.stdout.startswith("已检查1个文件：")


def test_a_draft_open_in_the_app_is_not_replaced_even_with_force(tmp_path, huaian_path):
    from models.storage.locks import acquire, release

    draft = tmp_path / "open.nianbao"
    save_draft(load_draft(huaian_path), draft)
    before = draft.read_bytes()
    assert acquire(draft)
    try:  # a child process: a lock held by this very process counts as stale (models.storage.locks)
        result = run_process("new", "--previous", str(huaian_path), "-o", str(draft), "--force")
    finally:
        release(draft)
    assert result.returncode == 2 and "在本软件中打开" in result.stderr and draft.read_bytes() == before


def test_names_made_from_a_report_are_safe_on_windows():
    assert safe_stem('市/局:"办公室"2024年度报告') == "市_局__办公室_2024年度报告"
    assert safe_stem("CON") == "_CON" and safe_stem("  . ") == "年度报告" and safe_stem("报告. ") == "报告"
    assert len(safe_stem("长" * 500)) <= 120


# --- one rule for "exists" -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["import", "new", "export", "infographic", "ledger", "collect export",
                                     "collect merge", "check --summary"])
def test_an_existing_output_needs_force_exit_two(tmp_path, huaian_path, command, request):
    if command == "infographic":  # draws Chinese: Qt and a Chinese font
        request.getfixturevalue("qt_libraries")
        request.getfixturevalue("chinese_font")
    suffix = {"export": ".docx", "infographic": ".png", "collect export": ".xlsx", "check --summary": ".csv"}
    out = tmp_path / f"out{suffix.get(command, '.nianbao')}"
    out.write_bytes(b"keep")
    args = {
        "import": ["import", str(huaian_path), "-o", str(out)],
        "new": ["new", "--previous", str(huaian_path), "-o", str(out)],
        "export": ["export", str(huaian_path), "--docx", str(out)],
        "infographic": ["infographic", str(huaian_path), "-o", str(out)],
        "ledger": ["ledger", str(ledger(tmp_path)[0]), "--year", "2023", "-o", str(out)],
        "collect export": ["collect", "export", "--parts", "t4", "--year", "2024", "-o", str(out)],
        "collect merge": ["collect", "merge", str(filled_sheet(tmp_path, "a.xlsx", "审批科", "t4", seed=1)[0]),
                          "-o", str(out)],
        "check --summary": ["check", str(huaian_path), "--summary", str(out)],
    }[command]
    refused = run(*args)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert f"“{out}”已存在。" in refused.stderr and "请加 --force" in refused.stderr
    assert out.read_bytes() == b"keep"
    forced = run(*args, "--force")
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert out.read_bytes() != b"keep"


def test_a_replaced_draft_is_backed_up_and_the_backup_named(tmp_path, huaian_path, app_home):
    out = tmp_path / "d.nianbao"
    out.write_text("旧的内容", encoding="utf-8")
    result = run("import", str(huaian_path), "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if "被覆盖的原文件已备份：" in line)
    backup = line.split("：", 1)[1]
    assert backup.startswith(str(app_home)) and Path(backup).read_text(encoding="utf-8") == "旧的内容"
    source, _ = ledger(tmp_path)
    report = load_draft(huaian_path)
    report.meta.year = 2023
    save_draft(report, out)
    result = run("ledger", str(source), "--into", str(out))
    assert result.returncode == 0, result.stderr
    assert "被覆盖的原文件已备份：" in result.stdout
    assert run("import", str(huaian_path), "-o", str(tmp_path / "new")).stdout.count("备份") == 0


# --- last year's report ----------------------------------------------------------------------------------------------

def test_previous_of_the_same_or_a_later_year_is_refused(tmp_path, huaian_path, pingtan_path):
    later = tmp_path / "2025.nianbao"
    save_draft(new_year_from(load_draft(huaian_path)), later)
    for previous in (huaian_path, later):
        result = run("check", str(huaian_path), "--previous", str(previous))
        assert result.returncode == 2 and f"不早于“{huaian_path}”的2024年度" in result.stderr
        assert "请指定2023年度的报告" in result.stderr
    out = tmp_path / "x.docx"
    result = run("export", str(huaian_path), "--previous", str(later), "--docx", str(out))
    assert result.returncode == 2 and "--previous" in result.stderr and not out.exists()
    result = run("infographic", str(huaian_path), "--previous", str(huaian_path), "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "--previous" in result.stderr and not (tmp_path / "x.png").exists()
    data = json.loads(run("check", str(huaian_path), str(pingtan_path), "--previous", str(later), "--json").stdout)
    assert [entry["file"] for entry in data["unreadable"]] == [str(huaian_path), str(pingtan_path)]
    assert data["reports"] == []
    ok = run("check", str(huaian_path), "--previous", str(pingtan_path))  # 2022 for 2024: allowed
    assert ok.returncode == 0, ok.stderr


def test_new_needs_to_know_last_years_year(tmp_path, huaian_path):
    report = load_draft(huaian_path)
    report.meta.year = None
    previous = tmp_path / "no-year.nianbao"
    save_draft(report, previous)
    result = run("new", "--previous", str(previous), "-o", str(tmp_path / "new"))
    assert result.returncode == 2 and "没有读出报告年度" in result.stderr
    assert not (tmp_path / "new.nianbao").exists()


# --- the same findings from import and check -------------------------------------------------------------------------

def tally(stdout: str, line_start: str) -> str:
    line = next(line for line in stdout.splitlines() if line.startswith(line_start) or line_start in line)
    return line.rsplit("：", 1)[1].split("。")[0]


def test_import_and_check_report_the_same_findings(tmp_path, huaian_path):
    carried = new_year_from(load_draft(huaian_path))
    carried.set("t3.carried_in.natural", 100)  # X-1 against the 2024 report saved in the draft
    draft = tmp_path / "2025.nianbao"
    save_draft(carried, draft)
    imported = run("import", str(draft), "-o", str(tmp_path / "copy"))
    checked = run("check", str(draft))
    assert imported.returncode == 0 and checked.returncode == 1
    in_import = tally(imported.stdout, "检查结果：").removesuffix("。")
    in_check = checked.stdout.splitlines()[0].rsplit("：", 1)[1]
    assert in_import == in_check and "警告" in in_check
    assert "按草稿中保存的2024年度报告核对跨年度规则" in imported.stdout
    # A Word file: what import finds is what check finds in the Word file itself; the draft it saved differs only by
    # V-META, since the Word layout does not print the 机关层级 and the draft is the clerk's to complete.
    word = write_report(tmp_path / "2025.docx", carried)
    saved = tmp_path / "from-word.nianbao"
    imported = run("import", str(word), "-o", str(saved))
    rules = {f["rule"] for f in json.loads(run("check", str(saved), "--json").stdout)["reports"][0]["findings"]}
    of_word = json.loads(run("check", str(word), "--json").stdout)["reports"][0]["findings"]
    assert rules == {f["rule"] for f in of_word} | {"V-META"} and "V-META" not in {f["rule"] for f in of_word}
    assert tally(imported.stdout, "检查结果：") == tally(run("check", str(word)).stdout, "年度（")


# --- what check says about the files it could not read ---------------------------------------------------------------

def test_unknown_cell_keys_of_a_hand_edited_draft_are_named(tmp_path, huaian_path):
    document = json.loads(huaian_path.read_text(encoding="utf-8"))
    document["cells"]["t3.new.naturel"] = 5
    draft = tmp_path / "edited.nianbao"
    draft.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    notice = "草稿中有本软件不认识的单元格“t3.new.naturel”（已保留，未检查）。"
    assert f"  [读取] {notice}" in run("check", str(draft)).stdout
    result = run("import", str(draft), "-o", str(tmp_path / "copy"))
    assert f"  [读取] {notice}" in result.stdout
    assert load_draft(tmp_path / "copy.nianbao").extra_cells == {"t3.new.naturel": 5}
    assert json.loads(run("check", str(draft), "--json").stdout)["reports"][0]["notices"] == [notice]


def test_check_names_unreadable_and_skipped_files(tmp_path, huaian_path):
    folder = tmp_path / "各部门"
    folder.mkdir()
    shutil.copy(huaian_path, folder / "a.nianbao")
    shutil.copy(FIXTURES / "foreign" / "word97.doc", folder / "旧格式.doc")
    (folder / "坏的.nianbao").write_text("{", encoding="utf-8")
    for name in ("说明.txt", "b.jpg", "c.png", "d.zip"):
        (folder / name).write_bytes(b"x")
    out = tmp_path / "汇总.csv"
    result = run("check", str(folder), "--summary", str(out))
    assert result.returncode == 2
    assert f"“{folder / '旧格式.doc'}”是旧版 Word 文档" in result.stderr
    assert f"“{folder / '坏的.nianbao'}”无法打开" in result.stderr
    skipped = [line for line in result.stdout.splitlines() if "其他类型的文件未检查" in line]
    assert skipped == [f"文件夹中另有其他类型的文件未检查：{folder / 'b.jpg'}、{folder / 'c.png'}、"
                       f"{folder / 'd.zip'}等4个。"]
    rows = list(csv.reader(out.read_bytes().decode("utf-8-sig").splitlines()))
    for row in rows[1:]:
        for cell in row:
            sentences = [s for s in cell.split("。") if s]
            assert len(sentences) == len(set(sentences)), cell  # no reason written twice in one cell
    old = next(row for row in rows if row[0].endswith("旧格式.doc"))
    assert old[4] == "无法读取" and old[9].startswith("“旧格式.doc”是旧版 Word 文档") and old[9].count("旧版") == 1
    detail = list(csv.reader((tmp_path / "汇总_全部问题.csv").read_bytes().decode("utf-8-sig").splitlines()))
    assert [row[6].count("另存为 .docx") for row in detail if row[0].endswith("旧格式.doc")] == [1]
    text = run("check", str(folder)).stdout
    assert text.splitlines()[-1].startswith("文件夹中另有其他类型的文件未检查：")


def test_json_lists_unreadable_files_in_chinese_also_with_a_summary(tmp_path, huaian_path):
    bad = tmp_path / "坏的.nianbao"
    bad.write_text("{", encoding="utf-8")
    # A child process: the console's code page is fixed when the interpreter starts.
    env = {**os.environ, "PYTHONIOENCODING": "cp936"}  # a Chinese Windows console's code page
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(huaian_path), str(bad), "--json",
                             "--summary", str(tmp_path / "s.xlsx")], capture_output=True, env=env, timeout=60)
    assert result.returncode == 2
    assert "无法打开".encode() in result.stdout  # Chinese as Chinese, not \\u escapes
    data = json.loads(result.stdout.decode("utf-8"))
    reason = "“坏的.nianbao”无法打开：文件不完整（可能保存时被中断）。文件未作任何改动。"
    assert data["unreadable"] == [{"file": str(bad), "message": reason}]
    assert [r["agency"] for r in data["reports"]] == ["淮安市人民政府"]
    assert "坏的.nianbao" in result.stderr.decode("cp936")
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    # 有警告: W-DATE, the Huaian report as published carries no date.
    assert [row[4] for row in book["汇总"].iter_rows(min_row=2, values_only=True)] == ["有警告", "无法读取"]


def test_summary_rows_of_a_report_not_checked(tmp_path, huaian_path):
    """A report checked against a --previous of its own year is named, with its agency, as 未检查."""
    out = tmp_path / "s.xlsx"
    result = run("check", str(huaian_path), "--previous", str(huaian_path), "--summary", str(out))
    assert result.returncode == 2
    assert result.stdout.startswith("已检查1个文件：通过0份，有警告0份，有错误0份，无法读取0个，未检查1份。")
    [row] = list(openpyxl.load_workbook(out)["汇总"].iter_rows(min_row=2, values_only=True))
    assert row[1:5] == ("淮安市人民政府", 2024, "2021", "未检查")
    assert row[9].startswith("--previous 给出的是2024年度报告")
