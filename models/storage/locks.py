"""A lock file beside an open draft, so that a second app instance (or a colleague on a shared folder) is warned.

The lock is advisory: `.~<name>.lock` holds who opened the draft and when. A lock whose process is gone (same
computer: no process with its id, or one started after the lock was written) or that is older than
STALE_AFTER is stale and taken over silently.
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
from models.storage.processes import holds, valid_pid
from models.storage.timetext import minute_text

STALE_AFTER = timedelta(hours=12)


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
    if not (isinstance(user, str) and isinstance(host, str) and isinstance(since, str) and valid_pid(pid)):
        return None
    try:
        when = datetime.fromisoformat(since)
    except ValueError:
        return None
    if when.tzinfo is None or when.utcoffset() is None:
        return None  # our own locks always carry their UTC offset
    return LockOwner(user, host, pid, when)


def _is_stale(owner: LockOwner) -> bool:
    try:
        age = datetime.now().astimezone() - owner.since
    except (OverflowError, ValueError):
        return True
    if age > STALE_AFTER:
        return True
    if owner.host == socket.gethostname():
        # A live process with the owner's id that started after the lock was written got a dead owner's id.
        return owner.pid == os.getpid() or not holds(owner.pid, owner.since)
    return False


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

