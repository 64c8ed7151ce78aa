"""A draft opened through a symbolic link (a shortcut on a shared folder): saving updates the real file and keeps
the link, and the lock, the autosave slot and the recent list are the real file's, so that another instance
opening the real path is warned."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from models.storage import autosave, locks, recent
from models.storage.atomic import atomic_write
from models.storage.drafts import load_draft, save_draft
from tests.builders import consistent_report
from tests.conftest import ROOT

pytestmark = [pytest.mark.robustness,
              pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")]


@pytest.fixture
def linked(tmp_path):
    real_folder = tmp_path / "共享" / "科室"
    real_folder.mkdir(parents=True)
    real = real_folder / "报告.nianbao"
    save_draft(consistent_report(5), real)
    link = tmp_path / "桌面快捷方式.nianbao"
    link.symlink_to(real)
    return real, link


def test_writing_through_a_link_updates_the_real_file_and_keeps_the_link(linked):
    real, link = linked
    atomic_write(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert locks.lock_path(link) == locks.lock_path(real)
    assert autosave.slot_id(link) == autosave.slot_id(real)


def _owner_seen_by_another_process(path) -> bool:
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from models.storage import locks; "
            f"print(json.dumps(locks.read_owner({str(path)!r}) is not None))")
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_saving_a_draft_opened_through_a_link_updates_the_real_file(window, linked):
    real, link = linked
    assert window.controller.open_draft(link)
    window.doc.set_cells({"t3.new.natural": 7}, "测试")
    assert window.controller.save()
    assert link.is_symlink(), "the link was replaced by a copy"
    assert load_draft(real).number("t3.new.natural") == 7
    assert _owner_seen_by_another_process(real), "another instance opening the real path is not warned"
    assert [e.path for e in recent.recent_drafts()] == [real]
    window.doc.set_cells({"t3.new.natural": 8}, "测试")
    assert window.controller.autosave()
    assert [s.path.stem for s in autosave.list_autosaves()] == [autosave.slot_id(real)]
    window.close()
    assert not locks.lock_path(real).exists()
