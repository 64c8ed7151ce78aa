"""The Chinese font families the app draws with, this platform's first (the window's fonts and the 一图读懂's).

A missing first family makes Qt pick fallbacks glyph by glyph, which sets Chinese punctuation (（一）) oddly. UOS/Kylin
ship Noto Sans CJK or WenQuanYi: those two come first, and the tests draw and print with each of them
(tests/ui/gui.py); the others are only used on machines with neither. Qt-free, so it can be read before Qt loads.
"""

from __future__ import annotations

import sys

_WINDOWS_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei")
_LINUX_FONTS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Sans SC")
UI_FONT_FAMILIES = (*_WINDOWS_FONTS, *_LINUX_FONTS) if sys.platform == "win32" else (*_LINUX_FONTS, *_WINDOWS_FONTS)
