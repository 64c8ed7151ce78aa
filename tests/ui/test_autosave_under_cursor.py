"""The 30-second autosave ticks while the clerk is typing in a cell: it must neither close the editor nor take what
is half typed as the value; the half-typed text goes into the autosave copy only, and a tick with nothing new writes
nothing."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from models.format import format2021 as fmt
from models.storage import autosave
from models.storage.drafts import load_draft
from tests.builders import consistent_report
from tests.ui.gui import press, type_keys
from ui.document import ReportDocument


def _editing(window, table: str, key: str):
    window.controller.set_document(ReportDocument(consistent_report(1)))
    window.editor.go_to(table)
    view = window.editor.pages[table].view
    view.setFocus()
    view.select_key(key)
    return view


def _open_editor() -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "typing did not open a cell editor"
    return editor


def _type(view, digits: str) -> QLineEdit:
    """The first key opens the cell's editor, the others go into it, as on a keyboard."""
    type_keys(view, digits[0])
    editor = _open_editor()
    type_keys(editor, digits[1:])
    return editor


def test_a_tick_between_two_digits_keeps_the_number_being_typed(window, qtbot):
    key = "t3.new.research"
    view = _editing(window, "t3", key)
    type_keys(view, "1")
    editor = _open_editor()
    assert window.controller.autosave()  # the 30 s tick
    assert QApplication.focusWidget() is editor and editor.text() == "1", "the tick closed the open editor"
    type_keys(editor, "2")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.report.number(key) == 12, timeout=2000)


def test_a_tick_in_the_amount_cell_after_a_decimal_point_asks_nothing(window, qtbot, answers):
    view = _editing(window, "t2", fmt.AMOUNT_KEY)
    editor = _type(view, "12")
    press(editor, Qt.Key.Key_Period, text=".")
    assert editor.text() == "12."
    window.controller.autosave()
    assert answers["asked"] == [] and QApplication.focusWidget() is editor
    type_keys(editor, "5")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.report.cells.get(fmt.AMOUNT_KEY) == Decimal("12.5"), timeout=2000)


def test_the_half_typed_number_is_in_the_autosave_copy_only(window, qtbot):
    key = "t3.new.research"
    view = _editing(window, "t3", key)
    before = window.doc.report.number(key)
    _type(view, "77")
    assert window.controller.autosave()
    [slot] = autosave.list_autosaves()
    assert load_draft(slot.path).number(key) == 77  # a power cut now loses no keystroke
    assert window.doc.report.number(key) == before and not window.doc.undo_stack.count()


def test_a_tick_with_nothing_new_writes_nothing(window, qtbot, monkeypatch):
    key = "t3.new.research"
    view = _editing(window, "t3", key)
    type_keys(view, "5")
    _open_editor()
    writes = []
    real_write = autosave.write_autosave
    monkeypatch.setattr(autosave, "write_autosave", lambda *a, **k: writes.append(a) or real_write(*a, **k))
    assert window.controller.autosave() and window.controller.autosave()
    assert len(writes) == 1
    type_keys(QApplication.focusWidget(), "6")
    assert window.controller.autosave()
    assert len(writes) == 2
    assert load_draft(autosave.list_autosaves()[0].path).number(key) == 56
