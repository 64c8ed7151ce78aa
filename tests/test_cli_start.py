"""Starting main.py where it cannot do what was asked: a mistyped command or missing file, no display, no Qt.

Each case ends with a Chinese message and exit code 2 — never the GUI opening by mistake, Qt aborting (exit 134) or a
traceback. The subprocesses run without DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM, as on a server or in a
terminal session. `NO_QT` runs main.py with PySide6 failing to import as it does when a system library is missing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from cli import qt
from cli.main import COMMANDS, main, suggest, unknown_command
from tests.conftest import ROOT

NO_QT = """
import runpy, sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
sys.meta_path.insert(0, NoQt())
sys.path.insert(0, sys.argv[1])
sys.argv = [sys.argv[1] + "/main.py", *sys.argv[2:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""
AVAILABLE = "可用的命令：check、import、new、export、infographic、ledger、collect"


def headless_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def start(*args: str, without_qt: bool = False, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", NO_QT, str(ROOT)] if without_qt else [sys.executable, str(ROOT / "main.py")]
    return subprocess.run([*command, *args], capture_output=True, text=True, encoding="utf-8", env=headless_env(),
                          timeout=timeout, cwd=ROOT)


# --- a first argument that is no command -----------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "message"), [
    (["Check", "a.docx"], f"没有这个命令“Check”，{AVAILABLE}（您是不是要输入 check？）"),
    (["chek", "x"], f"没有这个命令“chek”，{AVAILABLE}（您是不是要输入 check？）"),
    (["exprot"], f"没有这个命令“exprot”，{AVAILABLE}（您是不是要输入 export？）"),
    (["hello"], f"没有这个命令“hello”，{AVAILABLE}"),
    (["nosuch.nianbao"], "找不到文件“nosuch.nianbao”。"),
    (["报告/草稿"], "找不到文件“报告/草稿”。"),
])
def test_unknown_command_or_missing_file_exit_two_without_qt(argv, message):
    result = start(*argv, without_qt=True)  # Qt is never imported: it would fail here
    assert (result.returncode, result.stderr.strip(), result.stdout) == (2, message, "")


def test_what_counts_as_a_command_a_file_or_an_option(tmp_path):
    draft = tmp_path / "draft"  # an existing file opens in the GUI, suffix or not
    draft.write_text("{}", encoding="utf-8")
    assert [unknown_command(word) for word in (*COMMANDS, "--sample", "-h", str(draft))] == [None] * (len(COMMANDS) + 3)
    assert suggest("COLLECT") == "collect" and suggest("ledgr") == "ledger" and suggest("zzz") is None


# --- no display ------------------------------------------------------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="Windows always has its desktop: no DISPLAY to lack")
@pytest.mark.parametrize("argv", [[], ["--sample"], ["resources/samples/tongguan-zhaoshang-2023.nianbao"]])
def test_the_window_without_a_display_is_refused_in_chinese(argv):
    result = start(*argv, without_qt=True)
    assert result.returncode == 2, result.stderr
    assert "没有可用的显示器" in result.stderr and "--screenshots" in result.stderr and "桌面" in result.stderr
    assert "Traceback" not in result.stderr


def test_screenshots_pick_offscreen_by_themselves(tmp_path):
    result = start("--screenshots", str(tmp_path), timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(list(tmp_path.glob("*.png"))) == 9


def test_the_command_line_alone_opens_no_window(monkeypatch, capsys, tmp_path):
    """cli.main.main without main.py's window loader (cli/ never imports ui/) says how to open the window, exit 2;
    with a loader, the window's entry gets the arguments."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(["--screenshots", str(tmp_path)]) == 2
    assert "要打开窗口，请直接启动本软件" in capsys.readouterr().err
    calls = []
    assert main(["--sample"], load_window=lambda: lambda *args: calls.append(args) or 0) == 0
    assert calls == [(None, True, None, (1366, 768))]  # no screenshots: the window size is unused


def test_commands_pick_offscreen_without_a_display(monkeypatch, capsys, sample_path):
    monkeypatch.setattr(argparse, "_", argparse._)  # main() translates argparse: put it back afterwards
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["check", str(sample_path)]) == 0
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.setenv("QT_QPA_PLATFORM", "vnc")
    main(["check", str(sample_path)])
    assert os.environ["QT_QPA_PLATFORM"] == "vnc"  # a platform chosen is respected
    capsys.readouterr()


def test_what_is_a_display(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert not qt.has_display({})
    assert qt.has_display({"WAYLAND_DISPLAY": "wayland-0"}) and qt.has_display({"DISPLAY": ":0"})
    monkeypatch.setattr(sys, "platform", "win32")
    assert qt.has_display({})


# --- Qt cannot be loaded ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["--screenshots", "{tmp}"], ["infographic", "{sample}", "-o", "{tmp}/x.png"]])
def test_missing_qt_library_names_the_package_and_the_install_command(tmp_path, sample_path, argv):
    args = [a.format(tmp=tmp_path, sample=sample_path) for a in argv]
    result = start(*args, without_qt=True)
    assert result.returncode == 2
    assert "缺少系统库 libEGL.so.1（由软件包 libegl1 提供）" in result.stderr
    assert "apt-get install -y libegl1" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not list(tmp_path.iterdir())


def test_other_qt_import_failures_are_explained():
    missing = ModuleNotFoundError("No module named 'PySide6'", name="PySide6")
    assert "没有安装 Qt（PySide6）" in qt.qt_missing_message(missing)
    unknown = ImportError("libfoo.so.3: cannot open shared object file")
    assert "缺少系统库 libfoo.so.3" in qt.qt_missing_message(unknown)
    assert "无法载入 Qt 运行库（boom）" in qt.qt_missing_message(ImportError("boom"))


def test_only_qt_failing_to_load_is_explained_not_our_own_import_errors():
    assert qt.is_qt_failure(ImportError("libxkbcommon.so.0: cannot open shared object file"))
    assert qt.is_qt_failure(ImportError("DLL load failed while importing QtGui: 找不到指定的模块。"))
    assert qt.is_qt_failure(ModuleNotFoundError("No module named 'PySide6.QtSvg'", name="PySide6.QtSvg"))
    assert not qt.is_qt_failure(ImportError("cannot import name 'MainWindow' from 'ui.main_window'"))
