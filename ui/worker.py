"""Work off the GUI thread (exports, drawing) that hands every outcome back to it: the result, a failure the work
explains in Chinese (a UserError), or an unexpected error's traceback, which the GUI thread handles as the crash
handler does (`ui.crash.report_failure`). `Background` is the one way the window starts such work (today the export
feature, ui/export_flow.py; the 工具 menu's work is quick and runs on the GUI thread). Loaded when such work first
starts, not at start-up."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

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


class Background(QObject):
    """Starts work on the global thread pool and calls `done(result)`, `failed(user_error)` or `crashed(traceback)`
    on the GUI thread, exactly one of them per piece of work. Keeps each Worker alive until its outcome is
    delivered (a QRunnable dropped by Python while running would take its signals with it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Worker] = []

    def start(self, work: Callable[[], object], *, done: Callable[[object], object],
              failed: Callable[[UserError], object], crashed: Callable[[str], object]) -> Worker:
        task = Worker(work)
        queued = Qt.ConnectionType.QueuedConnection
        task.signals.done.connect(lambda result: self._deliver(task, done, result), queued)
        task.signals.failed.connect(lambda error: self._deliver(task, failed, error), queued)
        task.signals.crashed.connect(lambda details: self._deliver(task, crashed, details), queued)
        self._tasks.append(task)
        task.setAutoDelete(False)
        QThreadPool.globalInstance().start(task)
        return task

    def _deliver(self, task: Worker, handler: Callable[[object], object], outcome: object) -> None:
        self._tasks.remove(task)
        handler(outcome)

    @property
    def busy(self) -> bool:
        """Whether some work has not yet delivered its outcome."""
        return bool(self._tasks)

    def wait(self) -> None:
        """Block until running work is finished (closing the window, tests); outcomes arrive with the event loop."""
        QThreadPool.globalInstance().waitForDone()
