"""How the clerk starts this program's command line, for usage lines, --help epilogues and every hint printed.

From source, after set-up: `python3 bootstrap.py run <command> …` (`py bootstrap.py run …` on Windows), which passes
the command on to main.py. The frozen app (PyInstaller) is `gov-info-report <command> …` (its Windows console twin
`gov-info-report-cli`). One place decides, so that no message tells the clerk to type something that does not run.
"""

from __future__ import annotations

import re
import sys

FROZEN_NAME = "gov-info-report"
#: Characters that make a word need quoting in a shell (cmd.exe or a POSIX shell); Chinese needs none.
_NEEDS_QUOTES = re.compile(r"[\s\"'$`\\&|;<>()*?\[\]#~!{}^%]")


def launcher() -> str:
    """The words that start the program, as the clerk types them."""
    if getattr(sys, "frozen", False):
        name = re.split(r"[\\/]", sys.executable)[-1]  # by hand: a Windows path is read on Windows only
        name = name[:-4] if name.lower().endswith(".exe") else name
        return name if name.startswith(FROZEN_NAME) else FROZEN_NAME
    python = "py" if sys.platform == "win32" else "python3"
    return f"{python} bootstrap.py run"


def quote(word: str) -> str:
    """`word` as typed on this system's command line: unchanged unless the shell would split or expand it."""
    if not word or _NEEDS_QUOTES.search(word):
        if sys.platform == "win32":
            import subprocess  # not at import: the window starts through this module

            return subprocess.list2cmdline([word])
        import shlex

        return shlex.quote(word)
    return word


def command_line(*words: object) -> str:
    """The whole command to type: `command_line("check", path)` → `python3 bootstrap.py run check 报告.docx`.

    Words are quoted where needed; a word that is a placeholder such as `FILE…` is left as it is."""
    return " ".join([launcher(), *(quote(str(word)) for word in words)])
