"""A named pipe (FIFO) or a device (/dev/zero) given where a file is expected: every reader refuses it at once with a
Chinese message naming the file — no hang, no unbounded read. Readers run in a thread (a pipe that blocks is then
released by opening its other end) or, for /dev/zero, in a child process with a memory cap."""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.ledger_builders import ledger_rows, make_cases, write_csv

pytestmark = [pytest.mark.robustness,
              pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")]

DEV_ZERO = Path("/dev/zero")
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def _readers() -> dict[str, Callable[[Path], object]]:
    from importers import load
    from importers.collection_reader import read_collection_sheet
    from importers.ledger_reader import read_ledger
    from models.storage.drafts import load_draft
    from models.tools.ledger_fields import load_mapping

    return {"load_draft": load_draft, "load": load, "read_ledger": read_ledger, "load_mapping": load_mapping,
            "read_collection_sheet": read_collection_sheet}


def _message(exc: BaseException) -> str:
    return getattr(exc, "message", None) or str(exc)


def _within(seconds: float, fifo: Path, call: Callable[[], object]) -> BaseException | None:
    """Run `call` in a thread; its exception (None if it returned). Fails when it is still blocked after `seconds`
    (the pipe is then opened from the other end so that the thread ends)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # release a reader blocked in open()
        thread.join(5)
        pytest.fail(f"reading {fifo.name} was still blocked after {seconds} s")
    return outcome[0]


@pytest.mark.parametrize("reader", sorted(_readers()))
def test_every_reader_refuses_a_named_pipe_at_once(tmp_path, reader):
    fifo = tmp_path / "台账.csv"
    os.mkfifo(fifo)
    exc = _within(5, fifo, lambda: _readers()[reader](fifo))
    assert exc is not None, f"{reader} read a named pipe as if it were a file"
    assert "命名管道" in _message(exc) and fifo.name in _message(exc), _message(exc)


_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
sys.path.insert(0, {root!r})
from tests.robustness.test_special_files import _readers, _message
try:
    _readers()[{reader!r}]({path!r})
except Exception as exc:
    print(_message(exc))
else:
    print("READ")
"""


@pytest.mark.skipif(not DEV_ZERO.exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("reader", sorted(_readers()))
def test_every_reader_refuses_dev_zero_without_reading_it(reader):
    code = _CHILD.format(root=str(ROOT), reader=reader, path=str(DEV_ZERO))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=ENV,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "设备文件" in done.stdout and "zero" in done.stdout, done.stdout


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))

    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=30, preexec_fn=cap_memory)


@pytest.mark.parametrize("special", ["fifo", "zero"])
@pytest.mark.parametrize("command", ["check", "export", "new", "ledger", "ledger --into", "ledger --mapping",
                                     "collect merge", "collect merge --into"])
def test_the_command_line_refuses_a_pipe_or_device_with_exit_two(tmp_path, sample_path, special, command):
    if special == "zero" and not DEV_ZERO.exists():
        pytest.skip("no /dev/zero here")
    name = tmp_path / "管道.nianbao"
    if special == "fifo":
        os.mkfifo(name)
    else:
        name = DEV_ZERO
    ledger = write_csv(tmp_path / "台账.csv", ledger_rows(make_cases(5, 2024), text_only=True))
    out = str(tmp_path / "新草稿.nianbao")
    args = {
        "check": ["check", str(name)],
        "export": ["export", str(name), "--docx", str(tmp_path / "报告.docx")],
        "new": ["new", "--previous", str(name), "-o", out],
        "ledger": ["ledger", str(name), "--year", "2024", "-o", out],
        "ledger --into": ["ledger", str(ledger), "--year", "2024", "--into", str(name)],
        "ledger --mapping": ["ledger", str(ledger), "--year", "2024", "--mapping", str(name), "-o", out],
        "collect merge": ["collect", "merge", str(name), "-o", out],
        "collect merge --into": ["collect", "merge", str(sample_path), "--into", str(name)],
    }[command]
    try:
        done = _cli(*args)
    finally:
        if special == "fifo":  # never leave a child blocked on the pipe
            with contextlib.suppress(OSError):
                os.close(os.open(name, os.O_WRONLY | os.O_NONBLOCK))
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    kind = "命名管道" if special == "fifo" else "设备文件"
    assert kind in done.stderr + done.stdout and name.name in done.stderr + done.stdout, done.stderr
    assert not Path(out).exists()
