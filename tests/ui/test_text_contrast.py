"""Hints and status texts are readable: at least 4.5:1 against what they are drawn on (WCAG 2 AA, computed from the
palette and the style sheet as applied); "没有错误" is drawn in green with a ✓, errors in red."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from models.storage.drafts import load_draft
from ui import theme
from ui.document import ReportDocument
from ui.pages.meta_page import MISSING_BACKGROUND

AA = 4.5


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_and_background(label: QLabel) -> tuple[QColor, QColor]:
    label.ensurePolished()
    palette = label.palette()
    return palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)


def test_the_formula():
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def test_success_is_green_and_errors_stay_red(window, qtbot, huaian_path):
    doc = ReportDocument(load_draft(huaian_path))
    window.controller.set_document(doc)
    page = window.editor.go_to("review")
    assert page.blocked.text() == "✓ 没有错误，可以导出正式文件。"
    text, background = text_and_background(page.blocked)
    assert text == theme.SUCCESS_TEXT
    assert text.green() > 2 * max(text.red(), text.blue()) and text.lightnessF() < 0.4  # a dark green
    assert contrast(text, background) >= AA
    doc.set_cells({"t3.handled_total.natural": 71}, "test")  # 表三 no longer adds up
    qtbot.waitUntil(lambda: "必须改正全部错误" in page.blocked.text())
    assert "✓" not in page.blocked.text()
    text, background = text_and_background(page.blocked)
    assert text == theme.ERROR_TEXT
    assert text.red() > 2 * max(text.green(), text.blue())
    assert contrast(text, background) >= AA
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: "✓" in page.blocked.text())
    assert text_and_background(page.blocked)[0] == theme.SUCCESS_TEXT


def test_hint_and_status_labels_as_styled(window):
    """The labels the pages mark as hint, banner, notice and blocked (red or ready), with the app's style sheet
    applied."""
    host = QWidget(window)
    layout = QVBoxLayout(host)
    expected = {}
    for name, ready, color in (("hint", None, theme.HINT_TEXT), ("banner", None, theme.BANNER_TEXT),
                               ("notice", None, theme.BANNER_TEXT),
                               ("blocked", False, theme.ERROR_TEXT), ("blocked", True, theme.SUCCESS_TEXT)):
        label = QLabel("提示")
        label.setObjectName(name)
        if ready is not None:
            label.setProperty("ready", ready)
        layout.addWidget(label)
        expected[label] = color
    for label, color in expected.items():
        text, background = text_and_background(label)
        if label.objectName() == "notice":
            assert background == theme.NOTICE_BACKGROUND
        assert text == color, label.objectName()  # style.qss and ui/theme.py agree
        assert contrast(text, background) >= AA, (label.objectName(), text.name(), background.name())


def test_placeholders_in_fields_are_readable(window):
    field = QLineEdit(window)
    palette = field.palette()
    placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
    assert placeholder.alpha() == 255
    for background in (palette.color(QPalette.ColorRole.Base), QColor(MISSING_BACKGROUND)):  # 必填 fields left blank
        assert contrast(placeholder, background) >= AA, background.name()


def test_grey_and_severity_texts_on_every_cell_and_list_background(window):
    """The 对比上年 line is drawn on any cell's tint; the review list's group titles in the severity colours."""
    base = window.palette().color(QPalette.ColorRole.Base)
    cells = [base, theme.LABEL_BACKGROUND, theme.HEADER_BACKGROUND, theme.AUTO_BACKGROUND, theme.CARRIED_BACKGROUND,
             theme.PENDING_BACKGROUND, theme.SWING_BACKGROUND, theme.INACTIVE_SELECTION,
             *theme.SEVERITY_BACKGROUND.values(), *theme.SEVERITY_FAINT.values()]
    low = {color.name(): round(contrast(theme.HINT_TEXT, color), 2) for color in cells
           if contrast(theme.HINT_TEXT, color) < AA}
    assert low == {}
    assert {name: round(contrast(color, base), 2) for name, color in theme.SEVERITY_COLOR.items()
            if contrast(color, base) < AA} == {}
