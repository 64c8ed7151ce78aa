"""What the Windows build under Wine showed about the code itself: no Chinese in a strftime format (the C runtime
takes it in the locale's code page), a folder opened as a report is named a folder (Windows refuses open() on a
folder with PermissionError), the frozen apps run in UTF-8 mode and each exe names itself."""

from __future__ import annotations

import ast
import errno
import os
import re
from datetime import datetime

import pytest

from importers import LoadError, read_report
from models.storage.drafts import DraftError, load_draft
from models.storage.timetext import minute_text
from tests.conftest import ROOT

APP_PACKAGES = ("models", "layouts", "importers", "exporters", "render", "cli", "ui")


def _calls_with_non_ascii_format() -> list[str]:
    found = []
    for package in APP_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("strftime", "strptime")):
                    for arg in node.args:
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and not arg.value.isascii():
                            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_time_format_holds_chinese():
    assert _calls_with_non_ascii_format() == []


def test_times_are_written_from_their_numbers():
    assert minute_text(datetime(2026, 3, 8, 9, 5)) == "2026年03月08日 09:05"


def test_a_folder_opened_as_a_report_is_named_a_folder_as_on_windows(tmp_path, monkeypatch):
    folder = tmp_path / "年报 2024"
    folder.mkdir()
    real_open = os.open

    def windows_open(path, flags, *args):
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", windows_open)
    with pytest.raises(LoadError, match="是文件夹"):
        read_report(folder)
    with pytest.raises(DraftError, match="是文件夹"):
        load_draft(folder)


def test_the_frozen_apps_run_in_utf8_mode_and_each_exe_names_itself():
    spec = (ROOT / "packaging" / "gov-info-report.spec").read_text(encoding="utf-8")
    # PyInstaller's bootloader knows the X option as `utf8` (`utf8_mode=1` is passed on and silently ignored).
    assert re.search(r'\("X utf8=1", None, "OPTION"\)', spec)
    assert "utf8_mode" not in spec.split("options = ")[1].split("\n")[0]
    assert 'version_info(f"{NAME}-cli")' in spec and "version_info(NAME)" in spec


def test_every_installer_message_box_has_a_silent_answer():
    script = (ROOT / "packaging" / "installer.nsi").read_text(encoding="utf-8")
    boxes = [line for line in script.splitlines() if line.strip().startswith("MessageBox")]
    assert boxes and all("/SD" in line for line in boxes), boxes


def test_offscreen_qt_on_windows_is_pointed_at_the_system_fonts(tmp_path, monkeypatch):
    from render import offscreen_fonts as qt

    (tmp_path / "Fonts").mkdir()
    monkeypatch.setattr(qt.sys, "platform", "win32")
    env = {"QT_QPA_PLATFORM": "offscreen", "WINDIR": str(tmp_path)}
    qt.offscreen_fonts_on_windows(env)
    assert env["QT_QPA_FONTDIR"] == os.path.join(str(tmp_path), "Fonts")
    chosen = {"QT_QPA_PLATFORM": "offscreen", "WINDIR": str(tmp_path), "QT_QPA_FONTDIR": "D:/fonts"}
    qt.offscreen_fonts_on_windows(chosen)
    assert chosen["QT_QPA_FONTDIR"] == "D:/fonts"  # a folder someone chose is kept
    windowed = {"WINDIR": str(tmp_path)}
    qt.offscreen_fonts_on_windows(windowed)
    assert "QT_QPA_FONTDIR" not in windowed  # the windows platform finds the fonts itself
    monkeypatch.setattr(qt.sys, "platform", "linux")
    linux = {"QT_QPA_PLATFORM": "offscreen", "WINDIR": str(tmp_path)}
    qt.offscreen_fonts_on_windows(linux)
    assert "QT_QPA_FONTDIR" not in linux  # fontconfig serves offscreen Qt on Linux
