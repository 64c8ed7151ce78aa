"""Enter where nothing else takes it presses the page's main action: 下一步 on the pages, 导出 Word on 检查与导出 —
not from a list (Enter there opens the item), nor from a date box whose text was just refused. Keys are posted
through the event loop, as the keyboard's are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.builders import consistent_report
from tests.ui.gui import press, type_chinese, type_keys
from ui.document import ReportDocument
from ui.export_flow import ExportFlow


def _open(window, qtbot, report=None):
    window.controller.set_document(ReportDocument(report or consistent_report(4)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_enter_in_a_field_goes_to_the_next_page(window, qtbot):
    report = consistent_report(4)
    report.meta.agency = ""
    _open(window, qtbot, report)
    meta = window.editor.pages["meta"]
    assert window.editor.next.isDefault() and window.editor.current_key == "meta"
    type_chinese(meta.agency, "某某县司法局")
    press(meta.agency, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.editor.current_key == "s1", timeout=2000)
    assert window.doc.report.meta.agency == "某某县司法局"
    # The 自动合计 switch of a table page: Enter goes on as well.
    page = window.editor.go_to("t3")
    switch = page.switches[0][0]
    press(switch, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.editor.current_key == "t4", timeout=2000)


def test_enter_after_a_refused_date_stays_with_its_hint(window, qtbot):
    _open(window, qtbot)
    meta = window.editor.pages["meta"]
    press(meta.publish, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(meta.publish, "2025 13 1")
    press(meta.publish, Qt.Key.Key_Return, text="\r")
    qtbot.wait(300)  # longer than the press of a button takes
    assert window.editor.current_key == "meta" and "未保存" in meta.publish_hint.text()


def test_enter_in_the_findings_panel_only_goes_to_the_finding(window, qtbot):
    report = consistent_report(4)
    report.meta.agency = ""
    _open(window, qtbot, report)
    window.editor.go_to("t2")
    window.editor.go_to("t3")
    panel = window.findings
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    press(panel.list, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.editor.current_key == "meta", timeout=2000)
    qtbot.wait(300)
    assert window.editor.current_key == "meta"


def test_enter_on_the_review_page_exports_word(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: asked.append(kind))
    _open(window, qtbot)
    page = window.editor.go_to("review")
    assert page.export_docx.isDefault()
    press(page.checklist, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: asked == ["docx"], timeout=2000)
    assert not page.checklist.isChecked()
