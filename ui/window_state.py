"""The main window's size, position and docks, remembered per set-up of screens in the settings (models/settings.py).

To wire into the main window: `restore_window(self)` once its docks exist (the findings panel is made on first use,
so after it is made), and `remember_window(self)` in `closeEvent`. A dock is restored only when it has an object
name (`FindingsPanel` sets "findingsPanel"). A window remembered on two screens is not restored on one: the key is
the screens' available sizes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from models import settings


def current_screen_key() -> str:
    """`settings.screen_key` of the screens attached now."""
    return settings.screen_key([(s.availableGeometry().width(), s.availableGeometry().height())
                                for s in QGuiApplication.screens()])


def restore_window(window: QMainWindow) -> bool:
    """Put the window back as it was last closed on these screens; False when nothing was remembered (or Qt refused
    the remembered state, e.g. one written by another Qt version): the window keeps its default size."""
    state = settings.window_state(current_screen_key())
    if state is None or not state.geometry:
        return False
    restored = window.restoreGeometry(QByteArray(state.geometry))
    if state.dock_state:
        restored = window.restoreState(QByteArray(state.dock_state)) and restored
    return restored


def remember_window(window: QMainWindow) -> None:
    """Remember the window's geometry and docks for these screens (a failed write is not the clerk's problem)."""
    settings.remember_window(current_screen_key(), bytes(window.saveGeometry().data()),
                             bytes(window.saveState().data()))
