"""Writing the 一图读懂 page to PNG or PDF (A4 portrait), atomically, with Chinese error messages.

Works without a display: when no Qt application exists yet one is created, offscreen on Linux unless
QT_QPA_PLATFORM says otherwise. Rendering draws into a QImage or QPdfWriter only, so it may run in a worker thread
of the GUI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from models.app_info import APP_NAME
from models.errors import UserError
from models.report import Report
from models.storage.atomic import WriteFailed, atomic_write
from models.tools.summary import YearFigures, summarize
from render.infographic.canvas import PAGE_HEIGHT, PAGE_WIDTH, DrawnText, page_font
from render.infographic.page import TITLE_MARK, paint
from render.pdf_text import fix_text_layer

DEFAULT_DPI = 200
MIN_DPI, MAX_DPI = 72, 600
PDF_RESOLUTION = 300

_application: QGuiApplication | None = None  # kept alive for the process when we had to create it


class InfographicError(UserError):
    """The page could not be written to `path`; `message` (Chinese) names the file and says what to do."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None
        self.message = message


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen on Linux when no platform is chosen)."""
    global _application
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:  # a QCoreApplication: fonts and painting are unavailable in this process
        raise RuntimeError("a QCoreApplication is running; drawing needs a QGuiApplication")
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform not in ("win32", "darwin"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # drawing to a file never needs a display
    from render.offscreen_fonts import offscreen_fonts_on_windows

    offscreen_fonts_on_windows()
    _application = QGuiApplication(sys.argv[:1] or ["main.py"])
    return _application


def page_size_pixels(dpi: int) -> tuple[int, int]:
    """The A4 page in pixels at `dpi`."""
    return round(PAGE_WIDTH / 254 * dpi), round(PAGE_HEIGHT / 254 * dpi)


def render_image(figures: YearFigures, dpi: int = DEFAULT_DPI) -> tuple[QImage, list[DrawnText]]:
    """The page as an image at `dpi` (A4 portrait) and the texts drawn on it."""
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"dpi must be between {MIN_DPI} and {MAX_DPI}, not {dpi}")  # see render_png
    ensure_gui_application()
    width, height = page_size_pixels(dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise MemoryError(f"cannot allocate a {width}×{height} image")
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        drawn = paint(painter, QRectF(0, 0, width, height), figures)
    finally:
        painter.end()
    return image, drawn


def png_bytes(figures: YearFigures, dpi: int = DEFAULT_DPI) -> bytes:
    image, _ = render_image(figures, dpi)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("QImage.save failed")
    buffer.close()
    return bytes(data.data())


def pdf_bytes(figures: YearFigures) -> tuple[bytes, list[DrawnText]]:
    """One A4 portrait page, vector text with the fonts embedded and a text layer that reads as drawn; and the
    texts drawn."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(f"{figures.title} {TITLE_MARK}")
    writer.setCreator(APP_NAME)
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("QPainter.begin(QPdfWriter) failed")
    try:
        drawn = paint(painter, QRectF(0, 0, writer.width(), writer.height()), figures)
    finally:
        painter.end()
    buffer.close()
    return fix_text_layer(bytes(data.data()), [(page_font(d.size, d.bold), d.text) for d in drawn]), drawn


def render_png(report: Report, path: Path | str, previous: Report | None = None, dpi: int = DEFAULT_DPI) -> Path:
    """Write the page of `report` (compared with `previous`, or the report embedded at carry-over) as a PNG."""
    path = Path(path)
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise InfographicError(path, f"无法导出“{path.name}”：分辨率应在{MIN_DPI}至{MAX_DPI}之间（现为{dpi}）。")
    return _write(path, lambda: png_bytes(summarize(report, previous), dpi))


def render_pdf(report: Report, path: Path | str, previous: Report | None = None) -> Path:
    """Write the page of `report` as a one-page A4 portrait PDF."""
    path = Path(path)
    return _write(path, lambda: pdf_bytes(summarize(report, previous))[0])


def render(report: Report, path: Path | str, previous: Report | None = None, dpi: int = DEFAULT_DPI) -> Path:
    """PNG or PDF by the suffix of `path`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return render_pdf(report, path, previous)
    if suffix == ".png":
        return render_png(report, path, previous, dpi)
    raise InfographicError(path, f"无法导出“{path.name}”：一图读懂只能保存为 PNG 图片（.png）或 PDF 文件（.pdf）。")


def _write(path: Path, build) -> Path:
    ensure_gui_application()
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        raise InfographicError(path, f"无法导出“{path.name}”：本机没有中文字体，图中的汉字会显示为方框。"
                                     f"请先安装中文字体{_font_hint()}，再导出。")
    try:
        data = build()
    except MemoryError:
        raise InfographicError(path, f"无法生成“{path.name}”：内存不足。请降低分辨率后再试。") from None
    except RuntimeError as exc:
        raise InfographicError(path, f"无法生成“{path.name}”：绘图失败（{exc}）。") from exc
    try:
        atomic_write(path, data)
    except WriteFailed as exc:
        raise InfographicError(path, exc.message) from exc
    return path


def _font_hint() -> str:
    """How to install a Chinese font here: the apt command on Linux."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        import sysdeps
    except ImportError:  # the frozen app does not carry the source tree's sysdeps.py
        return "（如 sudo apt-get install fonts-noto-cjk）"
    return f"（{sysdeps.install_command(list(sysdeps.GROUPS['fonts'].packages))}）"
