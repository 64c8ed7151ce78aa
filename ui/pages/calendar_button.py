"""日历: a button beside a date box that drops a calendar down under itself; the date picked is handed on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCalendarWidget, QMenu, QToolButton, QWidget, QWidgetAction


class CalendarButton(QToolButton):
    picked = Signal(object)  # datetime.date

    def __init__(self, tooltip: str, shown: Callable[[], date], parent: QWidget | None = None) -> None:
        """`shown`: the date the calendar opens on (the one set, or a likely one)."""
        super().__init__(parent)
        self.setText("日历")
        self.setToolTip(tooltip)
        self.shown = shown
        self.calendar: QCalendarWidget | None = None
        self.menu: QMenu | None = None
        self.clicked.connect(self.open)

    def open(self) -> None:
        if self.menu is None:  # made when first needed: a popup window costs, most clerks type the date
            self.calendar = QCalendarWidget()
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._pick)
            self.calendar.activated.connect(self._pick)
            self.menu = QMenu(self)
            action = QWidgetAction(self.menu)
            action.setDefaultWidget(self.calendar)
            self.menu.addAction(action)
        assert self.calendar is not None
        shown = self.shown()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.setFocus()

    def _pick(self, picked: QDate) -> None:
        if self.menu is not None:
            self.menu.close()
        self.picked.emit(picked.toPython())
