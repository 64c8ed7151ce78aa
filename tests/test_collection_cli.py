"""`main.py collect export|merge`: the sheets, who supplied what, conflicts, --into, exit codes."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from cli.commandline import quote
from importers.collection_reader import read_collection_sheet
from models.storage.drafts import load_draft, save_draft
from models.tools.collection_merge import stored_contributions
from tests.cli_runner import run
from tests.collection_builders import fill, filled_sheet


def test_export_then_merge_three_sheets(tmp_path):
    for name, department, parts in (("a.xlsx", "审批科", "licensing,t3"), ("b.xlsx", "执法大队", "行政许可,行政处罚"),
                                    ("c.xlsx", "", "fees")):
        args = ["collect", "export", "--parts", parts, "--year", "2024", "-o", str(tmp_path / name)]
        result = run(*args, *(["--department", department] if department else []))
        assert result.returncode == 0, result.stderr
    assert "已导出2024年度数据采集表（审批科）" in run("collect", "export", "--parts", "t4", "--year", "2024",
                                                    "--department", "审批科", "-o", str(tmp_path / "d")).stdout
    assert read_collection_sheet(tmp_path / "d.xlsx").parts == ("t4",)
    from models.tools.collection import parse_parts

    fill(tmp_path / "a.xlsx", parse_parts(["licensing,t3"]), {"t2.licensing.decisions": 8, "t3.new.natural": 3})
    fill(tmp_path / "b.xlsx", parse_parts(["licensing,penalty"]),
         {"t2.licensing.decisions": 4, "t2.penalty.decisions": 0}, filler="张三", phone="1234")
    fill(tmp_path / "c.xlsx", parse_parts(["fees"]), {"t2.fees.amount": "1.25"}, department="财务科")
    draft = tmp_path / "d.nianbao"
    result = run("collect", "merge", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"), str(tmp_path / "c.xlsx"),
                 "-o", str(draft))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "  执法大队（“b.xlsx”，填报人：张三 1234）：2个数字" in out
    assert "  表二·行政许可：12 ＝ 审批科 8 ＋ 执法大队 4" in out
    assert "  表二·行政事业性收费：1.25 ＝ 财务科 1.25" in out
    assert "  表三·本年新收·自然人：3 ＝ 审批科 3" in out
    assert "  其余1个单元格各科室均填0。" in out
    assert "审批科（“a.xlsx”）未填写" in out and "等143个单元格，未计入汇总" in out
    report = load_draft(draft)
    assert report.cells["t2.licensing.decisions"] == 12 and str(report.cells["t2.fees.amount"]) == "1.25"
    assert report.meta.year == 2024
    assert [d["department"] for d in report.workspace.collection["departments"]] == ["审批科", "执法大队", "财务科"]
    kept, notices = stored_contributions(report, 2024)
    assert notices == [] and kept[2].values == {"t2.fees.amount": Decimal("1.25")}


def test_a_conflicting_sheet_stops_the_merge_unless_skipped(tmp_path):
    _, values = filled_sheet(tmp_path, "good.xlsx", "审批科", "licensing", seed=1)
    bad, _ = filled_sheet(tmp_path, "bad.xlsx", "办公室", "licensing", seed=2)
    workbook = openpyxl.load_workbook(bad)
    workbook["表二"]["D4"] = "约10件"
    workbook.save(bad)
    draft = tmp_path / "d.nianbao"
    result = run("collect", "merge", str(tmp_path), "-o", str(draft))  # a folder stands for its sheets
    assert result.returncode == 1 and not draft.exists()
    assert "无法汇总的采集表（1份）：\n  “bad.xlsx”（办公室）：\n    表二·行政许可（工作表“表二”D4）：" in result.stdout
    assert "--skip-conflicting" in result.stderr
    result = run("collect", "merge", str(tmp_path), "-o", str(draft), "--skip-conflicting")
    assert result.returncode == 0, result.stderr
    assert load_draft(draft).cells == {"t2.licensing.decisions": values["t2.licensing.decisions"]}


def test_unreadable_sheet_exits_two(tmp_path):
    good, _ = filled_sheet(tmp_path, "good.xlsx", "审批科", "licensing", seed=1)
    (tmp_path / "note.xlsx").write_bytes(b"PK\x03\x04 broken")
    result = run("collect", "merge", str(good), str(tmp_path / "note.xlsx"), "-o", str(tmp_path / "d"))
    assert result.returncode == 2 and "无法读取：“note.xlsx”" in result.stdout
    assert not (tmp_path / "d.nianbao").exists()


def test_into_keeps_the_draft_and_earlier_departments(tmp_path, huaian_path):
    draft = tmp_path / "huaian.nianbao"
    original = load_draft(huaian_path)
    save_draft(original, draft)
    a, va = filled_sheet(tmp_path, "a.xlsx", "审批科", "licensing", seed=1)
    result = run("collect", "merge", str(a), "-o", str(draft))
    assert result.returncode == 2 and f"请改用 --into {quote(str(draft))}" in result.stderr
    result = run("collect", "merge", str(a), "--into", str(draft))
    assert result.returncode == 0, result.stderr
    key = "t2.licensing.decisions"
    assert f"（原为{original.cells[key]}）" in result.stdout
    b, vb = filled_sheet(tmp_path, "b.xlsx", "执法大队", "licensing", seed=2)
    result = run("collect", "merge", str(b), "--into", str(draft))
    assert result.returncode == 0, result.stderr
    assert "  审批科（“a.xlsx”，填报人：审批科联系人 0512-1234567，此前已汇总，保留）：1个数字" in result.stdout
    report = load_draft(draft)
    assert report.cells[key] == va[key] + vb[key]
    assert {k: v for k, v in report.cells.items() if k != key} == \
        {k: v for k, v in original.cells.items() if k != key}
    assert report.texts == original.texts
    other_year, _ = filled_sheet(tmp_path, "c.xlsx", "办公室", "licensing", seed=3, year=2023)
    result = run("collect", "merge", str(other_year), "--into", str(draft))
    assert result.returncode == 1 and "采集表为2023年度，与汇总的2024年度不一致。" in result.stdout


def test_export_refuses_unknown_parts_and_existing_files(tmp_path):
    result = run("collect", "export", "--parts", "许可证", "--year", "2024", "-o", str(tmp_path / "a.xlsx"))
    assert result.returncode == 2 and "不是采集表的内容" in result.stderr
    (tmp_path / "a.xlsx").write_bytes(b"x")
    result = run("collect", "export", "--parts", "t3", "--year", "2024", "-o", str(tmp_path / "a.xlsx"))
    assert result.returncode == 2 and "--force" in result.stderr


def test_export_prefilled_from_last_years_report(tmp_path, huaian_path):
    out = tmp_path / "pre.xlsx"
    result = run("collect", "export", "--parts", "t4", "--year", "2025", "--department", "法制科", "--prefill",
                 str(huaian_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已从“huaian-city-gov-2024.nianbao”（2024年度报告）预填12个数字。" in result.stdout
    assert "预填的数字来自2024年度" in result.stdout
    report = load_draft(huaian_path)
    assert read_collection_sheet(out).values == {k: v for k, v in report.cells.items()
                                                 if k.startswith("t4.") and not k.endswith(".total")}
