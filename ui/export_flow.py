"""Exporting from the 检查与导出 page: save dialog, the export in a worker thread with a progress indicator, then
打开文件 / 打开所在文件夹. Errors block the final export; an explicit draft export stays possible (exporters.policy).
Every kind — its name, suffixes, dialog filter, options and build — comes from the exporter table (exporters.registry).

The worker (ui/worker.py) hands every failure back to the GUI thread: a UserError (a file that cannot be written, no
Chinese font …) shown by the main window's show_error as 导出失败; an unexpected one autosaved, logged and shown as
the crash handler does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from exporters.policy import Verdict, export_verdict
from exporters.registry import EXPORTERS, Exporter
from models import locations
from models.errors import UserError
from models.filenames import file_name
from models.findings import Finding, error_count
from models.report import Report
from ui.crash import report_failure
from ui.worker import Worker


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

    def __init__(self, parent: QWidget, autosave: Callable[[], object] | None = None,
                 show_error: Callable[..., object] | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        # What an unexpected error in an export saves first (the main window's autosave).
        self.autosave = autosave if autosave is not None else getattr(parent, "autosave", None)
        # How a failure the clerk can act on is shown (the main window's show_error).
        self.show_error = show_error if show_error is not None else parent.show_error  # type: ignore[attr-defined]
        self._tasks: list[Worker] = []
        self.last_directory: Path | None = None

    def ask_path(self, kind: str, suggested: str, draft: Path | None = None) -> Path | None:
        exporter = EXPORTERS[kind]
        folder = self.last_directory or (draft.parent if draft else documents_folder())
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, f"导出{exporter.name}",
                                              str(folder / suggested), exporter.file_filter)
        if not name:
            return None
        path = Path(name)
        return path if exporter.accepts(path) else path.with_name(path.name + exporter.suffix)

    def confirm_draft(self, errors: int) -> bool:
        answer = QMessageBox.question(
            self.parent_widget, "报告还有错误",
            f"报告还有{errors}个错误，不能导出正式文件。\n\n是否导出标有“草稿（未通过校验）”的草稿，供讨论使用？",
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
        task = Worker(_export_work(exporter, report.copy(), path, list(findings), previous, options))
        progress = QProgressDialog(f"正在导出{exporter.name}……", "", 0, 0, self.parent_widget)
        progress.setWindowTitle("导出")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # only shown when the export takes noticeable time
        task.signals.done.connect(lambda written: self._done(task, progress, kind, written),
                                  Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(lambda error: self._failed(task, progress, error),
                                    Qt.ConnectionType.QueuedConnection)
        task.signals.crashed.connect(lambda details: self._crashed(task, progress, kind, details),
                                     Qt.ConnectionType.QueuedConnection)
        self._tasks.append(task)
        task.setAutoDelete(False)
        QThreadPool.globalInstance().start(task)
        return True

    def _done(self, task: Worker, progress: QProgressDialog, kind: str, written: Path) -> None:
        _dismiss(progress)
        self._tasks.remove(task)
        self.finished.emit(written)
        self.offer_open(kind, written)

    def _failed(self, task: Worker, progress: QProgressDialog, error: UserError) -> None:
        _dismiss(progress)
        self._tasks.remove(task)
        self.show_error("导出失败", error, critical=True)

    def _crashed(self, task: Worker, progress: QProgressDialog, kind: str, details: str) -> None:
        _dismiss(progress)
        self._tasks.remove(task)
        report_failure(self.parent_widget, f"{EXPORTERS[kind].name}没有导出", details, self.autosave)

    def offer_open(self, kind: str, written: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成", f"已导出{EXPORTERS[kind].name}：\n{written}",
                          parent=self.parent_widget)
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
        QThreadPool.globalInstance().waitForDone()


def _dismiss(progress: QProgressDialog) -> None:
    """Close the export's progress dialog and free it: as a child of the main window it would otherwise live, with
    its widgets, as long as the window (one more for every export of the day)."""
    progress.close()
    progress.deleteLater()
