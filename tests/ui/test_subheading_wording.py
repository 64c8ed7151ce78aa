"""Section 五's page shows a sub-heading as the clerk worded it, and 恢复规范标题 restores the official one — by
keyboard too, as an undo step (issue 16 §4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.report import Report
from tests.builders import consistent_report
from tests.ui.gui import press, type_chinese
from ui.document import ReportDocument
from ui.pages.narrative_page import RESTORE_HEADING

OWN = "（一）存在的主要问题："


def _worded() -> Report:
    report = consistent_report(5)
    report.texts.update({"s5.problems": "解读形式单一。", "s5.improvements": "丰富解读形式。"})
    report.set_heading("s5.problems", OWN)
    return report


def _s5(window, report: Report):
    window.controller.set_document(ReportDocument(report))
    return window.doc, window.editor.go_to("s5")


def test_the_label_shows_the_wording_and_the_restore_button_only_there(window):
    doc, page = _s5(window, _worded())
    assert OWN in page.headings["s5.problems"].text() and "（一）存在的问题" in page.headings["s5.problems"].toolTip()
    assert page.restore_buttons["s5.problems"].isVisible()
    assert page.restore_buttons["s5.problems"].text() == RESTORE_HEADING
    assert "（二）改进情况" in page.headings["s5.improvements"].text()
    assert not page.restore_buttons["s5.improvements"].isVisible()
    assert page.editors["s5.problems"].accessibleName() == OWN
    type_chinese(page.editors["s5.problems"], "另有")  # the text is edited: the wording stays
    assert doc.report.texts["s5.problems"] == "另有解读形式单一。" and doc.report.headings == {"s5.problems": OWN}


def test_restore_by_keyboard_is_an_undo_step(window):
    doc, page = _s5(window, _worded())
    intro = page.editors["s5.intro"]
    press(intro, Qt.Key.Key_Tab)  # from the opening paragraph, Tab reaches the button before the text
    button = page.restore_buttons["s5.problems"]
    assert QApplication.focusWidget() is button
    press(button, Qt.Key.Key_Space)
    assert doc.report.headings == {} and doc.report.heading("s5.problems") == "（一）存在的问题"
    assert "（一）存在的问题" in page.headings["s5.problems"].text() and not button.isVisible()
    assert QApplication.focusWidget() is page.editors["s5.problems"]  # on to the text, not lost with the button
    assert doc.is_modified and doc.report.section_text("s5").startswith("（一）存在的问题\n")
    window.undo_action.trigger()
    assert doc.report.headings == {"s5.problems": OWN} and OWN in page.headings["s5.problems"].text()
    assert button.isVisible() and not doc.is_modified
    window.redo_action.trigger()
    assert doc.report.headings == {} and not button.isVisible()


def test_a_read_only_report_cannot_be_restored(window):
    report = _worded()
    report.read_only = True
    doc, page = _s5(window, report)
    assert not page.restore_buttons["s5.problems"].isEnabled()
    doc.set_heading("s5.problems", "")
    assert doc.report.headings == {"s5.problems": OWN}
