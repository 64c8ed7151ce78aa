"""What a cell shows: an empty cell shows nothing (a grey "0" there looked like a value), a cell holding 0 shows 0;
the 对比上年 line under a value is at least 9 pt; the 自动合计 switches answer to Alt+letter and leave the keyboard in
the table."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget

from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from tests.ui.gui import press
from ui.document import ReportDocument

BLANK, ZERO = "t3.new.research", "t3.new.natural"


def _dark_pixels(image: QImage, area: QRect) -> int:
    """Pixels of text (darker than any tint or grid line) in `area` of `image`."""
    return sum(1 for x in range(area.left(), area.right() + 1) for y in range(area.top(), area.bottom() + 1)
               if image.pixelColor(x, y).lightness() < 150)


def _ink_columns(image: QImage, area: QRect) -> int:
    """How many pixel columns of `area` hold text: a digit takes several, a text cursor (blinking in an open editor,
    so there or not at any moment) one or two."""
    return sum(1 for x in range(area.left(), area.right() + 1)
               if any(image.pixelColor(x, y).lightness() < 150 for y in range(area.top(), area.bottom() + 1)))


def _text_area(rect: QRect) -> QRect:
    """Where a number is drawn in a cell (right-aligned): clear of the borders and of the corner mark."""
    return QRect(rect.center().x() - 4, rect.top() + 4, rect.right() - 4 - (rect.center().x() - 4), rect.height() - 8)


def _table_three(window):
    report = consistent_report(1)
    report.set(BLANK, None)
    report.set(ZERO, 0)
    window.controller.set_document(ReportDocument(report))
    page = window.editor.go_to("t3")
    QApplication.processEvents()
    return page


def test_an_empty_cell_shows_nothing_and_a_zero_shows_0(window, qtbot):
    view = _table_three(window).view
    image = view.viewport().grab().toImage()
    blank = view.visualRect(view.model().index_of(BLANK))
    zero = view.visualRect(view.model().index_of(ZERO))
    assert _dark_pixels(image, _text_area(blank)) == 0
    assert _dark_pixels(image, _text_area(zero)) > 0
    # Its editor, opened as a jump from the findings list opens it, is empty too: no grey "0" waiting there.
    view.select_key(BLANK, edit=True)
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is not None, timeout=2000)
    editor: QWidget = view.indexWidget(view.currentIndex())
    assert editor.text() == "" and editor.placeholderText() == ""
    shot = editor.grab().toImage()
    assert _ink_columns(shot, _text_area(shot.rect())) <= 2  # at most the text cursor
    view.select_key(ZERO, edit=True)
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is not None, timeout=2000)
    editor = view.indexWidget(view.currentIndex())
    shot = editor.grab().toImage()
    assert editor.text() == "0" and _ink_columns(shot, _text_area(shot.rect())) >= 4


class _RecordingPainter(QPainter):
    """Records the font of each text the delegate draws itself."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[tuple[str, float]] = []

    def drawText(self, *args) -> None:
        self.texts.append((args[-1], self.font().pointSizeF()))
        super().drawText(*args)


def test_the_compare_line_is_at_least_9_points(window, huaian_path):
    previous = load_draft(huaian_path)
    window.controller.set_document(ReportDocument(new_year_from(previous), previous=previous))
    page = window.editor.go_to("t3")
    page.compare.setChecked(True)
    view = page.view
    index = view.model().index_of("t3.new.natural")
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = _RecordingPainter(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    lines = [(text, points) for text, points in painter.texts if str(text).startswith("上年")]
    assert lines, painter.texts
    assert view.font().pointSizeF() == 10   # the standard size
    assert all(points >= 9 for _text, points in lines), lines


def _focus_in_table(view) -> bool:
    focus = QApplication.focusWidget()
    return focus is view or (focus is not None and view.isAncestorOf(focus))


def test_the_auto_sum_switches_answer_to_alt_letters(window, qtbot):
    page = _table_three(window)
    view = page.view
    (row_totals, _), (handled, _) = page.switches
    assert (row_totals.text(), handled.text()) == ("总计列自动合计(&L)", "（七）总计行自动合计(&R)")
    view.select_key("t3.new.commercial")
    for box, key in ((row_totals, Qt.Key.Key_L), (handled, Qt.Key.Key_R)):
        was = box.isChecked()
        press(view, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda box=box, was=was: box.isChecked() != was, timeout=2000)
        assert _focus_in_table(view)
        assert view.model().key_at(view.currentIndex()) == "t3.new.commercial"
    t4 = window.editor.go_to("t4")
    ((totals, _),) = t4.switches
    was = totals.isChecked()
    press(t4.view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: totals.isChecked() != was, timeout=2000)
    assert _focus_in_table(t4.view)
