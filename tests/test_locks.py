"""Lock files: a second instance opening the same draft is warned; stale locks are taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta

from models.storage import locks


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
