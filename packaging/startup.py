"""Start-up of the frozen app to a shown start page, against the bare-Qt floor of benchmarks/bench_ui.py.

    QT_QPA_PLATFORM=offscreen python packaging/startup.py [dist/gov-info-report/gov-info-report]

The frozen app cannot be told to stop after its first paint, so every program is timed the same way from outside:
from starting the process to the moment its first screenshot (the start page, `--screenshots`: shown, events
processed, grabbed) appears on disk. The floor is bench_ui.py's bare QApplication + empty QMainWindow, shown and
processed, grabbed the same way, in the Python the tests run. The app from source is timed too. Runs are interleaved
so that load on the machine hits all alike; min and median are printed (min is the least disturbed).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "gov-info-report" / "gov-info-report"
FIRST = "00-start.png"
FLOOR = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1500, 940)
window.show()
app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
window.grab().save(str(Path(sys.argv[2]) / "00-start.png"))
"""


def time_to_first_screenshot(command: list[str], folder: Path, timeout: float = 60.0) -> float:
    """Milliseconds from starting `command … --screenshots folder` to folder/00-start.png being written."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / FIRST
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "GOVREPORT_HOME": str(folder / "home")}
    start = time.perf_counter()
    process = subprocess.Popen([*command, "--screenshots", str(folder)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        while not (target.exists() and target.stat().st_size > 0):
            if process.poll() is not None and not target.exists():
                raise RuntimeError(f"{command[0]} ended ({process.returncode}) without a start page")
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{command[0]}: no start page after {timeout} s")
            time.sleep(0.001)
        return (time.perf_counter() - start) * 1000
    finally:
        process.kill()
        process.wait()


def measure(frozen: Path, repeat: int = 7) -> dict[str, list[float]]:
    programs = {
        "frozen app": [str(frozen)],
        "app from source": [sys.executable, str(ROOT / "main.py")],
        "floor (bare Qt)": [sys.executable, "-c", FLOOR],  # its argv: -c --screenshots FOLDER
    }
    samples: dict[str, list[float]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(repeat + 1):  # the first round warms the disk cache and is not counted
            for name, command in programs.items():
                folder = Path(tmp) / f"{run}-{name[:5]}"
                ms = time_to_first_screenshot(command, folder)
                if run:
                    samples[name].append(ms)
    return samples


def report(samples: dict[str, list[float]]) -> str:
    floor = samples["floor (bare Qt)"]
    lines = []
    for name, values in samples.items():
        line = f"{name}: min {min(values):.0f} ms / median {statistics.median(values):.0f} ms"
        if not name.startswith("floor"):
            line += (f" | ratio to floor (min) {min(values) / min(floor):.2f}×, "
                     f"(median) {statistics.median(values) / statistics.median(floor):.2f}×")
        lines.append(line)
    return "start to shown start page (first screenshot on disk), " + f"{len(floor)} runs each:\n  " + \
        "\n  ".join(lines)


def main(argv: list[str]) -> int:
    frozen = Path(argv[0]) if argv else FROZEN
    if not frozen.exists():
        print(f"no frozen app at {frozen}: run packaging/build_linux.sh first", file=sys.stderr)
        return 2
    print(report(measure(frozen)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
