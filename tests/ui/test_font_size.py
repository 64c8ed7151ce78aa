"""查看 › 字号 (ui/font_size.py): nothing under 9 pt at 标准 on any page, 特大 makes every page's text larger (titles,
sidebar and tables too), Ctrl+加号/减号/0 work wherever the keyboard is, and the choice survives a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from models.storage import settings
from models.storage.drafts import load_draft
from tests.ui.gui import press
from ui import font_size
from ui.app import make_application
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.page_status import PAGE_KEYS

SMALLEST_POINTS = 9.0


@pytest.fixture(autouse=True)
def standard_afterwards(qapp):
    yield
    font_size.apply(font_size.STANDARD)  # the application outlives the test: the next one starts at 标准


def menu_action(window, text: str):
    """The action of 查看 › 字号 whose text starts with `text`, found as the clerk finds it in the menus."""
    window.ensure_menus()
    [view] = [a.menu() for a in window.menuBar().actions() if a.text().startswith("查看")]
    [sizes] = [a.menu() for a in view.actions() if a.menu() is not None and a.text().startswith("字号")]
    [action] = [a for a in sizes.actions() if a.text().startswith(text) and a.text()[len(text)] == "("]
    return action


def points(widget: QWidget) -> float:
    widget.ensurePolished()
    font = widget.font()
    if font.pointSizeF() > 0:
        return font.pointSizeF()
    return font.pixelSize() * 72 / widget.logicalDpiY()


def page_fonts(window, key: str) -> dict[str, float]:
    """Each visible widget of the page (and the sidebar, the wizard's buttons, the findings panel) → its points."""
    window.editor.go_to(key)
    QApplication.processEvents()
    widgets = [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window]
    return {f"{type(w).__name__}#{w.objectName()}:{getattr(w, 'text', lambda: '')()}:{id(w)}": points(w)
            for w in widgets}


def test_nothing_is_under_9_pt_at_standard_and_every_page_grows_at_largest(window, qtbot, huaian_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    QApplication.processEvents()
    bar_standard_height = window.findings.summary.height()
    assert font_size.current() == "standard" and menu_action(window, "标准").isChecked()
    standard = {key: page_fonts(window, key) for key in PAGE_KEYS}
    for key, fonts in standard.items():
        small = {name: size for name, size in fonts.items() if size < SMALLEST_POINTS}
        assert small == {}, key
    title = window.editor.pages["meta"].findChild(QLabel, "pageTitle")
    title_standard = points(title)

    menu_action(window, "特大").trigger()
    assert font_size.current() == "largest" and QApplication.font().pointSizeF() == 14.0
    for key in PAGE_KEYS:
        larger = page_fonts(window, key)
        for name, size in standard[key].items():
            if name in larger:
                assert larger[name] > size, (key, name)
    assert points(title) == pytest.approx(title_standard * 1.4)  # the style sheet's sizes scale too
    assert points(window.editor.sidebar) > 11.0 * 1.3
    table = window.editor.pages["t3"].view
    assert points(table) == 14.0
    QApplication.processEvents()
    assert window.findings.summary.height() >= 1.2 * bar_standard_height  # the findings bar's line too


def test_ctrl_plus_minus_and_zero_work_from_a_field(window, qtbot, huaian_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    field = window.focusWidget()  # 基本信息's first field
    assert field is not None
    ctrl = Qt.KeyboardModifier.ControlModifier
    press(field, Qt.Key.Key_Equal, ctrl, "=")
    qtbot.waitUntil(lambda: font_size.current() == "large")
    assert QApplication.font().pointSizeF() == 12.0 and menu_action(window, "大").isChecked()
    press(field, Qt.Key.Key_Plus, ctrl, "+")
    qtbot.waitUntil(lambda: font_size.current() == "largest")
    press(field, Qt.Key.Key_Plus, ctrl, "+")  # no larger than 特大
    assert font_size.current() == "largest" and not menu_action(window, "增大字号").isEnabled()
    press(field, Qt.Key.Key_Minus, ctrl, "-")
    qtbot.waitUntil(lambda: font_size.current() == "large")
    press(field, Qt.Key.Key_0, ctrl, "0")
    qtbot.waitUntil(lambda: font_size.current() == "standard")
    assert QApplication.font().pointSizeF() == 10.0 and not menu_action(window, "减小字号").isEnabled()

    table = window.editor.go_to("t3").view  # in a table and in a section's text, the same keys
    press(table, Qt.Key.Key_Equal, ctrl, "=")
    qtbot.waitUntil(lambda: font_size.current() == "large")
    text = next(iter(window.editor.go_to("s1").editors.values()))
    press(text, Qt.Key.Key_0, ctrl, "0")
    qtbot.waitUntil(lambda: font_size.current() == "standard")


def test_the_size_chosen_is_there_after_a_restart(window, qtbot):
    menu_action(window, "大").trigger()
    assert settings.font_size() == "large"
    window.close()
    font_size.apply(font_size.STANDARD)  # a new process starts with Qt's defaults

    make_application()  # the next start
    again = MainWindow()
    qtbot.addWidget(again)
    again.ensure_menus()
    assert font_size.current() == "large" and QApplication.font().pointSizeF() == 12.0
    assert again.font_sizes.actions["large"].isChecked() and not again.font_sizes.actions["standard"].isChecked()
    assert points(again.start.findChild(QLabel, "startTitle")) == pytest.approx(20.0 * 1.2)


def test_boxes_sized_by_their_font_follow_a_change_while_their_page_is_open(window, qtbot, huaian_path):
    """The 说明 boxes keep three lines and the date fields keep a whole date when 字号 changes with them on screen."""
    report = load_draft(huaian_path)
    report.meta.publish_date = None  # W-DATE: a warning, so 检查与导出 has a 说明 box
    window.controller.set_document(ReportDocument(report))
    meta = window.editor.go_to("meta")
    QApplication.processEvents()
    dates = {box: box.width() for box in (meta.publish, meta.deadline)}
    review = window.editor.go_to("review")
    QApplication.processEvents()
    [box] = list(review.note_edits.values())[:1]
    lines = box.height() / box.fontMetrics().lineSpacing()
    menu_action(window, "特大").trigger()
    QApplication.processEvents()
    assert box.height() / box.fontMetrics().lineSpacing() == pytest.approx(lines, abs=0.3)  # still about 3 lines
    window.editor.go_to("meta")
    QApplication.processEvents()
    for field, width in dates.items():
        needed = field.fontMetrics().horizontalAdvance("2025年12月31日")
        assert field.width() > width and field.width() > needed, field.placeholderText()


def test_the_check_boxes_squares_grow_with_their_words(window, qtbot, huaian_path):
    """At 特大 the square of 总计列自动合计 (and every check box) is as much larger as its words, not 13 px beside
    18 px text."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    switch = window.editor.go_to("t3").switches[0][0]
    QApplication.processEvents()

    def square() -> int:
        option = QStyleOptionButton()
        switch.initStyleOption(option)
        return switch.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, switch).width()

    standard = square()
    menu_action(window, "特大").trigger()
    QApplication.processEvents()
    assert square() >= standard * 1.3
