"""A full disk and a read-only folder: the save fails with a Chinese message, the report in memory and the file
on disk are intact. Uses a real tiny tmpfs when the machine allows mounting (CI runs as root), else a patched
write."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from models.storage.drafts import DraftError, load_draft, save_draft
from tests.builders import consistent_report

pytestmark = pytest.mark.robustness


def _mount(tmp_path: Path, options: str) -> Path | None:
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return None
    point = tmp_path / f"mnt-{uuid.uuid4().hex[:6]}"
    point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True)
    return point if result.returncode == 0 else None


def _unmount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_full_disk_keeps_the_old_file_and_the_report(tmp_path, monkeypatch):
    report = consistent_report(1)
    point = _mount(tmp_path, "size=96k")
    folder = point or tmp_path
    try:
        path = folder / "r.nianbao"
        save_draft(report, path, backup_dir=tmp_path / "backups")
        before = path.read_bytes()
        bigger = report.copy()
        bigger.texts["s1.active"] = "主动公开" * 60_000  # ~720 KB: does not fit the 96 KB disk
        if point is None:
            monkeypatch.setattr("models.storage.atomic.os.fdopen", _fdopen_failing_big_writes)
        with pytest.raises(DraftError) as info:
            save_draft(bigger, path, backup_dir=tmp_path / "backups")
        assert "磁盘空间已满" in info.value.message and "r.nianbao" in info.value.message
        assert path.read_bytes() == before
        assert load_draft(path).cells == report.cells
        assert bigger.texts["s1.active"].startswith("主动公开")
        assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    finally:
        if point is not None:
            _unmount(point)
    print(f"\nfull disk: {'a real 96 KB tmpfs' if point else 'a patched write'}")


def _fdopen_failing_big_writes(fd, mode):
    handle = open(fd, mode)  # noqa: SIM115 - returned to the caller's with-block
    real = handle.write

    def write(data):
        if len(data) > 100_000:
            raise OSError(28, "No space left on device")
        return real(data)

    handle.write = write
    return handle


def test_read_only_folder_refuses_with_a_message(tmp_path, monkeypatch):
    report = consistent_report(2)
    source = tmp_path / "src.nianbao"
    save_draft(report, source)
    point = _mount(tmp_path, "size=1m")
    try:
        if point is not None:
            shutil.copy(source, point / "r.nianbao")
            subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
            path = point / "r.nianbao"
        else:
            path = source

            def read_only(*args, **kwargs):
                raise OSError(30, "Read-only file system")

            monkeypatch.setattr("models.storage.atomic.tempfile.mkstemp", read_only)
        before = path.read_bytes()
        changed = report.copy()
        changed.set("t3.new.natural", 0)
        with pytest.raises(DraftError) as info:
            save_draft(changed, path, backup_dir=tmp_path / "backups")
        assert "没有写入权限" in info.value.message and "另存" in info.value.message
        assert path.read_bytes() == before
        assert changed.number("t3.new.natural") == 0
    finally:
        if point is not None:
            _unmount(point)
