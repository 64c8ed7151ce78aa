"""Is the process that wrote a lock or an autosave slot still running? Process ids are reused.

After a crash (or a kill) the system may give the dead writer's id to another process, so "a process with this id
runs" is not enough: the process must also have started before the record was written. `holds(pid, written)` asks
both; where the start time cannot be read (another system, no permission) it falls back to "alive".
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta

MAX_PID = 2**31 - 1  # what any system's pid fits in (os.kill takes a C int)
#: Records are written with whole seconds and Linux's boot time is whole seconds: allow for both roundings.
START_SLACK = timedelta(seconds=2)


def valid_pid(pid: object) -> bool:
    return isinstance(pid, int) and not isinstance(pid, bool) and 0 < pid <= MAX_PID


def holds(pid: int, written: datetime) -> bool:
    """Whether process `pid` of this computer is alive and could have written a record at `written` (it started
    before then). A reused id belongs to a process that started later: it holds nothing."""
    if not process_alive(pid):
        return False
    started = process_started(pid)
    if started is None:
        return True
    try:
        return started <= written + START_SLACK
    except (TypeError, OverflowError):
        return True


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (an impossible id: no)."""
    if not valid_pid(pid):
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


def process_started(pid: int) -> datetime | None:
    """When process `pid` started (aware, UTC), or None when this system does not tell."""
    if not valid_pid(pid):
        return None
    try:
        if os.name == "nt":
            return _started_windows(pid)
        if sys.platform.startswith("linux"):
            return _started_linux(pid)
    except (OSError, ValueError, OverflowError, IndexError):
        return None
    return None


def _started_linux(pid: int) -> datetime | None:
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()  # the name in () may hold spaces
    ticks = int(fields[19])  # field 22 (starttime), counted from field 3 after the name
    with open("/proc/stat", encoding="ascii", errors="replace") as stat:
        boot = next(int(line.split()[1]) for line in stat if line.startswith("btime "))
    return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), tz=UTC)


def _started_windows(pid: int) -> datetime | None:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    try:
        times = [wintypes.FILETIME() for _ in range(4)]  # creation, exit, kernel, user
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return None
        hundreds = (times[0].dwHighDateTime << 32) | times[0].dwLowDateTime  # 100 ns since 1601-01-01 UTC
    finally:
        kernel32.CloseHandle(handle)
    if not hundreds:
        return None
    return datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=hundreds // 10)
