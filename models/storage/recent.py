"""The list of recently opened drafts (agency, year, when the file was last saved, path), kept in the settings
(models/storage/settings.py)."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models.storage import settings
from models.storage.atomic import real_path
from models.storage.settings import MAX_RECENT, RecentDraft

if TYPE_CHECKING:
    from models.report import Report

__all__ = ["MAX_RECENT", "MISSING", "REACHABLE", "UNREACHABLE", "RecentDraft", "forget", "reachability",
           "recent_drafts", "remember"]
#: The file the list was kept in before settings.json (read once, as a migration, while settings.json is absent).
FILE_NAME = settings.LEGACY_RECENT
REACHABLE, MISSING, UNREACHABLE = "reachable", "missing", "unreachable"

def reachability(path: Path) -> str:
    """REACHABLE (a file is there), MISSING (nothing there any more) or UNREACHABLE (no permission, a share that
    is gone, a name the system refuses). Never raises; it touches the disk and a network share can take long, so
    the start page asks it off the GUI thread (ui/reachability.py)."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return MISSING
    except (OSError, ValueError):
        return UNREACHABLE
    return REACHABLE if stat.S_ISREG(mode) else MISSING


def recent_drafts() -> list[RecentDraft]:
    """The list, newest first. Settings that cannot be read give an empty list."""
    return list(settings.load_settings().settings.recent[:MAX_RECENT])


def remember(path: Path, report: Report) -> None:
    """Put `path` first in the list (links resolved). Failing to write the list never fails the save it follows.

    The other entries are compared as stored (resolved when they were remembered): touching their files could
    wait on a share that is gone.
    """
    path = real_path(path)
    entry = RecentDraft(path, report.meta.agency, report.meta.year, _saved_time(path), report.meta.level)
    _change(lambda entries: [entry, *(e for e in entries if e.path != path)])


def _saved_time(path: Path) -> str:
    """When the file was last written (its modification time; the draft just opened or saved, so at hand), not when
    it was opened."""
    try:
        when = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except (OSError, ValueError, OverflowError):
        when = datetime.now().astimezone()
    return when.isoformat(timespec="seconds")


def forget(path: Path) -> None:
    path = real_path(path)
    _change(lambda entries: [e for e in entries if e.path != path])


def _change(change: Callable[[list[RecentDraft]], list[RecentDraft]]) -> None:
    with contextlib.suppress(settings.SettingsError):  # a read-only profile: the list is simply not kept
        settings.update(lambda s: replace(s, recent=tuple(change(list(s.recent)))[:MAX_RECENT]))
