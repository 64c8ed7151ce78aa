"""Ctrl+V of a block with one cell longer than csv's default field limit (131,072 characters): refused with a
message, nothing changed — no unhandled _csv.Error."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.builders import consistent_report
from tests.ui.gui import press
from ui.document import ReportDocument


def test_pasting_a_cell_over_131072_characters_is_refused_with_a_message(window, answers, qtbot):
    window.controller.set_document(ReportDocument(consistent_report(7)))
    view = window.editor.go_to("t4").view
    report = window.doc.report
    before = dict(report.cells)
    view.select_key("t4.review.upheld")
    view.setFocus()
    QGuiApplication.clipboard().setText('1\t"' + "说明" * 70_000 + '"\t3\n')
    press(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(answers["asked"]), timeout=3000)
    assert report.cells == before
    assert "140000个字符" in answers["asked"][-1][1]
