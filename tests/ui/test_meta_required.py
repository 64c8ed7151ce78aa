"""基本信息 (issue 12): 机关名称, 报告年度 and 机关层级 marked required and tinted while empty; V-META and W-DATE in the
findings, each jumping to its field; the year box shows the report's own year (blank when none); the date box reads a
date typed digit by digit, pasted or committed by an input method, and refuses what is not a date.

Keys are posted through the event loop (QTest.keyClick can crash the process when a handler raises)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Meta, Report
from tests.builders import consistent_report
from tests.ui.gui import type_chinese
from ui.document import ReportDocument
from ui.page_status import DONE, IN_PROGRESS, PROBLEMS
from ui.pages.meta_page import MISSING_BACKGROUND

TINT = QColor(MISSING_BACKGROUND)


def _post(widget, key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(widget, QKeyEvent(kind, key, modifiers, text))


def post_keys(qtbot, widget, text: str, *, enter: bool = True) -> None:
    """Type `text` (digits, '-' '.' '/' and spaces) key by key into `widget`, then Enter."""
    widget.setFocus()
    for char in text:
        _post(widget, Qt.Key(ord(char)), char)  # for these characters the key code is the ASCII code
    if enter:
        _post(widget, Qt.Key.Key_Return, "\r")
    qtbot.wait(10)
    QApplication.processEvents()


def clear(qtbot, widget) -> None:
    """Ctrl+A, Backspace: what a clerk does to empty a box."""
    widget.setFocus()
    _post(widget, Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier)
    _post(widget, Qt.Key.Key_Backspace, "")
    qtbot.wait(10)
    QApplication.processEvents()


def _open(window, report: Report):
    window.controller.set_document(ReportDocument(report))
    window.editor.go_to("meta")
    return window.editor.pages["meta"]


def _blank_report() -> Report:
    report = consistent_report(5)
    report.meta = Meta()
    return report


def _inside_colour(widget) -> QColor:
    """The colour inside the box, right of any text."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 12, image.height() // 2)


def _meta_findings(window, rule: str = "V-META") -> list:
    """Findings of `rule`, shown or still 未填 (a blank field on 基本信息 before the clerk leaves the page)."""
    return [f for f in (*window.doc.findings, *window.doc.pending) if f.rule == rule]


# ----- required, tinted ------------------------------------------------------------------------------------------

def test_required_fields_have_a_red_asterisk_and_are_tinted_while_empty(window, qtbot):
    page = _open(window, _blank_report())
    for key in (fmt.META_AGENCY, fmt.META_YEAR, fmt.META_LEVEL):
        label = page.labels[key]
        assert "*</span>" in label.text() and "color:#b42318" in label.text().replace(" ", ""), key
        assert label.buddy() is page.field_of(key)
    assert "*" not in page.labels[fmt.META_PUBLISH_DATE].text()  # the date is not required: a warning only
    assert page.missing_fields() == [fmt.META_AGENCY, fmt.META_YEAR, fmt.META_LEVEL]
    for widget in (page.agency, page.year):
        assert widget.property("missing") is True
        assert _inside_colour(widget) == TINT
    assert page.level.property("missing") is True and MISSING_BACKGROUND in page.level.styleSheet()
    assert [f.cells for f in _meta_findings(window)] == [(fmt.META_AGENCY,), (fmt.META_YEAR,), (fmt.META_LEVEL,)]

    type_chinese(page.agency, "测试县交通运输局")
    post_keys(qtbot, page.year, "2024")
    page.level.setFocus()
    _post(page.level, Qt.Key.Key_Down)  # the first level after （请选择）
    qtbot.waitUntil(lambda: window.doc.report.meta.level == fmt.LEVELS[0], timeout=2000)
    assert window.doc.report.meta.agency == "测试县交通运输局" and window.doc.report.meta.year == 2024
    assert page.missing_fields() == []
    for widget in (page.agency, page.year, page.level):
        assert widget.property("missing") is False and MISSING_BACKGROUND not in widget.styleSheet()
    assert _inside_colour(page.agency) != TINT
    assert _meta_findings(window) == []


def test_the_page_opens_no_window_of_its_own(window, qtbot):
    """A hint label shown before it had a parent once opened as a window of its own and took the focus away."""
    page = _open(window, _blank_report())
    type_chinese(page.agency, "测试区")
    post_keys(qtbot, page.publish, "2026-2-30")
    qtbot.wait(50)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    assert window.isActiveWindow() and QApplication.focusWidget() is page.publish


def test_the_sidebar_shows_the_page_done_once_every_field_is_filled(window, qtbot):
    window.controller.new_report()
    page, editor = window.editor.pages["meta"], window.editor
    assert editor.status_of("meta") == IN_PROGRESS and window.doc.report.meta.year  # the year comes preset
    editor.go_to("s1")  # left with agency, level and date blank: now errors and a warning
    assert editor.status_of("meta") == PROBLEMS
    editor.go_to("meta")
    type_chinese(page.agency, "测试县交通运输局")
    page.level.setCurrentIndex(page.level.findData("县级政府部门"))
    assert editor.status_of("meta") == PROBLEMS  # W-DATE, a warning, until the date is set
    post_keys(qtbot, page.publish, "2026-1-20")
    assert editor.status_of("meta") == DONE


# ----- the year ------------------------------------------------------------------------------------------------

def test_the_year_box_shows_the_reports_own_year_or_nothing(window):
    page = _open(window, _blank_report())
    assert page.year.text() == "" and page.year.placeholderText() == "未填"
    assert window.doc.report.meta.year is None
    old = consistent_report(5, year=2020)
    page = _open(window, old)
    assert page.year.text() == "2020" and window.doc.report.meta.year == 2020
    page = _open(window, consistent_report(5, year=2009))
    assert page.year.text() == "2009"


def test_typing_a_year_or_clearing_it(window, qtbot):
    page = _open(window, consistent_report(5, year=2024))
    clear(qtbot, page.year)
    assert window.doc.report.meta.year is None
    assert [f.cells for f in _meta_findings(window)] == [(fmt.META_YEAR,)]
    assert _inside_colour(page.year) == TINT
    post_keys(qtbot, page.year, "2019")
    assert window.doc.report.meta.year == 2019 and _meta_findings(window) == []
    assert window.doc.report.title.endswith("2019年政府信息公开工作年度报告")
    clear(qtbot, page.year)
    post_keys(qtbot, page.year, "2007")
    assert window.doc.report.meta.year == 2019, "a year out of range is not stored"
    assert "2008至2100" in page.year_hint.text() and "未保存" in page.year_hint.text()
    assert page.year_hint.isVisibleTo(page) and page.year.property("refused") is True
    clear(qtbot, page.year)
    post_keys(qtbot, page.year, "2100")
    assert window.doc.report.meta.year == 2100 and page.year.property("refused") is False


# ----- the publication date ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["2026-3-28", "2026.3.28", "2026/03/28", "20260328", "2026328", "2026 3 28"])
def test_a_date_typed_key_by_key(window, qtbot, typed):
    page = _open(window, consistent_report(5))
    clear(qtbot, page.publish)
    assert window.doc.report.meta.publish_date is None
    post_keys(qtbot, page.publish, typed)
    assert window.doc.report.meta.publish_date == date(2026, 3, 28)
    assert page.publish.text() == "2026年3月28日"
    assert page.publish.property("refused") is False


def test_a_date_committed_by_an_input_method_or_pasted(window, qtbot):
    page = _open(window, consistent_report(5))
    clear(qtbot, page.publish)
    QGuiApplication.clipboard().setText("2026-3-28")
    _post(page.publish, Qt.Key.Key_V, "", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.doc.report.meta.publish_date == date(2026, 3, 28), timeout=2000)
    post_keys(qtbot, page.publish, "")
    assert page.publish.text() == "2026年3月28日"
    clear(qtbot, page.publish)
    type_chinese(page.publish, "2026年4月2日")
    assert window.doc.report.meta.publish_date == date(2026, 4, 2)
    clear(qtbot, page.publish)
    QGuiApplication.clipboard().setText(" 2026/03/28\n")  # copied from a cell, with its line end
    _post(page.publish, Qt.Key.Key_V, "", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.doc.report.meta.publish_date == date(2026, 3, 28), timeout=2000)


def test_a_date_that_is_not_one_is_refused_and_not_stored(window, qtbot):
    page = _open(window, consistent_report(5))
    before = window.doc.report.meta.publish_date
    assert before is not None
    page.publish.setFocus()
    _post(page.publish, Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier)  # typed over the date shown
    post_keys(qtbot, page.publish, "2026-2-30")
    assert window.doc.report.meta.publish_date == before, "refused: the date from before the edit stays"
    hint = page.publish_hint.text()
    assert "不是有效的日期" in hint and "2月只有1至28日" in hint and "未保存" in hint
    assert page.publish.property("refused") is True and "border" in page.publish.styleSheet()
    clear(qtbot, page.publish)
    post_keys(qtbot, page.publish, "2026-3-")
    assert window.doc.report.meta.publish_date == before and "不是完整的日期" in page.publish_hint.text()
    post_keys(qtbot, page.publish, "5")
    assert window.doc.report.meta.publish_date == date(2026, 3, 5)
    assert page.publish.property("refused") is False and "不是" not in page.publish_hint.text()


def test_a_blank_date_is_no_date_and_a_warning(window, qtbot):
    page = _open(window, consistent_report(5))
    assert page.publish.text() == "2025年1月20日"
    clear(qtbot, page.publish)
    post_keys(qtbot, page.publish, "")
    assert window.doc.report.meta.publish_date is None and page.publish.text() == ""
    [warning] = _meta_findings(window, "W-DATE")
    assert warning.message.startswith("落款日期未定")
    review = window.editor.go_to("review")
    assert review.findings_list.headings[Severity.WARNING].text().startswith("警告")
    texts = [line.text() for line in review.findings_list.lines.values()
             if line.finding.severity is Severity.WARNING]
    assert any(t.startswith("落款日期未定：") and "W-DATE" not in t for t in texts)
    assert warning.fingerprint in review.note_edits  # a 说明 can be written, as for any warning


def test_the_calendar_picks_a_date(window, qtbot):
    page = _open(window, consistent_report(5))
    clear(qtbot, page.publish)
    page.calendar_button.click()
    qtbot.waitUntil(page.calendar_menu.isVisible, timeout=2000)
    assert page.calendar.selectedDate().toPython() == date(2025, 1, 1)  # the year after the report's
    page.calendar.setSelectedDate(QDate(2025, 1, 20))
    view = page.calendar.findChild(QTableView, "qt_calendar_calendarview")
    _post(view, Qt.Key.Key_Return, "\r")
    qtbot.waitUntil(lambda: window.doc.report.meta.publish_date == date(2025, 1, 20), timeout=2000)
    assert page.publish.text() == "2025年1月20日" and not page.calendar_menu.isVisible()


# ----- findings jump to the field ------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "rule"), [(fmt.META_AGENCY, "V-META"), (fmt.META_YEAR, "V-META"),
                                           (fmt.META_LEVEL, "V-META"), (fmt.META_PUBLISH_DATE, "W-DATE")])
def test_activating_a_meta_finding_focuses_its_field(window, qtbot, key, rule):
    report = _blank_report()
    _open(window, report)
    window.editor.go_to("t3")
    panel = window.findings
    row = next(i for i, f in enumerate(panel.model.findings) if f.cells == (key,))
    assert panel.model.findings[row].rule == rule
    index = panel.model.index(row, 0, QModelIndex())
    panel.toggle_action.trigger()  # Ctrl+F8: the bar opens into the list
    qtbot.waitUntil(lambda: panel.list.isVisible(), timeout=2000)
    panel.list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list, timeout=2000)
    panel.list.setCurrentIndex(index)
    _post(panel.list, Qt.Key.Key_Return, "\r")
    page = window.editor.pages["meta"]
    qtbot.waitUntil(lambda: window.editor.current_key == "meta", timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.field_of(key), timeout=2000)
    if isinstance(page.field_of(key), QLineEdit):
        assert page.field_of(key).text() == "" or page.field_of(key).hasSelectedText()


def test_the_review_page_jumps_to_the_field_too(window, qtbot):
    _open(window, _blank_report())
    review = window.editor.go_to("review")
    assert review.findings_list.headings[Severity.ERROR].text().startswith("错误")
    first = review.findings_list.focus_order()[0]
    assert first.text().startswith("基本信息未填：") and "机关名称" in first.text()
    assert "V-META" not in first.text() and "V-META" in first.toolTip()  # the code is for reviewers
    assert QApplication.focusWidget() is first  # arriving on the page, the keyboard is on the first finding
    _post(first, Qt.Key.Key_Return, "\r")
    page = window.editor.pages["meta"]
    qtbot.waitUntil(lambda: window.editor.current_key == "meta" and QApplication.focusWidget() is page.agency,
                    timeout=2000)
    assert "错误" in review.blocked.text()


def test_a_read_only_report_cannot_be_changed_here(window):
    report = consistent_report(5)
    report.read_only = True
    page = _open(window, report)
    for widget in (page.agency, page.year, page.level, page.publish, page.calendar_button, page.deadline):
        assert not widget.isEnabled()
