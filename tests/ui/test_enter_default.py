"""Enter where nothing else takes it presses the page's main action: 下一步 on the pages, 导出 Word on 检查与导出 —
not from a list (Enter there opens the item), nor from a date box whose text was just refused. Keys are posted
through the event loop, as the keyboard's are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.builders import consistent_report
from tests.ui.gui import press, type_chinese, type_keys
from ui.document import ReportDocument
from ui.export_flow import ExportFlow


def _open(window, qtbot, report=None):
    window.controller.set_document(ReportDocument(report or consistent_report(4)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_enter_in_a_field_goes_to_the_next_page(window, qtbot, monkeypatch):
    report = consistent_report(4)
    report.meta.agency = ""
    _open(window, qtbot, report)
    pressed = _record_button_presses(monkeypatch)
    meta = window.editor.pages["meta"]
    assert window.editor.next.isDefault() and window.editor.current_key == "meta"
    type_chinese(meta.agency, "某某县司法局")
    press(meta.agency, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.editor.current_key == "s1", timeout=2000)
    assert window.doc.report.meta.agency == "某某县司法局"
    assert pressed == [window.editor.next.text()]  # the recorder the other tests rely on sees the press
    # The 自动合计 switch of a table page: Enter goes on as well.
    page = window.editor.go_to("t3")
    switch = page.switches[0][0]
    press(switch, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.editor.current_key == "t4", timeout=2000)


def _record_button_presses(monkeypatch) -> list[str]:
    """Every button pressed by a key (Enter, Space: QPushButton.animateClick), recorded the moment it is pressed —
    no waiting that a slow machine could outlast."""
    pressed: list[str] = []
    original = QPushButton.animateClick
    monkeypatch.setattr(QPushButton, "animateClick", lambda self: (pressed.append(self.text()), original(self)))
    return pressed


def test_enter_after_a_refused_date_stays_with_its_hint(window, qtbot, monkeypatch):
    _open(window, qtbot)
    pressed = _record_button_presses(monkeypatch)
    meta = window.editor.pages["meta"]
    press(meta.publish, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(meta.publish, "2025 13 1")
    press(meta.publish, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: "未保存" in meta.publish_hint.text(), timeout=2000)
    QApplication.processEvents()
    assert window.editor.current_key == "meta" and pressed == []


def test_enter_in_the_findings_panel_only_goes_to_the_finding(window, qtbot, monkeypatch):
    report = consistent_report(4)
    report.meta.agency = ""
    _open(window, qtbot, report)
    pressed = _record_button_presses(monkeypatch)
    window.editor.go_to("t2")
    window.editor.go_to("t3")
    panel = window.findings
    panel.toggle_action.trigger()  # Ctrl+F8: the bar opens into the list
    qtbot.waitUntil(lambda: panel.list.isVisible(), timeout=2000)
    panel.list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list, timeout=2000)
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    press(panel.list, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.editor.current_key == "meta", timeout=2000)
    QApplication.processEvents()
    assert window.editor.current_key == "meta" and pressed == []  # not also 下一步


def test_enter_on_the_review_page_exports_word(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: asked.append(kind))
    _open(window, qtbot)
    page = window.editor.go_to("review")
    assert page.export_docx.isDefault()
    press(page.checklist, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: asked == ["docx"], timeout=2000)
    assert not page.checklist.isChecked()
