"""The 一图读懂 page: header, 主动公开 cards, 依申请公开 flow and charts, 复议/诉讼 bars, notes. A4 portrait."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from models.format import format2021 as fmt
from models.tools.summary import BLANK, ActiveFigures, CaseBlock, CaseFigures, RequestFigures, YearFigures, plain_label
from render.infographic import style
from render.infographic.canvas import PAGE_HEIGHT, PAGE_WIDTH, Align, Canvas, DrawnText, Run, map_page
from render.infographic.charts import applicant_ring, outcome_bars, stacked_bar
from render.infographic.parts import card, section_heading, stat

TITLE_MARK = "一图读懂"
LEFT, RIGHT = style.MARGIN, PAGE_WIDTH - style.MARGIN
WIDTH = RIGHT - LEFT


def paint(painter: QPainter, target: QRectF, figures: YearFigures) -> list[DrawnText]:
    """Draw the page into `target` (any size; the page keeps its A4 proportions). Returns every text drawn."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        map_page(painter, target)
        canvas = Canvas(painter)
        canvas.box(QRectF(0, 0, PAGE_WIDTH, PAGE_HEIGHT), style.WHITE)
        top = _header(canvas, figures)
        top = _active(canvas, top + 40, figures.active, figures.comparison)
        top = _requests(canvas, top + 40, figures.requests, figures.comparison)
        top = _cases(canvas, top + 40, figures.cases, figures.comparison)
        _notes(canvas, figures)
        return canvas.drawn
    finally:
        painter.restore()


def _header(canvas: Canvas, figures: YearFigures) -> float:
    height = 400.0
    canvas.box(QRectF(0, 0, PAGE_WIDTH, height), style.RED)
    canvas.box(QRectF(0, height - 12, PAGE_WIDTH, 12), style.GOLD)
    width = PAGE_WIDTH - 2 * LEFT
    if figures.agency:
        canvas.text(QRectF(LEFT, 40, width, 96), figures.agency, 62, style.WHITE, bold=True,
                    align=Align.AlignHCenter)
    report = fmt.report_title("", figures.year)
    canvas.text(QRectF(LEFT, 134 if figures.agency else 80, width, 110), report, 76, style.WHITE,
                align=Align.AlignHCenter)
    pill = QRectF(PAGE_WIDTH / 2 - 290, 262, 580, 104)
    canvas.box(pill, style.GOLD, 52)
    canvas.text(pill, TITLE_MARK, 72, style.RED_DARK, bold=True, align=Align.AlignHCenter, spacing=24)
    return height


def _active(canvas: Canvas, top: float, active: ActiveFigures, comparison: str) -> float:
    top = section_heading(canvas, top, 1, active.heading) + 24
    half = (WIDTH - style.GAP) / 2
    height = 270.0
    for i, row in enumerate(active.documents):
        box = QRectF(LEFT + i * (half + style.GAP), top, half, height)
        card(canvas, box)
        canvas.text(QRectF(box.left() + 36, box.top() + 16, box.width() - 72, 64), row.label, 38, style.RED_DARK,
                    bold=True)
        inner = QRectF(box.left() + 20, box.top() + 80, box.width() - 40, height - 96)
        column = inner.width() / 2
        for j, figure in enumerate((row.issued, row.in_force)):
            stat(canvas, QRectF(inner.left() + j * column, inner.top(), column, inner.height()), figure.label,
                 figure, comparison, number_size=82)
        mid = inner.left() + column
        canvas.line(QPointF(mid, inner.top() + 20), QPointF(mid, inner.bottom() - 16), style.CARD_LINE, 3)
    top += height + style.GAP
    figures = (*active.decisions, active.fees)
    captions = (*(active.decisions_caption for _ in active.decisions), active.fees_caption)
    quarter = (WIDTH - 3 * style.GAP) / 4
    for i, (figure, caption) in enumerate(zip(figures, captions, strict=True)):
        box = QRectF(LEFT + i * (quarter + style.GAP), top, quarter, height)
        card(canvas, box)
        canvas.text(QRectF(box.left() + 20, box.top() + 16, box.width() - 40, 64), figure.label, 38, style.RED_DARK,
                    bold=True, align=Align.AlignHCenter)
        stat(canvas, QRectF(box.left() + 20, box.top() + 80, box.width() - 40, height - 96), caption, figure,
             comparison, number_size=76, caption_size=28)
    return top + height


def _requests(canvas: Canvas, top: float, requests: RequestFigures, comparison: str) -> float:
    top = section_heading(canvas, top, 2, requests.heading) + 24
    flow = (requests.new, requests.carried_in, requests.handled, requests.carried_out)
    joint = 80.0
    width = (WIDTH - 3 * joint) / 4
    height = 220.0
    for i, figure in enumerate(flow):
        box = QRectF(LEFT + i * (width + joint), top, width, height)
        card(canvas, box)
        stat(canvas, box.adjusted(16, 10, -16, -10), figure.label, figure, comparison, number_size=76,
             caption_size=32)
        if i < len(flow) - 1:
            mid = QRectF(box.right(), top, joint, height)
            if i == 1:
                canvas.triangle(QRectF(mid.center().x() - 18, mid.center().y() - 26, 36, 52), 0, style.RED)
            else:
                canvas.text(mid, "+", 64, style.RED, bold=True, align=Align.AlignHCenter)
    top += height + style.GAP
    chart_height = 500.0
    left_width = WIDTH * 0.64
    bars = QRectF(LEFT, top, left_width, chart_height)
    card(canvas, bars)
    outcome_bars(canvas, bars.adjusted(30, 16, -20, -20), plain_label(fmt.T3_RESULTS_BAND), requests)
    ring = QRectF(LEFT + left_width + style.GAP, top, WIDTH - left_width - style.GAP, chart_height)
    card(canvas, ring)
    applicant_ring(canvas, ring.adjusted(20, 16, -20, -16), f"{requests.new.label}·{fmt.T3_APPLICANTS}", requests)
    return top + chart_height


def _cases(canvas: Canvas, top: float, cases: CaseFigures, comparison: str) -> float:
    top = section_heading(canvas, top, 3, cases.heading) + 24
    height = 160.0
    for block in (cases.review, *cases.suits):
        _case_row(canvas, QRectF(LEFT, top, WIDTH, height), block, cases, comparison)
        top += height + 20
    return top - 20


def _case_row(canvas: Canvas, box: QRectF, block: CaseBlock, cases: CaseFigures, comparison: str) -> None:
    card(canvas, box)
    label = QRectF(box.left() + 36, box.top(), 380, box.height())
    if block is cases.review:
        canvas.text(label, block.label, 42, style.RED_DARK, bold=True)
    else:
        canvas.text(QRectF(label.left(), label.top() + 28, label.width(), 44), cases.suit_heading, 28, style.MUTED)
        canvas.text(QRectF(label.left(), label.top() + 70, label.width(), 60), block.label, 38, style.RED_DARK,
                    bold=True)
    total = QRectF(label.right() + 10, box.top() + 8, 340, box.height() - 16)
    stat(canvas, total, fmt.T4_COLUMN_BY_KEY["total"].label, block.total, comparison, number_size=60,
         caption_size=26, align=Align.AlignLeft)
    bar_left = total.right() + 30
    stacked_bar(canvas, QRectF(bar_left, box.top() + 26, box.right() - 36 - bar_left, box.height() - 44), block)


def _notes(canvas: Canvas, figures: YearFigures) -> None:
    top = PAGE_HEIGHT - 240
    canvas.line(QPointF(LEFT, top), QPointF(RIGHT, top), style.CARD_LINE, 3)
    source = figures.title if figures.agency or figures.year else fmt.report_title("", None)
    lines = [[Run(f"数据来源：{source}", 28, style.MUTED)],
             [Run(f"注：“{BLANK}”表示报告中未填写的数字；收费金额单位为万元，其余单位为件。", 28, style.MUTED)]]
    if figures.compared:
        last = f"{figures.previous_year}年度报告" if figures.previous_year else "上年度报告"
        lines.append([Run(f"“{figures.comparison}”为与{last}相比的增减幅度：", 28, style.MUTED),
                      Run("", 28, style.UP, arrow=1, gap=6), Run("增加，", 28, style.MUTED, gap=6),
                      Run("", 28, style.DOWN, arrow=-1), Run("减少；上年为0时不计算幅度。", 28, style.MUTED, gap=6)])
    for i, runs in enumerate(lines):
        canvas.runs(QRectF(LEFT, top + 16 + i * 54, WIDTH, 54), runs)
    canvas.box(QRectF(0, PAGE_HEIGHT - 40, PAGE_WIDTH, 40), style.RED)
