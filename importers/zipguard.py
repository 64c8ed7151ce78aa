"""Refuse zip bombs and XML with a DTD before any Office library opens the file.

A .docx or .xlsx is a zip archive. Its central directory says how large each member inflates; Python's zipfile never
inflates a member past that declared size, so checking the directory is enough to bound what a reader can allocate.
Every limit lives in `LIMITS`.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from models.errors import UserError
from models.storage.userfiles import check_regular

MIB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    total_bytes: int = 256 * MIB       # all members together, uncompressed
    member_bytes: int = 128 * MIB      # any one member, uncompressed
    members: int = 4000                # number of members
    ratio: int = 200                   # uncompressed / compressed, for members large enough to matter
    ratio_floor_bytes: int = 4 * MIB   # members below this size are not held to `ratio`
    prolog_bytes: int = 64 * 1024      # how far into an XML part a DOCTYPE is looked for


LIMITS = ZipLimits()

_XML_SUFFIXES = (".xml", ".rels", ".vml")


class ZipRefused(UserError):
    """The archive is refused; `message` (Chinese) names the file and says why."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def check_zip(path: Path | str, limits: ZipLimits = LIMITS, *, xml_prologs: bool = True) -> list[zipfile.ZipInfo]:
    """The members of the archive at `path` once every limit holds; raises ZipRefused otherwise.

    With `xml_prologs`, the start of every XML part is also read (never more than `limits.prolog_bytes` of it) and a
    document type declaration refused: Office files never carry one, and it is how entity bombs and external
    entities get in.
    """
    path = Path(path)
    check_regular(path)  # a pipe would block zipfile's open, a device its reads
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_members(path, infos, limits)
            if xml_prologs:
                for info in infos:
                    if info.filename.lower().endswith(_XML_SUFFIXES):
                        _check_prolog(path, archive, info, limits)
    except zipfile.BadZipFile:
        raise ZipRefused(path, f"“{path.name}”是 zip 格式的文件（Word/Excel 文档都是这种格式），但已损坏或不完整，"
                               "无法读取。请重新获取该文件，或在 Word 或 WPS 中打开后另存为新文件。") from None
    except FileNotFoundError:
        raise
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError, struct.error, KeyError):
        # Broken deflate data, offsets pointing outside the file (OSError, struct.error), an unsupported
        # compression method or a zip password (RuntimeError).
        raise ZipRefused(path, f"“{path.name}”已损坏、加密或使用了不支持的压缩方式，无法读取。"
                               "请在 Word 或 WPS 中打开后另存为新文件再试。") from None
    return infos


def check_members(path: Path, infos: list[zipfile.ZipInfo], limits: ZipLimits = LIMITS) -> None:
    """The size, count and ratio limits, on the central directory alone."""
    if len(infos) > limits.members:
        raise ZipRefused(path, _bomb(path, f"包含{len(infos)}个部件（上限{limits.members}个）"))
    total = 0
    for info in infos:
        size = info.file_size
        if size > limits.member_bytes:
            raise ZipRefused(path, _bomb(path, f"其中“{info.filename}”解压后为{_mib(size)}（单个部件上限"
                                               f"{_mib(limits.member_bytes)}）"))
        if size >= limits.ratio_floor_bytes and size > limits.ratio * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise ZipRefused(path, _bomb(path, f"其中“{info.filename}”的压缩比为{ratio}:1（上限{limits.ratio}:1）"))
        total += size
        if total > limits.total_bytes:
            raise ZipRefused(path, _bomb(path, f"解压后超过{_mib(limits.total_bytes)}"))


def _check_prolog(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    with archive.open(info) as member:
        head = member.read(limits.prolog_bytes)
    if _suspicious_prolog(head, complete=len(head) < limits.prolog_bytes):
        raise ZipRefused(path, f"“{path.name}”的“{info.filename}”部件含有文档类型声明（DTD）或异常的开头，"
                               "正常的 Word/Excel 文件不会有，可能是恶意构造的文件，已拒绝打开。")


def _suspicious_prolog(head: bytes, *, complete: bool) -> bool:
    """Whether the XML prolog in `head` declares a document type, or does not end within `head`.

    Before the root element only an XML declaration, processing instructions, comments and whitespace may stand;
    any other `<!` there is a DOCTYPE.
    """
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    text = head.decode(encoding, errors="ignore")
    pos = 0
    while True:
        pos = text.find("<", pos)
        if pos < 0 or pos + 1 >= len(text):
            return not complete  # no root element within the bytes read
        if text.startswith("<?", pos):
            end, skip = text.find("?>", pos), 2
        elif text.startswith("<!--", pos):
            end, skip = text.find("-->", pos), 3
        else:
            return text[pos + 1] == "!"  # any other declaration before the root is a DOCTYPE
        if end < 0:
            return not complete
        pos = end + skip


def _bomb(path: Path, detail: str) -> str:
    return (f"“{path.name}”解压后异常庞大（{detail}），不像正常的报告文件，可能是恶意构造的压缩包，已拒绝打开。"
            "如确为报告，请在 Word 或 WPS 中删除大图片等内容后另存为新文件再试。")


def _mib(size: int) -> str:
    return f"{size / MIB:.0f} MB"
