"""Draw the app icon with QPainter and write resources/icons/app-N.png (N = 16…256) and app.ico.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

A sheet of paper with a red 红头 rule, lines of text, a small table, and a green tick: the annual report, checked.
No text is drawn, so the icon does not depend on the fonts of the machine that draws it. The results are committed;
run this again only to change the design.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = QColor("#c8161d")
INK = QColor("#8a94a6")
GREEN = QColor("#1f8f4e")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)  # drawn on a 256 × 256 grid
    small = size < 32

    # The sheet, with its top-right corner folded.
    sheet = QPainterPath()
    sheet.moveTo(40, 16)
    sheet.lineTo(172, 16)
    sheet.lineTo(216, 60)
    sheet.lineTo(216, 240)
    sheet.lineTo(40, 240)
    sheet.closeSubpath()
    p.setPen(QPen(QColor("#5b6472"), 8 if small else 6))
    p.setBrush(QColor("#ffffff"))
    p.drawPath(sheet)
    fold = QPainterPath()
    fold.moveTo(172, 16)
    fold.lineTo(172, 60)
    fold.lineTo(216, 60)
    fold.closeSubpath()
    p.setBrush(QColor("#dfe3ea"))
    p.drawPath(fold)

    # 红头: a red title block and the red rule under it.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(QRectF(70, 40, 90, 22 if small else 16), 4, 4)
    p.drawRect(QRectF(56, 76, 146, 12 if small else 7))

    # Lines of text, then a small table (omitted at 16 and 24 px, where they would be mud).
    if not small:
        p.setBrush(INK)
        for y, width in ((102, 140), (120, 128), (138, 100)):
            p.drawRoundedRect(QRectF(62, y, width, 7), 3, 3)
        p.setPen(QPen(INK, 5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(62, 160, 112, 60))
        p.drawLine(QPointF(62, 180), QPointF(174, 180))
        p.drawLine(QPointF(62, 200), QPointF(174, 200))
        p.drawLine(QPointF(100, 160), QPointF(100, 220))
        p.drawLine(QPointF(137, 160), QPointF(137, 220))

    # The tick: checked.
    p.setPen(QPen(QColor("#ffffff"), 8))
    p.setBrush(QBrush(GREEN))
    radius = 56 if small else 46
    centre = QPointF(194, 196) if not small else QPointF(186, 186)
    p.drawEllipse(centre, radius, radius)
    tick = QPainterPath()
    k = radius / 46
    tick.moveTo(centre + QPointF(-22 * k, 0))
    tick.lineTo(centre + QPointF(-6 * k, 17 * k))
    tick.lineTo(centre + QPointF(23 * k, -16 * k))
    p.setPen(QPen(QColor("#ffffff"), 11 * k, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (read by Windows Vista and later, so by Windows 10/11)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = [], []
    for size, blob in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QPainter on a QImage needs one
    ICONS.mkdir(parents=True, exist_ok=True)
    images = {size: png_bytes(draw(size)) for size in SIZES}
    for size, blob in images.items():
        (ICONS / f"app-{size}.png").write_bytes(blob)
    (ICONS / "app.ico").write_bytes(ico_bytes(images))
    print(f"wrote {len(images)} PNGs and app.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
