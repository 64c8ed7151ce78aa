"""A report that can only be viewed (a draft from a newer version, or one opened 以只读方式打开) cannot be changed by
any button or menu either: not only the cells and texts, but 插入依申请公开段落, 按规定日期 and the tools."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton

from tests.builders import consistent_report
from tests.ui.gui import menu_action
from ui.document import ReportDocument


def _read_only(window):
    report = consistent_report(5)
    report.workspace.deadline = date(2025, 2, 28)
    report.read_only = True
    window.controller.set_document(ReportDocument(report))
    return window.doc, report.copy()


def test_the_requests_paragraph_button_changes_nothing(window):
    doc, before = _read_only(window)
    window.editor.go_to("s1")
    page = window.editor.pages["s1"]
    editor = page.editors["s1.requests"]
    page.insert_requests_paragraph(editor)
    assert doc.report.texts == before.texts and not doc.is_modified
    assert editor.toPlainText() == before.texts.get("s1.requests", "")


def test_the_deadline_reset_changes_nothing(window):
    doc, _before = _read_only(window)
    window.editor.go_to("meta")
    reset = next(b for b in window.editor.pages["meta"].findChildren(QPushButton) if b.text() == "按规定日期")
    assert not reset.isEnabled()
    reset.click()  # even if it were clicked somehow
    doc.set_deadline(None)
    assert doc.report.workspace.deadline == date(2025, 2, 28) and not doc.is_modified


def test_no_change_reaches_a_read_only_report_through_the_document(window):
    doc, before = _read_only(window)
    refused = []
    doc.refused.connect(refused.append)
    doc.set_text("s6", "改动")
    doc.set_meta(agency="别的机关")
    doc.set_note("x", "说明")
    doc.set_cells({"t3.new.natural": 1}, "修改")
    doc.set_auto_sum(frozenset({"t3.new.total"}), True)
    assert doc.report == before and not doc.is_modified and doc.undo_stack.count() == 0
    assert refused


def test_the_tools_are_unavailable_for_a_read_only_report(window):
    _read_only(window)
    for text in ("从依申请公开台账计算表三", "汇总数据采集表"):
        assert not menu_action(window, text).isEnabled()
    assert menu_action(window, "导出数据采集表").isEnabled()  # reading it out changes nothing
