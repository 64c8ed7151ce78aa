"""Colours and fonts used across the UI, in one place."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase

from models.findings import Severity

LABEL_BACKGROUND = QColor("#eef2f7")
HEADER_BACKGROUND = QColor("#dde5f0")
ERROR_BACKGROUND = QColor("#f7c6c6")
WARNING_BACKGROUND = QColor("#fbe3a8")
CARRIED_BACKGROUND = QColor("#d9f0e3")
AUTO_BACKGROUND = QColor("#ececec")
SEVERITY_BACKGROUND = {Severity.ERROR: ERROR_BACKGROUND, Severity.WARNING: WARNING_BACKGROUND}
SEVERITY_COLOR = {Severity.ERROR: QColor("#b42318"), Severity.WARNING: QColor("#b54708"),
                  Severity.INFO: QColor("#175cd3")}

# Preferred UI fonts: Windows first, then the CJK fonts of Linux desktops (UOS/Kylin ship Noto or WenQuanYi).
UI_FONT_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
                    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC")


def ui_font(point_size: float = 10.0) -> QFont:
    """The first installed family of UI_FONT_FAMILIES, falling back to Qt's default."""
    available = set(QFontDatabase.families())
    font = QFont()
    for family in UI_FONT_FAMILIES:
        if family in available:
            font.setFamilies([family, *[f for f in UI_FONT_FAMILIES if f != family and f in available]])
            break
    font.setPointSizeF(point_size)
    return font
