"""A very long 机关名称: the names the window suggests for 另存为 and 导出 are short enough to be written (no English
"File name too long" or python-docx error), and keep the year."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from models.storage.drafts import load_draft
from ui.document import ReportDocument
from ui.export_flow import ExportFlow

LONG = ["长" * 100, "a" * 250]


def _accept_suggestion(monkeypatch, folder: Path, asked: list[str]) -> None:
    """The save dialog's answer: the suggested name, in `folder`."""
    def answer(parent, title, suggested, filters=""):
        asked.append(Path(suggested).name)
        return str(folder / Path(suggested).name), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


@pytest.mark.parametrize("agency", LONG)
def test_save_as_and_export_under_the_suggested_names(window, qtbot, monkeypatch, answers, sample_path, tmp_path,
                                                      agency):
    report = load_draft(sample_path)
    report.meta.agency = agency
    window.controller.set_document(ReportDocument(report))
    asked: list[str] = []
    _accept_suggestion(monkeypatch, tmp_path, asked)
    assert window.controller.save_as()
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, *_companions: offered.append(written))
    page = window.editor.go_to("review")
    page.export_docx.click()
    qtbot.waitUntil(lambda: len(offered) == 1 or any(k == "critical" for k, _ in answers["asked"]), timeout=20000)
    assert offered, answers["asked"]
    assert len(asked) == 2
    for name in asked:
        assert (tmp_path / name).exists() and len(name.encode("utf-8")) <= 215 and "2023年" in name
