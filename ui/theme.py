"""Colours and fonts used across the UI, in one place."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont

from render import fonts
from resources import RESOURCES

STYLE_SHEET = RESOURCES / "style.qss"
#: The window's text size at 标准 (查看 › 字号 scales it, ui/font_size.py).
STANDARD_POINTS = 10.0
_FONT_SIZE = re.compile(r"(font-size:\s*)(\d+(?:\.\d+)?)pt")
_INDICATOR = re.compile(r"(::indicator \{ width: )(\d+)px; height: (\d+)px")

LABEL_BACKGROUND = QColor("#eef2f7")
HEADER_BACKGROUND = QColor("#dde5f0")
ERROR_BACKGROUND = QColor("#f7c6c6")
WARNING_BACKGROUND = QColor("#fbe3a8")
CARRIED_BACKGROUND = QColor("#d9f0e3")
CARRIED_BORDER = QColor("#7fb996")
AUTO_BACKGROUND = QColor("#ececec")
PENDING_BACKGROUND = QColor("#f6f6f2")  # 未填: a blank on a page the clerk has not left yet (not yet an error)
SWING_BACKGROUND = QColor("#d6e4ff")  # more than 5× up or down from last year (对比上年)
# Keyed by Severity (a str enum: "error", "warning", "info"), without importing the model at start-up.
SEVERITY_BACKGROUND = {"error": ERROR_BACKGROUND, "warning": WARNING_BACKGROUND}
# Cells a finding involves that are not its likeliest wrong ones: a faint tint (and a dashed outline, see
# ui/tables/delegates.py), so that one wrong number paints one strong red cell.
SEVERITY_FAINT = {"error": QColor("#fcefef"), "warning": QColor("#fdf6e4")}
CUE_COLORS = {"carried": QColor("#2e7d4f"), "auto": QColor("#555555")}  # the marks of carried and auto-sum cells
SEVERITY_COLOR = {"error": QColor("#b42318"), "warning": QColor("#b54708"), "info": QColor("#175cd3")}
# Text colours, each at least 4.5:1 (WCAG AA) on every background it is drawn on (tests/ui/test_text_contrast.py).
# resources/style.qss writes the same values for QLabel#hint, #banner, #notice, #blocked and #blocked[ready="true"].
HINT_TEXT = QColor("#555555")  # hints under titles, the 对比上年 line in cells
BANNER_TEXT = QColor("#8a4b00")  # also the open report's notice (只能查看, 示例报告 …), on NOTICE_BACKGROUND
NOTICE_BACKGROUND = QColor("#fff4dc")
ERROR_TEXT = SEVERITY_COLOR["error"]
SUCCESS_TEXT = QColor("#1e6b34")  # "✓ 没有错误，可以导出正式文件。"
PLACEHOLDER_TEXT = QColor("#666666")  # Qt's default is black at half opacity: 3.9:1 on white


def ui_font(point_size: float = 10.0) -> QFont:
    """A font that tries `render.fonts.UI_FONT_FAMILIES` in order; Qt skips the ones not installed (no font
    enumeration at start)."""
    font = QFont()
    font.setFamilies([*fonts.UI_FONT_FAMILIES, *font.families()])
    font.setPointSizeF(point_size)
    return font


def style_sheet(scale: float = 1.0) -> str:
    """resources/style.qss with every `font-size: …pt` multiplied by `scale` (查看 › 字号: titles and the sidebar
    grow with the rest of the text). Raises OSError/ValueError when the file cannot be read."""
    text = STYLE_SHEET.read_text(encoding="utf-8")
    text = _FONT_SIZE.sub(lambda m: f"{m.group(1)}{float(m.group(2)) * scale:g}pt", text)
    # The check boxes' squares grow with their words.
    return _INDICATOR.sub(lambda m: f"{m.group(1)}{round(int(m.group(2)) * scale)}px; height: "
                                    f"{round(int(m.group(3)) * scale)}px", text)

# Official tables: the selection while the keyboard is elsewhere (pale, so that it does not look like the place typing
# goes to), and the table's frame while the keyboard is not in it (the highlight colour when it is).
INACTIVE_SELECTION = QColor("#c7dcee")
TABLE_FRAME = QColor("#c3ccd6")
