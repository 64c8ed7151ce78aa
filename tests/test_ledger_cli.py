"""`main.py ledger`: a new draft, --into an existing one, unclassifiable rows, exit codes, the remembered mapping."""

from __future__ import annotations

import json

from cli.commandline import quote
from models.storage.drafts import load_draft, save_draft
from models.storage.locks import acquire, release
from models.tools.ledger_fields import ColumnMapping, save_mapping
from tests.cli_runner import run, run_process
from tests.ledger_builders import expected_cells, ledger_rows, make_cases, write_csv, write_xlsx

YEAR = 2023  # the CLI refuses dates after today; the generated ledger runs to the spring after the year


def _ledger(tmp_path, n=120, seed=11):
    cases = make_cases(n, YEAR, seed=seed)
    return write_xlsx(tmp_path / "台账.xlsx", ledger_rows(cases, seed=seed)), expected_cells(cases)


def _t3(report):
    return {k: v for k, v in report.cells.items() if k.startswith("t3.")}


def test_ledger_writes_a_draft_with_table_three(tmp_path):
    ledger, expected = _ledger(tmp_path)
    draft = tmp_path / "out.nianbao"
    result = run("ledger", str(ledger), "--year", str(YEAR), "-o", str(draft))
    assert result.returncode == 0, result.stderr
    report = load_draft(draft)
    assert _t3(report) == expected
    assert report.meta.year == YEAR and not any(k.startswith(("t2.", "t4.")) for k in report.cells)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("台账“台账.xlsx”：共120件申请，计入2023年度")
    assert f"  本年新收{expected['t3.new.total']}件（" in lines[1]
    assert lines[-2] == f"已根据台账填写2023年度表三（其他各表为空，请继续填写），草稿已保存：{draft}"
    assert lines[-1] == "表三勾稽关系检查：通过。"


def test_unclassifiable_rows_exit_one_and_nothing_is_written(tmp_path):
    rows = [(1, "2023-03-01", "公民", "", "予以公开", "2023-03-05", ""),
            (2, "2023-03-01", "自然人", "", "予以公开", "2023-03-05", "")]
    ledger = write_csv(tmp_path / "a.csv", rows, encoding="gbk")
    draft = tmp_path / "out.nianbao"
    result = run("ledger", str(ledger), "--year", str(YEAR), "-o", str(draft))
    assert result.returncode == 1
    assert "无法归类的行（1行），未计入表三：" in result.stdout
    assert "  第2行：申请人类型“公民”不是表三的申请人类型" in result.stdout
    assert "--allow-unclassified" in result.stderr and not draft.exists()
    result = run("ledger", str(ledger), "--year", str(YEAR), "-o", str(draft), "--allow-unclassified")
    assert result.returncode == 0, result.stderr
    assert load_draft(draft).cells["t3.granted.total"] == 1


def test_many_rows_of_one_kind_are_summed_up_first(tmp_path):
    rows = [(i, "2023-03-01", "自然人", "", "同意公开", "2023-03-05", "") for i in range(12)]
    result = run("ledger", str(write_csv(tmp_path / "a.csv", rows)), "--year", str(YEAR), "-o",
                 str(tmp_path / "d.nianbao"))
    assert result.returncode == 1
    assert "  12行：办理结果“同意公开”不是表三的办理结果" in result.stdout


def test_an_existing_draft_is_not_overwritten_and_into_fills_its_table_three(tmp_path, huaian_path):
    report = load_draft(huaian_path)
    report.meta.year = YEAR
    draft = tmp_path / "huaian.nianbao"
    save_draft(report, draft)
    ledger, expected = _ledger(tmp_path)
    result = run("ledger", str(ledger), "--year", str(YEAR), "-o", str(draft))
    assert result.returncode == 2
    assert f"请改用 --into {quote(str(draft))}" in result.stderr and "--force" in result.stderr
    assert load_draft(draft).cells == report.cells
    result = run("ledger", str(ledger), "--into", str(draft))  # the year is the draft's
    assert result.returncode == 0, result.stderr
    assert "已更新2023年度表三（其余内容未改动）" in result.stdout
    updated = load_draft(draft)
    assert _t3(updated) == expected
    assert {k: v for k, v in updated.cells.items() if not k.startswith("t3.")} == \
        {k: v for k, v in report.cells.items() if not k.startswith("t3.")}
    assert updated.texts == report.texts and updated.meta == report.meta
    result = run("ledger", str(ledger), "--year", str(YEAR), "-o", str(draft), "--force")
    assert result.returncode == 0 and load_draft(draft).texts == {}


def test_into_refuses_another_year_and_an_open_draft(tmp_path, huaian_path):
    draft = tmp_path / "huaian.nianbao"
    save_draft(load_draft(huaian_path), draft)  # a 2024 report
    ledger, _ = _ledger(tmp_path, n=10)
    result = run("ledger", str(ledger), "--year", str(YEAR), "--into", str(draft))
    assert result.returncode == 2 and "是2024年度的草稿，与 --year 2023 不一致" in result.stderr
    assert acquire(draft)
    try:  # a child process: a lock held by this very process counts as stale (models.storage.locks)
        result = run_process("ledger", str(ledger), "--into", str(draft))
    finally:
        release(draft)
    assert result.returncode == 2 and "在本软件中打开" in result.stderr


def test_unreadable_ledger_mapping_or_missing_year_exit_two(tmp_path):
    ledger, _ = _ledger(tmp_path, n=5)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not a workbook")
    result = run("ledger", str(bad), "--year", str(YEAR), "-o", str(tmp_path / "d"))
    assert result.returncode == 2 and "bad.xlsx" in result.stderr
    (tmp_path / "map.json").write_text(json.dumps({"收件": "日期"}, ensure_ascii=False), encoding="utf-8")
    result = run("ledger", str(ledger), "--year", str(YEAR), "--mapping", str(tmp_path / "map.json"), "-o",
                 str(tmp_path / "d"))
    assert result.returncode == 2 and "不是台账的字段" in result.stderr
    result = run("ledger", str(ledger), "-o", str(tmp_path / "d"))
    assert result.returncode == 2 and "--year" in result.stderr
    assert not (tmp_path / "d.nianbao").exists()


def test_mapping_file_and_the_remembered_mapping(tmp_path):
    rows = [(1, "2023-01-05", "公民", "同意公开", "2023-01-09")]
    ledger = write_csv(tmp_path / "a.csv", rows, header=("编号", "来件日期", "申请人类型", "办理结果", "办结日期"))
    mapping = ColumnMapping({"来件日期": "received"}, {"同意公开": "予以公开"}, {"公民": "自然人"})
    mapping_file = save_mapping(mapping, tmp_path / "map.json")
    result = run("ledger", str(ledger), "--year", str(YEAR), "--mapping", str(mapping_file), "-o",
                 str(tmp_path / "a.nianbao"))
    assert result.returncode == 0, result.stderr
    assert load_draft(tmp_path / "a.nianbao").cells["t3.granted.natural"] == 1
    result = run("ledger", str(ledger), "--year", str(YEAR), "-o", str(tmp_path / "b.nianbao"))
    assert result.returncode == 2 and "缺少收到日期" in result.stderr
    save_mapping(mapping)  # remembered, as the app does after the column dialog
    result = run("ledger", str(ledger), "--year", str(YEAR), "-o", str(tmp_path / "b.nianbao"))
    assert result.returncode == 0, result.stderr
    assert "使用已保存的列对应关系" in result.stdout
