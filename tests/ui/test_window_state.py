"""The window's size and docks are remembered in the settings per set-up of screens (ui/window_state.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from models.storage import settings
from ui.window_state import current_screen_key, remember_window, restore_window


def _window(qtbot) -> tuple[QMainWindow, QDockWidget]:
    window = QMainWindow()
    window.setCentralWidget(QLabel("报告"))
    dock = QDockWidget("问题", window)
    dock.setObjectName("findingsPanel")
    dock.setWidget(QLabel("无"))
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    qtbot.addWidget(window)
    return window, dock


def test_the_window_comes_back_as_it_was_closed(qtbot):
    first, dock = _window(qtbot)
    assert not restore_window(first)  # nothing remembered yet: the default size stays
    first.resize(700, 500)
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    remember_window(first)
    stored = settings.window_state(current_screen_key())
    assert stored is not None and stored.geometry and stored.dock_state

    second, second_dock = _window(qtbot)
    assert restore_window(second)
    assert second.size() == first.size()
    assert second.dockWidgetArea(second_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_window_remembered_on_other_screens_is_not_restored(qtbot):
    window, _dock = _window(qtbot)
    settings.remember_window("3840x2160+1920x1080", b"not qt geometry", b"")
    assert not restore_window(window)


def test_the_main_window_opens_within_the_screen_and_comes_back_as_the_clerk_left_it(qtbot):
    from PySide6.QtGui import QGuiApplication

    from ui.main_window import MainWindow
    from ui.window_state import DESIGN_SIZE

    available = QGuiApplication.primaryScreen().availableGeometry().size()
    first = MainWindow()
    qtbot.addWidget(first)
    assert not first.geometry_restored  # first start: the design size, never larger than the screen
    assert first.size() == DESIGN_SIZE.boundedTo(available)
    with qtbot.waitExposed(first):
        first.show()
    first.resize(700, 500)  # within the offscreen screen (800×600): Qt keeps a restored window on the screen
    first.ensure_menus()
    first.findings.show()
    closed = first.size()  # at least the window's minimum size
    first.close()  # nothing open: closes at once, remembering the window
    second = MainWindow()
    qtbot.addWidget(second)
    with qtbot.waitExposed(second):
        second.show()
    assert second.geometry_restored
    # As closed (within the few pixels of frame the offscreen platform accounts differently).
    assert abs(second.width() - closed.width()) <= 8 and abs(second.height() - closed.height()) <= 8
    assert second.findings.objectName() == "findingsPanel"
