"""A data folder nothing can be written in (a read-only profile, the portable copy on a read-only share): one
banner says autosave and recovery are unavailable; opening, editing, saving, saving elsewhere, exporting and going
back to the start page all work; autosave is skipped silently; the crash handler still explains (no log file).

The folder is made unwritable for real, in a way root cannot override: a "folder" whose parent is a regular file,
and (where mounting is allowed, as in CI) a read-only tmpfs holding an existing data folder."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from models.storage import autosave, locations, recent
from models.storage.drafts import load_draft, save_draft
from tests.builders import consistent_report
from tests.robustness.test_disk_faults import _mount, _unmount
from ui import crash
from ui.export_flow import ExportFlow

pytestmark = pytest.mark.robustness


@pytest.fixture(params=["under-a-file", "read-only-mount"])
def unwritable_home(request, tmp_path, monkeypatch):
    if request.param == "under-a-file":
        profile = tmp_path / "profile"
        profile.write_text("a file where the profile folder should be", encoding="utf-8")
        home = profile / "gov-info-report"
        monkeypatch.setenv(locations.HOME_VARIABLE, str(home))
        yield home
        return
    point = _mount(tmp_path, "size=2m")
    if point is None:
        pytest.skip("mounting a read-only tmpfs needs root (CI runs so)")
    monkeypatch.setenv(locations.HOME_VARIABLE, str(point))
    for kind in ("autosave", "backups", "config", "logs"):
        getattr(locations, f"{kind}_dir")()
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
    try:
        yield point
    finally:
        _unmount(point)


def test_models_do_not_raise_when_the_data_folder_cannot_be_written(unwritable_home, tmp_path):
    for kind in ("drafts", "autosave", "backups", "logs", "config"):
        getattr(locations, f"{kind}_dir")()  # each raised OSError before
    assert locations.unwritable() == unwritable_home
    assert autosave.list_autosaves() == []
    report = consistent_report(1)
    with pytest.raises(autosave.AutosaveUnavailable) as info:
        autosave.write_autosave(report, "slot", None)
    assert str(unwritable_home) in info.value.message and "自动保存和恢复暂不可用" in info.value.message
    draft = tmp_path / "r.nianbao"
    save_draft(report, draft)
    save_draft(report, draft)  # the backup cannot be made: the save goes ahead
    recent.remember(draft, report)
    assert recent.recent_drafts() == []
    autosave.discard(locations.autosave_dir() / "x.nianbao")  # nothing to remove, and no error either
    autosave.discard_slot("x")


def test_the_window_says_so_once_and_everything_else_works(unwritable_home, window, qtbot, monkeypatch, tmp_path,
                                                           capsys, answers):
    draft = tmp_path / "本局.nianbao"
    save_draft(consistent_report(6), draft)
    qtbot.waitUntil(lambda: window._data_banner is not None and window._data_banner.isVisible(), timeout=3000)
    banner = window._data_banner.text()
    assert banner.startswith("数据文件夹不可写：自动保存和恢复暂不可用") and str(unwritable_home) in banner

    assert window.controller.open_draft(draft)
    window.doc.set_cells({"t3.new.natural": 9}, "测试")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    for _ in range(3):
        window.controller.autosave_timer.timeout.emit()  # the 30-second tick: no exception, no message each time
        assert window.controller.autosave() is False
    assert not [m for m in messages if "自动保存" in m]
    window.editor.go_to("t3")  # a page change autosaves too
    assert window.controller.save()
    assert load_draft(draft).number("t3.new.natural") == 9
    assert window.controller.save_as(tmp_path / "另存")
    assert load_draft(tmp_path / "另存.nianbao").number("t3.new.natural") == 9

    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, *_companions: offered.append(written))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.exports.export("xlsx", tmp_path / "本局.xlsx")
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    assert (tmp_path / "本局.xlsx").exists()

    window.doc.set_cells({"t3.new.natural": 10}, "测试")
    window.go_home()  # 返回开始页 (不保存)
    assert window.stack.currentWidget() is window.start and window.doc is None
    assert window.controller.open_draft(draft)  # an existing draft opens again
    assert not [kind for kind, _ in answers["asked"] if kind in ("critical", "warning")]

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    crash.install(window.controller.autosave, lambda: window)
    try:
        raise RuntimeError("boom with an unwritable data folder")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert len(shown) == 1 and "没有写入日志文件" in shown[0] and "已自动保存" not in shown[0]
    assert "boom with an unwritable data folder" in capsys.readouterr().err


def test_a_full_disk_names_the_report_not_the_slot_file(window, monkeypatch):
    window.controller.new_report()
    window.doc.set_meta(agency="满盘测试局")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("models.storage.atomic.tempfile.mkstemp", full)
    assert window.controller.autosave() is False
    [message] = [m for m in messages if "自动保存失败" in m]
    assert "满盘测试局" in message and "磁盘空间已满" in message
    assert window.controller.slot not in message and ".nianbao" not in message
