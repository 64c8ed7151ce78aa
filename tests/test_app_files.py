"""Autosave slots and the recent-drafts list in the platformdirs folders."""

from __future__ import annotations

from models.storage import autosave, locations, recent
from models.storage.drafts import load_draft
from tests.builders import consistent_report


def test_locations_follow_govreport_home(app_home):
    for folder in (locations.drafts_dir(), locations.autosave_dir(), locations.backups_dir(), locations.logs_dir(),
                   locations.config_dir()):
        assert folder.is_dir() and app_home in folder.parents


def test_autosave_and_recover(tmp_path):
    report = consistent_report(60)
    source = tmp_path / "mine.nianbao"
    slot = autosave.slot_id(source)
    assert slot == autosave.slot_id(source)
    path = autosave.write_autosave(report, slot, source)
    [found] = autosave.list_autosaves()
    assert found.path == path and found.source == source and found.agency == "测试市人民政府"
    recovered = autosave.recover(found)
    assert recovered.cells == report.cells and "autosave" not in recovered.extra
    autosave.discard(found.path)
    assert autosave.list_autosaves() == []


def test_unsaved_report_gets_its_own_slot_and_broken_slots_are_skipped():
    a, b = autosave.slot_id(None), autosave.slot_id(None)
    assert a != b and a.startswith("untitled-")
    autosave.write_autosave(consistent_report(61), a, None)
    (locations.autosave_dir() / "broken.nianbao").write_text("{", encoding="utf-8")
    [slot] = autosave.list_autosaves()
    assert slot.source is None and load_draft(slot.path).meta.year == 2024


def test_recent_drafts_newest_first_and_bounded(tmp_path):
    report = consistent_report(62)
    for i in range(recent.MAX_RECENT + 3):
        path = tmp_path / f"d{i}.nianbao"
        path.write_text("x", encoding="utf-8")
        recent.remember(path, report)
    entries = recent.recent_drafts()
    assert len(entries) == recent.MAX_RECENT
    assert entries[0].path.name == f"d{recent.MAX_RECENT + 2}.nianbao"
    assert entries[0].agency == "测试市人民政府" and entries[0].year == 2024
    assert recent.reachability(entries[0].path) == recent.REACHABLE
    recent.remember(tmp_path / "d5.nianbao", report)
    assert recent.recent_drafts()[0].path.name == "d5.nianbao" and len(recent.recent_drafts()) == recent.MAX_RECENT
    recent.forget(tmp_path / "d5.nianbao")
    assert all(e.path.name != "d5.nianbao" for e in recent.recent_drafts())


def test_damaged_recent_list_is_empty():
    (locations.config_dir() / recent.FILE_NAME).write_text("[{", encoding="utf-8")
    assert recent.recent_drafts() == []
