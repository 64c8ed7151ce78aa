"""ui/worker.py `Background`, the one way the window runs work off the GUI thread: exactly one outcome per piece of
work — the result, a UserError as it is, or an unexpected error's traceback — delivered on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from models.errors import UserError
from ui.worker import Background


def _gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _raise(error: BaseException):
    def work():
        raise error

    return work


@pytest.mark.parametrize(("work", "expected"), [
    (lambda: threading.current_thread() is threading.main_thread(), ("done", False)),  # ran on another thread
    (_raise(UserError("无法保存“乙.xlsx”。")), ("failed", "无法保存“乙.xlsx”。")),
    (_raise(KeyError("boom")), ("crashed", "KeyError")),
], ids=["done", "failed", "crashed"])
def test_one_outcome_reaches_the_gui_thread(qapp, qtbot, work, expected):
    background = Background()
    outcomes = []
    background.start(work, done=lambda result: outcomes.append(("done", result, _gui_thread())),
                     failed=lambda error: outcomes.append(("failed", error.message, _gui_thread())),
                     crashed=lambda details: outcomes.append(("crashed", details, _gui_thread())))
    assert background.busy
    background.wait()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=5000)
    QApplication.processEvents()
    [(kind, what, on_gui_thread)] = outcomes
    assert on_gui_thread and not background.busy
    assert kind == expected[0]
    if kind == "crashed":
        assert "Traceback" in what and expected[1] in what
    else:
        assert what == expected[1]
