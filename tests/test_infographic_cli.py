"""`main.py infographic` as a clerk or a script runs it: no display needed, exit 0 written, 2 for file problems."""

from __future__ import annotations

import os
import re
import struct
import subprocess

import pytest

from models.storage.drafts import load_draft, save_draft
from models.tools.carryover import new_year_from
from tests.cli_runner import Ran, run_process
from tests.cli_runner import run as run_in_process
from tests.environment import require_program

pytestmark = pytest.mark.usefixtures("qt_libraries", "chinese_font")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


HEADLESS = dict.fromkeys(("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))  # no display, no Qt platform chosen


def run(*args: str) -> Ran:
    """`main.py infographic ARGS` in this process with no display and no Qt platform chosen."""
    return run_in_process("infographic", *args, env=HEADLESS)


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_without_a_display(tmp_path, huaian_path):
    """A child process: Qt picks its platform once per process, when the application is made."""
    out = tmp_path / "淮安 一图读懂.png"
    result = run_process("infographic", str(huaian_path), "-o", str(out), env=HEADLESS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已导出：{out}"
    assert png_size(out.read_bytes()) == (1654, 2339)  # A4 portrait at 200 dpi


def test_png_dpi_option(tmp_path, sample_path):
    out = tmp_path / "sample.png"
    result = run(str(sample_path), "-o", str(out), "--dpi", "100")
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) == (827, 1169)


def test_pdf_with_previous_year(tmp_path, huaian_path, pingtan_path):
    out = tmp_path / "out.PDF"
    result = run(str(huaian_path), "-o", str(out), "--previous", str(pingtan_path))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    pdftotext = require_program("pdftotext", "poppler")
    text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "3,985,758" in text and "较2022年" in text


def test_embedded_previous_year_is_used(tmp_path, huaian_path):
    draft = tmp_path / "2025.nianbao"
    save_draft(new_year_from(load_draft(huaian_path)), draft)
    out = tmp_path / "2025.pdf"
    result = run(str(draft), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = subprocess.run([require_program("pdftotext", "poppler"), str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "较2024年" in text and "2025年政府信息公开工作年度报告" in text


def test_respects_a_chosen_platform(tmp_path, sample_path):
    """A child process: Qt aborts the process on a platform it does not know."""
    out = tmp_path / "x.png"
    env_result = run_process("infographic", str(sample_path), "-o", str(out),
                             env={"QT_QPA_PLATFORM": "no-such-platform"})
    assert env_result.returncode != 0 and "no-such-platform" in env_result.stderr  # ours was not overridden
    assert not out.exists()


@pytest.mark.parametrize("problem", ["missing input", "unreadable previous", "missing folder", "wrong suffix",
                                     "output is a folder that does not exist", "bad dpi", "exists"])
def test_file_problems_exit_two_with_a_chinese_reason(tmp_path, sample_path, problem):
    source, out, extra = str(sample_path), tmp_path / "out.png", []
    given = None
    if problem == "missing input":
        source = str(tmp_path / "没有.nianbao")
    elif problem == "unreadable previous":
        broken = tmp_path / "broken.nianbao"
        broken.write_text("{not json", encoding="utf-8")
        extra = ["--previous", str(broken)]
    elif problem == "missing folder":
        out = tmp_path / "没有" / "out.png"
    elif problem == "wrong suffix":
        out = tmp_path / "out.jpg"
    elif problem == "output is a folder that does not exist":
        out = tmp_path / "folder.png"
        given = str(out) + os.sep  # an existing folder would hold the page (tests/test_cli_safety.py)
    elif problem == "exists":
        out.write_bytes(b"keep")
    else:
        extra = ["--dpi", "5000"]
    result = run(source, "-o", given or str(out), *extra)
    assert result.returncode == 2, result.stdout
    assert re.search(r"[\u4e00-\u9fff]", result.stderr) and "Traceback" not in result.stderr
    assert result.stdout == ""
    if problem == "exists":
        assert out.read_bytes() == b"keep" and "--force" in result.stderr
    else:
        assert not out.exists()

