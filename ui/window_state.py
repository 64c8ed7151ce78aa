"""The main window's size, position and docks, remembered per set-up of screens in the settings
(models/storage/settings.py).

The main window calls `restore_geometry` when it is made (else it takes `DESIGN_SIZE`, or the whole screen when the
screen is smaller: `should_maximise`), `restore_docks` once its findings panel exists (made on first use), and
`remember_window` when it closes. A dock is restored only when it has an object name (`FindingsPanel` sets
"findingsPanel"). A window remembered on two screens is not restored on one: the key is the screens' available sizes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from models.storage import settings

#: The size the pages are designed for; a smaller screen gets the window maximised instead.
DESIGN_SIZE = QSize(1400, 900)


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


def restore_geometry(window: QMainWindow) -> bool:
    """Size and position as last closed on these screens; else the design size, within the screen. Returns whether
    a remembered geometry was restored."""
    state = settings.window_state(current_screen_key())
    if state is not None and state.geometry and window.restoreGeometry(QByteArray(state.geometry)):
        return True
    window.resize(DESIGN_SIZE.boundedTo(_available()))
    return False


def should_maximise() -> bool:
    """Whether the screen is smaller than the design size (a 1366×768 laptop, or 150 % on 1920×1080)."""
    available = _available()
    return available.width() < DESIGN_SIZE.width() or available.height() < DESIGN_SIZE.height()


def restore_docks(window: QMainWindow) -> bool:
    """The docks as last closed on these screens (call once they exist)."""
    state = settings.window_state(current_screen_key())
    return bool(state and state.dock_state and window.restoreState(QByteArray(state.dock_state)))


def _available() -> QSize:
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else DESIGN_SIZE
