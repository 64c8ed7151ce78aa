"""The report's pages drawn: onto any paint device (a printer, the print preview), into a PDF, to a file.

    pages = lay_out(report, findings)            # ReportPages: pages, fonts used, the texts drawn
    paint_pages(painter, device, pages)          # a QPrinter (printing, QPrintPreviewWidget) or a QPdfWriter
    pdf_bytes(pages, report)                     # A4, fonts embedded, the text layer corrected (render.pdf_text)
    export_pdf(report, path, findings=…, previous=…, options=…)   # the exporter table's build (exporters.registry)

QtGui only (no widgets): the command line draws offscreen (render.infographic.output.ensure_gui_application).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from exporters.errors import ExportError
from exporters.fonts import font_set
from exporters.policy import draft_or_refuse
from models.app_info import APP_NAME
from models.findings import Finding, error_count
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.atomic import WriteFailed, atomic_write
from render.pdf_text import fix_text_layer
from render.report.fonts import FontChoice, PageFonts
from render.report.typeset import Page, typeset

PDF_RESOLUTION = 1200
#: Table rules: 0.5 pt (Word's w:sz="4"), in twips.
RULE_TWIPS = 10


@dataclass
class ReportPages:
    """The report set on pages, the fonts used for the fonts named, and every (font, text) drawn."""

    pages: list[Page]
    fonts: list[FontChoice]
    pieces: list[tuple[QFont, str]]
    draft: bool

    def __len__(self) -> int:
        return len(self.pages)


def lay_out(report: Report, findings: list[Finding] | None = None, previous: Report | None = None, *,
            official_fonts: bool = True, draft: bool | None = None) -> ReportPages:
    """The report's pages; `draft` None: marked 草稿（未通过校验） when the findings hold an error."""
    if draft is None:
        draft = bool(error_count(evaluate(report, previous) if findings is None else findings))
    fonts = PageFonts.of(font_set(official_fonts))
    pages, pieces = typeset(report, fonts, draft)
    return ReportPages(pages, fonts.choices(), pieces, draft)


def page_layout(page: Page) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if page.frame.landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))


def paint_page(painter: QPainter, page: Page, target: QRectF) -> None:
    """Draw `page` into `target` (device units, the whole sheet). A landscape page on a portrait sheet is turned a
    quarter to the left, its top edge at the binding, as a landscape section of the Word file prints."""
    painter.save()
    painter.translate(target.topLeft())
    frame = page.frame
    turn = frame.landscape and target.width() < target.height()
    if turn:
        painter.translate(0, target.height())
        painter.rotate(-90)
        painter.scale(target.height() / frame.width, target.width() / frame.height)
    else:
        painter.scale(target.width() / frame.width, target.height() / frame.height)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    pen = QPen(QColor(0, 0, 0))
    pen.setWidthF(RULE_TWIPS)
    painter.setPen(pen)
    painter.setBrush(QColor(0, 0, 0, 0))
    for rect in page.rules:
        painter.drawRect(rect)
    for op in page.texts:
        painter.setPen(op.color)
        if op.line >= 0:
            op.layout.lineAt(op.line).draw(painter, op.pos)
        else:
            op.layout.draw(painter, op.pos)
    painter.restore()


def paint_pages(painter: QPainter, device: QPagedPaintDevice, pages: ReportPages, *, turn: bool = True,
                first: int = 1, last: int = 0) -> None:
    """Every page (or `first`…`last`) on `device`, whose painter is active: each page with its own orientation on a
    PDF (`turn` False), turned onto the portrait sheet of a printer (`turn` True)."""
    chosen = [p for p in pages.pages if p.number >= first and (not last or p.number <= last)]
    for n, page in enumerate(chosen):
        if not turn:
            device.setPageLayout(page_layout(page))
        if n:
            device.newPage()
        rect = device.pageLayout().fullRectPixels(device.resolution()) if not turn else _sheet(device)
        paint_page(painter, page, QRectF(rect))


def _sheet(device: QPagedPaintDevice) -> QRectF:
    """The whole sheet in the device's coordinates (a printer's origin is at its printable area's corner)."""
    layout = device.pageLayout()
    full = QRectF(layout.fullRectPixels(device.resolution()))
    paint = QRectF(layout.paintRectPixels(device.resolution()))
    return QRectF(QPointF(-paint.left(), -paint.top()), QSizeF(full.size()))


def pdf_bytes(pages: ReportPages, report: Report) -> bytes:
    """The pages as a PDF: A4, the page's own orientation, fonts embedded, the report's title and agency in its
    document information, the text layer reading as the text drawn."""
    from render.infographic.output import ensure_gui_application

    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_1_6)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(report.title)
    writer.setAuthor(report.meta.agency)
    writer.setCreator(APP_NAME)
    if pages.pages:
        writer.setPageLayout(page_layout(pages.pages[0]))
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("QPainter.begin(QPdfWriter) failed")
    try:
        paint_pages(painter, writer, pages, turn=False)
    finally:
        painter.end()
    buffer.close()
    return fix_text_layer(bytes(data.data()), shaping_pieces(pages.pieces))


def shaping_pieces(pieces: list[tuple[QFont, str]]) -> list[tuple[QFont, str]]:
    """The texts drawn, each font taken at one size and without letter spacing: neither changes which glyph a
    character gets, and render.pdf_text then shapes each character once per face rather than once per size."""
    by_font: dict[str, tuple[QFont, set[str]]] = {}
    for font, text in pieces:
        plain = QFont(font)
        plain.setPixelSize(100)
        plain.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0)
        entry = by_font.setdefault(plain.key(), (plain, set()))
        entry[1].update(text)
    return [(font, "".join(sorted(chars))) for font, chars in by_font.values()]


def export_pdf(report: Report, path: Path | str, *, findings: list[Finding] | None = None,
               previous: Report | None = None, options: Mapping[str, Any] | None = None) -> Path:
    """Write the report as a PDF laid out as the Word file (`allow_errors`: a draft marked 草稿（未通过校验）;
    `official_fonts`: the 公文 fonts or the stock Windows ones, each as the machine has it). Raises ExportRefused
    when errors block it, ExportError when it cannot be written."""
    from render.infographic.output import ensure_gui_application

    path = Path(path)
    options = options or {}
    if findings is None:
        findings = evaluate(report, previous)
    draft = draft_or_refuse(error_count(findings), bool(options.get("allow_errors")), path)
    ensure_gui_application()
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        raise ExportError(path, f"无法导出“{path.name}”：本机没有中文字体，PDF 中的汉字会显示为方框。请先安装中文字体"
                                "（如 fonts-noto-cjk）后再导出。")
    pages = lay_out(report, findings, previous, official_fonts=bool(options.get("official_fonts", True)),
                    draft=draft)
    try:
        data = pdf_bytes(pages, report)
    except RuntimeError as exc:
        raise ExportError(path, f"无法生成“{path.name}”：绘图失败（{exc}）。") from exc
    try:
        atomic_write(path, data)
    except WriteFailed as exc:
        raise ExportError(path, exc.message) from exc
    return path
