"""The zip guard: every limit, on the central directory, before any Office library opens the archive."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from importers.zipguard import LIMITS, ZipLimits, ZipRefused, check_zip

SMALL = ZipLimits(total_bytes=1000, member_bytes=600, members=5, ratio=10, ratio_floor_bytes=100, prolog_bytes=256)


def archive(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def refused(path: Path, limits: ZipLimits = LIMITS) -> str:
    with pytest.raises(ZipRefused) as caught:
        check_zip(path, limits)
    assert caught.value.message.startswith(f"“{path.name}”")
    return caught.value.message


def test_within_limits(tmp_path):
    path = archive(tmp_path / "ok.zip", {"a.xml": b"<a/>", "b.bin": b"xyz" * 50}, zipfile.ZIP_STORED)
    assert [i.filename for i in check_zip(path, SMALL)] == ["a.xml", "b.bin"]


def test_member_count(tmp_path):
    path = archive(tmp_path / "many.zip", {f"m{i}.bin": b"x" for i in range(6)})
    assert "包含6个部件（上限5个）" in refused(path, SMALL)


def test_member_size(tmp_path):
    path = archive(tmp_path / "big.zip", {"big.bin": bytes(range(256)) * 3}, zipfile.ZIP_STORED)
    assert "“big.bin”解压后为" in refused(path, SMALL)


def test_total_size(tmp_path):
    path = archive(tmp_path / "total.zip", {f"p{i}.bin": bytes(range(256)) * 2 for i in range(3)},
                   zipfile.ZIP_STORED)
    assert "解压后超过" in refused(path, SMALL)


def test_ratio_only_above_the_floor(tmp_path):
    assert check_zip(archive(tmp_path / "tiny.zip", {"zeros.bin": b"\x00" * 99}), SMALL)
    assert "压缩比为" in refused(archive(tmp_path / "zeros.zip", {"zeros.bin": b"\x00" * 500}), SMALL)


def test_a_declared_size_of_gigabytes_is_refused_without_inflating(tmp_path):
    """The directory says 3.75 GB: refused on that alone (zipfile never inflates past the declared size)."""
    path = archive(tmp_path / "liar.docx", {"word/document.xml": b"<w:document/>"}, zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 0xF000_0000)
    struct.pack_into("<I", data, 22, 0xF000_0000)
    path.write_bytes(bytes(data))
    assert "“word/document.xml”解压后为3840 MB" in refused(path)


@pytest.mark.parametrize("xml", [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    b'<?xml version="1.0"?>\n<!-- a comment --><?pi data?>\n<!DOCTYPE x><x/>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16"),
    b"<?xml version='1.0'?>" + b" " * 300,  # no root element within the bytes looked at
])
def test_document_type_declarations_are_refused(tmp_path, xml):
    path = archive(tmp_path / "dtd.docx", {"word/document.xml": xml}, zipfile.ZIP_STORED)
    assert "含有文档类型声明（DTD）" in refused(path, SMALL)


@pytest.mark.parametrize("xml", [
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="x"><w:t>&lt;!DOCTYPE</w:t>'
    b"</w:document>",
    b"<!-- <!DOCTYPE in a comment> --><x/>",
    b"",
])
def test_ordinary_xml_passes(tmp_path, xml):
    assert check_zip(archive(tmp_path / "fine.docx", {"word/document.xml": xml}), SMALL)


def test_not_a_zip(tmp_path):
    path = tmp_path / "half.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert "已损坏或不完整" in refused(path)


def test_the_excel_reader_checks_before_opening(tmp_path, monkeypatch):
    from importers.xlsx_reader import XlsxReadError, read_xlsx
    from importers.zipguard import LIMITS

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b" " * (LIMITS.member_bytes + 1))
    assert bomb.stat().st_size < 1024 * 1024
    opened = []
    monkeypatch.setattr("importers.xlsx_reader.load_workbook", lambda *a, **k: opened.append(a))
    with pytest.raises(XlsxReadError, match="拒绝打开"):
        read_xlsx(bomb)
    assert opened == []
