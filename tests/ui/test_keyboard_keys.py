"""Keys a clerk uses without the mouse: Enter presses the focused button as Space does (outside dialogs too), and
Ctrl+1 … jump to the pages. Key events go through the event loop (posted), as the keyboard's do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.storage.drafts import load_draft
from tests.ui.gui import menu_action, post_key
from ui.document import ReportDocument
from ui.export_flow import ExportFlow
from ui.page_status import PAGE_KEYS, PAGES


def open_report(window, qtbot, huaian_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_enter_on_the_focused_export_button_exports(window, qtbot, monkeypatch, huaian_path, tmp_path):
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, companions=(): offered.append(written))
    target = tmp_path / "淮安.docx"
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: target)
    open_report(window, qtbot, huaian_path)
    page = window.editor.go_to("review")
    page.export_docx.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.export_docx)
    post_key(Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: offered == [target], timeout=10000)
    assert target.stat().st_size > 0


def test_enter_keeps_its_meaning_in_a_table(window, qtbot, huaian_path):
    open_report(window, qtbot, huaian_path)
    page = window.editor.go_to("t3")
    view = page.view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    row = view.currentIndex().row()
    post_key(Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: view.currentIndex().row() > row)
    assert window.editor.current_key == "t3"


def test_ctrl_digits_go_to_the_pages(window, qtbot, huaian_path):
    open_report(window, qtbot, huaian_path)
    go_menu = menu_action(window, "转到").menu()
    assert [(action.text(), action.shortcut().toString()) for action in go_menu.actions()] == \
        [(title, f"Ctrl+{n}") for n, (_key, title) in enumerate(PAGES, 1)]
    for row in reversed(range(len(PAGES))):
        post_key(Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda row=row: window.editor.current_key == PAGE_KEYS[row])


def test_next_onto_a_table_page_types_into_its_first_cell(window, qtbot, huaian_path):
    """下一步 (Alt+X) from 二 onto 表三 puts the keyboard in its first cell: digits and Return land there, no mouse
    (the Windows build's GUI check under Wine relies on it: packaging/windows_on_wine.sh)."""
    open_report(window, qtbot, huaian_path)
    window.editor.go_to("t2")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    post_key(Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.editor.current_key == "t3", timeout=2000)
    table = window.editor.pages["t3"].view
    assert QApplication.focusWidget() is table
    assert table.model().key_at(table.currentIndex()) == "t3.new.natural"
    post_key(Qt.Key.Key_7, text="7")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table, timeout=2000)  # its editor, opened by the 7
    post_key(Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.doc.report.cells.get("t3.new.natural") == 7, timeout=2000)


def test_ctrl_tab_leaves_a_table_and_shift_tab_comes_back(window, qtbot, huaian_path):
    """Tab moves between a table's cells (and wraps); Ctrl+Tab is the way out to the page's other controls, and
    Shift+Tab from there comes back into the table."""
    open_report(window, qtbot, huaian_path)
    page = window.editor.go_to("t3")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)
    post_key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not page.view, timeout=2000)
    out = QApplication.focusWidget()
    assert out.isVisible() and not page.view.isAncestorOf(out) and out is not page.view
    post_key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view, timeout=2000)
    post_key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not page.view, timeout=2000)  # out the other way
    assert not page.view.isAncestorOf(QApplication.focusWidget())
