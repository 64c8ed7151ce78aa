"""The app icon: drawn by packaging/make_icon.py, used by the window, the Windows exe and the .deb."""

from __future__ import annotations

import struct

from PySide6.QtGui import QImage

from resources import RESOURCES
from ui.app import make_application

ICONS = RESOURCES / "icons"


def test_every_png_size_is_there_and_square():
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = QImage(str(ICONS / f"app-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_ico_holds_the_sizes_windows_asks_for():
    data = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _planes, _bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_the_application_has_the_window_icon(qapp):
    app = make_application()
    assert not app.windowIcon().isNull()
