"""Enter in the main window: the focused button, or else the page's main action (its default button).

Outside dialogs a QPushButton takes only Space: it ignores Enter, which then travels up the parents to the window.
The window hands it to `press_focused_button` (MainWindow.keyPressEvent).

Fields that use Enter themselves (a table moving down, a text edit's new line, a cell editor ending its edit) accept
it before it gets far. A line edit, a date box, a combo box or a check box lets it through, as in a dialog, and on
its way up it passes the report's editor, which presses the default button shown nearest the focus
(`enter_presses_default`): 下一步 on the pages (ui/editor.py), 导出 Word on 检查与导出. Not from a list (Enter
there opens the item) or a field whose text was just refused (its hint must stay in view); and Enter in the findings
panel never passes the editor. Dialogs keep their own default button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QToolButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_enter(event: QKeyEvent) -> bool:
    """An Enter or Return without Ctrl, Alt or Shift (the keypad's Enter counts)."""
    return event.key() in ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


def press_focused_button(event: QKeyEvent) -> bool:
    """Click the focused push or tool button for an unmodified Enter; True when one was pressed."""
    if not is_enter(event):
        return False
    button = QApplication.focusWidget()
    if not isinstance(button, QPushButton | QToolButton) or not button.isEnabled() or not button.isVisible():
        return False
    button.animateClick()  # shown pressed for a moment, as with Space
    return True


def default_button(focus: QWidget | None, within: QWidget) -> QPushButton | None:
    """The default button Enter presses with the keyboard on `focus`: the one shown nearest it, going up its parents
    up to `within` (None on a button, which Enter presses itself, in a list, or in a field showing a refused text)."""
    if (focus is None or isinstance(focus, QPushButton | QToolButton | QAbstractItemView) or focus.property("refused")
            or not within.isAncestorOf(focus)):
        return None
    widget: QWidget | None = focus
    while widget is not None:
        for button in widget.findChildren(QPushButton):
            if button.isDefault() and button.isVisible() and button.isEnabled():
                return button
        if widget is within:
            return None
        widget = widget.parentWidget()
    return None


class _EnterPressesDefault(QObject):
    """On `area`: an Enter its children let through presses the default button nearest the focus."""

    def __init__(self, area: QWidget) -> None:
        super().__init__(area)
        self.area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and is_enter(event):
            button = default_button(QApplication.focusWidget(), self.area)
            if button is not None:
                button.animateClick()
                return True
        return False


def enter_presses_default(area: QWidget, button: QPushButton) -> None:
    """Make `button` the default of `area` (a page's may be nearer the focus) and let Enter press it."""
    button.setDefault(True)
    area.installEventFilter(_EnterPressesDefault(area))
