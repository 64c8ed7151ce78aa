"""The list of recently opened drafts (agency, year, last saved, path), kept in the config folder."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models import locations
from models.atomic import atomic_write, real_path

if TYPE_CHECKING:
    from models.report import Report

MAX_RECENT = 10
FILE_NAME = "recent.json"
REACHABLE, MISSING, UNREACHABLE = "reachable", "missing", "unreachable"


@dataclass(frozen=True)
class RecentDraft:
    path: Path
    agency: str
    year: int | None
    saved_at: str
    level: str = ""


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


def _file() -> Path:
    return locations.config_dir() / FILE_NAME


def recent_drafts() -> list[RecentDraft]:
    """The list, newest first. A missing or damaged list is an empty list."""
    try:
        entries = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    result = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            year = entry.get("year")
            result.append(RecentDraft(Path(entry["path"]), str(entry.get("agency", "")),
                                      year if isinstance(year, int) else None, str(entry.get("saved_at", "")),
                                      str(entry.get("level", ""))))
    return result[:MAX_RECENT]


def remember(path: Path, report: Report) -> None:
    """Put `path` first in the list (links resolved). Failing to write the list never fails the save it follows.

    The other entries are compared as stored (resolved when they were remembered): touching their files could
    wait on a share that is gone.
    """
    path = real_path(path)
    entries = [e for e in recent_drafts() if e.path != path]
    entries.insert(0, RecentDraft(path, report.meta.agency, report.meta.year,
                                  datetime.now().astimezone().isoformat(timespec="seconds"), report.meta.level))
    _write(entries[:MAX_RECENT])


def forget(path: Path) -> None:
    path = real_path(path)
    _write([e for e in recent_drafts() if e.path != path])


def _write(entries: list[RecentDraft]) -> None:
    data = [{"path": str(e.path), "agency": e.agency, "year": e.year, "saved_at": e.saved_at, "level": e.level}
            for e in entries]
    with contextlib.suppress(OSError):  # WriteFailed, or the config folder cannot be made (a read-only profile)
        atomic_write(_file(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
