"""Reading a file the clerk named: a regular file only, and never more of it than a limit.

A named pipe (FIFO) blocks whoever opens or reads it until another program writes; a device such as /dev/zero never
ends. Every reader of a file named on the command line or chosen in a dialog goes through `read_limited` (or, for a
library that opens the path itself, `check_regular` first), so no name can hang the app or fill its memory.

Both raise OSError subclasses whose `strerror` is a Chinese reason, so the usual
`f"无法读取“{name}”：{exc.strerror}。"` of every caller reads well; `IsADirectoryError` and `FileNotFoundError` are
raised as the system would.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MIB = 1024 * 1024
_KINDS = ((stat.S_ISFIFO, "命名管道（FIFO）"), (stat.S_ISCHR, "设备文件"), (stat.S_ISBLK, "磁盘设备"),
          (stat.S_ISSOCK, "套接字"))


class NotRegularFile(OSError):
    """The path names a pipe, a device or a socket, not a file; `strerror` says which (in Chinese)."""


class FileTooLarge(OSError):
    """The file is larger than its reader accepts; `strerror` gives both sizes (in Chinese)."""

    def __init__(self, path: Path | str, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"文件过大（{describe_size(size)}，超过{describe_size(limit)}）", str(path))
        self.size = size
        self.limit = limit


def describe_size(size: int) -> str:
    """`12 MB`, `300 KB` or `12 字节`."""
    if size >= MIB:
        return f"{size // MIB} MB"
    return f"{size // 1024} KB" if size >= 1024 else f"{size} 字节"


def _check_mode(path: Path | str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "这是文件夹，不是文件", str(path))
    kind = next((name for test, name in _KINDS if test(mode)), "特殊文件")
    raise NotRegularFile(errno.EINVAL, f"这是{kind}，不是普通文件，无法读取", str(path))


def check_regular(path: Path | str) -> os.stat_result:
    """The file's status when `path` is a regular file (links followed); else NotRegularFile, IsADirectoryError,
    FileNotFoundError … Reads nothing, never blocks."""
    status = os.stat(path)
    _check_mode(path, status.st_mode)
    return status


def read_limited(path: Path | str, limit: int, *, head: bool = False) -> bytes:
    """The bytes of the regular file `path`. More than `limit` bytes raise FileTooLarge — or, with `head`, only the
    first `limit` bytes are read. The file is opened without blocking and checked through its open handle, so a
    pipe put in its place between a check and the read cannot block either."""
    if os.path.isdir(path):  # Windows answers open() on a folder with PermissionError, not IsADirectoryError
        raise IsADirectoryError(errno.EISDIR, "这是文件夹，不是文件", str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(handle.fileno())
        _check_mode(path, status.st_mode)
        if not head and status.st_size > limit:
            raise FileTooLarge(path, status.st_size, limit)
        data = handle.read(limit if head else limit + 1)
    if len(data) > limit:  # a file that grew, or one whose size the system does not know
        raise FileTooLarge(path, len(data), limit)
    return data
