"""A dialog used once is freed once answered: the save prompt, the lock prompt, 导出完成 and the export's progress
dialog, the ledger and 采集表 dialogs, the error dialog. Each was created as a child of the main window and lived
as long as the window, so that a day of exports and prompts kept every one of them in memory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from models.storage.drafts import load_draft
from ui import crash
from ui.document import ReportDocument
from ui.export_flow import ExportFlow
from ui.main_window import MainWindow
from ui.tool_dialogs import ask_collection_parts


@pytest.fixture
def closer():
    """Answers every modal dialog as soon as it is shown (Escape, as a clerk in a hurry would)."""
    timer = QTimer()
    timer.timeout.connect(lambda: (box := QApplication.activeModalWidget()) is not None and box.reject())
    timer.start(20)
    yield
    timer.stop()


def _dialogs_kept(window) -> list[str]:
    """The dialogs still alive under the window once the event loop has run (it frees what was let go)."""
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()
    return sorted(type(dialog).__name__ for dialog in window.findChildren(QDialog))


def test_prompts_and_tool_dialogs_are_freed(window, closer):
    kept = _dialogs_kept(window)
    for _ in range(3):
        MainWindow.ask_save(window, "是否保存？")  # the dialog itself, not the test's answer
        window.ask_locked("草稿已被打开")
        ask_collection_parts(window, [("t2", "表二"), ("t3", "表三")])
        window.tools.ask_mapping(["申请人", "收到日期", "处理结果", "备注"])
        crash.report_failure(window, "一图读懂没有导出", "Traceback: test")
    assert _dialogs_kept(window) == kept


def test_an_export_leaves_no_dialog_behind(window, qtbot, closer, monkeypatch, huaian_path, tmp_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    window.editor.go_to("review")
    kept = _dialogs_kept(window)
    written = []
    for number in range(3):
        target = tmp_path / f"报告{number}.docx"
        monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None, t=target: t)
        assert window.exports.export("docx")
        if number == 0:  # the export flow is made by the first export
            window.exports.finished.connect(written.append)
        qtbot.waitUntil(lambda t=target: t in written and not QApplication.activeModalWidget(), timeout=15000)
    assert written == [tmp_path / f"报告{number}.docx" for number in range(3)]
    # The last progress dialog is freed once the event loop gets to it: at once here, later on a slow machine (the
    # Windows build under Wine needed more than 50 ms). A dialog kept for good still fails after 5 s.
    qtbot.waitUntil(lambda: _dialogs_kept(window) == kept, timeout=5000)
