"""Lock files: a second instance opening the same draft is warned; stale locks are taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta

from models.storage import locks, processes


def test_own_lock_is_not_a_conflict_and_is_released(tmp_path):
    draft = tmp_path / "a.nianbao"
    draft.write_text("{}", encoding="utf-8")
    assert locks.acquire(draft)
    assert locks.lock_path(draft).exists()
    assert locks.read_owner(draft) is None  # our own process
    locks.release(draft)
    assert not locks.lock_path(draft).exists()


def test_lock_of_a_live_process_is_reported(tmp_path):
    draft = tmp_path / "a.nianbao"
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        data = {"user": "张三", "host": socket.gethostname(), "pid": child.pid,
                "since": datetime.now().astimezone().isoformat(timespec="seconds")}
        locks.lock_path(draft).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        owner = locks.read_owner(draft)
        assert owner is not None and owner.user == "张三" and "张三" in owner.describe()
        locks.release(draft)  # never removes someone else's lock
        assert locks.lock_path(draft).exists()
    finally:
        child.kill()
        child.wait()
    assert locks.read_owner(draft) is None, "the owner is gone: the lock is stale"


def test_old_or_broken_locks_are_stale(tmp_path):
    draft = tmp_path / "a.nianbao"
    old = {"user": "李四", "host": "another-pc", "pid": 1,
           "since": (datetime.now().astimezone() - timedelta(days=2)).isoformat()}
    locks.lock_path(draft).write_text(json.dumps(old), encoding="utf-8")
    assert locks.read_owner(draft) is None
    recent = dict(old, since=datetime.now().astimezone().isoformat())
    locks.lock_path(draft).write_text(json.dumps(recent), encoding="utf-8")
    assert locks.read_owner(draft).host == "another-pc"  # another computer: cannot check its process
    locks.lock_path(draft).write_text("garbage", encoding="utf-8")
    assert locks.read_owner(draft) is None
    assert os.getpid() > 0


def _sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])


def test_a_process_start_time_is_read_on_this_system():
    before = datetime.now().astimezone()
    child = _sleeper()
    try:
        started = processes.process_started(child.pid)
    finally:
        child.kill()
        child.wait()
    if sys.platform.startswith("linux") or os.name == "nt":
        assert started is not None
        assert abs(started - before) < timedelta(seconds=5)


def test_a_reused_process_id_does_not_hold_a_crashed_owners_lock(tmp_path):
    """After a crash the system may give the dead owner's id to a new process: that process started after the lock
    was written, so the lock is stale (seen under Wine: the restarted app was told the draft was still open)."""
    draft = tmp_path / "a.nianbao"
    child = _sleeper()  # stands for the unrelated process that got the dead owner's id
    try:
        written = datetime.now().astimezone() - timedelta(minutes=10)
        data = {"user": "张三", "host": socket.gethostname(), "pid": child.pid,
                "since": written.isoformat(timespec="seconds")}
        locks.lock_path(draft).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert locks.read_owner(draft) is None
    finally:
        child.kill()
        child.wait()


def test_an_autosave_of_a_crashed_instance_is_offered_though_its_id_was_reused():
    from models.storage import autosave, locations
    from models.storage.drafts import save_draft
    from tests.builders import consistent_report

    child = _sleeper()
    try:
        for name, minutes in (("crashed", 10), ("running", 0)):
            report = consistent_report(1)
            saved = datetime.now().astimezone() - timedelta(minutes=minutes)
            report.extra[autosave.AUTOSAVE_KEY] = {"saved_at": saved.isoformat(timespec="seconds"), "source": None,
                                                    "pid": child.pid, "host": socket.gethostname()}
            save_draft(report, locations.autosave_dir() / f"{name}.nianbao", keep_backups=0)
        offered = {slot.path.stem for slot in autosave.list_autosaves(skip_live=True)}
    finally:
        child.kill()
        child.wait()
    assert "crashed" in offered, "written before the live process with that id started: its writer is gone"
    assert "running" not in offered, "written by the live process itself: not offered"
