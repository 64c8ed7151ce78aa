"""The sidebar's status icons, drawn at any size (sharp on 150 % screens): 已完成 a check mark, 进行中 a half-filled
circle, 有问题 a cross in a diamond, 未开始 an empty circle — told apart by their shapes, not only by their colours."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ui.page_status import DONE, IN_PROGRESS, NOT_STARTED, PROBLEMS

#: Fill colours on the list's white; a selected row (white text on dark blue) draws every shape in white instead.
COLORS = {DONE: QColor("#1e6b34"), IN_PROGRESS: QColor("#1d4f91"), PROBLEMS: QColor("#b42318"),
          NOT_STARTED: QColor("#6b7280")}
SELECTED = QColor("white")


class StatusIconEngine(QIconEngine):
    def __init__(self, status: str) -> None:
        super().__init__()
        self.status = status

    def clone(self) -> QIconEngine:
        return StatusIconEngine(self.status)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        """Drawn at the screen's pixels (1.5× at 150 %), not scaled up from a small picture."""
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), pixmap.size()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        color = SELECTED if mode == QIcon.Mode.Selected else COLORS[self.status]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(rect.width(), rect.height())
        pen_width = max(1.5, side / 9)
        box = QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side)
        box = box.adjusted(pen_width / 2 + 0.5, pen_width / 2 + 0.5, -pen_width / 2 - 0.5, -pen_width / 2 - 0.5)
        pen = QPen(color, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        _SHAPES[self.status](painter, box, pen, color)
        painter.restore()


def _inner(color: QColor) -> QColor:
    """The mark drawn on a filled shape: white on a colour, the row's blue on a white (selected) shape."""
    return QColor("#1d4f91") if color == SELECTED else SELECTED


def _done(painter: QPainter, box: QRectF, pen: QPen, color: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(box)
    tick = QPainterPath(QPointF(box.left() + box.width() * 0.26, box.top() + box.height() * 0.52))
    tick.lineTo(box.left() + box.width() * 0.44, box.top() + box.height() * 0.70)
    tick.lineTo(box.left() + box.width() * 0.76, box.top() + box.height() * 0.32)
    mark = QPen(pen)
    mark.setColor(_inner(color))
    painter.setPen(mark)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)


def _in_progress(painter: QPainter, box: QRectF, pen: QPen, color: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPie(box, 90 * 16, 180 * 16)  # the left half
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(box)


def _problems(painter: QPainter, box: QRectF, pen: QPen, color: QColor) -> None:
    c = box.center()
    half = box.width() / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - half), QPointF(c.x() + half, c.y()),
                                   QPointF(c.x(), c.y() + half), QPointF(c.x() - half, c.y())]))
    arm = half * 0.32
    mark = QPen(pen)
    mark.setColor(_inner(color))
    painter.setPen(mark)
    painter.drawLine(QPointF(c.x() - arm, c.y() - arm), QPointF(c.x() + arm, c.y() + arm))
    painter.drawLine(QPointF(c.x() - arm, c.y() + arm), QPointF(c.x() + arm, c.y() - arm))


def _not_started(painter: QPainter, box: QRectF, pen: QPen, color: QColor) -> None:
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(box)


_SHAPES = {DONE: _done, IN_PROGRESS: _in_progress, PROBLEMS: _problems, NOT_STARTED: _not_started}


def status_icon(status: str) -> QIcon:
    """The icon of a page status (未开始 / 进行中 / 有问题 / 已完成)."""
    return QIcon(StatusIconEngine(status))
