"""The window's size and docks are remembered in the settings per set-up of screens (ui/window_state.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from models import settings
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
