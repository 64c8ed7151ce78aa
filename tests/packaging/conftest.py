"""The packaging tests run what packaging/ builds: the frozen app, the .deb, the Windows installer script.

Without a build they skip, saying how to make one; under CI (tests/environment.py: .ci/run and GitHub Actions set
CI=true) a missing build or tool fails instead, so that CI never passes by skipping them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.environment import IN_CI

WINDOWS = sys.platform == "win32"
FROZEN_DIR = ROOT / "dist" / "gov-info-report"
# On Windows the app is windowed (no stdout): the command line goes through its console twin.
GUI_EXE = FROZEN_DIR / ("gov-info-report.exe" if WINDOWS else "gov-info-report")
CLI_EXE = FROZEN_DIR / ("gov-info-report-cli.exe" if WINDOWS else "gov-info-report")
INTERNAL = FROZEN_DIR / "_internal"
BUNDLED_SAMPLE = INTERNAL / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"


def require(condition: bool, reason: str) -> None:
    """Skip for `reason` unless CI=true, where the packaging tests must run: then fail."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} — CI=true, so this is a failure, not a skip")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def frozen() -> Path:
    require(CLI_EXE.exists() and GUI_EXE.exists(),
            f"no frozen app in {FROZEN_DIR.relative_to(ROOT)}: run `bash packaging/build_linux.sh` "
            "(Windows: packaging\\build_windows.bat) first")
    return CLI_EXE


def run(command: list[str | Path], cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run offscreen, in the test's own GOVREPORT_HOME (tests/conftest.py sets it), with the output decoded."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, timeout=timeout,
                          encoding="utf-8", errors="replace")


def only_undated(stdout: str) -> bool:
    """`check` of the bundled sample: no error, and its one finding the publication date it was published without
    (W-DATE)."""
    lines = [line.split()[1] for line in stdout.splitlines() if line.startswith("  [")]
    return "：1个警告" in stdout and lines == ["W-DATE"]
