"""Work off the GUI thread (exports, drawing) that hands every outcome back to it: the result, a failure the work
explains in Chinese (a UserError), or an unexpected error's traceback, which the GUI thread handles as the crash
handler does (`ui.crash.report_failure`). Loaded when such work first starts, not at start-up."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from models.errors import UserError


class Explained(UserError):
    """A failure the work itself explains in Chinese, for work whose own errors are not UserErrors already; any
    UserError (a file that cannot be written …) is shown as it is, not logged as a crash."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WorkerSignals(QObject):
    done = Signal(object)   # what the work returned
    failed = Signal(object)  # a UserError: shown to the clerk as it is (MainWindow.show_error)
    crashed = Signal(str)   # an unexpected error: its traceback (for the log, never for the clerk)


class Worker(QRunnable):
    """Runs `work()` off the GUI thread and hands its outcome back through `signals`, made here on the GUI thread
    (connect them with a queued connection). Nothing escapes run(): an exception there would reach sys.excepthook
    on the worker's thread, where no dialog can be shown, and the clerk would see nothing."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except UserError as exc:
            self.signals.failed.emit(exc)
            return
        except BaseException as exc:  # every error goes back to the GUI thread
            self.signals.crashed.emit("".join(traceback.format_exception(exc)))
            return
        self.signals.done.emit(result)
