"""Fonts for Qt's offscreen platform on Windows (no Qt import: it runs before the Qt application is made)."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping


def offscreen_fonts_on_windows(env: MutableMapping[str, str] | None = None) -> None:
    """On Windows, point Qt's offscreen platform at the system fonts (before the Qt application is made).

    The offscreen plugin reads fonts only from QT_QPA_FONTDIR (default <Qt>/lib/fonts, which PySide6 does not ship),
    so `--screenshots`, the 一图读懂 and tests drew every glyph as a box. It loads .ttf/.otf only: 黑体, 仿宋 and 楷体
    (simhei/simfang/simkai.ttf) serve; 微软雅黑 and 宋体 are .ttc and are not read.
    """
    env = os.environ if env is None else env
    if sys.platform != "win32" or env.get("QT_QPA_PLATFORM") != "offscreen" or env.get("QT_QPA_FONTDIR"):
        return
    fonts = os.path.join(env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows", "Fonts")
    if os.path.isdir(fonts):
        env["QT_QPA_FONTDIR"] = fonts
