"""Frozen parts of an official table: its column headings stay on screen while it scrolls down, its row labels while
it scrolls sideways, and the corner where they meet stays put (Qt's frozen-column idea, in both directions).

The table itself hides its heading rows and label columns and leaves room for them with its own (Qt) header views,
sized to the frozen parts (QTableView sets its viewport margins from them). Three views of the same model, sharing
its selection and drawing with a delegate of the same kind, are laid over that room: the headings (they scroll
sideways with the table), the labels (they scroll down with it) and the corner. So a cell the table scrolls
to is never under a frozen part, and a mouse click there reaches the frozen view, not a hidden cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.tables.table_layout import TableLayout


def allow_any_size(view: QTableView) -> None:
    """Columns and rows as narrow as the layout makes them (Qt's headers otherwise keep a minimum of ~40 px)."""
    view.horizontalHeader().setMinimumSectionSize(1)
    view.verticalHeader().setMinimumSectionSize(1)


class FrozenPane(QTableView):
    """A view of some rows and columns of `base`'s model (the others hidden), drawn over one of its margins."""

    def __init__(self, base: QTableView, rows: range, columns: range) -> None:
        super().__init__(base)
        self.base, self.rows, self.columns = base, rows, columns
        model = base.model()
        self.setModel(model)
        self.setSelectionModel(base.selectionModel())
        # A delegate of its own: a shared one would send the table's editors to this view too.
        self.setItemDelegate(type(base.itemDelegate())(self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        allow_any_size(self)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setShowGrid(False)  # the delegate draws the grid (Qt's leaves ticks above merged cells)
        self.setWordWrap(True)
        self.setStyleSheet("QTableView { border: none; }")
        self.setVerticalScrollMode(base.verticalScrollMode())
        self.setHorizontalScrollMode(base.horizontalScrollMode())
        for row in range(model.rowCount()):
            self.setRowHidden(row, row not in rows)
        for col in range(model.columnCount()):
            self.setColumnHidden(col, col not in columns)
        for cell in model.grid.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)

    def apply(self, layout: TableLayout) -> None:
        for col, width in enumerate(layout.widths):
            self.setColumnWidth(col, width)
        for row, height in enumerate(layout.heights):
            self.setRowHeight(row, height)

    def moveCursor(self, action, modifiers) -> QModelIndex:
        return self.base.currentIndex()  # it never has the keyboard; the base moves the cursor


class FrozenParts:
    """The three frozen panes of `base` (heading rows `header_rows`, label columns `label_columns`)."""

    def __init__(self, base: QTableView, header_rows: int, label_columns: int) -> None:
        model = base.model()
        rows, columns = model.rowCount(), model.columnCount()
        self.base, self.header_rows, self.label_columns = base, header_rows, label_columns
        self.headings = FrozenPane(base, range(header_rows), range(label_columns, columns))
        self.labels = FrozenPane(base, range(header_rows, rows), range(label_columns))
        self.corner = FrozenPane(base, range(header_rows), range(label_columns))
        for row in range(header_rows):
            base.setRowHidden(row, True)
        for col in range(label_columns):
            base.setColumnHidden(col, True)
        base.verticalScrollBar().valueChanged.connect(self.labels.verticalScrollBar().setValue)
        self.labels.verticalScrollBar().valueChanged.connect(base.verticalScrollBar().setValue)
        base.horizontalScrollBar().valueChanged.connect(self.headings.horizontalScrollBar().setValue)
        self.headings.horizontalScrollBar().valueChanged.connect(base.horizontalScrollBar().setValue)
        # Qt's headers only make room (QTableView sizes its margins by them): the panes cover them.
        base.horizontalHeader().show()
        base.verticalHeader().show()
        for pane in self.panes:
            pane.show()
            pane.raise_()

    @property
    def panes(self) -> tuple[FrozenPane, ...]:
        return self.headings, self.labels, self.corner

    def apply(self, layout: TableLayout) -> None:
        """Sizes as the table's; the table's margins made room for the frozen parts, and they placed over them."""
        for pane in self.panes:
            pane.apply(layout)
        self.base.verticalHeader().setFixedWidth(layout.label_width(self.label_columns))
        self.base.horizontalHeader().setFixedHeight(layout.header_height(self.header_rows))
        self.base.updateGeometries()

    def place(self) -> None:
        """Over the room the headers made (after every change of the table's geometry)."""
        area = self.base.viewport().geometry()
        left, top = self.base.verticalHeader().width(), self.base.horizontalHeader().height()
        self.headings.setGeometry(QRect(area.left(), area.top() - top, area.width(), top))
        self.labels.setGeometry(QRect(area.left() - left, area.top(), left, area.height()))
        self.corner.setGeometry(QRect(area.left() - left, area.top() - top, left, top))
        self.labels.verticalScrollBar().setValue(self.base.verticalScrollBar().value())
        self.headings.horizontalScrollBar().setValue(self.base.horizontalScrollBar().value())
