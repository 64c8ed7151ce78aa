"""What a file is, by its content: a draft, a Word or Excel document, a web page, or something we explain and refuse.

`identify(path)` returns "draft", "docx", "xlsx" or "html", or raises `Refused` with a Chinese message that names the
file, says what it is and what to do (save as .docx in Word or WPS, remove the password, …).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from importers.zipguard import ZipRefused, check_zip
from models.errors import UserError
from models.storage.userfiles import read_limited

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD_BYTES = 4096
#: An OLE container (.doc, .xls, encrypted .docx) is searched for its stream names up to this size.
_OLE_SCAN_BYTES = 64 * 1024 * 1024
_OLE_ENTRY = 128  # directory entries are 128 bytes, sector-aligned, each starting with its UTF-16LE name

SAVE_AS_DOCX = "请在 Word 或 WPS 中打开，另存为 .docx（Word 文档）后再导入。"
SAVE_AS_XLSX = "请在 Excel 或 WPS 表格中打开，另存为 .xlsx（Excel 工作簿）后再导入。"
_WORD_SUFFIXES = (".doc", ".dot", ".wps", ".wpt")


class Refused(UserError):
    """Not a file we can read; `message` says what it is and what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def identify(path: Path) -> str:
    """"draft", "docx", "xlsx" or "html" — or Refused. Zip archives are checked against the bomb limits here."""
    head = read_limited(path, _HEAD_BYTES, head=True)
    name = path.name
    if not head.strip():
        raise Refused(path, f"“{name}”是空文件（0字节或只有空白），没有可读取的内容。请确认选择了正确的文件。")
    if head.startswith(_OLE):
        raise Refused(path, _ole_message(path))
    if head.startswith((_ZIP, _EMPTY_ZIP)):
        return _zip_kind(path)
    return _other_kind(path, head)


def _zip_kind(path: Path) -> str:
    name = path.name
    try:
        infos = check_zip(path)
    except ZipRefused as exc:
        raise Refused(path, exc.message) from None
    names = {info.filename.lower() for info in infos}
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        raise Refused(path, f"“{name}”是 PowerPoint 演示文稿，不是年度报告。请选择报告的 Word 文档（.docx）。")
    if "ofd.xml" in names:
        raise Refused(path, f"“{name}”是 OFD 版式文件，无法从中读取表格。请使用报告的 Word 文档（.docx）。")
    if "content.xml" in names and "mimetype" in names:
        raise Refused(path, f"“{name}”是 OpenDocument（ODF）文档。请在 WPS 或 Word 中打开，"
                            "另存为 Word 文档（.docx）后再导入。")
    raise Refused(path, f"“{name}”是一个普通的压缩包（zip），不是 Word 或 Excel 文档。"
                        "如果报告在压缩包里，请先解压，再选择其中的 .docx 文件。")


def _ole_message(path: Path) -> str:
    """Name the kind of OLE compound file by the streams its directory lists."""
    name = path.name
    data = read_limited(path, _OLE_SCAN_BYTES, head=True)
    if _has_stream(data, "EncryptedPackage"):
        return (f"“{name}”设置了打开密码（文件已加密），无法读取。请在 Word 或 WPS 中输入密码打开，"
                "取消密码（文件→信息→保护文档→用密码进行加密，清空密码）后另存为 .docx 再导入。")
    suffix = path.suffix.lower()
    word = _has_stream(data, "WordDocument")
    if not word and (_has_stream(data, "Workbook") or _has_stream(data, "Book")):
        return f"“{name}”是旧版 Excel 工作簿（.xls/.et），本软件只能读取 .xlsx。{SAVE_AS_XLSX}"
    if not word and _has_stream(data, "PowerPoint Document"):
        return f"“{name}”是 PowerPoint 演示文稿，不是年度报告。请选择报告的 Word 文档（.docx）。"
    if word or suffix in _WORD_SUFFIXES:
        wps = suffix in (".wps", ".wpt")
        kind = "WPS 文字文档（.wps）" if wps else "旧版 Word 文档（.doc，Word 97-2003 格式）"
        return f"“{name}”是{kind}，本软件只能读取 .docx。{SAVE_AS_DOCX}"
    return f"“{name}”是旧版 Office 格式的文件，本软件无法读取。{SAVE_AS_DOCX}"


def _has_stream(data: bytes, stream: str) -> bool:
    """Whether an OLE directory entry named `stream` is in `data` (names sit at 128-byte boundaries)."""
    needle = stream.encode("utf-16-le") + b"\x00\x00"
    pos = data.find(needle)
    while pos >= 0:
        if pos % _OLE_ENTRY == 0:
            return True
        pos = data.find(needle, pos + 1)
    return False


#: The start of a web page: a document type, the html/head/body elements, or a table or paragraph saved bare.
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|table|div|p)[\s>/]")


def _is_html(head: bytes) -> bool:
    """Whether the file starts as a web page (after a byte order mark, white space, comments or an XML declaration);
    a page in UTF-16 is looked at decoded."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<html" in text[:1024] or text.startswith(b"<!doctype html"):
        return True
    while text.startswith((b"<!--", b"<?xml")):  # a saved page's "saved from url" comment, an XHTML declaration
        end = text.find(b"-->" if text.startswith(b"<!--") else b"?>")
        if end < 0:
            return False
        text = text[end + 3 if text.startswith(b"<!--") else end + 2:].lstrip()
    return _HTML_START.match(text) is not None


def _other_kind(path: Path, head: bytes) -> str:
    name = path.name
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"{") and not text.startswith(b"{\\rtf"):
        return "draft"
    if head.startswith(b"%PDF"):
        raise Refused(path, f"“{name}”是 PDF 文件，无法从中可靠地读取表格。请向起草单位索取报告的 Word 文档（.docx），"
                             "或将数字填入本软件。")
    if text.startswith(b"{\\rtf"):
        raise Refused(path, f"“{name}”是 RTF 格式的文档。{SAVE_AS_DOCX}")
    if text.startswith(b"mime-version"):
        raise Refused(path, f"“{name}”是单个文件的网页文件（MHT/MHTML，常见于从网站下载的“.doc”），本软件无法直接读取。"
                             "请在浏览器中打开，另存为“网页，仅 HTML”（.html）后再导入，或在 Word 或 WPS 中打开，"
                             "另存为 .docx（Word 文档）后再导入。")
    if _is_html(head):
        return "html"
    if text.startswith(b"<?xml") and b"w:worddocument" in text[:_HEAD_BYTES]:
        raise Refused(path, f"“{name}”是 Word 2003 XML 文档。{SAVE_AS_DOCX}")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        raise Refused(path, f"“{name}”是图片，无法从中读取文字和表格。请使用报告的 Word 文档（.docx）。")
    raise Refused(path, f"“{name}”不是本软件能读取的报告文件（支持 Word 文档 .docx、Excel 工作簿 .xlsx、网页 .html "
                         "和草稿 .nianbao）。请确认选择了正确的文件。")

