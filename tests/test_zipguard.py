"""The zip guard refuses inflated, crowded or broken containers before any XML parser sees them."""

from __future__ import annotations

import zipfile

import pytest

from importers.xlsx_reader import XlsxReadError, read_xlsx
from importers.zipguard import MAX_MEMBER, ZipRejected, check_zip


def make_zip(path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_small_zip_that_inflates_hugely_is_refused(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    make_zip(bomb, {"xl/worksheets/sheet1.xml": b"\0" * (20 * 1024 * 1024)})
    assert bomb.stat().st_size < 100 * 1024
    with pytest.raises(ZipRejected) as rejected:
        check_zip(bomb, max_member=10 * 1024 * 1024)
    assert "bomb.xlsx" in rejected.value.message and "20 MB" in rejected.value.message
    check_zip(bomb, max_member=30 * 1024 * 1024, max_total=30 * 1024 * 1024)


def test_total_and_member_count_limits(tmp_path):
    many = tmp_path / "many.xlsx"
    make_zip(many, {f"part{i}.xml": b"x" * 1000 for i in range(30)})
    with pytest.raises(ZipRejected, match="部件"):
        check_zip(many, max_members=20)
    with pytest.raises(ZipRejected, match="解压后超过"):
        check_zip(many, max_total=20_000)
    check_zip(many)


def test_not_a_zip_is_refused_with_a_chinese_message(tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 garbage")
    with pytest.raises(ZipRejected) as rejected:
        check_zip(junk)
    assert "junk.xlsx" in rejected.value.message and "损坏" in rejected.value.message
    with pytest.raises(ZipRejected, match="无法读取"):
        check_zip(tmp_path / "absent.xlsx")


def test_the_reader_checks_before_opening(tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.xlsx"
    make_zip(bomb, {"[Content_Types].xml": b" " * (MAX_MEMBER + 1)})  # with the reader's real limits
    assert bomb.stat().st_size < 1024 * 1024
    opened = []
    monkeypatch.setattr("importers.xlsx_reader.load_workbook", lambda *a, **k: opened.append(a))
    with pytest.raises(XlsxReadError, match="为安全起见"):
        read_xlsx(bomb)
    assert opened == []
