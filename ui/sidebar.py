"""The editor's sidebar: one line per page — a status icon and a short name (一 总体情况) — as wide as its longest name.

The full title and the status are each row's tooltip and accessible text; the status is also the row's UserRole
(what `Editor.status_of` reads). The width follows the font (150 % screens, 查看 → 字号): no fixed width, no
horizontal scroll bar, nothing cut.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListWidget, QListWidgetItem, QSizePolicy, QWidget

from ui.page_status import PAGES, short_title
from ui.status_icons import status_icon


class Sidebar(QListWidget):
    #: The keyboard went out of the sidebar (into the page, Tab or a click elsewhere).
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("报告各部分")
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Reached with Tab (then ↑/↓ go through the pages and Enter goes into one); a click shows the page and puts
        # the keyboard in it, as 下一步 does.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._statuses: dict[int, str] = {}
        self.keying = False  # a key pressed in the sidebar is moving its current row
        for key, title in PAGES:
            item = QListWidgetItem(short_title(key))
            item.setToolTip(title)
            self.addItem(item)
        self._fit_icons()

    def set_status(self, row: int, status: str) -> None:
        """Show `status` (未开始 / 进行中 / 有问题 / 已完成) on page `row`: icon, tooltip, accessible text, UserRole."""
        key, title = PAGES[row]
        item = self.item(row)
        if self._statuses.get(row) != status:
            item.setIcon(status_icon(status))
            self._statuses[row] = status
        item.setData(Qt.ItemDataRole.UserRole, status)
        item.setToolTip(f"{title}：{status}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{short_title(key)}：{status}")

    def status(self, row: int) -> str:
        return self.item(row).data(Qt.ItemDataRole.UserRole)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keying = True
        try:
            super().keyPressEvent(event)
        finally:
            self.keying = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def _fit_icons(self) -> None:
        side = self.fontMetrics().height()
        self.setIconSize(QSize(side, side))
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_icons()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # a vertical scroll bar may have come or gone

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 2 * self.spacing()
        rows = sum(self.sizeHintForRow(row) for row in range(self.count()))
        if rows + 2 * self.frameWidth() > self.height():
            width += self.verticalScrollBar().sizeHint().width()
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())
