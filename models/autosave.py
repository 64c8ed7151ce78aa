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
    """A slot per draft file; a fresh one for a report not yet saved anywhere."""
    if source is None:
        return f"untitled-{uuid.uuid4().hex[:12]}"
    return hashlib.sha1(str(Path(source).resolve()).encode("utf-8")).hexdigest()[:12]


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
    for path in locations.autosave_dir().glob(f"*{DRAFT_SUFFIX}"):
        try:
            report = load_draft(path, allow_newer=True)
        except DraftError:
            continue
        info = report.extra.get(AUTOSAVE_KEY) or {}
        if skip_live and _written_by_live_instance(info):
            continue
        try:
            saved_at = datetime.fromisoformat(str(info.get("saved_at")))
        except ValueError:
            saved_at = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        source = info.get("source")
        slots.append(AutosaveSlot(path, Path(source) if source else None, saved_at,
                                  report.meta.agency, report.meta.year))
    return sorted(slots, key=lambda s: s.saved_at, reverse=True)


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
