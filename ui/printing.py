"""打印预览 and 打印: the open report on its 公文 pages (render/report, laid out as the Word export), inside the app.

`PrintFeature` (`window.printing`, made when first used) serves 文件 → 打印预览 and 打印 (Ctrl+P) and the 检查与导出
page's button.
The preview is a dialog around QPrintPreviewWidget: zoom, one or two pages side by side, 打印 (the printer's own
dialog, A4), and a status line with the page count and the fonts used for the fonts the Word file names. A report
with errors previews and prints marked 草稿（未通过校验）, as the Word file is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from render.report import ReportPages, describe, lay_out, paint_pages

if TYPE_CHECKING:
    from ui.document_controller import DocumentController
    from ui.main_window import MainWindow


def a4_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title)
    return printer


def print_pages(printer: QPrinter, pages: ReportPages) -> None:
    """Paint `pages` (the range chosen in the print dialog, if any) on `printer`."""
    first, last = 1, 0
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
        first, last = printer.fromPage(), printer.toPage()
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        paint_pages(painter, printer, pages, turn=True, first=first, last=last)
    finally:
        painter.end()


def status_text(pages: ReportPages) -> str:
    draft = "标有“草稿（未通过校验）”；" if pages.draft else ""
    return f"共{len(pages)}页；{draft}{describe(pages.fonts)}"


class PrintPreview(QDialog):
    """The report's pages as they will print."""

    def __init__(self, pages: ReportPages, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.setWindowTitle(f"打印预览 - {title}")
        self.printer = a4_printer(title)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(lambda printer: print_pages(printer, self.pages))
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        bar = QHBoxLayout()
        for text, slot in (("适合宽度(&W)", self.preview.fitToWidth), ("整页(&F)", self.preview.fitInView),
                           ("放大(&+)", lambda: self.preview.zoomIn()), ("缩小(&-)", lambda: self.preview.zoomOut()),
                           ("单页(&1)", self.preview.setSinglePageViewMode),
                           ("双页(&2)", self.preview.setFacingPagesViewMode)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        self.print_button = QPushButton("打印(&P)…")
        self.print_button.setToolTip("用打印机的对话框打印（A4），Ctrl+P")
        self.print_button.clicked.connect(self.print_report)
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        for button in self.findChildren(QPushButton):  # Enter must not print (nor zoom): only a click or Ctrl+P
            button.setAutoDefault(False)
            button.setDefault(False)
        self.status = QLabel(status_text(pages))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)
        self.resize(900, 680)  # within 1366×768 with the taskbar

    def page_count(self) -> int:
        return self.preview.pageCount()

    def print_report(self) -> bool:
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle("打印")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.preview.print()
        return True


class PrintFeature(QObject):
    """文件 → 打印预览 / 打印 for the controller's open report."""

    def __init__(self, controller: DocumentController, window: MainWindow) -> None:
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.dialog: PrintPreview | None = None

    def pages(self) -> ReportPages | None:
        doc, window = self.controller.doc, self.window
        if doc is None:
            return None
        window.commit_pending()
        official = True
        if window.editor is not None:
            official = window.editor.pages["review"].export_options()["official_fonts"]  # type: ignore[attr-defined]
        return lay_out(doc.report, None, doc.previous, official_fonts=official)

    def preview(self) -> PrintPreview | None:
        """Open the preview (modeless, one at a time); returns it."""
        pages = self.pages()
        if pages is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = PrintPreview(pages, self.controller.doc.report.title, self.window)  # type: ignore[union-attr]
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.show()
        self.window.status(status_text(pages), 10000)
        return self.dialog

    def _forget(self, *_args) -> None:
        self.dialog = None

    def print_report(self) -> bool:
        """Ctrl+P: the printer's own dialog, then the pages."""
        pages = self.pages()
        if pages is None:
            return False
        printer = a4_printer(self.controller.doc.report.title)  # type: ignore[union-attr]
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("打印")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        print_pages(printer, pages)
        self.window.status(f"已送往打印机：{printer.printerName() or printer.outputFileName()}", 8000)
        return True
