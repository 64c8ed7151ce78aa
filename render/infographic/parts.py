"""Building blocks of the page: a figure with caption and year-on-year change, a section heading, a card."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from models.tools.summary import Figure
from render.infographic import style
from render.infographic.canvas import PAGE_WIDTH, Align, Canvas, Run

CHINESE_NUMERALS = "一二三四五六七八九十"


def number_runs(figure: Figure, size: float, color=style.RED) -> list[Run]:
    """The value in bold with its unit in small type after it; a blank is "—" with no unit."""
    runs = [Run(figure.text, size, color, bold=True)]
    if figure.value is not None:
        unit_size = max(size * 0.42, min(size * 0.7, 24))  # a unit stays readable beside a small number
        runs.append(Run(figure.unit, unit_size, style.INK, gap=size * 0.08))
    return runs


def change_runs(figure: Figure, comparison: str, size: float) -> list[Run]:
    """"较2023年 ▲12.5%" (or 持平, 上年为0, 上年未填); nothing when no report is compared or the value is blank."""
    if not figure.compared or figure.value is None:
        return []
    runs = [Run(comparison, size, style.MUTED)]
    change, gap = figure.change, size * 0.3
    if change is None:
        return [*runs, Run("上年未填", size, style.MUTED, gap=gap)]
    if change.direction == 0:
        return [*runs, Run(change.amount_text, size, style.FLAT, bold=True, gap=gap)]
    color = style.UP if change.direction > 0 else style.DOWN
    return [*runs, Run("", size, color, arrow=change.direction, gap=gap),
            Run(change.amount_text, size, color, bold=True, gap=size * 0.12)]


def stat(canvas: Canvas, rect: QRectF, caption: str, figure: Figure, comparison: str, *,
         number_size: float = 80, caption_size: float = 30, align: Align = Align.AlignHCenter,
         color=style.RED) -> None:
    """Caption, number and change stacked and vertically centred in `rect`."""
    has_change = bool(change_runs(figure, comparison, caption_size))
    heights = [caption_size * 1.45 if caption else 0.0, number_size * 1.25, caption_size * 1.2 if has_change else 0.0]
    if sum(heights) > rect.height():  # shrink everything alike rather than overflow the box
        factor = rect.height() / sum(heights)
        heights = [h * factor for h in heights]
        number_size, caption_size = number_size * factor, caption_size * factor
    change = change_runs(figure, comparison, caption_size * 0.9)
    y = rect.top() + max(0.0, (rect.height() - sum(heights)) / 2)
    if caption:
        canvas.text(QRectF(rect.left(), y, rect.width(), heights[0]), caption, caption_size, style.MUTED, align=align)
    y += heights[0]
    canvas.runs(QRectF(rect.left(), y, rect.width(), heights[1]), number_runs(figure, number_size, color),
                align=align)
    y += heights[1]
    if change:
        canvas.runs(QRectF(rect.left(), y, rect.width(), heights[2]), change, align=align)


def card(canvas: Canvas, rect: QRectF) -> None:
    canvas.box(rect, style.CARD, style.RADIUS, style.CARD_LINE)


def section_heading(canvas: Canvas, top: float, number: int, text: str) -> float:
    """A numbered heading across the page (a red square with 一/二/三, the text, a rule). Returns its bottom."""
    height = 80.0
    left, right = style.MARGIN, PAGE_WIDTH - style.MARGIN
    mark = QRectF(left, top + 6, height - 12, height - 12)
    canvas.box(mark, style.RED, 10)
    canvas.text(mark, CHINESE_NUMERALS[number - 1], 40, style.WHITE, bold=True, align=Align.AlignHCenter)
    text_left = mark.right() + 24
    width = canvas.text(QRectF(text_left, top, right - text_left, height), text, 48, style.INK, bold=True)
    rule_left = text_left + width + 30
    if rule_left < right:
        canvas.line(QPointF(rule_left, top + height / 2), QPointF(right, top + height / 2), style.CARD_LINE, 3)
    return top + height

