"""Cell editors: whole numbers (no sign, no letters) for counts, a decimal editor for the 万元 amount."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from models.values import MAX_AMOUNT_DECIMALS, MAX_AMOUNT_INTEGER_DIGITS, MAX_COUNT_DIGITS
from ui import theme
from ui.tables.table_layout import PAD_X, balanced, small_font
from ui.tables.table_model import CUE_ROLE, PREVIOUS_ROLE

#: The mark each tint also gets, so that colour is never the only cue (red and green look alike to many men): a
#: shape in the top-left corner (drawn, not a font's glyph: ◤ error, △ warning, ● carried, Σ auto-sum) and a
#: border — solid for an error, dotted for a warning, dashed (dash-dot) for a cell only involved in an error (a
#: warning).
CUE_SHAPES = {"error": "◤", "warning": "△", "carried": "●", "auto": "Σ"}
CUE_BORDERS = {"error": (Qt.PenStyle.SolidLine, 2), "warning": (Qt.PenStyle.DotLine, 2),
               "involved-error": (Qt.PenStyle.DashLine, 1), "involved-warning": (Qt.PenStyle.DashDotLine, 1)}

GRID_COLOR = QColor("#9aa5b1")

# The editor admits what a clerk types on a keyboard; full-width digits and units are for pasting and are parsed
# by the model (models.values) like everything else.
COUNT_PATTERN = rf"^[0-9０-９]{{0,{MAX_COUNT_DIGITS}}}$"
AMOUNT_PATTERN = rf"^[0-9０-９]{{0,{MAX_AMOUNT_INTEGER_DIGITS}}}([.．][0-9０-９]{{0,{MAX_AMOUNT_DECIMALS}}})?$"


class CellDelegate(QStyledItemDelegate):
    """Chooses the editor by the cell's kind (count or amount) as given by the report's format.

    Enter is remembered (`enter_pressed`) so the view moves down only then, not when Qt submits an edit because the
    current cell moved. Ctrl+V in an open editor goes to the view's block paste (it parses `12件`, tab-separated
    blocks and so on), via `pasteRequested`.
    """

    pasteRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enter_pressed = False

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Paste):
                self.pasteRequested.emit()
                return True
            self.enter_pressed = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        return super().eventFilter(editor, event)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        model = index.model()
        key = model.key_at(index)  # type: ignore[attr-defined]
        amount = model.is_amount(key)  # type: ignore[attr-defined]
        pattern = AMOUNT_PATTERN if amount else COUNT_PATTERN
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setAccessibleName(model.label(key))  # type: ignore[attr-defined]
        editor.setFrame(False)
        return editor

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        """The value with its tint and mark; with 对比上年 on, the value in the upper part and last year's value and
        change below it."""
        previous = index.data(PREVIOUS_ROLE)
        super().paint(painter, option, index)  # background, selection and the value (top-aligned, initStyleOption)
        paint_grid(painter, option.rect)
        cue = index.data(CUE_ROLE)
        if cue:
            paint_cue(painter, option.rect, cue, option.font)
        if not previous:
            return
        painter.save()
        painter.setFont(small_font(option.font))
        selected = option.state & QStyle.StateFlag.State_Selected and option.state & QStyle.StateFlag.State_Active
        # On the strong selection colour the line takes the selected text's colour; elsewhere the hint grey.
        painter.setPen(option.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
                       if selected else theme.HINT_TEXT)
        rect = option.rect.adjusted(3, option.rect.height() // 2, -4, -1)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), previous)
        painter.restore()

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        cell = index.model().grid_cell(index)  # type: ignore[attr-defined]
        if cell is not None and cell.header:
            # Qt's item views break lines at U+2028 (a "\n" in a cell's text they do not break at).
            option.text = balanced(option.text, option.fontMetrics, option.rect.width() - PAD_X).replace("\n", "\u2028")
        if index.data(PREVIOUS_ROLE):
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        # While the keyboard is elsewhere (a checkbox above the table, the findings list) the selection is painted
        # with the view's Inactive colours, pale, so it does not look like the place typing goes to.
        if not getattr(option.widget, "focus_within", True):
            option.state &= ~QStyle.StateFlag.State_Active

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.isModified():
            return  # Qt reloads on any change of the cell (a tint, an undo elsewhere): keep what is being typed
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.text() != (index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def paint_grid(painter: QPainter, rect: QRect) -> None:
    """The cell's right and bottom grid lines, drawn around a merged cell as around any other (the view's own grid
    is off: it leaves short ticks of the lines a merged cell covers)."""
    painter.save()
    painter.setPen(QPen(GRID_COLOR, 0))
    painter.drawLine(rect.topRight(), rect.bottomRight())
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    painter.restore()


def paint_cue(painter, rect, cue: str, font: QFont) -> None:
    """The corner shape and the border of `cue` (see CUE_SHAPES, CUE_BORDERS) inside `rect`."""
    severity = cue.removeprefix("involved-")
    color = theme.SEVERITY_COLOR.get(severity, theme.CUE_COLORS.get(cue, QColor("#4d4d4d")))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if cue in CUE_BORDERS:
        style, width = CUE_BORDERS[cue]
        painter.setPen(QPen(color, width, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = width // 2 + 1
        painter.drawRect(rect.adjusted(inset, inset, -inset - 1, -inset - 1))
    size = max(7, min(11, rect.height() // 3))
    x, y = rect.left() + 3, rect.top() + 3
    shape = CUE_SHAPES.get(cue)
    if shape == "◤":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + size, y), QPointF(x, y + size)]))
    elif shape == "△":
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(QPolygonF([QPointF(x + size / 2, y), QPointF(x + size, y + size), QPointF(x, y + size)]))
    elif shape == "●":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(x + size / 2 - 1, y + size / 2 - 1), size / 2 - 1, size / 2 - 1)
    elif shape == "Σ":
        small = QFont(font)
        small.setPixelSize(size + 2)
        small.setBold(True)
        painter.setFont(small)
        painter.setPen(color)
        corner = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.drawText(QRectF(x, y - 2, size + 6, size + 4), corner, "Σ")
    painter.restore()
