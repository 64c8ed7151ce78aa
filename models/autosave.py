"""Autosave slots in the platformdirs data folder: one per open draft, for recovery after a crash or kill."""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models import locations
from models.atomic import real_path
from models.drafts import DRAFT_SUFFIX, DraftError, load_draft, save_draft
from models.report import Report

AUTOSAVE_KEY = "autosave"


@dataclass(frozen=True)
class AutosaveSlot:
    path: Path
    source: Path | None  # the draft file the work belongs to, None for an unsaved new report
    saved_at: datetime
    agency: str
    year: int | None


def slot_id(source: Path | None) -> str:
    """A slot per draft file (links resolved); a fresh one for a report not yet saved anywhere."""
    if source is None:
        return f"untitled-{uuid.uuid4().hex[:12]}"
    return hashlib.sha1(str(real_path(source)).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def write_autosave(report: Report, slot: str, source: Path | None) -> Path:
    """Save the report into its slot atomically (no backups). Raises DraftError."""
    path = locations.autosave_dir() / f"{slot}{DRAFT_SUFFIX}"
    copy = report.copy()
    copy.read_only = False
    copy.extra[AUTOSAVE_KEY] = {
        "source": str(source) if source else None,
        "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    save_draft(copy, path, keep_backups=0)
    return path


def list_autosaves(skip_live: bool = False) -> list[AutosaveSlot]:
    """Every readable autosave slot, newest first. Unreadable slots are skipped (and left on disk).

    With `skip_live`, slots written by another app instance that is still running are left out: its work is not
    lost, and recovering or discarding it from here would interfere.
    """
    slots: list[AutosaveSlot] = []
    for path in _slot_files():
        try:
            report = load_draft(path, allow_newer=True)
        except DraftError:
            continue
        info = report.extra.get(AUTOSAVE_KEY)
        info = info if isinstance(info, dict) else {}  # written by us, but read back as untrusted input
        if skip_live and _written_by_live_instance(info):
            continue
        source = info.get("source")
        slots.append(AutosaveSlot(path, Path(source) if isinstance(source, str) and source else None,
                                  _saved_at(info.get("saved_at"), path), report.meta.agency, report.meta.year))
    return sorted(slots, key=lambda s: s.saved_at, reverse=True)


def _slot_files() -> list[Path]:
    try:
        return sorted(locations.autosave_dir().glob(f"*{DRAFT_SUFFIX}"))
    except OSError:  # the data folder cannot be made or read: there is nothing to recover from it
        return []


def _saved_at(value: object, path: Path) -> datetime:
    """When the slot was written, in local time with its UTC offset (so that slots sort): its own record, else the
    file's time."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).astimezone()
        except (ValueError, OverflowError, OSError):
            pass
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except (OSError, ValueError, OverflowError):
        return datetime.fromtimestamp(0).astimezone()


def _written_by_live_instance(info: dict) -> bool:
    from models.locks import process_alive

    pid = info.get("pid")
    return (isinstance(pid, int) and pid != os.getpid() and info.get("host") == socket.gethostname()
            and process_alive(pid))


def recover(slot: AutosaveSlot) -> Report:
    report = load_draft(slot.path, allow_newer=True)
    report.extra.pop(AUTOSAVE_KEY, None)
    return report


def discard(slot_path: Path) -> None:
    Path(slot_path).unlink(missing_ok=True)
