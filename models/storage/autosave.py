"""Autosave slots in the platformdirs data folder: one per open draft, for recovery after a crash or kill.

A slot file is read back as untrusted input (another version, a hand edit): odd values are skipped or replaced by
the file's own time, never an exception. A data folder that cannot be written makes every write here raise
AutosaveUnavailable, which the window turns into one notice instead of an error every 30 seconds.
"""

from __future__ import annotations

import errno
import hashlib
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.report import Report
from models.storage import locations
from models.storage.atomic import describe_os_error, real_path
from models.storage.drafts import DRAFT_SUFFIX, DraftError, load_draft, save_draft
from models.storage.processes import holds, process_alive
from models.storage.timetext import minute_text

AUTOSAVE_KEY = "autosave"
# A write into the autosave folder failing with one of these: the folder cannot be written at all (read-only
# profile or share, a folder that cannot be made), as opposed to a full disk.
UNWRITABLE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.ENOENT})


class AutosaveUnavailable(DraftError):
    """The data folder cannot be written: no autosave (and so no recovery) until it can."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, f"数据文件夹不可写：自动保存和恢复暂不可用（位置：{locations.data_folder()}）")


@dataclass(frozen=True)
class AutosaveSlot:
    path: Path
    source: Path | None  # the draft file the work belongs to, None for an unsaved new report
    saved_at: datetime
    agency: str
    year: int | None
    size: int = 0  # bytes of the slot file

    @property
    def report_name(self) -> str:
        return report_name(self.agency, self.year)

    @property
    def when(self) -> str:
        return minute_text(self.saved_at)

    @property
    def size_text(self) -> str:
        return f"{self.size / 1024:.0f} KB" if self.size >= 1024 else f"{self.size} 字节"

    @property
    def source_text(self) -> str:
        return str(self.source) if self.source else "尚未保存过的新报告"

    def describe(self) -> str:
        """One line for the clerk: which report, from which file, when and how big."""
        return f"{self.report_name}（{self.source_text}），最后自动保存于{self.when}，{self.size_text}"


def report_name(agency: str, year: int | None) -> str:
    """A report as the clerk knows it: 某某局 2024年度报告."""
    return f"{agency or '未命名机关'} {f'{year}年度报告' if year else '年度报告'}"


def slot_path(slot: str) -> Path:
    return locations.autosave_dir() / f"{slot}{DRAFT_SUFFIX}"


def slot_id(source: Path | None) -> str:
    """A slot per draft file (links resolved); a fresh one for a report not yet saved anywhere."""
    if source is None:
        return f"untitled-{uuid.uuid4().hex[:12]}"
    return hashlib.sha1(str(real_path(source)).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def write_autosave(report: Report, slot: str, source: Path | None) -> Path:
    """Save the report into its slot atomically (no backups).

    Raises AutosaveUnavailable when the data folder cannot be written, else DraftError with a message that names
    the report (or its draft file), not the slot's file.
    """
    path = slot_path(slot)
    copy = report.copy()
    copy.read_only = False
    copy.extra[AUTOSAVE_KEY] = {
        "source": str(source) if source else None,
        "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    try:
        save_draft(copy, path, keep_backups=0)
    except DraftError as exc:
        cause = exc.__cause__
        if isinstance(cause, OSError) and cause.errno in UNWRITABLE:
            raise AutosaveUnavailable(path) from exc
        what = source.name if source else report_name(report.meta.agency, report.meta.year)
        why = describe_os_error(cause) if isinstance(cause, OSError) else exc.message
        raise DraftError(path, f"“{what}”的修改没有写入自动保存：{why}") from exc
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
                                  _saved_at(info.get("saved_at"), path), report.meta.agency, report.meta.year,
                                  _size(path)))
    return sorted(slots, key=lambda s: s.saved_at, reverse=True)


def _slot_files() -> list[Path]:
    try:
        return sorted(locations.autosave_dir().glob(f"*{DRAFT_SUFFIX}"))
    except OSError:  # the data folder cannot be made or read: there is nothing to recover from it
        return []


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


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
    pid = info.get("pid")
    if not (isinstance(pid, int) and pid != os.getpid() and info.get("host") == socket.gethostname()):
        return False
    # The writer started before its last write; a live process with its id that started later got a dead one's id.
    try:
        written = datetime.fromisoformat(str(info.get("saved_at")))
    except ValueError:
        return process_alive(pid)
    return holds(pid, written) if written.utcoffset() is not None else process_alive(pid)


def recover(slot: AutosaveSlot) -> Report:
    report = load_draft(slot.path, allow_newer=True)
    report.extra.pop(AUTOSAVE_KEY, None)
    return report


def discard(path: Path) -> bool:
    """Remove a slot file. False when it could not be removed (a read-only folder): never an error."""
    try:
        Path(path).unlink()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return True


def discard_slot(slot: str) -> None:
    """Remove the slot of this id (the work was saved or discarded); nothing when there is none."""
    if slot:
        discard(slot_path(slot))
