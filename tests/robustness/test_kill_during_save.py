"""Crash-safe saving: a child process saves in a loop and is killed at random moments, 200 times per kind of
file. Afterwards the file always loads and holds the old or the new content: never a mix, never empty."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time

import pytest

from models.storage.drafts import load_draft, save_draft
from tests.builders import consistent_report
from tests.conftest import ROOT

pytestmark = pytest.mark.robustness
KILLS = 200

_WRITER = """
import os, sys
sys.path.insert(0, {root!r})
kind, target, a, b = sys.argv[1:5]
from models.storage.drafts import load_draft, save_draft
from models.storage import autosave, recent
reports = [load_draft(a), load_draft(b)]
print("ready", flush=True)
i = 0
while True:
    report = reports[i % 2]
    if kind == "draft":
        save_draft(report, target, backup_dir=os.path.join(os.path.dirname(target), "backups"), keep_backups=2)
    elif kind == "autosave":
        autosave.write_autosave(report, "slot", None)
    else:
        recent.remember(a if i % 2 else b, report)
    i += 1
"""


def _pair(tmp_path):
    a, b = consistent_report(1), consistent_report(2)
    for report, mark in ((a, "甲"), (b, "乙")):
        report.texts["s1.active"] = "主动公开情况" * 20_000 + mark  # ~240 KB: kills land inside writes
    paths = []
    for name, report in (("a", a), ("b", b)):
        paths.append(tmp_path / f"{name}.nianbao")
        save_draft(report, paths[-1], keep_backups=0)
    return a, b, paths


def _kill_loop(kind: str, target, paths, check) -> dict[str, int]:
    rng = random.Random(kind)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = _WRITER.format(root=str(ROOT))
    seen: dict[str, int] = {}
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", code, kind, str(target), *map(str, paths)],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.05))
        assert child.poll() is None, "the writer died by itself: the kill tested nothing"
        child.kill()
        child.wait()
        outcome = check()
        seen[outcome] = seen.get(outcome, 0) + 1
    print(f"\n{kind}: {KILLS} kills survived; outcomes {seen}")
    return seen


def test_draft_save_survives_kills(tmp_path):
    a, b, paths = _pair(tmp_path)
    target = tmp_path / "target.nianbao"
    save_draft(a, target, keep_backups=0)

    def check() -> str:
        loaded = load_draft(target)
        assert loaded.texts["s1.active"] in (a.texts["s1.active"], b.texts["s1.active"])
        assert loaded.cells in (a.cells, b.cells)
        return loaded.texts["s1.active"][-1]

    seen = _kill_loop("draft", target, paths, check)
    assert sum(seen.values()) == KILLS
    assert set(seen) == {"甲", "乙"}, "kills should land both before and after a save completes"


def test_autosave_slot_survives_kills(tmp_path, app_home):
    from models.storage import autosave, locations

    a, b, paths = _pair(tmp_path)
    autosave.write_autosave(a, "slot", None)
    slot = locations.autosave_dir() / "slot.nianbao"

    def check() -> str:
        loaded = load_draft(slot)
        assert loaded.texts["s1.active"] in (a.texts["s1.active"], b.texts["s1.active"])
        return loaded.texts["s1.active"][-1]

    assert set(_kill_loop("autosave", slot, paths, check)) == {"甲", "乙"}


def test_recent_list_survives_kills(tmp_path, app_home):
    from models.storage import recent, settings

    _, _, paths = _pair(tmp_path)
    recent.remember(paths[0], load_draft(paths[0]))
    listing = settings.settings_path()

    def check() -> str:
        entries = json.loads(listing.read_text(encoding="utf-8"))["recent"]  # always whole JSON, never a torn write
        assert entries and {e["path"] for e in entries} <= {str(p.resolve()) for p in paths}
        return str(len(entries))

    _kill_loop("recent", listing, paths, check)
