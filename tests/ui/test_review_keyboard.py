"""检查与导出 with the keyboard alone: a multi-line 说明 box under each warning in the Tab order (Tab leaves a box, it
types no tab), the 已说明 count follows the typing, Enter on a finding goes to it, the messages wrap at 1366 px, and a
box being typed in survives a re-check. Keys are posted through the event loop, as the keyboard's are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.findings import Severity
from tests.builders import consistent_report
from tests.ui.gui import press, type_chinese
from ui.document import ReportDocument
from ui.pages.review_findings import FindingLine, NoteBox

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _review(window, qtbot, report=None):
    window.controller.set_document(ReportDocument(report or consistent_report(3)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.editor.go_to("review")
    qtbot.waitUntil(page.isVisible)
    return page


def _tab(qtbot, modifiers=Qt.KeyboardModifier.NoModifier):
    before = QApplication.focusWidget()
    press(before, Qt.Key.Key_Backtab if modifiers else Qt.Key.Key_Tab, modifiers)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not before, timeout=2000)
    return QApplication.focusWidget()


def test_tab_goes_down_the_findings_and_their_boxes_then_to_the_buttons(window, qtbot):
    page = _review(window, qtbot)
    warnings = [f for f in window.doc.findings if f.severity is Severity.WARNING]
    assert len(warnings) == 2 and len(page.note_edits) == 2
    first_line = QApplication.focusWidget()
    assert isinstance(first_line, FindingLine) and first_line.finding == warnings[0]  # arriving, on the first one
    box = _tab(qtbot)
    assert isinstance(box, NoteBox) and box is page.note_edits[warnings[0].fingerprint]
    assert isinstance(box, NoteBox) and box.height() >= 3 * box.fontMetrics().lineSpacing()  # a few lines
    line = _tab(qtbot)
    assert isinstance(line, FindingLine) and line.finding == warnings[1]
    assert _tab(qtbot) is page.note_edits[warnings[1].fingerprint]
    after = [_tab(qtbot) for _ in range(5)]
    assert after == [page.checklist, page.signoff, page.stock_fonts, page.preview, page.export_docx]  # 放入 is off
    assert _tab(qtbot, SHIFT) is page.preview
    # Back up into the last box: Tab inside it moves on, it types no tab.
    page.note_edits[warnings[1].fingerprint].setFocus(Qt.FocusReason.BacktabFocusReason)
    assert _tab(qtbot) is page.checklist
    assert page.note_edits[warnings[1].fingerprint].toPlainText() == ""


def test_a_note_typed_is_kept_and_counted_as_typed(window, qtbot):
    page = _review(window, qtbot)
    warning = next(f for f in window.doc.findings if f.severity is Severity.WARNING)
    assert "已说明0个" in page.summary.text()
    box = page.note_edits[warning.fingerprint]
    type_chinese(box, "本年确未收取")
    assert window.doc.report.notes[warning.fingerprint] == "本年确未收取"
    assert "已说明1个" in page.summary.text()  # at once, not when the box is left
    press(box, Qt.Key.Key_Return, text="\r")  # a second line of the same note
    type_chinese(box, "信息处理费")
    assert window.doc.report.notes[warning.fingerprint] == "本年确未收取\n信息处理费"
    assert window.isWindowModified()
    # A re-check that changes the list while typing (an error appears above) keeps the box, its text and the
    # keyboard in it.
    window.doc.set_cells({"t3.new.natural": 9999}, "修改")
    assert page.findings_list.headings[Severity.ERROR].isVisibleTo(page)
    assert page.note_edits[warning.fingerprint] is box and QApplication.focusWidget() is box
    assert box.toPlainText() == "本年确未收取\n信息处理费"
    for _ in range(len("信息处理费") + 1):
        press(box, Qt.Key.Key_Backspace)
    assert window.doc.report.notes[warning.fingerprint] == "本年确未收取"
    box.selectAll()
    press(box, Qt.Key.Key_Delete)
    assert warning.fingerprint not in window.doc.report.notes and "已说明0个" in page.summary.text()


def test_enter_on_a_finding_goes_to_it(window, qtbot):
    page = _review(window, qtbot)
    line = page.findings_list.focus_order()[0]
    assert line.finding.rule == "W-2"
    press(line, Qt.Key.Key_Return, text="\r")
    qtbot.waitUntil(lambda: window.editor.current_key != "review", timeout=2000)
    assert window.editor.current_key == "t3"


def test_messages_wrap_at_1366_by_768(window, qtbot, chinese_font):
    window.resize(1366, 768)
    page = _review(window, qtbot)
    qtbot.wait(50)
    viewport = page.scroll.viewport()
    lines = [w for w in page.findings_list.focus_order() if isinstance(w, FindingLine)]
    long_line = max(lines, key=lambda line: len(line.text()))
    assert long_line.fontMetrics().horizontalAdvance(long_line.text()) > viewport.width()  # too long for one line
    for line in lines:
        assert line.mapTo(viewport, line.rect().topRight()).x() <= viewport.width()
        assert line.height() >= line.heightForWidth(line.width())  # every line of it shown, none cut
    assert long_line.height() > 1.5 * long_line.fontMetrics().lineSpacing()
    assert page.scroll.horizontalScrollBar().maximum() == 0


def test_a_message_that_begins_with_its_name_says_it_once(window, qtbot):
    report = consistent_report(3)
    report.meta.publish_date = None
    page = _review(window, qtbot, report)
    [line] = [line for line in page.findings_list.lines.values() if "落款" in line.text()]
    assert line.text().startswith("落款日期未定：") and line.text().count("落款日期未定") == 1


def test_tab_into_a_box_below_the_fold_shows_the_whole_box(window, qtbot):
    """With many errors above it, the 说明 box Tab comes into is scrolled wholly into sight, not just its top line."""
    report = consistent_report(3)
    for key in list(report.cells)[:40]:  # blanks: an error each, listed above the warnings
        report.set(key, None)
    window.resize(1366, 768)
    page = _review(window, qtbot, report)
    warning = next(f for f in window.doc.findings if f.severity is Severity.WARNING)
    line = page.findings_list.lines[warning.fingerprint]
    box = page.note_edits[warning.fingerprint]
    page.scroll.verticalScrollBar().setValue(0)
    line.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    page.scroll.verticalScrollBar().setValue(0)  # as if the clerk had scrolled back up with the wheel
    assert _tab(qtbot) is box
    viewport = page.scroll.viewport()
    qtbot.waitUntil(lambda: viewport.rect().contains(box.mapTo(viewport, box.rect().bottomRight())), timeout=2000)
    assert viewport.rect().contains(box.mapTo(viewport, box.rect().topLeft()))
