"""A QTableView that looks like the official table: merged labels, sizes from its font, frozen headings and labels.

Keys: Enter moves down, Tab right, Delete blanks the selection, Ctrl+C copies, Ctrl+V pastes a block from Excel/WPS.
Tab, Shift+Tab, Enter, the arrows, Home and End stop only on cells that can be typed into: labels and totals in
自动合计 mode are skipped, as in a spreadsheet whose computed cells are locked, so a row typed with Tab between the
values lands cell by cell. Typing or Delete on a read-only cell (one clicked with the mouse) says why next to the
cell and changes nothing. The table shows where the keyboard is: a frame in the highlight colour while the focus is
in it (or in a cell's editor), and a pale selection while the focus is elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QToolTip,
    QWidget,
)

from models.format import format2021 as fmt
from models.tools import autosum
from models.values import format_value, is_number
from ui import theme
from ui.tables.delegates import CellDelegate
from ui.tables.frozen import FrozenParts, allow_any_size
from ui.tables.paste import describe_problems, parse_block, plan_paste
from ui.tables.table_layout import lay_out
from ui.tables.table_model import OfficialTableModel

READ_ONLY_REPORT = "此报告只能查看，不能修改。"
AUTO_SUM_REASON = "自动合计：由各项相加得出，不能直接输入。\n如需手工填写，请先在表格上方取消勾选“{switch}”。"
TIP_MSECS = 6000
_Move = QAbstractItemView.CursorAction
_ARROWS = (_Move.MoveUp, _Move.MoveDown, _Move.MoveLeft, _Move.MoveRight, _Move.MoveHome, _Move.MoveEnd)


class OfficialTableView(QTableView):
    refused = Signal(str)   # a paste or value was refused: the reason (Chinese)
    notice = Signal(str)    # something to tell in the status bar

    def __init__(self, model: OfficialTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen: FrozenParts | None = None
        self._tall = False
        self._laid_out_for: tuple[object, ...] = ()
        self.setModel(model)
        self._model = model
        self.delegate = CellDelegate(self)
        self.delegate.pasteRequested.connect(self._paste_from_editor)
        self.setItemDelegate(self.delegate)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setShowGrid(False)  # the delegate draws the grid (Qt's leaves ticks above merged cells)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
                             | triggers.SelectedClicked)
        self.setTabKeyNavigation(True)
        self.setAccessibleName(model.grid.table)
        self._focus_within = False
        #: The checkbox above the table that switches each total to 自动合计 (set by the page), named in messages.
        self.auto_switch_labels: dict[str, str] = {}
        self._style_focus()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        # A value typed changes its 对比上年 line: its column may need to be wider (once after a paste's many cells).
        self._relayout_soon = QTimer(self)
        self._relayout_soon.setSingleShot(True)
        self._relayout_soon.timeout.connect(lambda: self.relayout(force=False))
        model.dataChanged.connect(lambda *_: self._tall and self._relayout_soon.start(0))
        grid = model.grid
        for cell in grid.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        allow_any_size(self)
        # A table with both column headings and row labels (表三) keeps both in view as it scrolls.
        if grid.header_rows and grid.label_columns:
            self._frozen = FrozenParts(self, grid.header_rows, grid.label_columns)
        self.relayout()
        first = model.input_keys()[0]
        self.setCurrentIndex(model.index_of(first))

    def set_tall_rows(self, tall: bool) -> None:
        """Rows with values get room for a second line (对比上年) or go back to their usual height; number
        columns get wider (table 三 then may scroll sideways under its frozen labels)."""
        self._tall = tall
        self.relayout()

    def relayout(self, force: bool = True) -> None:
        """Column widths and row heights from the table's font and the width it has (ui/tables/table_layout.py)."""
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        available = self.width() - 2 * self.frameWidth() - scroll_bar
        lines = self._model.compare_lines() if self._tall else ()
        key = (self.font().key(), available, self._tall, lines)
        if not force and key == self._laid_out_for:
            return
        self._laid_out_for = key
        layout = lay_out(self._model.grid, self.font(), available, self._tall, lines)
        for col, width in enumerate(layout.widths):
            self.setColumnWidth(col, width)
        for row, height in enumerate(layout.heights):
            self.setRowHeight(row, height)
        if self._frozen is not None:
            self._frozen.apply(layout)
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self.relayout(force=False)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout(force=False)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self._frozen is not None:
            self._frozen.place()

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
        """Enter: the cell below; from the foot of a column, the top of the next one (a number typed next never
        overwrites the last one: 表四 has a single row), from the last column's foot back to the first cell."""
        index = self.moveCursor(QAbstractItemView.CursorAction.MoveDown, Qt.KeyboardModifier.NoModifier)
        here = self._model.grid_cell(self.currentIndex())
        if here is not None and index.isValid() and self._model.grid_cell(index) == here:
            stops = self._stops()
            later = [c for c in stops if c.col > here.col]
            target = min(later, key=lambda c: (c.col, c.row)) if later else (stops[0] if stops else None)
            if target is not None and target != here:
                self.notice.emit("已到本列最后一个可填写的单元格，转到下一列的第一个。" if later else
                                 "已到表格最后一个可填写的单元格，回到第一个。")
                index = self._index(target)
        if index.isValid():
            self.setCurrentIndex(index)

    def _stops(self) -> list[fmt.GridCell]:
        """The cells the keys stop on, row by row: those that can be typed into (every input cell of a report that
        can only be viewed, so that it can still be walked through)."""
        model = self._model
        cells = sorted((c for c in model.grid.cells if c.key), key=lambda c: (c.row, c.col))
        if model.doc.report.read_only:
            return cells
        return [c for c in cells if model.flags(model.index(c.row, c.col)) & Qt.ItemFlag.ItemIsEditable]

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab, Shift+Tab, Enter (MoveDown), the arrows, Home and End skip labels and totals in 自动合计 mode.

        Tab at the end of a row goes on to the next row's first such cell, and from the last cell of the table back
        to the first. An arrow with nowhere to go in its row or column stays put. Shift+arrows extend a selection
        as Qt does (a selection to copy may include totals)."""
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if action in _ARROWS and shift:
            return super().moveCursor(action, modifiers)
        stops = self._stops()
        here = self._model.grid_cell(self.currentIndex())
        if not stops:
            return super().moveCursor(action, modifiers)
        if here is None:
            return self._index(stops[0])
        target = _next_stop(stops, here, action, bool(modifiers & Qt.KeyboardModifier.ControlModifier))
        if target is None and action in (_Move.MovePageUp, _Move.MovePageDown):
            moved = self._model.grid_cell(super().moveCursor(action, modifiers))
            if moved is not None:
                column = [c for c in stops if _overlaps(c, here)]
                target = min(column, key=lambda c: abs(c.row - moved.row), default=None)
        if target is None:
            return self._index(here)
        if action == _Move.MoveNext and (target.row, target.col) <= (here.row, here.col):
            self.notice.emit("已到表格最后一个可填写的单元格，回到第一个。")
        return self._index(target)

    def _index(self, cell: fmt.GridCell) -> QModelIndex:
        return self._model.index(cell.row, cell.col)

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

    def pending_edit(self) -> tuple[str, str] | None:
        """The key and text of an open cell editor, left open (what autosave keeps of a half-typed number)."""
        editor = self.indexWidget(self.currentIndex())
        key = self._model.key_at(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and isinstance(editor, QLineEdit) and key:
            return key, editor.text()
        return None

    def _paste_from_editor(self) -> None:
        self.commit_pending()
        self.paste(QGuiApplication.clipboard().text())

    def keyboardSearch(self, search: str) -> None:
        # Typing on a cell that cannot be edited must not jump to a cell whose text starts with that digit.
        if search.strip():
            self.explain_read_only()

    def read_only_reason(self, index: QModelIndex | None = None) -> str:
        """Why the cell at `index` (the current cell) cannot be typed into, or "" when it can."""
        index = self.currentIndex() if index is None else index
        key = self._model.key_at(index)
        if not key or self._model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return ""
        if self._model.doc.report.read_only:
            return READ_ONLY_REPORT
        if self._model.doc.is_auto(key):
            return self._auto_reason(key)
        return "此单元格不能直接修改。"

    def _auto_reason(self, key: str) -> str:
        return AUTO_SUM_REASON.format(switch=self.auto_switch_labels.get(key, "自动合计"))

    def explain_read_only(self, reason: str = "") -> None:
        """Say next to the current cell why what was typed there was not taken (and in the status bar)."""
        index = self.currentIndex()
        key = self._model.key_at(index)
        reason = reason or self.read_only_reason(index) or "此单元格不能直接修改。"
        text = f"{self._model.label(key)}\n{reason}" if key else reason
        self.notice.emit(text.replace("\n", " "))
        rect = self.visualRect(index)
        if rect.isValid():
            below = self.viewport().mapToGlobal(rect.bottomLeft())
            QToolTip.showText(below, text, self.viewport(), QRect(), TIP_MSECS)

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
        if (event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            # Tab moves between the cells; Ctrl+Tab (Ctrl+Shift+Tab) leaves the table for the page's other controls.
            self._leave(forward=event.key() == Qt.Key.Key_Tab
                        and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            event.accept()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if (types_a_character(event) or event.key() == Qt.Key.Key_F2) and self.read_only_reason():
                self.explain_read_only()   # nothing typed here goes anywhere else either
                event.accept()
                return
            if types_a_character(event):
                # A click on the cell already selected arms Qt's delayed edit (waiting for a double-click), and
                # while it is armed Qt opens no editor for a key. A CurrentChanged request disarms it (it opens
                # nothing itself: that trigger is not enabled), so the key below opens the editor and lands in it.
                self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.CurrentChanged, None)
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

    def _leave(self, forward: bool) -> None:
        """The keyboard to the next (previous) control in the Tab order outside this table (its frozen panes and
        editors are part of it)."""
        widget: QWidget = self
        for _ in range(1000):  # the chain is a ring: it comes back round
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
            if widget is self:
                return
            if (widget.isVisible() and widget.isEnabled() and not self.isAncestorOf(widget)
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
                return

    # ----- where the keyboard is ------------------------------------------------------------------------------

    @property
    def focus_within(self) -> bool:
        """The keyboard is in the table: on the view itself or in a cell's editor."""
        return self._focus_within

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = new is not None and (new is self or self.isAncestorOf(new))
        if inside != self._focus_within:
            self._focus_within = inside
            self.setProperty("focusWithin", inside)
            self.style().unpolish(self)
            self.style().polish(self)
            self.viewport().update()

    def _style_focus(self) -> None:
        """A 2 px frame in the highlight colour while the keyboard is in the table (a grey one otherwise), and a
        pale selection while it is not: the delegate paints cells as inactive then (CellDelegate.initStyleOption)."""
        palette = self.palette()
        highlight = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, theme.INACTIVE_SELECTION)
        palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.HighlightedText, Qt.GlobalColor.black)
        self.setPalette(palette)
        self.setObjectName("officialTable")
        self.setProperty("focusWithin", False)
        self.setStyleSheet(
            f"QTableView#officialTable {{ border: 2px solid {theme.TABLE_FRAME.name()}; }}\n"
            f'QTableView#officialTable[focusWithin="true"] {{ border: 2px solid {highlight.name()}; }}')

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
        doc = self._model.doc
        selected = self.selected_keys()
        if doc.report.read_only:
            self.explain_read_only(READ_ONLY_REPORT)
            return
        keys = [k for k in selected if not doc.is_auto(k)]
        if not keys:
            self.explain_read_only(self.read_only_reason() or (self._auto_reason(selected[0]) if selected else ""))
            return
        doc.set_cells(dict.fromkeys(keys), f"清空{len(keys)}个单元格")
        skipped = len(selected) - len(keys)
        if skipped:
            self.notice.emit(f"已清空{len(keys)}个单元格；另有{skipped}个总计单元格为自动合计，按各项重新计算，未清空。")

    def paste(self, text: str) -> bool:
        """Paste a tab-separated block at the current cell: all or nothing, one undo step."""
        doc = self._model.doc
        start = self._model.key_at(self.currentIndex()) or self._model.input_keys()[0]
        selected = self.selected_keys()
        plan = plan_paste(self._model.grid, start, parse_block(text), doc.auto_keys,
                          fill_keys=selected if len(selected) > 1 else None, label=self._model.label)
        if doc.report.read_only:
            plan.problems.append(READ_ONLY_REPORT)
        elif plan.ok:
            plan.problems.extend(_totals_that_disagree(doc, plan.values, plan.auto_values, self.auto_switch_labels))
        if not plan.ok:
            self.refused.emit("未粘贴任何内容：\n" + describe_problems(plan))
            return False
        if not doc.set_cells(plan.values, f"粘贴{len(plan.values)}个单元格"):
            return False  # refused whole (a total over 9 digits): the document said why
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


def types_a_character(event: QKeyEvent) -> bool:
    """A key that would type a character into a cell: not Space, Tab, Enter, Escape or Delete, nor a shortcut."""
    command = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
    text = event.text()
    return bool(text.strip()) and text.isprintable() and not event.modifiers() & command


def _overlaps(cell: fmt.GridCell, here: fmt.GridCell) -> bool:
    """`cell` shares a grid column with `here` (cells of table 二 span different columns in different blocks)."""
    return cell.col < here.col + here.colspan and here.col < cell.col + cell.colspan


def _next_stop(stops: list[fmt.GridCell], here: fmt.GridCell, action: QAbstractItemView.CursorAction,
               control: bool) -> fmt.GridCell | None:
    """Where a key moves from `here` among `stops` (sorted row by row), or None to stay."""
    position = (here.row, here.col)
    same_row = [c for c in stops if c.row == here.row]
    column = [c for c in stops if _overlaps(c, here)]
    if action == _Move.MoveNext:
        return next((c for c in stops if (c.row, c.col) > position), stops[0])
    if action == _Move.MovePrevious:
        return next((c for c in reversed(stops) if (c.row, c.col) < position), stops[-1])
    if action == _Move.MoveRight:
        return next((c for c in same_row if c.col > here.col), None)
    if action == _Move.MoveLeft:
        return next((c for c in reversed(same_row) if c.col < here.col), None)
    # Down and up: the nearest row below/above; in it, the cell under `here`'s first column if there is one.
    if action == _Move.MoveDown:
        below = [c for c in column if c.row >= here.row + here.rowspan]
        return min(below, key=lambda c: (c.row, not c.col <= here.col < c.col + c.colspan, c.col), default=None)
    if action == _Move.MoveUp:
        above = [c for c in column if c.row + c.rowspan <= here.row]
        return min(above, key=lambda c: (-c.row, not c.col <= here.col < c.col + c.colspan, c.col), default=None)
    if action == _Move.MoveHome:
        return stops[0] if control else (same_row[0] if same_row else None)
    if action == _Move.MoveEnd:
        return stops[-1] if control else (same_row[-1] if same_row else None)
    return None


def _totals_that_disagree(doc, values: dict, pasted_totals: dict, switches: dict[str, str]) -> list[str]:
    """Totals in 自动合计 mode that a pasted block also gives, and gives differently from the sum of its parts (after
    the paste): the block does not add up, or it is not aligned with the table's columns. Either way nothing of it
    is pasted, rather than the pasted total being dropped without a word."""
    if not pasted_totals:
        return []
    scratch = doc.report.copy()
    # Written without Report.set's checks: a sum over 9 digits is compared here and refused by set_cells.
    scratch.cells.update(values)
    scratch.cells.update(autosum.all_totals(scratch, doc.auto_keys, blank_incomplete=True))
    problems = []
    for key, pasted in pasted_totals.items():
        computed = scratch.cells.get(key)
        if is_number(pasted) and is_number(computed) and pasted != computed:
            problems.append(f"{doc.report.format.cell_label(key)}：粘贴的是{format_value(pasted)}，但各项之和为"
                            f"{format_value(computed)}（此总计为自动合计）。请核对粘贴内容是否对齐了列，"
                            f"或先在表格上方取消勾选“{switches.get(key, '自动合计')}”。")
    return problems
