"""The page's charts, drawn with QPainter: outcome bars, the applicants ring, and 复议/诉讼 stacked bars.

Every chart stays sensible with zeros (empty tracks, no division) and with blanks (left out, shown as "—").
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QRectF

from models.tools.summary import CaseBlock, Figure, RequestFigures, complete, format_share, share
from render.infographic import style
from render.infographic.canvas import Align, Canvas, Run
from render.infographic.parts import number_runs


def outcome_bars(canvas: Canvas, rect: QRectF, title: str, requests: RequestFigures) -> None:
    """One horizontal bar per outcome group, scaled to the largest; the count and its share on the right."""
    title_height = 70.0
    canvas.text(QRectF(rect.left(), rect.top(), rect.width(), title_height), title, 36, style.INK, bold=True)
    figures = requests.outcomes
    largest = max((f.value for f in figures if f.value is not None), default=0)
    row_height = (rect.height() - title_height) / len(figures)
    label_width, value_width = 170.0, 290.0
    bar_left = rect.left() + label_width + 20
    bar_width = rect.width() - label_width - 20 - value_width - 20
    for i, (figure, color) in enumerate(zip(figures, style.OUTCOME_COLORS, strict=True)):
        top = rect.top() + title_height + i * row_height
        canvas.text(QRectF(rect.left(), top, label_width, row_height), figure.label, 32, style.INK,
                    align=Align.AlignRight)
        bar_height = min(40.0, row_height * 0.55)
        bar = QRectF(bar_left, top + (row_height - bar_height) / 2, bar_width, bar_height)
        canvas.box(bar, style.TRACK, 6)
        if figure.value and largest:
            filled = QRectF(bar.topLeft(), bar.size())
            filled.setWidth(max(4.0, bar_width * float(figure.value) / float(largest)))
            canvas.box(filled, color, 6)
        value = QRectF(bar.right() + 20, top, value_width, row_height)
        runs = [*number_runs(figure, 38, style.INK)]
        percent = format_share(share(figure, figures))
        if percent:
            runs.append(Run(percent, 28, style.MUTED, gap=16))
        canvas.runs(value, runs, align=Align.AlignLeft)


def applicant_ring(canvas: Canvas, rect: QRectF, title: str, requests: RequestFigures) -> None:
    """A ring of the new applications by applicant kind, their total inside, a legend below."""
    title_height = 70.0
    canvas.text(QRectF(rect.left(), rect.top(), rect.width(), title_height), title, 36, style.INK, bold=True,
                align=Align.AlignHCenter)
    figures = requests.applicants
    legend_height = 2 * 52.0
    space = QRectF(rect.left(), rect.top() + title_height, rect.width(),
                   rect.height() - title_height - legend_height - 10)
    outer = min(space.width(), space.height()) / 2 - 6
    inner = outer * 0.68
    center = space.center()
    values = [float(f.value) if f.value is not None else 0.0 for f in figures]
    total = sum(values) if complete(figures) else 0.0  # with a blank part the proportions are unknown
    if total <= 0:
        canvas.ring(center, outer, inner, 90, -360, style.TRACK)
    else:
        start = 90.0
        for value, color in zip(values, style.APPLICANT_COLORS, strict=True):
            span = -360.0 * value / total
            if value:
                canvas.ring(center, outer, inner, start, span, color)
            start += span
    total_figure = requests.new
    canvas.runs(QRectF(center.x() - inner * 0.92, center.y() - inner * 0.62, inner * 1.84, inner * 0.75),
                number_runs(total_figure, 56, style.INK), align=Align.AlignHCenter)
    canvas.text(QRectF(center.x() - inner * 0.8, center.y() + 0.16 * inner, inner * 1.6, inner * 0.4),
                total_figure.label, 26, style.MUTED, align=Align.AlignHCenter)
    top = rect.bottom() - legend_height
    for i, (figure, color) in enumerate(zip(figures, style.APPLICANT_COLORS, strict=True)):
        row = QRectF(rect.left() + 20, top + i * 52, rect.width() - 40, 52)
        _legend_row(canvas, row, figure, color, format_share(share(figure, figures)))


def _legend_row(canvas: Canvas, row: QRectF, figure: Figure, color, percent: str) -> None:
    swatch = 26.0
    canvas.box(QRectF(row.left(), row.center().y() - swatch / 2, swatch, swatch), color, 4)
    label = QRectF(row.left() + swatch + 14, row.top(), row.width() * 0.5, row.height())
    canvas.text(label, figure.label, 30, style.INK)
    runs = number_runs(figure, 32, style.INK)
    if percent:
        runs.append(Run(percent, 26, style.MUTED, gap=12))
    canvas.runs(QRectF(label.right(), row.top(), row.right() - label.right(), row.height()), runs,
                align=Align.AlignRight)


def stacked_bar(canvas: Canvas, rect: QRectF, block: CaseBlock) -> None:
    """The block's outcomes as one bar split by colour (when all are filled); below it the four counts, each
    beside a swatch of its colour."""
    bar_height = 48.0
    bar = QRectF(rect.left(), rect.top() + 8, rect.width(), bar_height)
    canvas.box(bar, style.TRACK, 8)
    values = [float(f.value) if f.value is not None else 0.0 for f in block.outcomes]
    total = sum(values) if complete(block.outcomes) else 0.0  # with a blank part the proportions are unknown
    if total > 0:
        with canvas.clipped(bar, 8):
            x = bar.left()
            for value, color in zip(values, style.CASE_COLORS, strict=True):
                width = bar.width() * value / total
                if width > 0:
                    canvas.box(QRectF(x, bar.top(), math.ceil(width * 10) / 10, bar.height()), color)
                x += width
    labels = QRectF(rect.left(), bar.bottom() + 6, rect.width(), rect.bottom() - bar.bottom() - 6)
    slot = labels.width() / len(block.outcomes)
    for i, (figure, color) in enumerate(zip(block.outcomes, style.CASE_COLORS, strict=True)):
        cell = QRectF(labels.left() + i * slot, labels.top(), slot, labels.height())
        canvas.box(QRectF(cell.left(), cell.center().y() - 10, 20, 20), color, 3)
        canvas.runs(QRectF(cell.left() + 30, cell.top(), slot - 40, cell.height()),
                    [Run(figure.label, 26, style.MUTED), *_small_number(figure)], align=Align.AlignLeft)


def _small_number(figure: Figure) -> list[Run]:
    number, *unit = number_runs(figure, 34, style.INK)
    return [replace(number, gap=12), *unit]

