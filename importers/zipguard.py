"""A check of a zip container (.xlsx, .docx) before any XML parser opens it.

A few kilobytes of zip can inflate to gigabytes. The declared sizes in the central directory are what zipfile
lets a reader inflate (it stops at the declared size), so checking them bounds the work of openpyxl or
python-docx. Limits are generous for any real report and refuse the rest with a Chinese message.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_TOTAL = 256 * 1024 * 1024
MAX_MEMBER = 128 * 1024 * 1024
MAX_MEMBERS = 5000


class ZipRejected(Exception):
    """The file is not a usable zip container or is too large once inflated; `message` says so in Chinese."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def check_zip(path: Path | str, max_total: int = MAX_TOTAL, max_member: int = MAX_MEMBER,
              max_members: int = MAX_MEMBERS) -> None:
    """Raise ZipRejected unless `path` is a zip whose members' declared sizes stay within the limits."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise ZipRejected(path, f"“{path.name}”已损坏或不是 Office 文档（无法按 zip 格式打开）。") from None
    except OSError as exc:
        raise ZipRejected(path, f"无法读取“{path.name}”：{exc.strerror or exc}。") from None
    if len(members) > max_members:
        raise ZipRejected(path, f"“{path.name}”包含{len(members)}个部件，超过上限{max_members}，不像是报告文件。")
    total = 0
    for member in members:
        if member.file_size > max_member:
            raise ZipRejected(path, f"“{path.name}”中的“{member.filename}”解压后达{_mb(member.file_size)}，"
                                    f"超过上限{_mb(max_member)}，为安全起见不予打开。")
        total += member.file_size
        if total > max_total:
            raise ZipRejected(path, f"“{path.name}”解压后超过{_mb(max_total)}，为安全起见不予打开。")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
