"""Running the command line in tests: `run` calls cli.main.main() in this process (fast), `run_process` starts
main.py in a child process (for what only a process shows: console encodings, worker processes, no Qt, a memory cap).

Both give what the tests read of a finished process: `returncode`, `stdout`, `stderr` (text, UTF-8). The in-process
run sees what the child would: stdout and stderr are UTF-8 streams that are no terminal, an exception escaping
main() is a traceback on stderr and exit code 1, `sys.exit` codes are exit codes; `env` and `cwd` apply for the
call only. Whatever a run changes in this process that a child's exit would have thrown away is put back: the
environment (QT_QPA_PLATFORM set by the command), the working folder, argparse's translation, csv's field size limit,
the handlers of the app's logger.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT


@dataclass
class Ran:
    """A finished run of the command line, as subprocess.CompletedProcess gives it."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def _exit_code(exit_: SystemExit, stderr: io.TextIOBase) -> int:
    """What the interpreter makes of SystemExit(code): None → 0, a number → itself, anything else printed → 1."""
    if exit_.code is None:
        return 0
    if isinstance(exit_.code, int):
        return exit_.code
    print(exit_.code, file=stderr)
    return 1


def _text(stream: io.TextIOWrapper) -> str:
    """What subprocess.run(text=True) reads from the stream: UTF-8 with universal newlines."""
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def _process_state(env: Mapping[str, str | None] | None, cwd: Path | str | None) -> Iterator[None]:
    """Apply `env` (None removes a variable) and `cwd`; afterwards put back what a child process could not change."""
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_argparse = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    saved_field_limit = csv.field_size_limit()
    app_log = logging.getLogger("govreport")
    saved_handlers, saved_level = list(app_log.handlers), app_log.level
    try:
        for name, value in (env or {}).items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        argparse._, argparse.ngettext = saved_argparse  # type: ignore[attr-defined]
        csv.field_size_limit(saved_field_limit)
        app_log.handlers[:] = saved_handlers
        app_log.setLevel(saved_level)


def run(*args: str, env: Mapping[str, str | None] | None = None, cwd: Path | str | None = None) -> Ran:
    """`main.py ARGS` run by cli.main.main() in this process. `env` adds (or, with None, removes) variables."""
    from cli.main import main

    if args and (args[0] == "infographic" or "--pdf" in args):  # the commands that draw with Qt
        _widgets_application()
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    with _process_state(env, cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = _exit_code(exit_, err)
        except Exception:  # a child would die with the traceback on stderr and exit code 1
            traceback.print_exc(file=err)
            code = 1
    return Ran(list(args), 0 if code is None else code, _text(out), _text(err))


def _widgets_application() -> None:
    """The QApplication the GUI tests use, made before a command draws: left to itself, `infographic` (or `export
    --pdf`) would make a QGuiApplication, and this process could then show no widget in a later test."""
    from tests.conftest import QT_PROBLEM

    if QT_PROBLEM:
        return  # the command says itself that Qt is missing
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        from ui.app import make_application

        make_application()


def run_process(*args: str, env: Mapping[str, str | None] | None = None, cwd: Path | str | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`main.py ARGS` in a child process with UTF-8 output. `env` adds (or, with None, removes) variables."""
    child_env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for name, value in (env or {}).items():
        if value is None:
            child_env.pop(name, None)
        else:
            child_env[name] = value
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=child_env, cwd=cwd, timeout=timeout)
