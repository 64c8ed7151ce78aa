"""Colour is never the only cue: every tint of a table cell (error, involved in an error, warning, carried, auto-sum)
also has its own mark, which still tells the states apart once the colours are seen as with deuteranopia."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from ui import theme
from ui.document import ReportDocument
from ui.tables.delegates import paint_cue
from ui.tables.table_model import CUE_ROLE

BACKGROUNDS = {"error": theme.ERROR_BACKGROUND, "involved-error": theme.SEVERITY_FAINT["error"],
               "warning": theme.WARNING_BACKGROUND, "involved-warning": theme.SEVERITY_FAINT["warning"],
               "carried": theme.CARRIED_BACKGROUND, "auto": theme.AUTO_BACKGROUND, None: QColor("white")}
# Machado, Oliveira and Fernandes (2009), deuteranopia at full severity.
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))
W, H = 72, 30


def seen_with_deuteranopia(color: QColor) -> float:
    """The luminance a deuteranope sees of `color` (0–255)."""
    rgb = (color.red(), color.green(), color.blue())
    r, g, b = (max(0.0, min(255.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in DEUTERANOPIA)
    return 0.299 * r + 0.587 * g + 0.114 * b


def marks(cue: str | None, qapp) -> frozenset[tuple[int, int]]:
    """The pixels of a cell in state `cue` (value "12") that stand out from its background as a deuteranope sees
    it, outside the value itself: the glyph corner and the border."""
    image = QImage(W, H, QImage.Format.Format_RGB32)
    image.fill(BACKGROUNDS[cue])
    painter = QPainter(image)
    font = QFont()
    font.setPointSizeF(10)
    painter.setFont(font)
    painter.drawText(QRect(0, 0, W - 4, H), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), "12")
    if cue:
        paint_cue(painter, QRect(0, 0, W, H), cue, font)
    painter.end()
    ground = seen_with_deuteranopia(BACKGROUNDS[cue])
    found = set()
    for x in range(W):
        for y in range(H):
            outside_value = x < W - 30 or y < 4 or y > H - 5
            if outside_value and abs(seen_with_deuteranopia(image.pixelColor(x, y)) - ground) > 30:
                found.add((x, y))
    return frozenset(found)


def test_each_state_has_a_mark_a_deuteranope_tells_apart(qapp):
    shapes = {cue: marks(cue, qapp) for cue in BACKGROUNDS}
    assert shapes[None] == frozenset()
    for a, b in combinations(BACKGROUNDS, 2):
        assert len(shapes[a] ^ shapes[b]) >= 12, (a, b)


def test_the_table_gives_each_cell_its_cue(window, huaian_path):
    previous = load_draft(huaian_path)
    window.controller.set_document(ReportDocument(new_year_from(previous), previous=previous))  # 上年结转 carried over
    model = window.editor.pages["t3"].model
    assert model.index_of("t3.carried_in.natural").data(CUE_ROLE) == "carried"
    assert model.index_of("t3.new.natural").data(CUE_ROLE) == "pending"
    report = new_year_from(previous)
    filled = consistent_report(2, year=2025)
    for key, value in filled.cells.items():
        if key not in report.cells:
            report.cells[key] = value
    report.set("t3.granted.natural", report.number("t3.granted.natural") + 1)
    window.controller.set_document(ReportDocument(report, previous=previous))
    model = window.editor.pages["t3"].model
    cue = {key: model.index_of(key).data(CUE_ROLE) for key in model.input_keys()}
    assert cue["t3.granted.natural"] == "error"
    assert cue["t3.granted.total"] == "involved-error"  # its X-3 提示 does not tint it
    window.doc.set_auto_sum(frozenset({"t3.partial.total"}), True)
    assert model.index_of("t3.partial.total").data(CUE_ROLE) == "auto"
