"""Ctrl+1, Ctrl+2, …: the pages of a report in order (基本信息 … 检查与导出), as 查看 → 转到 lists them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


def page_shortcut(row: int) -> str:
    return f"Ctrl+{row + 1}"


def add_page_actions(menu: QMenu, titles: list[str], go: Callable[[int], None]) -> list[QAction]:
    """One action per page title with its Ctrl+digit, calling `go(row)`; returned so the window can enable them."""
    actions = []
    for row, title in enumerate(titles[:9]):
        action = QAction(title, menu)
        action.setShortcut(QKeySequence(page_shortcut(row)))
        action.triggered.connect(lambda _checked=False, row=row: go(row))
        menu.addAction(action)
        actions.append(action)
    return actions
