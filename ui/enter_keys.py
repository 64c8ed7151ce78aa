"""Enter presses the focused button in the main window as Space does.

Outside dialogs a QPushButton takes only Space: it ignores Enter, which then travels up the parents to the window.
The window hands it here. Fields that use Enter themselves (a table moving down, a text edit's new line, a line edit
ending its edit) accept it before it gets this far, and dialogs keep their own default button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def press_focused_button(event: QKeyEvent) -> bool:
    """Click the focused push button for an unmodified Enter; True when one was pressed."""
    if event.key() not in ENTER_KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    button = QApplication.focusWidget()
    if not isinstance(button, QPushButton) or not button.isEnabled() or not button.isVisible():
        return False
    button.animateClick()  # shown pressed for a moment, as with Space
    return True
