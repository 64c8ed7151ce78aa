"""The one user-facing error type: `UserError`, a Chinese message the clerk can act on, and the file it concerns.

Every error of ours that carries such a message derives from it (drafts, importers, exporters, the ledger, 采集表,
the 一图读懂 …), so the command line maps any of them to its message on stderr and exit code 2 in one place
(cli.main.run_command), and the window shows any of them in one place (ui.main_window.MainWindow.show_error).
A test keeps it so: every class in models/, layouts/, importers/, exporters/, render/, cli/ and ui/ that sets a
`message` derives from UserError.
"""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A failure explained to the clerk: `message` (Chinese) says what is wrong and what to do; `path`, when there is
    one, is the file it concerns."""

    message: str = ""
    path: Path | None = None

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
