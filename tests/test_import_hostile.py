"""Files a clerk can pick that are not a readable report: each gets a Chinese message naming it and what to do.

tests/fixtures/foreign holds real files written by LibreOffice 7.4: a text saved as Word 97 (.doc) and as PDF, and a
table saved as Excel 97 (.xls).
"""

from __future__ import annotations

import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from importers import LoadError, load
from tests.builders import consistent_report
from tests.conftest import FIXTURES
from tests.docx_builders import write_docx, write_report

FOREIGN = FIXTURES / "foreign"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def message(path: Path) -> str:
    with pytest.raises(LoadError) as caught:
        load(path)
    assert path.name in caught.value.message or str(path) in caught.value.message
    return caught.value.message


def make_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def rewrite(source: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the package `source` with one member changed."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, change(data) if item.filename == member else data)
    return target


def ole_container(*streams: str) -> bytes:
    """A compound file whose directory (in the sector after the header) lists `streams`, as Office writes one."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * (512 - 32)
    entries = b""
    for name in ("Root Entry", *streams):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entries += raw.ljust(64, b"\x00") + len(raw).to_bytes(2, "little") + b"\x00" * 62
    return header + entries.ljust(512, b"\x00")


def test_word_97_doc(tmp_path):
    text = message(FOREIGN / "word97.doc")
    assert text == ("“word97.doc”是旧版 Word 文档（.doc，Word 97-2003 格式），本软件只能读取 .docx。"
                    "请在 Word 或 WPS 中打开，另存为 .docx（Word 文档）后再导入。")


def test_wps_file(tmp_path):
    wps = tmp_path / "2023年报.wps"
    shutil.copyfile(FOREIGN / "word97.doc", wps)
    assert message(wps).startswith("“2023年报.wps”是WPS 文字文档（.wps），本软件只能读取 .docx。请在 Word 或 WPS")


def test_excel_97_even_when_named_doc(tmp_path):
    renamed = tmp_path / "table.doc"
    shutil.copyfile(FOREIGN / "excel97.xls", renamed)
    assert "旧版 Excel 工作簿" in message(renamed) and "另存为 .xlsx" in message(renamed)


def test_encrypted_docx(tmp_path):
    locked = tmp_path / "locked.docx"
    locked.write_bytes(ole_container("\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"))
    text = message(locked)
    assert text.startswith("“locked.docx”设置了打开密码（文件已加密），无法读取。") and "另存为 .docx" in text


def test_pdf():
    assert message(FOREIGN / "report.pdf").startswith("“report.pdf”是 PDF 文件，无法从中可靠地读取表格。")


def test_renamed_zip_that_is_not_office(tmp_path):
    archive = make_zip(tmp_path / "report.docx", {"2024年报.txt": "年报正文"})
    assert message(archive) == ("“report.docx”是一个普通的压缩包（zip），不是 Word 或 Excel 文档。"
                                "如果报告在压缩包里，请先解压，再选择其中的 .docx 文件。")


def test_powerpoint_and_odf(tmp_path):
    pptx = make_zip(tmp_path / "slides.docx", {"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})
    assert "PowerPoint 演示文稿" in message(pptx)
    odt = make_zip(tmp_path / "report.odt", {"mimetype": "application/vnd.oasis.opendocument.text",
                                             "content.xml": "<office:document-content/>"})
    assert "OpenDocument" in message(odt)


def test_a_word_file_that_is_not_a_report(tmp_path):
    minutes = write_docx(tmp_path / "minutes.docx", ["会议纪要", "2024年第3次主任办公会议研究了以下事项。"])
    assert message(minutes) == ("“minutes.docx”不像是政府信息公开工作年度报告：没有找到“一、总体情况”等标题，"
                                "也没有找到报告的表格。请确认选择了正确的文件。")


def test_truncated_and_corrupted_docx(tmp_path):
    whole = write_report(tmp_path / "whole.docx", consistent_report(1)).read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert "已损坏或不完整" in message(truncated)
    flipped = tmp_path / "flipped.docx"
    with zipfile.ZipFile(tmp_path / "whole.docx") as zf:
        info = zf.getinfo("word/document.xml")
    data = bytearray(whole)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + info.compress_size - 10, 7):
        data[i] ^= 0x5A
    flipped.write_bytes(bytes(data))
    assert message(flipped) == ("“flipped.docx”已损坏、加密或使用了不支持的压缩方式，无法读取。"
                                "请在 Word 或 WPS 中打开后另存为新文件再试。")


def test_macro_enabled_document(tmp_path):
    source = write_report(tmp_path / "plain.docx", consistent_report(1))
    docm = rewrite(source, tmp_path / "report.docm", "[Content_Types].xml", lambda data: data.replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"))
    assert message(docm).startswith("“report.docm”是启用宏的 Word 文档（.docm）。")


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "是空文件"),
    (b"   \n", "是空文件"),
    # A web page is read as one (importers.html_import); this one holds no report.
    (b"<html><head><meta charset='utf-8'></head><body>2024\xe5\xb9\xb4</body></html>", "不像是政府信息公开工作"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "网页文件"),
    (b"{\\rtf1\\ansi 2024}", "RTF 格式"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "是图片"),
    (b"<?xml version='1.0'?><w:wordDocument xmlns:w='http://schemas.microsoft.com/office/word/2003/wordml'/>",
     "Word 2003 XML"),
    (b"\x00\x01\x02 binary junk", "不是本软件能读取的报告文件"),
])
def test_other_files(tmp_path, content, expected):
    path = tmp_path / "report.doc"
    path.write_bytes(content)
    assert expected in message(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoadError, match="找不到文件"):
        load(tmp_path / "nothing.docx")
    with pytest.raises(LoadError, match="是文件夹"):
        load(tmp_path)


def test_zip_bomb_refused_quickly(tmp_path):
    """5 MB of zeros compress to a few KB: refused by the ratio limit before python-docx opens anything."""
    bomb = make_zip(tmp_path / "bomb.docx", {"[Content_Types].xml": "<Types/>",
                                             "word/document.xml": b"\x00" * (5 * 1024 * 1024)})
    assert bomb.stat().st_size < 100_000
    start = time.perf_counter()
    text = message(bomb)
    assert time.perf_counter() - start < 2.0
    assert text.startswith("“bomb.docx”解压后异常庞大（其中“word/document.xml”的压缩比为")


def test_entity_bomb_refused(tmp_path):
    source = write_report(tmp_path / "plain.docx", consistent_report(1))
    dtd = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
           b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n')
    laughs = rewrite(source, tmp_path / "laughs.docx", "word/document.xml", lambda data: dtd + data.split(b"?>", 1)[1])
    assert message(laughs) == ("“laughs.docx”的“word/document.xml”部件含有文档类型声明（DTD）或异常的开头，"
                               "正常的 Word/Excel 文件不会有，可能是恶意构造的文件，已拒绝打开。")


