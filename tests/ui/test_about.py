"""帮助 → 关于: the version, the report format (2021) and where drafts are kept (beside the exe when portable)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from models.app_info import APP_VERSION
from models.storage import locations


def _about_text(window, monkeypatch) -> str:
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, title, text: shown.append((title, text)))
    window.about()
    assert len(shown) == 1
    return shown[0][1]


def test_about_shows_version_format_and_drafts_folder(window, monkeypatch):
    text = _about_text(window, monkeypatch)
    assert APP_VERSION in text and "2021" in text
    assert str(locations.drafts_dir()) in text


def test_about_shows_the_portable_data_folder(window, monkeypatch, tmp_path):
    exe = tmp_path / "gov-info-report.exe"
    exe.write_bytes(b"")
    (tmp_path / locations.PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv(locations.HOME_VARIABLE)
    assert str(tmp_path / "data" / "drafts") in _about_text(window, monkeypatch)
