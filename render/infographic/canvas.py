"""A thin layer over QPainter for the 一图读懂 page: page units of 0.1 mm, CJK fonts, text that shrinks to fit its
box, and a record of every text drawn (so tests and previews can see exactly what the page says)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from render import fonts

#: A4 portrait in units of 0.1 mm.
PAGE_WIDTH, PAGE_HEIGHT = 2100.0, 2970.0
MIN_TEXT_SIZE = 12  # page units (1.2 mm): below this, text would not be readable on paper
READABLE_TEXT_SIZE = 20  # 2 mm: small print (units, notes) is kept at least this big while bigger text can shrink

Align = Qt.AlignmentFlag


@dataclass(frozen=True)
class DrawnText:
    """A text as drawn: its content, where (page units) and at which size."""

    text: str
    rect: QRectF
    size: int
    color: str
    bold: bool = False


@dataclass(frozen=True)
class Run:
    """A piece of a line: text in one size, weight and colour; or, with `arrow` 1/-1, an up/down triangle."""

    text: str
    size: float
    color: QColor
    bold: bool = False
    arrow: int = 0
    gap: float = 0.0  # space before this run, in page units at full size
    spacing: float = 0.0  # extra space between its characters, in page units at full size


def page_font(size: int, bold: bool = False) -> QFont:
    """The page's font at `size` page units: the UI's CJK families in order, then Qt's default."""
    font = QFont()
    font.setFamilies([*fonts.UI_FONT_FAMILIES, *font.families()])
    font.setPixelSize(max(1, size))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


class Canvas:
    """Draws in page units on a painter already mapped to the page (see `map_page`)."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        self.drawn: list[DrawnText] = []

    # ----- shapes -------------------------------------------------------------------------------------------

    def box(self, rect: QRectF, fill: QColor, radius: float = 0.0, outline: QColor | None = None) -> None:
        p = self.painter
        p.setPen(QPen(outline, 2) if outline is not None else Qt.PenStyle.NoPen)
        p.setBrush(QBrush(fill))
        if radius:
            p.drawRoundedRect(rect, radius, radius)
        else:
            p.drawRect(rect)

    @contextmanager
    def clipped(self, rect: QRectF, radius: float) -> Iterator[None]:
        """Draw inside a rounded rectangle only."""
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        self.painter.save()
        self.painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
        try:
            yield
        finally:
            self.painter.restore()

    def line(self, start: QPointF, end: QPointF, color: QColor, width: float = 2.0) -> None:
        self.painter.setPen(QPen(color, width))
        self.painter.drawLine(start, end)

    def triangle(self, rect: QRectF, direction: int, color: QColor) -> None:
        """An up (1), down (-1) or right (0) pointing triangle filling `rect`."""
        r = rect
        if direction > 0:
            points = (r.bottomLeft(), r.bottomRight(), QPointF(r.center().x(), r.top()))
        elif direction < 0:
            points = (r.topLeft(), r.topRight(), QPointF(r.center().x(), r.bottom()))
        else:
            points = (r.topLeft(), r.bottomLeft(), QPointF(r.right(), r.center().y()))
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QBrush(color))
        self.painter.drawPolygon(QPolygonF(list(points)))

    def ring(self, center: QPointF, outer: float, inner: float, start: float, span: float, color: QColor) -> None:
        """A ring segment from `start` degrees (12 o'clock = 90, counter-clockwise) over `span` degrees."""
        path = QPainterPath()
        outer_rect = QRectF(center.x() - outer, center.y() - outer, 2 * outer, 2 * outer)
        inner_rect = QRectF(center.x() - inner, center.y() - inner, 2 * inner, 2 * inner)
        path.arcMoveTo(outer_rect, start)
        path.arcTo(outer_rect, start, span)
        path.arcTo(inner_rect, start + span, -span)
        path.closeSubpath()
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QBrush(color))
        self.painter.drawPath(path)

    # ----- text ---------------------------------------------------------------------------------------------

    def text(self, rect: QRectF, text: str, size: float, color: QColor, *, bold: bool = False,
             align: Align = Align.AlignLeft, spacing: float = 0.0) -> float:
        """One line of text in `rect`, shrunk until it fits. Returns the width drawn."""
        return self.runs(rect, [Run(text, size, color, bold, spacing=spacing)], align=align)

    def runs(self, rect: QRectF, runs: list[Run], *, align: Align = Align.AlignLeft) -> float:
        """Several runs on one baseline, vertically centred in `rect`, shrunk by one factor until they fit (small
        print no further than READABLE_TEXT_SIZE unless nothing else fits).

        Horizontal alignment: AlignLeft, AlignHCenter or AlignRight. Returns the width drawn.
        """
        # First the big runs shrink while small print stays readable (a unit beside a number); only when that is not
        # enough does everything shrink alike, down to MIN_TEXT_SIZE.
        for floor in (READABLE_TEXT_SIZE, MIN_TEXT_SIZE):
            scale = 1.0
            while True:
                laid = [self._measure(run, scale, floor) for run in runs]
                width = sum(w for _, w, _ in laid)
                height = max(m.ascent() + m.descent() for _, _, m in laid)
                fits = width <= rect.width() and height <= rect.height()
                at_floor = all(f.pixelSize() <= min(floor, r.size) for r, (f, _, _) in zip(runs, laid, strict=True))
                if fits or at_floor:
                    break
                scale *= 0.95
            if fits:
                break
        ascent = max(m.ascent() for _, _, m in laid)
        descent = max(m.descent() for _, _, m in laid)
        baseline = rect.center().y() + (ascent - descent) / 2
        if align & Align.AlignHCenter:
            x = rect.center().x() - width / 2
        elif align & Align.AlignRight:
            x = rect.right() - width
        else:
            x = rect.left()
        for run, (font, run_width, metrics) in zip(runs, laid, strict=True):
            gap = run.gap * scale
            x += gap
            if run.arrow:
                side = metrics.ascent() * 0.62
                top = baseline - metrics.capHeight() / 2 - side / 2
                self.triangle(QRectF(x, top, side, side), run.arrow, run.color)
            else:
                self._draw(font, run, QPointF(x, baseline), run.spacing * scale)
                box = QRectF(x, baseline - metrics.ascent(), run_width - gap, metrics.ascent() + metrics.descent())
                self.drawn.append(DrawnText(run.text, box, font.pixelSize(), run.color.name(), run.bold))
            x += run_width - gap
        return width

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        """The width of `text` at `size` page units."""
        return QFontMetricsF(page_font(int(size), bold)).horizontalAdvance(text)

    def _draw(self, font: QFont, run: Run, origin: QPointF, spacing: float) -> None:
        """The run's text from `origin` (on the baseline); letter-spaced character by character when asked, which
        the PDF engine, unlike QFont letter spacing, reproduces exactly."""
        self.painter.setFont(font)
        self.painter.setPen(QPen(run.color))
        if not spacing:
            self.painter.drawText(origin, run.text)
            return
        metrics, x = QFontMetricsF(font), origin.x()
        for char in run.text:
            self.painter.drawText(QPointF(x, origin.y()), char)
            x += metrics.horizontalAdvance(char) + spacing

    def _measure(self, run: Run, scale: float, floor: float = MIN_TEXT_SIZE) -> tuple[QFont, float, QFontMetricsF]:
        """The run's font, width and metrics at `scale`, never below `floor` (nor MIN_TEXT_SIZE, nor its own size)."""
        size = max(MIN_TEXT_SIZE, int(run.size * scale), int(min(floor, run.size)))
        font = page_font(size, run.bold)
        metrics = QFontMetricsF(font)
        if run.arrow:
            width = metrics.ascent() * 0.62
        elif run.spacing:
            advances = sum(metrics.horizontalAdvance(c) for c in run.text)
            width = advances + run.spacing * scale * (len(run.text) - 1)
        else:
            width = metrics.horizontalAdvance(run.text)
        return font, width + run.gap * scale, metrics


def map_page(painter: QPainter, target: QRectF) -> None:
    """Map the A4 page (page units) onto `target`, keeping its proportions and centring it."""
    scale = min(target.width() / PAGE_WIDTH, target.height() / PAGE_HEIGHT)
    painter.translate(target.center().x() - PAGE_WIDTH * scale / 2, target.center().y() - PAGE_HEIGHT * scale / 2)
    painter.scale(scale, scale)
