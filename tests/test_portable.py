"""Portable mode: a frozen build with a `portable` file beside its executable keeps everything in `data` beside it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from models.storage import locations


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "政府信息公开年报助手"
    folder.mkdir()
    exe = folder / "gov-info-report.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv(locations.HOME_VARIABLE, raising=False)
    return exe


def test_portable_marker_keeps_every_folder_beside_the_exe(frozen_exe: Path):
    (frozen_exe.parent / locations.PORTABLE_MARKER).write_bytes(b"")
    data = frozen_exe.parent / "data"
    folders = {"drafts": locations.drafts_dir(), "autosave": locations.autosave_dir(),
               "backups": locations.backups_dir(), "logs": locations.logs_dir(), "config": locations.config_dir()}
    for name, folder in folders.items():
        assert folder == data / name
        assert folder.is_dir()


def test_without_marker_the_user_folders_are_used(frozen_exe: Path):
    assert locations.portable_home() is None
    assert not locations._base("drafts").is_relative_to(frozen_exe.parent)


def test_marker_folder_is_not_a_marker(frozen_exe: Path):
    (frozen_exe.parent / locations.PORTABLE_MARKER).mkdir()
    assert locations.portable_home() is None


def test_govreport_home_wins_over_the_marker(frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (frozen_exe.parent / locations.PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.setenv(locations.HOME_VARIABLE, str(tmp_path / "home"))
    assert locations.drafts_dir() == tmp_path / "home" / "drafts"


def test_marker_beside_a_python_interpreter_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Running from source, sys.executable is python itself: portable mode is for the frozen build only."""
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / locations.PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert locations.portable_home() is None
