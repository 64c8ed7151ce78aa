"""The command line as a clerk or a script uses it: `main.py check` and `main.py new` (in this process, see
tests/cli_runner.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

from models.storage.drafts import load_draft, save_draft
from tests.cli_runner import run
from tests.conftest import ROOT


def test_check_clean_reports_exit_zero(sample_path, huaian_path, tmp_path):
    result = run("check", str(sample_path), str(huaian_path))
    assert result.returncode == 0, result.stderr  # a warning does not fail the check
    assert "铜官区招商服务中心 2023年度" in result.stdout
    # Both reports as published carry no date: their one finding is W-DATE.
    assert [line.split()[1] for line in result.stdout.splitlines() if line.startswith("  [")] == ["W-DATE"] * 2
    dated = load_draft(sample_path)
    dated.meta.publish_date = date(2024, 1, 25)
    save_draft(dated, tmp_path / "dated.nianbao")
    result = run("check", str(tmp_path / "dated.nianbao"))
    assert result.returncode == 0, result.stderr
    assert "铜官区招商服务中心 2023年度" in result.stdout and "未发现问题" in result.stdout


def test_check_errors_exit_one_with_the_message(pingtan_path, tmp_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    broken = tmp_path / "broken.nianbao"
    save_draft(report, broken)
    result = run("check", str(broken))
    assert result.returncode == 1
    expected = "[错误] T3-A 表三·自然人列：新收71＋上年结转1＝72，但办理结果总计71＋结转下年度0＝71，相差1。"
    assert expected in result.stdout


def test_check_json(pingtan_path, tmp_path):
    report = load_draft(pingtan_path)
    report.set("t4.review.total", 3)
    broken = tmp_path / "broken.nianbao"
    save_draft(report, broken)
    result = run("check", str(broken), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    [entry] = data["reports"]
    head = (entry["file"], entry["format"], entry["year"], entry["agency"])
    assert head == (str(broken), "2021", 2022, "平潭综合实验区")
    finding = next(f for f in entry["findings"] if f["rule"] == "T4-A")
    assert set(finding) == {"rule", "severity", "cells", "message", "fingerprint"}
    assert finding["severity"] == "error" and "t4.review.total" in finding["cells"]


def test_check_unreadable_exit_two(tmp_path, sample_path):
    bad = tmp_path / "bad.nianbao"
    bad.write_text("{not json", encoding="utf-8")
    result = run("check", str(sample_path), str(bad))
    assert result.returncode == 2
    assert "bad.nianbao" in result.stderr and "损坏" in result.stderr
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK\x03\x04rest")
    assert "Word" in run("check", str(docx)).stderr
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")
    assert "另存为 .docx" in run("check", str(doc)).stderr


def test_check_with_previous_reports_cross_year(huaian_path, tmp_path):
    out = tmp_path / "2025.nianbao"
    result = run("new", "--previous", str(huaian_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "2025年度" in result.stdout
    report = load_draft(out)
    assert report.number("t3.carried_in.total") == 103
    report.set("t3.carried_in.natural", 100)
    save_draft(report, out)
    data = json.loads(run("check", str(out), "--previous", str(huaian_path), "--json").stdout)
    rules = {f["rule"] for f in data["reports"][0]["findings"]}
    assert {"X-1", "X-4", "V-1"} <= rules


def test_new_refuses_to_overwrite_without_force(huaian_path, tmp_path):
    out = tmp_path / "exists.nianbao"
    out.write_text("keep me", encoding="utf-8")
    result = run("new", "--previous", str(huaian_path), "-o", str(out))
    assert result.returncode == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("new", "--previous", str(huaian_path), "-o", str(out), "--force").returncode == 0
    assert load_draft(out).meta.year == 2025


def test_help_names_the_commands():
    result = run("--help")
    assert result.returncode == 0 and "check" in result.stdout and "new" in result.stdout
    assert "--screenshots" in result.stdout
    assert run("check", "--help").returncode == 0


def test_json_is_utf8_whatever_the_console_code_page(sample_path):
    """A child process: the console's code page (PYTHONIOENCODING) is fixed when the interpreter starts."""
    env = {**os.environ, "PYTHONIOENCODING": "cp936"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(sample_path), "--json"],
                            capture_output=True, env=env, timeout=60)
    assert json.loads(result.stdout.decode("utf-8"))["reports"][0]["agency"] == "铜官区招商服务中心"


def test_check_uses_last_years_report_saved_in_the_draft(huaian_path, tmp_path):
    out = tmp_path / "2025.nianbao"
    assert run("new", "--previous", str(huaian_path), "-o", str(out)).returncode == 0
    report = load_draft(out)
    report.set("t3.carried_in.natural", 100)
    save_draft(report, out)
    data = json.loads(run("check", str(out), "--json").stdout)
    [entry] = data["reports"]
    assert "X-1" in {f["rule"] for f in entry["findings"]}
    assert any("2024年度报告" in n for n in entry["notices"])
