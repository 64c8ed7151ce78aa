"""main.py started as a real process, for what only a process shows: the version, Chinese output through a pipe, the
batch check's worker processes, a reader that goes away (`| head`). The other CLI tests call main() in this process
(tests/cli_runner.py); the last tests here check that such a call leaves this process as it found it."""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys

from cli import main as cli_main
from cli.batch import POOL_MIN_FILES
from models.app_info import APP_VERSION
from tests.cli_runner import run, run_process
from tests.conftest import ROOT


def test_version():
    result = run_process("--version")
    assert result.returncode == 0 and APP_VERSION in result.stdout and "2021年版格式" in result.stdout


def test_batch_check_in_worker_processes_prints_chinese_through_a_pipe(tmp_path, sample_path):
    for i in range(POOL_MIN_FILES):  # enough files for the process pool
        shutil.copyfile(sample_path, tmp_path / f"报告{i:02d}.nianbao")
    result = run_process("check", str(tmp_path))
    assert result.returncode == 0, result.stderr
    titles = [line for line in result.stdout.splitlines() if not line.startswith("  ")]
    assert titles == [f"铜官区招商服务中心 2023年度（{tmp_path / f'报告{i:02d}.nianbao'}）：1个警告"  # W-DATE
                      for i in range(POOL_MIN_FILES)]  # in the order of the files, whichever worker was first
    assert f"检查中 [{POOL_MIN_FILES}/{POOL_MIN_FILES}]" in result.stderr


def test_a_reader_that_goes_away_is_no_error(sample_path):
    """`main.py check … | head -0`: the pipe is closed before anything is written."""
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "check", str(sample_path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    child.stdout.close()
    stderr = child.stderr.read().decode("utf-8")
    assert child.wait(timeout=60) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


def test_a_call_in_this_process_leaves_it_as_it_found_it(tmp_path, sample_path, monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    before = (dict(os.environ), os.getcwd(), argparse._, argparse.ngettext, csv.field_size_limit(), sys.stdout)
    result = run("check", str(sample_path), env={"GOVREPORT_TEST": "1"}, cwd=tmp_path)  # sets QT_QPA_PLATFORM
    assert result.returncode == 0 and "铜官区招商服务中心" in result.stdout
    assert run("check", "-h").stdout.startswith("用法：")  # argparse spoke Chinese during the call
    after = (dict(os.environ), os.getcwd(), argparse._, argparse.ngettext, csv.field_size_limit(), sys.stdout)
    assert after == before


def test_a_call_in_this_process_fails_as_a_process_would(monkeypatch, sample_path):
    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli_main, "_dispatch", broken)
    result = run("check", str(sample_path))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("Traceback") and "RuntimeError: a bug" in result.stderr
    assert run("check").returncode == 2  # argparse's exit: its code
