"""What the app draws on machines with one Chinese font, the other, or none: the font the app picks reads back
right from the PDF, and with no Chinese font nothing full of boxes is written (a child process with its own
fontconfig file sees only the fonts given)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import ROOT
from tests.environment import require_font, require_program
from tests.fontconfig import only_fonts

pytestmark = pytest.mark.usefixtures("qt_libraries")

DRAW = """
import sys
from render.infographic.output import ensure_gui_application
ensure_gui_application()
from PySide6.QtGui import QRawFont
from models.storage.drafts import load_draft
from models.tools.summary import summarize
from render.infographic import pdf_bytes
from render.infographic.canvas import page_font
data, drawn = pdf_bytes(summarize(load_draft(sys.argv[1]), load_draft(sys.argv[2])))
open(sys.argv[3], "wb").write(data)
print(QRawFont.fromFont(page_font(40)).familyName())
print("".join(d.text for d in drawn))
"""


@pytest.mark.parametrize("family", ["Noto Sans CJK SC", "WenQuanYi Micro Hei"])
def test_with_only_one_chinese_font_the_pdf_reads_as_drawn(family, tmp_path, huaian_path, pingtan_path):
    require_font(family)
    env = only_fonts(tmp_path / "fc", [family, "DejaVu Sans"])
    out = tmp_path / "out.pdf"
    drawn = subprocess.run([sys.executable, "-c", DRAW, str(huaian_path), str(pingtan_path), str(out)], cwd=ROOT,
                           env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert drawn.returncode == 0, drawn.stderr
    picked, text = drawn.stdout.splitlines()[:2]
    assert picked == family
    read = subprocess.run([require_program("pdftotext", "poppler"), "-raw", str(out), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    assert Counter(c for c in read if not c.isspace()) == Counter(c for c in text if not c.isspace())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="hides the fonts through fontconfig (Linux only)")
def test_without_a_chinese_font_no_infographic_is_written(tmp_path, sample_path):
    env = only_fonts(tmp_path / "fc", ["DejaVu Sans"])
    env.pop("QT_QPA_PLATFORM", None)
    out = tmp_path / "一图读懂.png"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "infographic", str(sample_path), "-o", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "没有中文字体" in result.stderr and "fonts-noto-cjk" in result.stderr
    assert not out.exists()
