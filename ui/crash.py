"""The last line of defence: an unhandled exception autosaves first, is logged, and is shown in Chinese.

The app keeps running where it can; the traceback goes to the log file in the platformdirs log folder, never to
the clerk.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

LOG_NAME = "app.log"
log = logging.getLogger("govreport")


def setup_logging() -> None:
    from logging.handlers import RotatingFileHandler

    from models import locations

    if any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        return
    try:
        handler = RotatingFileHandler(locations.logs_dir() / LOG_NAME, maxBytes=1_000_000, backupCount=3,
                                      encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def install(autosave: Callable[[], object], parent: Callable[[], QWidget | None]) -> None:
    """Replace sys.excepthook: autosave, log, then a dialog with 打开日志文件夹."""

    shown: set[str] = set()
    busy = [False]

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        setup_logging()
        text = "".join(traceback.format_exception(kind, error, tb))
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
        saved = False
        try:
            saved = bool(autosave())
        except Exception:
            log.exception("autosave during crash handling failed")
        log.error("unhandled exception\n%s", text)
        if QApplication.instance() is not None:
            show_dialog(parent(), saved)

    sys.excepthook = hook


def show_dialog(parent: QWidget | None, saved: bool) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    from models import locations

    box = QMessageBox(QMessageBox.Icon.Critical, "程序出错",
                      "程序遇到意外错误，当前操作没有完成。"
                      + ("未保存的内容已自动保存，下次启动时可以恢复。" if saved else "")
                      + f"\n\n错误详情已写入日志：{locations.logs_dir() / LOG_NAME}\n请将日志发给技术支持人员。",
                      parent=parent)
    open_logs = box.addButton("打开日志文件夹", QMessageBox.ButtonRole.ActionRole)
    box.addButton("继续使用", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is open_logs:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(locations.logs_dir())))
