"""Every page fits the office screens: 1366×768 at 100 % and 1920×1080 at 150 % (1280×720 for the window).

The screen's size and scale are fixed when the QApplication is made, so each screen gets a child process
(tests/ui/screen_fit_probe.py) on Qt's offscreen platform given that screen (its `configfile` option) and, for 150 %,
QT_SCALE_FACTOR=1.5 as on an office PC. It opens the sample report as the app does there (maximised) and reports, on
every page, the widgets cut off, the sidebar's rows, 下一步 and the findings bar.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tests.conftest import ROOT
from tests.environment import under_wine
from tests.ui.screen_fit_probe import clipped, wholly_shown
from ui.font_size import POINTS

BAR_HEIGHT = 36  # the findings bar, closed: one line


def run_probe(tmp_path, width: int, height: int, scale: str, font_size: str = "standard") -> dict:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    # Qt splits the platform's options at ':', so the file is named relative to the folder the probe moves into (a
    # Windows path's drive letter would cut it).
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config.name}", "QT_SCALE_FACTOR": scale,
           "SCREEN_FIT_FOLDER": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "tests.ui.screen_fit_probe", "--font-size", font_size], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height", "scale", "logical", "font_size"), [
    (1366, 768, "1", (1366, 768), "standard"),
    (1920, 1080, "1.5", (1280, 720), "standard"),
    (1366, 768, "1", (1366, 768), "largest"),  # 查看 → 字号 → 特大 on the laptop
    (1920, 1080, "1.5", (1280, 720), "largest"),  # and on the 150 % monitor
])
def test_every_page_fits_the_screen(tmp_path, qt_libraries, width, height, scale, logical, font_size):
    if under_wine():
        pytest.skip("under Wine the fonts are not a Windows PC's: the pages' layout is measured on Linux")
    probe = run_probe(tmp_path, width, height, scale, font_size)
    assert probe["screen"][2:] == list(logical) and probe["ratio"] == float(scale)
    window = probe["window"]
    assert window[2] <= logical[0] and window[3] <= logical[1]  # the window is within the screen
    for key, page in probe["pages"].items():
        assert page["clipped"] == [], key
        assert not page["sidebar_scrolls_sideways"], key
        assert page["sidebar_rows_cut"] == [], key  # all eight rows whole, none wrapped or cut
        assert page["next_shown"], key  # 下一步
        if key == "review":  # 检查与导出 lists every finding itself: no bar beside it
            assert page["bar_height"] is None
        else:
            assert page["bar_shown"], key
            assert page["bar_height"] <= BAR_HEIGHT * POINTS[font_size] / POINTS["standard"], key  # one line
        assert all(lines >= 3 for lines in page["editor_lines"]), key  # the narrative: more than a line or two


def test_the_probe_sees_a_widget_pushed_out_of_its_window(qtbot):
    """What `clipped` looks for: a layout that cannot shrink below its contents pushes them out of a small window."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = QLabel("下一步")
    label.setMinimumSize(400, 300)
    layout.addWidget(label)
    window.setFixedSize(200, 100)
    with qtbot.waitExposed(window):
        window.show()
    assert any("QLabel" in line for line in clipped(window))
    assert not wholly_shown(label)
