"""The status bar says passing things only: every message goes after at most LONGEST_MS, whoever showed it and with
whatever timeout (a message shown without one used to stay until the app was closed). What must stay is a notice
above the report's pages (MainWindow.show_notice)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStatusBar

#: The time a status message stays when its sender gives none (MainWindow.status).
TRANSIENT_MS = 6000
#: The longest any status message stays.
LONGEST_MS = 8000


def install(bar: QStatusBar) -> None:
    """Clear `bar`'s message LONGEST_MS after it was shown (a newer message starts the time again)."""
    timer = QTimer(bar)
    timer.setSingleShot(True)
    timer.timeout.connect(bar.clearMessage)

    def shown(text: str) -> None:
        if text:
            timer.start(LONGEST_MS)
        else:
            timer.stop()

    bar.messageChanged.connect(shown)
