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

from models.atomic import WriteFailed, atomic_write

STALE_AFTER = timedelta(hours=12)


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: datetime

    def describe(self) -> str:
        return f"{self.user}（{self.host}）于{self.since.strftime('%Y年%m月%d日 %H:%M')}"


def lock_path(draft: Path) -> Path:
    draft = Path(draft)
    return draft.with_name(f".~{draft.name}.lock")


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except Exception:
        user = "?"
    return LockOwner(user, socket.gethostname(), os.getpid(), datetime.now().astimezone())


def read_owner(draft: Path) -> LockOwner | None:
    """Who holds the lock on `draft`, or None when it is free or the lock is stale or unreadable."""
    try:
        data = json.loads(lock_path(draft).read_text(encoding="utf-8"))
        owner = LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]),
                          datetime.fromisoformat(str(data["since"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if _is_stale(owner):
        return None
    return owner


def _is_stale(owner: LockOwner) -> bool:
    if datetime.now().astimezone() - owner.since > STALE_AFTER:
        return True
    if owner.host == socket.gethostname():
        return owner.pid == os.getpid() or not process_alive(owner.pid)
    return False


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
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
    if data.get("pid") == os.getpid() and data.get("host") == socket.gethostname():
        with contextlib.suppress(OSError):
            path.unlink()

