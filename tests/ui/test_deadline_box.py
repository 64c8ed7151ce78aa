"""公开截止日期 (基本信息): Tab leaves the box (a date edit took Tab through year, month and day), Shift+Tab comes
back, and a date reads as typed — keys, an input method's commit, the calendar — as 发布日期 does; blank is the date
the rules set. Keys are posted through the event loop, as the keyboard's are."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.builders import consistent_report
from tests.ui.gui import press, type_chinese
from ui.document import ReportDocument

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _meta(window, qtbot, level: str = "县级政府部门"):
    window.controller.set_document(ReportDocument(consistent_report(6, level=level)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window.editor.go_to("meta")


def _type(box, text: str) -> None:
    """Ctrl+A and `text` (digits and - . /) key by key, no Enter."""
    press(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(box, Qt.Key.Key_Backspace)
    for char in text:
        press(box, Qt.Key(ord(char)), text=char)


def test_tab_leaves_the_deadline_and_shift_tab_comes_back(window, qtbot):
    page = _meta(window, qtbot)
    page.publish.setFocus(Qt.FocusReason.TabFocusReason)
    chain = []
    for _ in range(3):
        press(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    assert chain == [page.calendar_button, page.deadline, page.deadline_calendar]
    press(page.deadline_calendar, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is page.deadline
    press(page.deadline, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is page.calendar_button
    assert window.doc.report.workspace.deadline is None  # passing through changes nothing


def test_a_deadline_reads_as_typed(window, qtbot):
    page = _meta(window, qtbot)
    doc = window.doc
    assert page.deadline.text() == "2025年1月31日"  # the rules' date for a 县级政府部门's 2024 report
    for typed, read in [("2025-2-28", date(2025, 2, 28)), ("2025.3.5", date(2025, 3, 5)),
                        ("2025/02/10", date(2025, 2, 10)), ("20250220", date(2025, 2, 20))]:
        _type(page.deadline, typed)
        assert doc.report.workspace.deadline == read, typed  # stored as it is typed
        press(page.deadline, Qt.Key.Key_Tab)
        assert page.deadline.text() == f"{read.year}年{read.month}月{read.day}日"
    press(page.deadline, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_chinese(page.deadline, "2025年3月1日")  # as an input method commits it
    assert doc.report.workspace.deadline == date(2025, 3, 1) and doc.deadline() == (2025, 3, 1)
    press(page.deadline, Qt.Key.Key_Tab)
    # What is no date is refused with a hint, and the date before it kept.
    _type(page.deadline, "2025-2-30")
    press(page.deadline, Qt.Key.Key_Tab)
    assert doc.report.workspace.deadline == date(2025, 3, 1) and page.deadline_hint.isVisibleTo(page)
    assert "未保存" in page.deadline_hint.text()
    # Blank is the rules' date again; so is 按规定日期.
    _type(page.deadline, "")
    press(page.deadline, Qt.Key.Key_Tab)
    assert doc.report.workspace.deadline is None and page.deadline.text() == "2025年1月31日"
    _type(page.deadline, "2025-1-31")  # the rules' own date is no date of the clerk's
    press(page.deadline, Qt.Key.Key_Tab)
    assert doc.report.workspace.deadline is None


def test_the_deadline_follows_the_year_and_level_unless_set(window, qtbot):
    page = _meta(window, qtbot)
    page.level.setCurrentIndex(page.level.findData("县级人民政府"))
    assert page.deadline.text() == "2025年3月31日"
    press(page.year, Qt.Key.Key_Backspace)
    press(page.year, Qt.Key.Key_5, text="5")
    assert window.doc.report.meta.year == 2025 and page.deadline.text() == "2026年3月31日"
    _type(page.deadline, "2026-2-1")
    press(page.deadline, Qt.Key.Key_Tab)
    page.level.setCurrentIndex(page.level.findData("县级政府部门"))
    assert page.deadline.text() == "2026年2月1日"  # the clerk's own date stays


def test_the_deadline_calendar(window, qtbot):
    page = _meta(window, qtbot)
    page.deadline_calendar.click()
    qtbot.waitUntil(lambda: page.deadline_calendar.menu is not None and page.deadline_calendar.menu.isVisible(),
                    timeout=2000)
    calendar = page.deadline_calendar.calendar
    assert calendar.selectedDate().toPython() == date(2025, 1, 31)
    calendar.activated.emit(calendar.selectedDate().addDays(14))
    assert window.doc.report.workspace.deadline == date(2025, 2, 14) and page.deadline.text() == "2025年2月14日"


def test_the_deadline_buttons_keep_their_size_on_a_wide_window(window, qtbot):
    """按规定日期 is a button the size of its words, not a bar across the page when no hint is shown."""
    window.resize(1366, 768)
    page = _meta(window, qtbot)
    qtbot.waitUntil(lambda: page.deadline_reset.isVisible())
    assert not page.deadline_hint.text()
    for button in (page.deadline_reset, page.deadline_calendar):
        assert button.width() <= button.sizeHint().width() * 1.3, button.text()
