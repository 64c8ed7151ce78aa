"""A QTableView that looks like the official table: merged labels, fixed header heights, frozen label columns.

Keys: Enter moves down, Tab right, Delete blanks the selection, Ctrl+C copies, Ctrl+V pastes a block from Excel/WPS.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.tables.delegates import CellDelegate
from ui.tables.paste import describe_problems, parse_block, plan_paste
from ui.tables.table_model import OfficialTableModel

# Column widths (px at 100 %) per table: label columns first. Table 三 fits 1280 px wide.
COLUMN_WIDTHS = {
    "t2": [170, 150, 150, 150],
    "t3": [40, 100, 210, *([70] * 7)],
    "t4": [66] * 15,
}
ROW_HEIGHT = 30
COMPARE_WIDTH = 96  # a number column with 对比上年 on
CHAR_WIDTH = 14   # px of one Chinese character in the table font
LINE_HEIGHT = 19
HEADER_HEIGHTS = {"t3": [34, 34, 52], "t4": [30, 30, 52]}


class OfficialTableView(QTableView):
    refused = Signal(str)   # a paste or value was refused: the reason (Chinese)
    notice = Signal(str)    # something to tell in the status bar

    def __init__(self, model: OfficialTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen: _FrozenColumns | None = None
        self._usual_heights: dict[int, int] = {}
        self.setModel(model)
        self._model = model
        self.delegate = CellDelegate(self)
        self.delegate.pasteRequested.connect(self._paste_from_editor)
        self.setItemDelegate(self.delegate)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
                             | triggers.SelectedClicked)
        self.setTabKeyNavigation(True)
        self.setAccessibleName(model.grid.table)
        _apply_layout(self, model)
        # Only table 三 is wide enough to scroll sideways; its label columns stay in view.
        self._frozen = _FrozenColumns(self) if model.grid.table == "t3" else None
        first = model.input_keys()[0]
        self.setCurrentIndex(model.index_of(first))

    def set_tall_rows(self, tall: bool) -> None:
        """Rows with inputs get room for a second line (对比上年) or go back to their usual height; number
        columns get wider (table 三 then scrolls sideways under its frozen labels)."""
        grid = self._model.grid
        for col, width in enumerate(COLUMN_WIDTHS[grid.table]):
            if col >= grid.label_columns:
                self.setColumnWidth(col, max(width, COMPARE_WIDTH) if tall else width)
        input_rows = {cell.row for cell in grid.cells if cell.key}
        for row in input_rows:
            usual = self._usual_heights.setdefault(row, self.rowHeight(row))
            self.setRowHeight(row, max(usual, 46) if tall else usual)
            if self._frozen is not None:
                self._frozen.setRowHeight(row, self.rowHeight(row))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._frozen is not None:
            self._frozen.sync()

    # ----- navigation -----------------------------------------------------------------------------------------

    def select_key(self, key: str, edit: bool = False) -> None:
        """Select the cell of `key`, scroll it into view and (optionally) put the cursor in its editor."""
        index = self._model.index_of(key)
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if edit and (self._model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.edit(index)

    def _move_down(self) -> None:
        index = self.moveCursor(QAbstractItemView.CursorAction.MoveDown, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.setCurrentIndex(index)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter ends an edit with SubmitModelCache: commit, then move down like a spreadsheet. Qt also submits
        # that way when the current cell moves elsewhere (a findings jump): then the cursor stays where it went.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            enter, self.delegate.enter_pressed = self.delegate.enter_pressed, False
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if enter:
                self._move_down()
            return
        super().closeEditor(editor, hint)

    def commit_pending(self) -> None:
        """Write an open editor's text into the model (before saving, closing, undoing or jumping)."""
        editor = self.indexWidget(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _paste_from_editor(self) -> None:
        self.commit_pending()
        self.paste(QGuiApplication.clipboard().text())

    def keyboardSearch(self, search: str) -> None:
        # Typing on a cell that cannot be edited must not jump to a cell whose text starts with that digit.
        if search.strip():
            self.notice.emit("此单元格为自动合计或只读，不能直接修改。")

    def inputMethodEvent(self, event) -> None:
        # An input method commits straight to the view when no editor is open yet: open one and hand it over.
        index = self.currentIndex()
        if (self.state() != QAbstractItemView.State.EditingState and event.commitString()
                and self._model.flags(index) & Qt.ItemFlag.ItemIsEditable
                and self.edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, event)):
            editor = self.indexWidget(index)
            if editor is not None:
                editor.setText("")
                QGuiApplication.sendEvent(editor, event)
                return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move_down()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.blank_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste(QGuiApplication.clipboard().text())
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                QGuiApplication.clipboard().setText(self.selection_text())
                return
        super().keyPressEvent(event)

    # ----- block operations -----------------------------------------------------------------------------------

    def selected_keys(self) -> list[str]:
        keys = []
        for index in sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column())):
            key = self._model.key_at(index)
            if key and key not in keys:
                keys.append(key)
        current = self._model.key_at(self.currentIndex())
        return keys or ([current] if current else [])

    def blank_selection(self) -> None:
        keys = [k for k in self.selected_keys() if not self._model.doc.is_auto(k)]
        if keys and not self._model.doc.report.read_only:
            self._model.doc.set_cells(dict.fromkeys(keys), f"清空{len(keys)}个单元格")

    def paste(self, text: str) -> bool:
        """Paste a tab-separated block at the current cell: all or nothing, one undo step."""
        doc = self._model.doc
        start = self._model.key_at(self.currentIndex()) or self._model.input_keys()[0]
        selected = self.selected_keys()
        plan = plan_paste(self._model.grid, start, parse_block(text), doc.auto_keys,
                          fill_keys=selected if len(selected) > 1 else None)
        if doc.report.read_only:
            plan.problems.append("此报告只能查看，不能修改。")
        if not plan.ok:
            self.refused.emit("未粘贴任何内容：\n" + describe_problems(plan))
            return False
        doc.set_cells(plan.values, f"粘贴{len(plan.values)}个单元格")
        message = f"已粘贴{len(plan.values)}个单元格。"
        if plan.notices:
            message += " " + "；".join(plan.notices[:3]) + ("……" if len(plan.notices) > 3 else "")
        self.setFocus()
        self.notice.emit(message)
        return True

    def selection_text(self) -> str:
        indexes = self.selectedIndexes() or [self.currentIndex()]
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for r in rows:
            cells = []
            for c in cols:
                index = self._model.index(r, c)
                key = self._model.key_at(index)
                cells.append(str(index.data()) if key and (r, c) in chosen else "")
            lines.append("\t".join(cells))
        return "\n".join(lines)


def _apply_layout(view: QTableView, model: OfficialTableModel) -> None:
    grid = model.grid
    for cell in grid.cells:
        if cell.rowspan > 1 or cell.colspan > 1:
            view.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
    for col, width in enumerate(COLUMN_WIDTHS[grid.table]):
        view.setColumnWidth(col, width)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # Row heights are set by hand: resizeRowsToContents inflates rows under a spanned, wrapped label.
    heights = HEADER_HEIGHTS.get(grid.table, [])
    for row in range(grid.rows):
        view.setRowHeight(row, heights[row] if row < len(heights) else ROW_HEIGHT)
    widths = COLUMN_WIDTHS[grid.table]
    for cell in grid.cells:
        # A single-row label too long for one line at its width (（二）部分公开…, （六）1./2.…) gets more lines.
        if cell.text and cell.rowspan == 1 and not cell.header:
            width = sum(widths[cell.col:cell.col + cell.colspan]) - 8
            lines = -(-len(cell.text) * CHAR_WIDTH // width)
            if lines > 1:
                view.setRowHeight(cell.row, max(ROW_HEIGHT, lines * LINE_HEIGHT + 8))


class _FrozenColumns(QTableView):
    """An overlay that keeps the label columns visible while the table scrolls sideways (Qt's frozen-column idea)."""

    def __init__(self, base: OfficialTableView) -> None:
        super().__init__(base)
        self.base = base
        model = base.model()
        self.setModel(model)
        self.setSelectionModel(base.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setStyleSheet("QTableView { border: none; }")
        self.setVerticalScrollMode(base.verticalScrollMode())
        labels = model.grid.label_columns
        for col in range(model.columnCount()):
            self.setColumnHidden(col, col >= labels)
            if col < labels:
                self.setColumnWidth(col, base.columnWidth(col))
        for cell in model.grid.cells:
            colspan = min(cell.colspan, labels - cell.col)
            if cell.col < labels and (cell.rowspan > 1 or colspan > 1):
                self.setSpan(cell.row, cell.col, cell.rowspan, colspan)
        for row in range(model.rowCount()):
            self.setRowHeight(row, base.rowHeight(row))
        base.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(base.verticalScrollBar().setValue)
        base.viewport().stackUnder(self)
        self._place()
        self.show()

    def _place(self) -> None:
        width = sum(self.base.columnWidth(c) for c in range(self.model().grid.label_columns))
        frame = self.base.frameWidth()
        self.setGeometry(frame, frame, width, self.base.viewport().height())

    def sync(self) -> None:
        self._place()

    def moveCursor(self, action, modifiers) -> QModelIndex:
        return self.base.currentIndex()

