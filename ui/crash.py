"""The last line of defence: an unhandled exception autosaves first, is logged, and is shown in Chinese.

The app keeps running where it can; the traceback goes to the log file in the platformdirs log folder, never to
the clerk. Work done off the GUI thread runs in a `ui.worker.Worker`, which hands every error back to the GUI thread:
there an unexpected one is handled as the crash handler does (`report_failure`). An exception that still reaches the
hook on another thread is passed to the GUI thread too; no dialog or autosave ever runs on a worker's thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

LOG_NAME = "app.log"
log = logging.getLogger("govreport")


class _StderrHandler(logging.Handler):
    """The log when no log file can be written: to whatever sys.stderr is then (None in a windowed build)."""

    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stderr
        if stream is None:
            return
        try:
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:
            self.handleError(record)


def setup_logging() -> None:
    """Log to app.log in the log folder; when it cannot be written (a read-only profile), to stderr. Never raises:
    the crash handler uses it."""
    from logging.handlers import RotatingFileHandler

    from models.storage import locations

    target = locations.logs_dir() / LOG_NAME
    for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) == target:
            return
        log.removeHandler(old)  # the data folder moved (GOVREPORT_HOME): the log follows it
        old.close()
    try:
        handler: logging.Handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = _StderrHandler()
    for old in [h for h in log.handlers if isinstance(h, _StderrHandler)]:
        log.removeHandler(old)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def log_file() -> Path | None:
    """The log file being written, None when there is none (the log folder cannot be written)."""
    from logging.handlers import RotatingFileHandler

    return next((Path(h.baseFilename) for h in log.handlers if isinstance(h, RotatingFileHandler)), None)


def on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is None or QThread.currentThread() is app.thread()


def _autosave_safely(autosave: Callable[[], object] | None) -> bool:
    if autosave is None:
        return False
    try:
        return bool(autosave())
    except Exception:
        log.exception("autosave during error handling failed")
        return False


class _Relay(QObject):
    """Carries the text of an error raised on another thread to the GUI thread (made on the GUI thread)."""

    error = Signal(str)

    def __init__(self, handle: Callable[[str], None]) -> None:
        super().__init__()
        self._handle = handle
        # An automatic connection queues what another thread emits to this object's (the GUI) thread. Qt's
        # namespace is not needed for that, and loading it costs ~15 ms of the start-up.
        self.error.connect(self.deliver)

    @Slot(str)
    def deliver(self, text: str) -> None:
        self._handle(text)


def install(autosave: Callable[[], object], parent: Callable[[], QWidget | None]) -> None:
    """Replace sys.excepthook (and threading.excepthook): autosave, log, then a dialog with 打开日志文件夹."""

    shown: set[str] = set()
    busy = [False]

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        if not on_gui_thread():
            relay.error.emit(text)  # a dialog and an autosave are only safe on the GUI thread
            return
        handle(text)

    def handle(text: str) -> None:
        setup_logging()
        if busy[0] or text in shown:
            # An error repeating on every repaint, or raised while the dialog is up: logged once, shown once.
            if text not in shown:
                log.error("unhandled exception (while handling another)\n%s", text)
            shown.add(text)
            return
        shown.add(text)
        busy[0] = True
        try:
            _handle(text)
        finally:
            busy[0] = False

    def _handle(text: str) -> None:
        saved = _autosave_safely(autosave)
        log.error("unhandled exception\n%s", text)
        if QApplication.instance() is not None:
            show_dialog(parent(), saved)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and not issubclass(args.exc_type, SystemExit):
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    relay = _Relay(handle)
    sys.excepthook = hook
    threading.excepthook = thread_hook


def report_failure(parent: QWidget | None, outcome: str, details: str,
                   autosave: Callable[[], object] | None = None) -> None:
    """An unexpected error a worker handed back, on the GUI thread, handled as the crash handler does: autosave
    first, the traceback to the log, then the Chinese dialog. `outcome` says what did not happen (一图读懂没有导出)."""
    saved = _autosave_safely(autosave)
    setup_logging()
    log.error("unexpected error in a worker (%s)\n%s", outcome, details)
    show_dialog(parent, saved, outcome)


def show_dialog(parent: QWidget | None, saved: bool, outcome: str = "当前操作没有完成") -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    written = log_file()
    where = (f"错误详情已写入日志：{written}\n请将日志发给技术支持人员。" if written is not None else
             "日志文件夹不可写，错误详情没有写入日志文件。请记下出错前的操作，告知技术支持人员。")
    box = QMessageBox(QMessageBox.Icon.Critical, "程序出错",
                      f"程序遇到意外错误，{outcome}。"
                      + ("未保存的内容已自动保存，下次启动时可以恢复。" if saved else "") + "\n\n" + where,
                      parent=parent)
    open_logs = box.addButton("打开日志文件夹", QMessageBox.ButtonRole.ActionRole) if written is not None else None
    box.addButton("继续使用", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if open_logs is not None and box.clickedButton() is open_logs:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written.parent)))
