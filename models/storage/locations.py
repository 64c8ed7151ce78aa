"""Where the app keeps its files (platformdirs): drafts, autosave slots, backups, logs and settings.

Each folder is made when first asked for; one that cannot be made (a read-only profile, a portable copy on a
read-only share) is still returned, never an error here: writing into it then fails as any write can, and
`unwritable()` tells the main window, which says so once (autosave and recovery are then unavailable).

Setting GOVREPORT_HOME puts everything under one folder instead (tests); so does a file named `portable` beside the
executable of a frozen build (the portable zip): everything is then kept in `data` beside the executable.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "gov-info-report"
HOME_VARIABLE = "GOVREPORT_HOME"
PORTABLE_MARKER = "portable"


def portable_home() -> Path | None:
    """`data` beside the executable when a frozen build has a `portable` file beside it; otherwise None."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    return folder / "data" if (folder / PORTABLE_MARKER).is_file() else None


def _base(kind: str) -> Path:
    home = os.environ.get(HOME_VARIABLE) or portable_home()
    if home:
        return Path(home) / kind
    if kind == "config":
        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    if kind == "logs":
        return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / kind


def _ensure(path: Path) -> Path:
    with contextlib.suppress(OSError):  # see the module's docstring
        path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir() -> Path:
    """The default folder offered for saving drafts (the home folder when it cannot be made)."""
    folder = _ensure(_base("drafts"))
    return folder if os.path.isdir(folder) else Path.home()


def autosave_dir() -> Path:
    return _ensure(_base("autosave"))


def backups_dir() -> Path:
    return _ensure(_base("backups"))


def logs_dir() -> Path:
    return _ensure(_base("logs"))


def config_dir() -> Path:
    return _ensure(_base("config"))


def data_folder() -> Path:
    """The folder that holds the autosave slots and backups, as shown to the clerk."""
    return _base("autosave").parent


def unwritable() -> Path | None:
    """`data_folder()` when no file can be written in its autosave folder (tried: made, written, removed); else None.

    It touches the disk: call it after the start page shows, not on the way there.
    """
    folder = autosave_dir()
    try:
        handle, name = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        os.close(handle)
        os.unlink(name)
    except OSError:
        return data_folder()
    return None
