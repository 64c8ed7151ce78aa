"""Entry point: with no sub-command the GUI opens (a draft FILE, --sample, --screenshots DIR);
`check`, `import`, `new`, `export`, `infographic`, `ledger`, `collect` run the command line (see cli/main.py)."""

import errno
import multiprocessing
import os
import sys

from cli.main import WindowEntry, main


def load_window() -> WindowEntry:
    """The window's entry, imported only when the window opens: the command line (cli/) never imports ui/, so
    `check` or `export` load no Qt widgets; main.py, above every layer, joins the two."""
    from ui.app import run_gui

    return run_gui


def _reader_gone(exc: OSError) -> bool:
    """Whether `exc` is the reader of our output going away (e.g. `| head`): EPIPE, or on Windows EINVAL from a
    write to the closed pipe — told from another EINVAL by writing to stdout once more."""
    if isinstance(exc, BrokenPipeError):
        return True
    if sys.platform != "win32" or exc.errno != errno.EINVAL:
        return False
    try:
        sys.stdout.write("\n")
        sys.stdout.flush()
    except OSError:
        return True
    return False

if __name__ == "__main__":
    # The batch check runs worker processes; a frozen Windows build (PyInstaller) must let them start here.
    multiprocessing.freeze_support()
    try:
        sys.exit(main(load_window=load_window))
    except OSError as exc:
        if not _reader_gone(exc):
            raise
        # Not an error of ours; stdout is sent nowhere so that closing it at exit raises nothing more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
