"""Where the keyboard is shows: a ring at least 2 px wide, of at least 3:1 against the window (WCAG 2 non-text
contrast), on fields, buttons, check boxes, lists and tables — measured on the widgets as drawn with the app's style
sheet (resources/style.qss), at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from models.storage.drafts import load_draft
from tests.ui.test_text_contrast import contrast
from ui import font_size
from ui.document import ReportDocument

WIDEST_AT_LEAST = 2
NON_TEXT_CONTRAST = 3.0


def edge(widget: QWidget) -> tuple[QColor, int]:
    """The colour at the left edge half-way down the widget as drawn, and how many pixels inward it runs."""
    QApplication.processEvents()
    image = widget.grab().toImage()
    y = image.height() // 2
    colour = image.pixelColor(0, y)
    width = 0
    while width < image.width() and image.pixelColor(width, y) == colour:
        width += 1
    return colour, width


def kinds() -> list[QWidget]:
    list_widget = QListWidget()
    list_widget.addItems(["甲", "乙"])
    tree = QTreeWidget()
    tree.setHeaderLabels(["机关", "年度"])
    table = QTableView()
    table.setModel(QStandardItemModel(3, 3, table))
    combo = QComboBox()
    combo.addItems(["县级政府部门", "区县级人民政府"])
    return [QLineEdit("铜官区"), QPushButton("日历"), QCheckBox("总计列自动合计"), combo, QSpinBox(),
            QPlainTextEdit("根据《中华人民共和国政府信息公开条例》"), list_widget, tree, table]


@pytest.fixture(autouse=True)
def standard_afterwards(qapp):
    yield
    font_size.apply(font_size.STANDARD)


@pytest.mark.parametrize("size", ["standard", "largest"])
def test_every_kind_of_control_shows_a_2px_ring_when_it_has_the_keyboard(window, qtbot, size):
    font_size.apply(size)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    widgets = kinds()
    for widget in widgets:
        layout.addWidget(widget)
    elsewhere = QLineEdit("别处")
    layout.addWidget(elsewhere)
    with qtbot.waitActive(host):
        host.show()
        host.activateWindow()
    background = host.palette().color(QPalette.ColorRole.Window)
    for widget in widgets:
        elsewhere.setFocus()
        qtbot.waitUntil(elsewhere.hasFocus)
        without, _ = edge(widget)
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        colour, width = edge(widget)
        name = type(widget).__name__
        assert colour != without, name  # the ring is there only with the keyboard
        assert width >= WIDEST_AT_LEAST, (name, width)
        assert contrast(colour, background) >= NON_TEXT_CONTRAST, (name, colour.name())


def test_the_pages_fields_buttons_and_tables_show_it_too(window, qtbot, huaian_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    with qtbot.waitActive(window):
        window.activateWindow()
    background = window.palette().color(QPalette.ColorRole.Window)
    meta = window.editor.go_to("meta")
    review = window.editor.go_to("review")
    table = window.editor.go_to("t3").view
    for page, widget in (("meta", meta.findChild(QLineEdit)), ("review", review.findChild(QPushButton)),
                         ("t3", table), ("meta", window.editor.sidebar)):
        window.editor.go_to(page)
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        colour, width = edge(widget)
        assert width >= WIDEST_AT_LEAST, (type(widget).__name__, width)
        assert contrast(colour, background) >= NON_TEXT_CONTRAST, (type(widget).__name__, colour.name())
