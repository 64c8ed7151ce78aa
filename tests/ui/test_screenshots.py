"""`main.py --screenshots DIR` renders every page offscreen, with Chinese glyphs (not boxes)."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.conftest import ROOT

PAGES = ["00-start", "01-meta", "02-section1", "03-table2", "04-table3", "05-table4", "06-section5", "07-section6",
         "08-review"]


def test_screenshots_of_every_page(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshots", str(tmp_path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    files = sorted(p.stem for p in tmp_path.glob("*.png"))
    assert files == PAGES
    image = QImage(str(tmp_path / "04-table3.png"))
    assert (image.width(), image.height()) == (1366, 768)  # the commonest office laptop screen, by default
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20, "the page rendered as a blank image"


def test_screenshots_at_150_percent(tmp_path):
    """The README's 150 % set: 1280x720 logical pixels at QT_SCALE_FACTOR=1.5 is a 1920x1080 picture."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshots", str(tmp_path),
                             "--window-size", "1280x720"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(tmp_path / "04-table3.png"))
    assert (image.width(), image.height()) == (1920, 1080)


def test_a_mistyped_window_size_is_explained(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshots", str(tmp_path),
                             "--window-size", "1366*"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "宽x高" in result.stderr and not list(tmp_path.glob("*.png"))
