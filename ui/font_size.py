"""查看 › 字号: 标准 / 大 / 特大 for every page (tables included), with Ctrl+加号, Ctrl+减号 and Ctrl+0, remembered
in the settings (models/storage/settings.py).

The size is the application's font (every widget that does not set its own follows it) and the style sheet's point
sizes (the page titles, the sidebar) scaled by the same factor (ui/theme.py `style_sheet`).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from models.storage import settings
from ui import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

#: Each size's points (the application's font) and its menu text, smallest first (settings.FONT_SIZES).
POINTS = dict(zip(settings.FONT_SIZES, (theme.STANDARD_POINTS, 12.0, 14.0), strict=True))
LABELS = dict(zip(settings.FONT_SIZES, ("标准(&S)", "大(&L)", "特大(&X)"), strict=True))
STANDARD = settings.FONT_SIZES[0]
_CURRENT = "fontSize"  # the application's property holding the size applied


def apply(size: str, app: QApplication | None = None) -> None:
    """Set every page's text to `size` (one of settings.FONT_SIZES)."""
    app = app or QApplication.instance()
    app.setFont(theme.ui_font(POINTS[size]))
    with contextlib.suppress(OSError, ValueError):  # without the sheet: plain Qt looks, still usable
        app.setStyleSheet(theme.style_sheet(POINTS[size] / POINTS[STANDARD]))
    app.setProperty(_CURRENT, size)


def current() -> str:
    """The size applied (the standard one before any)."""
    size = QApplication.instance().property(_CURRENT)
    return size if size in POINTS else STANDARD


class FontSizeMenu:
    """The 字号 submenu of 查看: the three sizes (checkable, one at a time), 增大字号 and 减小字号."""

    def __init__(self, window: QMainWindow) -> None:
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence  # (loaded with the menus, after the first paint)

        self.menu = window.view_menu.addMenu("字号(&Z)")  # type: ignore[attr-defined]
        self.group = QActionGroup(window)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for size in settings.FONT_SIZES:
            action = QAction(LABELS[size], window)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, s=size: self.choose(s))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[size] = action
        self.actions[STANDARD].setShortcut(QKeySequence("Ctrl+0"))
        self.menu.addSeparator()
        self.larger = QAction("增大字号(&I)", window)
        self.larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])  # + is Shift+= on most keyboards
        self.larger.triggered.connect(lambda: self.step(1))
        self.smaller = QAction("减小字号(&D)", window)
        self.smaller.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller.triggered.connect(lambda: self.step(-1))
        for action in (self.larger, self.smaller):
            self.menu.addAction(action)
            window.addAction(action)  # the shortcuts work wherever the keyboard is in the window
        window.addAction(self.actions[STANDARD])
        self._show(current())

    def choose(self, size: str) -> None:
        """Apply `size` and remember it."""
        if size != current():
            apply(size)
            settings.remember_font_size(size)
        self._show(size)

    def step(self, by: int) -> None:
        """One size larger (1) or smaller (-1), within 标准 … 特大."""
        sizes = settings.FONT_SIZES
        self.choose(sizes[max(0, min(len(sizes) - 1, sizes.index(current()) + by))])

    def _show(self, size: str) -> None:
        self.actions[size].setChecked(True)
        self.larger.setEnabled(size != settings.FONT_SIZES[-1])
        self.smaller.setEnabled(size != STANDARD)


def install(window: QMainWindow) -> FontSizeMenu:
    """Add 字号 to the window's 查看 menu."""
    return FontSizeMenu(window)
