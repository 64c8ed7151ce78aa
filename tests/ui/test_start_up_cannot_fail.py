"""The app starts whatever the recent list names: a file it may not stat (a colleague's folder, a revoked share),
a name the system refuses, a share that does not answer. Such an entry shows greyed as 无法访问; the start page
never waits for it."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from models.storage import locations, recent
from models.storage.drafts import save_draft
from tests.builders import consistent_report
from ui import reachability
from ui.main_window import MainWindow

pytestmark = pytest.mark.robustness


def _write_recent(paths) -> None:
    entries = [{"path": str(p), "agency": f"机关{i}", "year": 2024, "saved_at": "2025-01-05T10:00:00+08:00"}
               for i, p in enumerate(paths)]
    (locations.config_dir() / recent.FILE_NAME).write_text(json.dumps(entries, ensure_ascii=False), "utf-8")


def _row(page, path):
    return next(page.recent.topLevelItem(i) for i in range(page.recent.topLevelItemCount())
                if page.recent.topLevelItem(i).text(3).startswith(str(path)))


def test_a_recent_file_that_cannot_be_stat_shows_greyed_and_the_app_starts(qtbot, tmp_path):
    good = tmp_path / "好.nianbao"
    save_draft(consistent_report(1), good)
    refused = tmp_path / ("长" * 100 + ".nianbao")  # 308 bytes: stat raises (ENAMETOOLONG), as root too
    gone = tmp_path / "已删除.nianbao"
    paths = [good, refused, gone]
    if os.geteuid() != 0:  # a folder we may not enter: stat raises PermissionError (root may enter anything)
        locked = tmp_path / "同事的文件夹"
        locked.mkdir()
        save_draft(consistent_report(2), locked / "草稿.nianbao")
        locked.chmod(0)
        paths.append(locked / "草稿.nianbao")
    _write_recent(paths)
    try:
        window = MainWindow()  # raised PermissionError / OSError here before the fix
        qtbot.addWidget(window)
        page = window.start
        qtbot.waitUntil(lambda: _row(page, refused).isDisabled() and _row(page, gone).isDisabled(), timeout=5000)
        assert "无法访问" in _row(page, refused).text(3)
        assert "文件已不存在" in _row(page, gone).text(3)
        assert not _row(page, good).isDisabled()
        if len(paths) > 3:
            qtbot.waitUntil(lambda: _row(page, paths[3]).isDisabled(), timeout=5000)
            assert "无法访问" in _row(page, paths[3]).text(3)
    finally:
        if len(paths) > 3:
            paths[3].parent.chmod(0o755)


def test_a_share_that_does_not_answer_does_not_hold_up_the_start(qtbot, tmp_path, monkeypatch):
    hanging = tmp_path / "断开的共享" / "草稿.nianbao"
    good = tmp_path / "好.nianbao"
    save_draft(consistent_report(1), good)
    _write_recent([hanging, good])
    release = threading.Event()
    real_stat = os.stat

    def slow_stat(path, *args, **kwargs):
        if str(path) == str(hanging):
            release.wait(30)  # a network stat that hangs
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr("models.storage.recent.os.stat", slow_stat)
    monkeypatch.setattr(reachability, "TIMEOUT_MS", 300)
    try:
        started = time.perf_counter()
        window = MainWindow()
        qtbot.addWidget(window)
        assert time.perf_counter() - started < 2.0
        page = window.start
        assert not _row(page, hanging).isDisabled(), "shown first as not yet known"
        qtbot.waitUntil(lambda: _row(page, hanging).isDisabled(), timeout=3000)
        assert "无法访问" in _row(page, hanging).text(3)
        assert not _row(page, good).isDisabled()
    finally:
        release.set()


def test_the_crash_handler_is_installed_before_the_window_is_made(monkeypatch):
    """Whatever the window's making raises reaches the crash handler (logged, explained), not a bare traceback."""
    import sys

    from ui import app as app_module

    order = []
    monkeypatch.setattr(app_module.crash, "install", lambda *a: order.append("crash handler"))

    def failing_window():
        order.append("window")
        raise RuntimeError("boom while making the window")

    monkeypatch.setattr(app_module, "MainWindow", failing_window)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    with pytest.raises(RuntimeError):
        app_module.run_gui()
    assert order == ["crash handler", "window"]


def test_a_damaged_settings_file_is_said_on_the_start_page_and_kept(qtbot):
    from models.storage import settings

    settings.take_notices()
    path = settings.settings_path()
    path.write_bytes(b'{"version": 1, "recent": [')
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    page = window.start
    [aside] = [p for p in path.parent.iterdir() if p.name.startswith("settings.unreadable-")]
    assert page.settings_note.isVisible() and "已损坏" in page.settings_note.text()
    assert aside.name in page.settings_note.text() and aside.read_bytes() == b'{"version": 1, "recent": ['
    assert page.recent.topLevelItemCount() == 0
    page.refresh()  # said once
    assert settings.take_notices() == []
