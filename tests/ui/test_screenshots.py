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
    assert image.width() >= 1400 and image.height() >= 900
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20, "the page rendered as a blank image"
