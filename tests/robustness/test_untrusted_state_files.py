"""Lock files and autosave slots are written by other processes, other versions or other people's computers: any
content read back means "stale" (a lock) or "skipped or shown as best it can" (a slot), never an exception."""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.storage import autosave, locations, locks, processes
from models.storage.drafts import save_draft
from tests.builders import consistent_report

pytestmark = pytest.mark.robustness

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["2024-05-01T10:00:00", "2024-05-01T10:00:00+08:00", "2024-05-01", "9999-12-31T23:59:59",
                     "0001-01-01T00:00:00+14:00", "not a time", "", "localhost", socket.gethostname()]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
FIELDS = ("user", "host", "pid", "since")


def _lock_documents():
    """A lock file's JSON: the right keys with odd values, keys missing, or not an object at all."""
    objects = st.fixed_dictionaries({}, optional={key: ODD_VALUES for key in FIELDS})
    return st.one_of(objects, ODD_VALUES)


def test_a_lock_time_without_utc_offset_is_stale_not_a_crash(tmp_path):
    draft = tmp_path / "a.nianbao"
    data = {"user": "张三", "host": "another-pc", "pid": 1234, "since": "2024-05-01T10:00:00"}
    locks.lock_path(draft).write_text(json.dumps(data), encoding="utf-8")
    assert locks.read_owner(draft) is None


def test_a_huge_pid_is_stale_not_a_crash(tmp_path):
    draft = tmp_path / "a.nianbao"
    data = {"user": "张三", "host": socket.gethostname(), "pid": 2**70,
            "since": datetime.now().astimezone().isoformat()}
    locks.lock_path(draft).write_text(json.dumps(data), encoding="utf-8")
    assert locks.read_owner(draft) is None
    assert not processes.process_alive(2**70)
    locks.release(draft)  # not ours: left alone, without an error
    assert locks.lock_path(draft).exists()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_lock_documents())
def test_any_lock_content_reads_without_an_exception(tmp_path, document):
    draft = tmp_path / "a.nianbao"
    locks.lock_path(draft).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    owner = locks.read_owner(draft)
    if owner is not None:  # only a well-formed lock of someone else, taken recently
        assert isinstance(owner.user, str) and isinstance(owner.host, str) and owner.since.tzinfo is not None
        owner.describe()
    locks.release(draft)
    assert locks.acquire(draft)  # a stale or broken lock is taken over


def _autosave_info():
    info = st.fixed_dictionaries({}, optional={key: ODD_VALUES for key in ("source", "saved_at", "pid", "host")})
    return st.one_of(info, ODD_VALUES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(infos=st.lists(_autosave_info(), min_size=1, max_size=4))
def test_any_autosave_info_lists_without_an_exception(infos):
    folder = locations.autosave_dir()
    for old in folder.iterdir():
        old.unlink()
    for i, info in enumerate(infos):
        report = consistent_report(1)
        report.extra[autosave.AUTOSAVE_KEY] = info
        save_draft(report, folder / f"slot{i}.nianbao", keep_backups=0)
    for skip_live in (False, True):
        slots = autosave.list_autosaves(skip_live=skip_live)
        assert len(slots) <= len(infos)
        for slot in slots:
            assert slot.saved_at.tzinfo is not None
            assert slot.source is None or isinstance(slot.source, os.PathLike)
    assert len(autosave.list_autosaves()) == len(infos), "an odd slot is still offered, not silently dropped"


def test_naive_and_aware_autosave_times_sort_together():
    folder = locations.autosave_dir()
    for name, when in (("a", "2024-05-01T10:00:00"), ("b", "2024-05-01T11:00:00+08:00")):
        report = consistent_report(1)
        report.extra[autosave.AUTOSAVE_KEY] = {"saved_at": when, "source": None}
        save_draft(report, folder / f"{name}.nianbao", keep_backups=0)
    assert {s.path.stem for s in autosave.list_autosaves()} == {"a", "b"}
