"""The Qt binding the app ships with must not corrupt the interpreter (PySide6 6.12.0 did: every emit() dropped a
reference to True until Python aborted at exit, losing the clerk's session)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)


def test_emitting_signals_keeps_true_and_false_alive(qapp):
    emitter = _Emitter()
    emitter.plain.connect(lambda: None)
    emitter.flag.connect(lambda _on: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        emitter.plain.emit()
        emitter.flag.emit(True)
        emitter.flag.emit(False)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)
