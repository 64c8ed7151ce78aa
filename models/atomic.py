"""Atomic file replacement: a reader sees the old content or the new, never a mix and never an empty file."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
from pathlib import Path


class WriteFailed(OSError):
    """Writing failed; `message` says why in Chinese, naming the file."""

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, str(cause))
        self.path = path
        self.message = f"无法保存“{path.name}”：{describe_os_error(cause)}"


def describe_os_error(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "磁盘空间已满。请清理磁盘或另存到其他位置。"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "没有写入权限（文件夹只读或文件被占用）。请另存到其他位置。"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "文件夹不存在。请另存到其他位置。"
    if error.errno == errno.EISDIR:
        return "同名的文件夹已存在。请换一个文件名。"
    if error.errno == errno.ENAMETOOLONG:
        return "文件名或路径太长。请换一个较短的文件名或位置。"
    if error.errno == errno.EINVAL:
        return "文件名包含不允许的字符。请换一个文件名。"
    return f"系统错误（{error.strerror or error}）。请另存到其他位置。"


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_mode(path: Path, temp_name: str) -> None:
    """mkstemp creates 0600: give the new file the old one's permissions (or the usual ones for a new file)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(temp_name, mode)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush, fsync, then os.replace it over `path`."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteFailed(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, temp_name)
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise WriteFailed(path, exc) from exc
    _fsync_directory(directory)
    _remove_leftovers(directory, path.name)


def _remove_leftovers(directory: Path, name: str) -> None:
    """Temporary files of earlier writes that were killed before their os.replace."""
    for leftover in directory.glob(f".{glob.escape(name)}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
