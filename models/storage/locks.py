"""A lock file beside an open draft, so that a second app instance (or a colleague on a shared folder) is warned.

The lock is advisory: `.~<name>.lock` holds who opened the draft and when. A lock whose process is gone (same
computer) or that is older than STALE_AFTER is stale and taken over silently.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from models.storage.atomic import WriteFailed, atomic_write, fit_name, real_path
from models.storage.timetext import minute_text

STALE_AFTER = timedelta(hours=12)
MAX_PID = 2**31 - 1  # what any system's pid fits in (os.kill takes a C int)


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: datetime

    def describe(self) -> str:
        return f"{self.user}（{self.host}）于{minute_text(self.since)}"


def lock_path(draft: Path) -> Path:
    """`.~<name>.lock` beside the draft, the real one when `draft` is a link (a name too long is shortened)."""
    draft = real_path(draft)
    return draft.with_name(fit_name(f".~{draft.name}", ".lock"))


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except Exception:
        user = "?"
    return LockOwner(user, socket.gethostname(), os.getpid(), datetime.now().astimezone())


def read_owner(draft: Path) -> LockOwner | None:
    """Who holds the lock on `draft`, or None when it is free or the lock is stale or unreadable.

    A lock file is untrusted input (another version, another computer, a hand edit): anything but a well-formed
    lock of a live owner means stale.
    """
    try:
        data = json.loads(lock_path(draft).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    owner = _parse_owner(data)
    if owner is None or _is_stale(owner):
        return None
    return owner


def _parse_owner(data: object) -> LockOwner | None:
    if not isinstance(data, dict):
        return None
    user, host, pid, since = (data.get(key) for key in ("user", "host", "pid", "since"))
    if not (isinstance(user, str) and isinstance(host, str) and isinstance(since, str) and _valid_pid(pid)):
        return None
    try:
        when = datetime.fromisoformat(since)
    except ValueError:
        return None
    if when.tzinfo is None or when.utcoffset() is None:
        return None  # our own locks always carry their UTC offset
    return LockOwner(user, host, pid, when)


def _valid_pid(pid: object) -> bool:
    return isinstance(pid, int) and not isinstance(pid, bool) and 0 < pid <= MAX_PID


def _is_stale(owner: LockOwner) -> bool:
    try:
        age = datetime.now().astimezone() - owner.since
    except (OverflowError, ValueError):
        return True
    if age > STALE_AFTER:
        return True
    if owner.host == socket.gethostname():
        return owner.pid == os.getpid() or not process_alive(owner.pid)
    return False


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (an impossible id: no)."""
    if not _valid_pid(pid):
        return False
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        # A process that has ended still opens while anyone holds a handle to it (its parent, say): ask for its exit.
        code = ctypes.c_ulong()
        try:
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True
    except (OSError, OverflowError, ValueError):
        return False
    return True


def acquire(draft: Path) -> bool:
    """Take the lock for this process. False when the folder cannot hold a lock file (opening still works)."""
    me = _me()
    data = {"user": me.user, "host": me.host, "pid": me.pid, "since": me.since.isoformat(timespec="seconds")}
    try:
        atomic_write(lock_path(draft), json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except WriteFailed:
        return False
    return True


def release(draft: Path) -> None:
    """Remove our lock (never someone else's)."""
    path = lock_path(draft)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("pid") == os.getpid() and data.get("host") == socket.gethostname():
        with contextlib.suppress(OSError):
            path.unlink()

