"""The export feature of the main window: exporting the open report (the DocumentController's) from the 检查与导出
page — last year's unconfirmed paragraphs named first, save dialog, the export in a worker thread with a progress
indicator, then 打开文件 / 打开所在文件夹 — and 复制网页内容, the web page on the clipboard. Errors block the final
export; an explicit draft export stays possible (exporters.policy). Every kind — its name, suffixes, dialog
filter, options and build — comes from the exporter table (exporters.registry).

The worker (ui/worker.py `Background`) hands every failure back to the GUI thread: a UserError (a file that cannot be
written, no Chinese font …) shown by the main window's show_error as 导出失败; an unexpected one autosaved, logged and
shown as the crash handler does. Made when the clerk first exports, not at start-up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from exporters.policy import Verdict, export_verdict
from exporters.registry import EXPORTERS, Exporter
from models.errors import UserError
from models.findings import Finding, error_count
from models.report import Report
from models.storage import locations, settings
from models.storage.filenames import file_name
from ui.crash import report_failure
from ui.worker import Background

if TYPE_CHECKING:
    from ui.document_controller import DocumentController
    from ui.main_window import MainWindow


def documents_folder() -> Path:
    """文档 (My Documents): where a clerk looks for the file the leader is to sign, not the app's data folder."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else locations.drafts_dir()


def _export_work(exporter: Exporter, report: Report, path: Path, findings: list[Finding], previous: Report | None,
                 options: dict[str, bool]) -> Callable[[], Path]:
    """The export as work for a Worker: runs on a copy of the report, off the GUI thread, never touches a widget.

    Its own failures are UserErrors, handed back to be shown; anything else is an unexpected error, reported on the
    GUI thread as the crash handler does."""

    def work() -> Path:
        return exporter.export(report, path, findings=findings, previous=previous, options=options)

    return work


class ExportFlow(QObject):
    finished = Signal(object)  # Path, once written (for tests and the status bar)

    def __init__(self, controller: DocumentController, window: MainWindow) -> None:
        super().__init__(window)
        self.controller = controller
        self.parent_widget = window
        self.background = Background(self)
        # Where the clerk exported last time (kept across sessions in the settings), if it is still there.
        folder = settings.export_options().folder
        self.last_directory: Path | None = Path(folder) if folder and Path(folder).is_dir() else None

    def export(self, kind: str, path: Path | None = None) -> bool:
        """导出 Word / Excel / 一图读懂 (a kind of exporters.registry) of the open report, with the options ticked on
        the 检查与导出 page; `path` given, no save dialog. Returns whether the export was started."""
        doc, window = self.controller.doc, self.parent_widget
        if doc is None or window.editor is None:
            return False
        window.commit_pending()
        doc.check_all_pages()  # asked to export: a blank anywhere is now an error
        if EXPORTERS[kind].official and not doc.error_count() and not self._carried_text_kept():
            return False
        options = window.editor.pages["review"].export_options()  # type: ignore[attr-defined]
        return self.start(kind, doc.report, doc.findings, doc.previous, options, path, draft=doc.path)

    def _carried_text_kept(self) -> bool:
        """Before an official export: last year's paragraphs neither edited nor confirmed are named, and the clerk
        decides; "No" goes to the first of them."""
        from models.rules.text import text_location
        from models.tools.carried_text import carried_year

        doc, window = self.controller.doc, self.parent_widget
        assert doc is not None and window.editor is not None
        keys = doc.unconfirmed_texts()
        if not keys:
            return True
        listing = "\n".join(f"· {text_location(k)}（{carried_year(doc.report, k) or '上'}年度原文）" for k in keys)
        answer = QMessageBox.question(
            window, "还有上年度的原文",
            f"以下{len(keys)}段仍是上年度报告的原文，既未修改也未确认：\n{listing}\n\n"
            "正式报告将原样带出这些文字。仍要导出吗？选“否”转到第一段修改或确认。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            return True
        window.editor.show_text(keys[0])
        return False

    def copy_page(self) -> bool:
        """复制网页内容: the open report's web page on the clipboard — its article as HTML and its plain text for an
        editor that takes none — with the checks of 导出网页: last year's unconfirmed paragraphs named first; with
        errors, only a page marked 草稿（未通过校验）, if the clerk wants one. Returns whether it was copied."""
        from PySide6.QtCore import QMimeData
        from PySide6.QtGui import QGuiApplication

        from exporters.html_export import HtmlOptions, build_clipboard

        doc, window = self.controller.doc, self.parent_widget
        if doc is None or window.editor is None:
            return False
        window.commit_pending()
        doc.check_all_pages()  # as for an export: a blank anywhere is now an error
        errors = error_count(doc.findings)
        if not errors and not self._carried_text_kept():
            return False
        verdict = export_verdict(errors, False)
        if verdict is Verdict.REFUSE:
            if not self.confirm_draft(errors, "复制"):
                return False
            verdict = export_verdict(errors, True)
        options = HtmlOptions(allow_errors=verdict is Verdict.DRAFT)
        try:
            html, text = build_clipboard(doc.report, findings=list(doc.findings), previous=doc.previous,
                                         options=options)
        except UserError as error:
            window.show_error("无法复制网页内容", error)
            return False
        mime = QMimeData()
        mime.setHtml(html)
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mime)
        mark = "（草稿，未通过校验）" if verdict is Verdict.DRAFT else ""
        window.status(f"已复制网页内容{mark}，可粘贴到网站编辑器中。", 8000)
        return True

    def ask_path(self, kind: str, suggested: str, draft: Path | None = None) -> Path | None:
        exporter = EXPORTERS[kind]
        folder = self.last_directory or (draft.parent if draft else documents_folder())
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, f"导出{exporter.name}",
                                              str(folder / suggested), exporter.file_filter)
        if not name:
            return None
        path = Path(name)
        return path if exporter.accepts(path) else path.with_name(path.name + exporter.suffix)

    def confirm_draft(self, errors: int, action: str = "导出") -> bool:
        answer = QMessageBox.question(
            self.parent_widget, "报告还有错误",
            f"报告还有{errors}个错误，不能{action}正式文件。\n\n是否{action}标有“草稿（未通过校验）”的草稿，供讨论使用？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def start(self, kind: str, report: Report, findings: list[Finding], previous: Report | None,
              options: dict[str, bool], path: Path | None = None, draft: Path | None = None) -> bool:
        exporter = EXPORTERS[kind]
        errors = error_count(findings)
        verdict = export_verdict(errors, False, official=exporter.official)
        if verdict is Verdict.REFUSE:
            if not self.confirm_draft(errors):
                return False
            verdict = export_verdict(errors, True, official=exporter.official)
        if path is None:
            # The official report is named by its title alone; anything else says what it is (…一图读懂.png).
            stem = report.title if exporter.official else f"{report.title}{exporter.name}"
            path = self.ask_path(kind, file_name(f"{stem}{'（草稿）' if verdict is Verdict.DRAFT else ''}",
                                                 exporter.suffix), draft)
            if path is None:
                return False
        self.last_directory = path.parent
        options = {**options, "allow_errors": verdict is Verdict.DRAFT}
        if not self.confirm_companions(exporter.companion_paths(path, options)):
            return False
        progress = QProgressDialog(f"正在导出{exporter.name}……", "", 0, 0, self.parent_widget)
        progress.setWindowTitle("导出")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # only shown when the export takes noticeable time
        companions = exporter.companion_paths(path, options)
        self.background.start(_export_work(exporter, report.copy(), path, list(findings), previous, options),
                              done=lambda written: self._done(progress, kind, written, companions),
                              failed=lambda error: self._failed(progress, error),
                              crashed=lambda details: self._crashed(progress, kind, details))
        return True

    def confirm_companions(self, companions: list[Path]) -> bool:
        """The save dialog asked about the report's own file; the files written beside it are asked about here."""
        existing = [path for path in companions if path.exists()]
        if not existing:
            return True
        listing = "\n".join(f"· {path.name}" for path in existing)
        answer = QMessageBox.question(
            self.parent_widget, "文件已存在", f"以下文件已存在，导出将替换它们：\n{listing}\n\n要替换吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _done(self, progress: QProgressDialog, kind: str, written: Path, companions: list[Path]) -> None:
        _dismiss(progress)
        settings.remember_export(folder=written.parent)
        self.parent_widget.status(f"已导出：{written}", 8000)
        self.finished.emit(written)
        self.offer_open(kind, written, companions)

    def _failed(self, progress: QProgressDialog, error: UserError) -> None:
        _dismiss(progress)
        self.parent_widget.show_error("导出失败", error, critical=True)

    def _crashed(self, progress: QProgressDialog, kind: str, details: str) -> None:
        _dismiss(progress)
        report_failure(self.parent_widget, f"{EXPORTERS[kind].name}没有导出", details, self.controller.autosave)

    def offer_open(self, kind: str, written: Path, companions: list[Path] = ()) -> None:
        beside = "".join(f"\n另存：{path.name}" for path in companions)
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成",
                          f"已导出{EXPORTERS[kind].name}：\n{written}{beside}", parent=self.parent_widget)
        open_file = box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written.parent)))

    def wait(self) -> None:
        """Block until running exports are written (closing the window, tests)."""
        self.background.wait()


def _dismiss(progress: QProgressDialog) -> None:
    """Close the export's progress dialog and free it: as a child of the main window it would otherwise live, with
    its widgets, as long as the window (one more for every export of the day)."""
    progress.close()
    progress.deleteLater()
