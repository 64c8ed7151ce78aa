"""Whether the recent drafts' files can be reached, asked off the GUI thread: a file on a share that is gone, slow
or forbidden must neither hold up the start page nor fail it.

Each path is asked in a daemon thread of its own: a network stat that hangs cannot be interrupted, so it must hold
up neither the other paths nor quitting. A path not answered within TIMEOUT_MS is reported unreachable. Answers go
to the GUI thread through a relay that lives as long as the process (a thread that answers late never signals a
deleted object). Loaded after the start page has shown, not on the way there.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from models.storage.recent import UNREACHABLE, reachability

TIMEOUT_MS = 3000


class _Relay(QObject):
    """Made once on the GUI thread; threads emit on it, an automatic connection queues that to the GUI thread."""

    answered = Signal(int, str, str)  # request, path, state


_relay: _Relay | None = None
_requests = itertools.count(1)


def check(paths: list[Path], context: QObject, deliver: Callable[[Path, str], None],
          timeout_ms: int | None = None) -> None:
    """Ask about each path off the GUI thread; `deliver(path, state)` runs on the GUI thread once per path (with
    UNREACHABLE after `timeout_ms`, default TIMEOUT_MS, when no answer came), and never after `context` is gone."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    request = next(_requests)
    waiting = {str(p): p for p in paths}

    def receive(number: int, name: str, state: str) -> None:
        if number == request and name in waiting:
            deliver(waiting.pop(name), state)
            if not waiting:
                receiver.deleteLater()

    def time_out() -> None:
        for name in list(waiting):
            receive(request, name, UNREACHABLE)

    receiver = _Receiver(receive, context)
    _relay.answered.connect(receiver.receive)
    relay = _relay
    for name, path in waiting.items():
        threading.Thread(target=_ask, args=(relay, request, name, path), daemon=True,
                         name=f"reachability-{request}").start()
    QTimer.singleShot(TIMEOUT_MS if timeout_ms is None else timeout_ms, receiver, time_out)


class _Receiver(QObject):
    """Child of the asking widget: gone with it, and its connection to the relay with it."""

    def __init__(self, handle: Callable[[int, str, str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._handle = handle

    @Slot(int, str, str)
    def receive(self, number: int, name: str, state: str) -> None:
        self._handle(number, name, state)


def _ask(relay: _Relay, request: int, name: str, path: Path) -> None:
    relay.answered.emit(request, name, reachability(path))
