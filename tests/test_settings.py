"""The settings file (models/storage/settings.py): defaults, round trip, a damaged or newer file, migration from the
two files kept before it, and a write that fails."""

from __future__ import annotations

import errno
import json
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from models.storage import locations, recent, settings
from models.storage.settings import ExportOptions, Settings, WindowState, load_settings, save_settings, settings_path
from models.tools import ledger_fields
from models.tools.ledger_fields import ColumnMapping, MappingError, load_saved_mapping, save_mapping
from tests.builders import consistent_report


@pytest.fixture(autouse=True)
def no_notices_left():
    settings.take_notices()
    yield
    settings.take_notices()


def _aside(folder: Path, stem: str) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(f"{stem}.unreadable-")]


def test_defaults_without_any_file():
    loaded = load_settings()
    assert loaded.settings == Settings() and loaded.notice == "" and not settings_path().exists()
    assert loaded.settings.recent == () and loaded.settings.ledger_mapping is None
    assert loaded.settings.export == ExportOptions("", "ask") and loaded.settings.windows == {}
    assert recent.recent_drafts() == [] and load_saved_mapping() is None


def test_round_trip_of_every_field(tmp_path):
    key = settings.screen_key([(1920, 1080), (1280, 1024)])
    assert key == "1920x1080+1280x1024"
    geometry, dock = bytes(range(256)), b"\x00\xffdock"
    mapping = ColumnMapping({"来件日期": "received"}, {"同意公开": "予以公开"}, {"公民": "自然人"})
    recent.remember(tmp_path / "甲.nianbao", consistent_report(1))
    save_mapping(mapping)
    settings.remember_window(key, geometry, dock)
    settings.remember_export(folder=tmp_path / "导出", after="open_folder")
    settings.remember_font_size("largest")

    document = json.loads(settings_path().read_text(encoding="utf-8"))
    assert document["version"] == settings.SETTINGS_VERSION
    loaded = load_settings()
    assert loaded.notice == ""
    assert [e.path.name for e in loaded.settings.recent] == ["甲.nianbao"]
    assert load_saved_mapping() == mapping
    assert settings.window_state(key) == WindowState(geometry, dock)
    assert settings.window_state("800x600") is None
    assert settings.export_options() == ExportOptions(str(tmp_path / "导出"), "open_folder")
    assert settings.font_size() == "largest" and document["font_size"] == "largest"
    assert settings.settings_from_json(settings.settings_to_json(loaded.settings)) == loaded.settings


@pytest.mark.parametrize("content", [b"{broken", b"\xff\xfe\x00", b"[1, 2]", b'{"recent": []}',
                                     b'{"version": "1"}', b"9" * 100],
                         ids=["json", "encoding", "list", "no-version", "text-version", "number"])
def test_a_damaged_file_gives_defaults_and_a_notice_and_is_kept_aside(content):
    path = settings_path()
    path.write_bytes(content)
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert "设置文件" in loaded.notice and "已损坏" in loaded.notice and "默认设置" in loaded.notice
    [aside] = _aside(path.parent, "settings")
    assert aside.read_bytes() == content and loaded.set_aside == aside and aside.name in loaded.notice
    assert not path.exists()
    assert settings.take_notices() == [loaded.notice] and settings.take_notices() == []
    recent.remember(path.parent / "新.nianbao", consistent_report(1))  # the app goes on and remembers again
    assert [e.path.name for e in recent.recent_drafts()] == ["新.nianbao"] and aside.read_bytes() == content


def test_a_file_of_a_newer_version_is_kept_aside_not_overwritten():
    path = settings_path()
    newer = {"version": settings.SETTINGS_VERSION + 1, "recent": [{"path": "/x/甲.nianbao"}], "theme": "dark"}
    path.write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings == Settings() and "更新版本" in loaded.notice
    [aside] = _aside(path.parent, "settings")
    assert json.loads(aside.read_text(encoding="utf-8")) == newer
    save_settings(Settings())
    assert json.loads(aside.read_text(encoding="utf-8")) == newer


def test_a_field_of_the_wrong_type_is_its_default_and_the_rest_is_kept():
    settings_path().write_text(json.dumps({
        "version": 1, "recent": [{"path": "/x/甲.nianbao", "year": "2024"}, {"path": 3}, "x"],
        "ledger_mapping": [1], "windows": {"a": {"geometry": "not base64!"}, "b": 3},
        "export": {"folder": 7, "after": "explode"}, "font_size": "huge"}), encoding="utf-8")
    loaded = load_settings()
    assert loaded.notice == ""
    assert [(e.path, e.year) for e in loaded.settings.recent] == [(Path("/x/甲.nianbao"), None)]
    assert loaded.settings.ledger_mapping is None and loaded.settings.export == ExportOptions()
    assert loaded.settings.windows == {"a": WindowState(b"", b"")}
    assert loaded.settings.font_size == "standard"


def test_a_file_written_before_the_text_size_reads_as_standard_and_keeps_the_rest(tmp_path):
    """Version 1 files from before 查看 › 字号 have no font_size: the standard size, nothing set aside."""
    settings_path().write_text(json.dumps({
        "version": 1, "recent": [{"path": "/x/甲.nianbao", "agency": "甲局", "year": 2024,
                                  "saved_at": "2025-01-05T10:00:00+08:00"}],
        "export": {"folder": "/x", "after": "close"}}), encoding="utf-8")
    loaded = load_settings()
    assert loaded.notice == "" and loaded.settings.font_size == "standard"
    assert [e.agency for e in loaded.settings.recent] == ["甲局"] and loaded.settings.export.after == "close"
    settings.remember_font_size("large")
    assert settings.font_size() == "large" and [e.agency for e in recent.recent_drafts()] == ["甲局"]
    with pytest.raises(ValueError):
        settings.remember_font_size("huge")


def test_the_two_old_files_are_migrated_on_first_read_and_left_as_they_were(tmp_path):
    folder = locations.config_dir()
    old_recent = [{"path": str(tmp_path / "甲.nianbao"), "agency": "某局", "year": 2024,
                   "saved_at": "2025-01-05T10:00:00+08:00", "level": "区县级"}]
    old_mapping = {"columns": {"来件日期": "收到日期"}, "results": {"同意公开": "予以公开"}}
    (folder / "recent.json").write_text(json.dumps(old_recent, ensure_ascii=False), encoding="utf-8")
    (folder / "ledger-mapping.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(old_mapping, ensure_ascii=False).encode())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    [entry] = recent.recent_drafts()
    assert (entry.path, entry.agency, entry.year, entry.level) == (tmp_path / "甲.nianbao", "某局", 2024, "区县级")
    assert load_saved_mapping() == ColumnMapping({"来件日期": "received"}, {"同意公开": "予以公开"})
    assert not settings_path().exists()  # reading writes nothing

    recent.remember(tmp_path / "乙.nianbao", consistent_report(1))  # the first write folds both in
    document = json.loads(settings_path().read_text(encoding="utf-8"))
    assert [Path(e["path"]).name for e in document["recent"]] == ["乙.nianbao", "甲.nianbao"]
    assert document["ledger_mapping"] == old_mapping
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "settings.json"} == before
    (folder / "recent.json").write_text("[]", encoding="utf-8")  # from now on the old files are not read
    assert len(recent.recent_drafts()) == 2


def test_a_broken_old_mapping_is_refused_then_set_aside_as_before():
    legacy = ledger_fields.legacy_mapping_path()
    legacy.write_bytes(b"{not json")
    with pytest.raises(MappingError, match="无法读取"):
        load_saved_mapping()
    aside = ledger_fields.set_aside_saved_mapping()
    assert aside is not None and aside.read_bytes() == b"{not json" and not legacy.exists()
    assert load_saved_mapping() is None


def test_an_unusable_mapping_in_the_settings_is_moved_to_a_file_of_its_own():
    bad = {"columns": {"x": "no-such-field"}}
    save_settings(Settings(ledger_mapping=bad, export=ExportOptions("/d", "close")))
    with pytest.raises(MappingError, match="不是台账的字段"):
        load_saved_mapping()
    aside = ledger_fields.set_aside_saved_mapping()
    assert aside is not None and json.loads(aside.read_text(encoding="utf-8")) == bad
    assert load_saved_mapping() is None and settings.export_options() == ExportOptions("/d", "close")


@pytest.fixture
def read_only_config(monkeypatch):
    """The config folder cannot be written: made read-only where that binds (not root), and creating a file in it
    refused as a read-only file system does in any case (root ignores permission bits)."""
    folder = locations.config_dir()
    real_mkstemp = tempfile.mkstemp

    def refuse(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == folder:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    folder.chmod(0o500)
    yield folder
    folder.chmod(0o700)


def test_a_write_that_fails_says_so_in_chinese_and_loses_nothing(tmp_path, request):
    mapping = ColumnMapping({"来件日期": "received"})
    save_mapping(mapping)
    recent.remember(tmp_path / "甲.nianbao", consistent_report(1))
    path = settings_path()
    before = path.read_bytes()
    request.getfixturevalue("read_only_config")
    with pytest.raises(settings.SettingsError) as info:
        save_settings(replace(load_settings().settings, recent=()))
    assert "设置没有保存" in info.value.message and "没有写入权限" in info.value.message
    assert info.value.path == path
    with pytest.raises(MappingError, match="没有写入权限"):
        save_mapping(ColumnMapping({"来件时间": "received"}))
    recent.remember(tmp_path / "乙.nianbao", consistent_report(2))  # never fails the save it follows
    settings.remember_window("1x1", b"g", b"d")
    settings.remember_export(folder=tmp_path)
    assert path.read_bytes() == before
    assert load_saved_mapping() == mapping and [e.path.name for e in recent.recent_drafts()] == ["甲.nianbao"]
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_a_file_that_cannot_be_read_is_never_written_over(monkeypatch):
    recent.remember(Path("/x/甲.nianbao"), consistent_report(1))
    path = settings_path()
    before = path.read_bytes()
    real_read = Path.read_bytes

    def refuse(self):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_read(self)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", refuse)
        loaded = load_settings()
        assert loaded.settings == Settings() and "无法读取设置文件" in loaded.notice and not loaded.writable
        recent.remember(Path("/x/乙.nianbao"), consistent_report(2))
        with pytest.raises(MappingError, match="无法读取设置文件"):
            save_mapping(ColumnMapping({"来件时间": "received"}))
    assert path.read_bytes() == before and [e.path.name for e in recent.recent_drafts()] == ["甲.nianbao"]


def test_a_damaged_file_that_cannot_be_set_aside_is_never_written_over(monkeypatch):
    path = settings_path()
    path.write_bytes(b"{broken")

    def refuse(self, target):
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "rename", refuse)
        loaded = load_settings()
        assert loaded.settings == Settings() and not loaded.writable and "原文件保留未动" in loaded.notice
        recent.remember(Path("/x/甲.nianbao"), consistent_report(1))
    assert path.read_bytes() == b"{broken"
