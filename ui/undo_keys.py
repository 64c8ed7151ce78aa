"""One undo history: Ctrl+Z / Ctrl+Y in a text field (a 基本信息 field, a narrative editor) take back the document's
last change, never the field's own.

QLineEdit and QPlainTextEdit claim Ctrl+Z for their own history (they accept the ShortcutOverride event), which would
leave two histories that fight: the field's, and the document's QUndoStack (ui/commands.py) that every change goes
through. The filter declines that claim, so the window's 撤销/重做 actions get the keys; where no action takes them
(Ctrl+Shift+Z on Linux, a page shown without the window) the key goes to the document's stack directly. The fields'
context menus get the same 撤销/重做.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from ui.document import ReportDocument

_REDO_EXTRA = QKeySequence("Ctrl+Y")


def undo_or_redo(event: QKeyEvent) -> str:
    """'undo', 'redo' or '' for a key event."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo) or \
            QKeySequence(event.keyCombination()) == _REDO_EXTRA:
        return "redo"
    return ""


class UndoKeys(QObject):
    """The event filter of one field (see the module's docstring). Made with `route_undo`."""

    def __init__(self, doc: ReportDocument, field: QWidget) -> None:
        super().__init__(field)
        self.doc = doc

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            which = undo_or_redo(event)
            if not which:
                return False
            if kind == QEvent.Type.ShortcutOverride:
                event.ignore()  # the field does not claim it: the window's action takes it
                return True
            self._step(which)
            return True
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(watched, event)
        return False

    def _step(self, which: str) -> None:
        stack = self.doc.undo_stack
        if which == "undo":
            stack.undo()
        else:
            stack.redo()

    def _context_menu(self, watched: QObject, event: QContextMenuEvent) -> bool:
        editor = watched.parent()  # a QPlainTextEdit's menu is asked for on its viewport
        if isinstance(editor, QPlainTextEdit) and watched is editor.viewport():
            menu = editor.createStandardContextMenu(event.pos())
        elif isinstance(watched, QLineEdit):
            menu = watched.createStandardContextMenu()
        else:
            return False
        stack = self.doc.undo_stack
        for action in menu.actions():
            which = {"edit-undo": "undo", "edit-redo": "redo"}.get(action.objectName())
            if which is None:
                continue
            action.triggered.disconnect()
            action.setEnabled(stack.canUndo() if which == "undo" else stack.canRedo())
            action.triggered.connect(lambda _checked=False, w=which: self._step(w))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        return True


def route_undo(doc: ReportDocument, *fields: QWidget) -> None:
    """Give each field (a QLineEdit, a QPlainTextEdit, a date or spin box) the document's undo instead of its own."""
    for field in fields:
        keys = UndoKeys(doc, field)
        field.installEventFilter(keys)
        if isinstance(field, QAbstractSpinBox) and (line := field.findChild(QLineEdit)) is not None:
            line.installEventFilter(keys)  # the box hands its keys and menu to its line edit
        if isinstance(field, QPlainTextEdit):
            field.setUndoRedoEnabled(False)
            field.viewport().installEventFilter(keys)
