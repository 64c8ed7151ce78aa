"""Cell editing details a clerk notices: input methods, paste inside an editor, jumps while editing, undo while
typing, and typing on a read-only total."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.builders import consistent_report
from ui.document import ReportDocument


def _table(window, table="t3", report=None):
    window.controller.set_document(ReportDocument(report or consistent_report(1)))
    window.editor.go_to(table)
    return window.editor.pages[table].view


def test_input_method_commit_opens_the_editor_and_keeps_the_digits(window, qtbot):
    view = _table(window)
    view.select_key("t3.new.research")
    event = QInputMethodEvent("", [])
    event.setCommitString("１２")
    QApplication.sendEvent(view, event)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "１２"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.report.number("t3.new.research") == 12)


def test_ctrl_v_inside_an_open_editor_pastes_the_block(window, qtbot):
    view = _table(window)
    view.select_key("t3.new.natural", edit=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QGuiApplication.clipboard().setText("1\t2\t3\n")
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    report = window.doc.report
    assert [report.number(f"t3.new.{c}") for c in ("natural", "commercial", "research")] == [1, 2, 3]


def test_jump_while_editing_lands_on_the_finding_cell(window, qtbot):
    report = consistent_report(2)
    report.set("t3.granted.total", report.number("t3.granted.total") + 1)
    view = _table(window, report=report)
    view.select_key("t3.new.commercial", edit=True)
    finding = next(f for f in window.doc.findings if f.rule == "T3-B")
    window.show_finding(finding)
    assert view.model().key_at(view.currentIndex()) == "t3.granted.total"


def test_a_change_elsewhere_keeps_what_is_being_typed(window, qtbot):
    view = _table(window)
    view.select_key("t3.new.natural", edit=True)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "4")
    window.doc.set_cells({"t3.new.research": 99}, "elsewhere")  # a tint change on the edited row
    assert editor.text() == "4"


def test_typing_on_an_auto_sum_cell_does_not_move_the_cursor(window, qtbot):
    report = consistent_report(3)
    report.workspace.auto_sum = frozenset({"t3.carried_in.total"})
    view = _table(window, report=report)
    view.select_key("t3.carried_in.total")
    qtbot.keyClick(view, "2")
    assert view.model().key_at(view.currentIndex()) == "t3.carried_in.total"
    assert "自动合计" in window.statusBar().currentMessage()


def test_clicking_the_current_cell_then_typing_at_once_keeps_the_digits(window, qtbot):
    """A click on the cell already selected arms Qt's delayed edit (it waits to see whether a double-click
    follows); digits typed in that moment went nowhere and the status bar called the cell read-only."""
    from PySide6.QtTest import QTest

    from tests.ui.gui import press, type_keys

    view = _table(window)
    key = "t3.new.research"
    view.select_key(key)
    notices = []
    view.notice.connect(notices.append)
    centre = view.visualRect(view.model().index_of(key)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    type_keys(view, "7")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "the first digit did not open the cell's editor"
    type_keys(editor, "8")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.report.number(key) == 78, timeout=2000)
    assert notices == []
    qtbot.wait(QApplication.doubleClickInterval() + 100)  # the armed edit, when it fires, changes nothing
    assert window.doc.report.number(key) == 78
