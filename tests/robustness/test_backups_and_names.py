"""Saving a draft in place, where the file system has its say: the clock going back between saves (backups must
still keep the newest versions), and a long Chinese file name (temporary, backup and lock names must still fit the
255-byte limit of a name on ext4, with Chinese 3 bytes a character)."""

from __future__ import annotations

import datetime as real_datetime

import pytest

from models.storage import drafts, locks
from models.storage.drafts import backups_of, load_draft, save_draft
from tests.builders import consistent_report

pytestmark = pytest.mark.robustness


class _Clock(real_datetime.datetime):
    """Stands in for models.storage.drafts.datetime: now() is whatever the test sets."""

    current = real_datetime.datetime(2025, 3, 1, 12, 0, 0)

    @classmethod
    def now(cls, tz=None):
        return cls.current if tz is None else cls.current.replace(tzinfo=tz)


def _version(report, n: int):
    changed = report.copy()
    changed.set("t3.new.natural", n)
    return changed


def test_after_the_clock_goes_back_new_backups_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(drafts, "datetime", _Clock)
    path, folder = tmp_path / "r.nianbao", tmp_path / "backups"
    report = consistent_report(3)
    save_draft(_version(report, 0), path, backup_dir=folder, keep_backups=3)
    for n in range(1, 5):  # four saves on the right time: backups of versions 1..3 kept, 0 pruned
        _Clock.current += real_datetime.timedelta(minutes=1)
        save_draft(_version(report, n), path, backup_dir=folder, keep_backups=3)
    _Clock.current -= real_datetime.timedelta(days=1)  # the clock is set back a day (a CMOS battery, a bad NTP)
    for n in range(5, 8):
        _Clock.current += real_datetime.timedelta(minutes=1)
        backup = save_draft(_version(report, n), path, backup_dir=folder, keep_backups=3)
        assert backup is not None and backup.exists(), "the backup just written was pruned at once"
        assert backups_of(path, folder)[0] == backup, "the newest backup is listed first"
    kept = [load_draft(p).number("t3.new.natural") for p in backups_of(path, folder)]
    assert kept == [6, 5, 4], "the three newest versions before the last save are kept"


LONG_NAMES = [n * "政" for n in (78, 80, 82)] + ["政府信息公开工作年度报告" * 6 + "政" * 10]


@pytest.mark.parametrize("stem", LONG_NAMES, ids=lambda s: f"{len(s)}chars")
def test_a_draft_with_a_long_chinese_name_saves_in_place(tmp_path, stem):
    path = tmp_path / f"{stem}.nianbao"
    assert len(path.name.encode("utf-8")) <= 255
    folder = tmp_path / "backups"
    report = consistent_report(4)
    save_draft(report, path, backup_dir=folder)
    assert locks.acquire(path), "the lock file beside the draft could be written"
    for n in range(1, 4):
        backup = save_draft(_version(report, n), path, backup_dir=folder)
        assert backup is not None and len(backup.name.encode("utf-8")) <= 255
        assert load_draft(backup).number("t3.new.natural") == (n - 1 if n > 1 else report.number("t3.new.natural"))
    assert load_draft(path).number("t3.new.natural") == 3
    assert len(backups_of(path, folder)) == 3
    other = tmp_path / f"{stem[:-1]}乙.nianbao"  # same first characters, another draft: its own backups
    save_draft(report, other, backup_dir=folder)
    save_draft(_version(report, 9), other, backup_dir=folder)
    assert len(backups_of(other, folder)) == 1 and len(backups_of(path, folder)) == 3
    locks.release(path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted([path.name, other.name])
