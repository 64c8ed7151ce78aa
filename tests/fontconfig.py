"""A child process that sees only some fonts: a fontconfig file listing just those folders, as on a machine that has
only them installed."""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

#: Where Debian installs each font package (fonts-noto-cjk, fonts-wqy-microhei) and a Latin font Qt can fall back on.
FONT_FOLDERS = {"Noto Sans CJK SC": "/usr/share/fonts/opentype/noto",
                "WenQuanYi Micro Hei": "/usr/share/fonts/truetype/wqy",
                "DejaVu Sans": "/usr/share/fonts/truetype/dejavu"}


def only_fonts(folder: Path, families: list[str]) -> dict[str, str]:
    """The environment of a child process whose fontconfig knows only `families` (from FONT_FOLDERS)."""
    folder.mkdir(parents=True, exist_ok=True)
    dirs = "".join(f"<dir>{escape(FONT_FOLDERS[f])}</dir>" for f in families)
    config = folder / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>{dirs}'
                      f"<cachedir>{escape(str(folder / 'cache'))}</cachedir></fontconfig>", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config), "PYTHONIOENCODING": "utf-8"}

