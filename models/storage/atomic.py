"""Atomic file replacement: a reader sees the old content or the new, never a mix and never an empty file."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
from pathlib import Path

from models.errors import UserError

NAME_MAX_BYTES = 255  # one name (not the whole path) on ext4 and most file systems; NTFS counts 255 UTF-16 units
TEMP_RANDOM = 8       # the random part mkstemp puts between prefix and suffix


def fit_name(stem: str, tail: str, limit: int = NAME_MAX_BYTES) -> str:
    """`stem + tail` when that fits `limit` bytes in UTF-8; otherwise `stem` cut short at a character boundary with
    a short digest of the whole stem after it (names that differ only after the cut stay different)."""
    if len(_utf8(stem + tail)) <= limit:
        return stem + tail
    import hashlib  # (not at import: the start page's recent list loads this module)

    digest = "~" + hashlib.sha1(_utf8(stem)).hexdigest()[:8]
    room = max(limit - len(_utf8(digest + tail)), 0)
    return _utf8(stem)[:room].decode("utf-8", "ignore") + digest + tail


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # (a name undecodable on Linux holds lone surrogates)


def real_path(path: Path | str) -> Path:
    """`path` with symbolic links resolved (the file a link points to is the one to write, lock and remember).

    Never raises: os.path.realpath, not Path.resolve, which raises on a loop of links.
    """
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(path)


class WriteFailed(OSError, UserError):
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


def _temp_prefix(name: str) -> str:
    """The prefix of the temporary files written beside `name`: `.<name>.`, short enough for the whole to fit."""
    return fit_name(f".{name}", ".", NAME_MAX_BYTES - TEMP_RANDOM - len(".tmp"))


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush, fsync, then os.replace it over `path`.

    A symbolic link is written through: the file it points to gets the new content and the link stays a link.
    Errors name `path` as given (the name the clerk knows).
    """
    named = Path(path)
    path = real_path(named)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteFailed(named, exc) from exc
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
        raise WriteFailed(named, exc) from exc
    _fsync_directory(directory)
    _remove_leftovers(directory, path.name)


def _remove_leftovers(directory: Path, name: str) -> None:
    """Temporary files of earlier writes that were killed before their os.replace."""
    for leftover in directory.glob(f"{glob.escape(_temp_prefix(name))}*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
