"""No sea of red before the clerk starts: a blank on a page not yet left is 未填 (grey, counted apart), an error
once the clerk leaves the page with it or asks to export; the review page does not repeat the panel's list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.gui import type_into_cell
from ui import theme
from ui.page_status import IN_PROGRESS, NOT_STARTED, PROBLEMS


def background(view, key):
    brush = view.model().index_of(key).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color() if brush is not None else None


def test_a_new_report_is_not_a_sea_of_red(window):
    window.controller.new_report()
    doc, editor = window.doc, window.editor
    assert not [f for f in doc.findings if f.rule == "V-1"]
    assert len(doc.pending) > 30 and "行未填" in window.findings.windowTitle()
    view = editor.pages["t3"].view
    assert background(view, "t3.new.natural") == theme.PENDING_BACKGROUND
    assert "未填" in view.model().index_of("t3.new.natural").data(Qt.ItemDataRole.ToolTipRole)
    assert editor.status_of("t3") == NOT_STARTED
    assert editor.status_of("review") == IN_PROGRESS  # nothing wrong yet, but far from done


def test_leaving_a_page_with_blanks_makes_them_errors(window, qtbot):
    window.controller.new_report()
    editor = window.editor
    while editor.current_key != "t4":
        QTest.mouseClick(editor.next, Qt.MouseButton.LeftButton)  # 下一步 through 基本信息 … 三
    view = editor.pages["t4"].view
    type_into_cell(qtbot, view, "t4.review.upheld", "3")
    assert background(view, "t4.review.corrected") == theme.PENDING_BACKGROUND
    QTest.mouseClick(editor.next, Qt.MouseButton.LeftButton)  # leave 表四 with blanks
    assert background(view, "t4.review.corrected") == theme.ERROR_BACKGROUND
    assert any(f.rule == "V-1" and "t4.review.corrected" in f.cells for f in window.doc.findings)
    assert editor.status_of("t4") == PROBLEMS
    assert {"t2", "t3", "t4"} <= window.doc.checked_pages  # walked past 表二 and 表三 with blanks too


def test_asking_to_export_makes_every_blank_an_error(window, answers, tmp_path):
    window.controller.new_report()
    assert not any(f.rule == "V-1" for f in window.doc.findings)
    assert not window.exports.export("docx", tmp_path / "x.docx")  # 导出草稿？ answered 否
    assert not window.doc.pending
    errors = window.doc.error_count()
    assert errors > 30
    kind, message = answers["asked"][-1]
    assert kind == "question" and f"报告还有{errors}个错误" in message


def test_the_review_page_does_not_repeat_the_panels_list(window, pingtan_path):
    from models.storage.drafts import load_draft
    from ui.document import ReportDocument

    window.controller.set_document(ReportDocument(load_draft(pingtan_path)))
    panel = window.findings
    assert panel.isVisible()
    window.editor.go_to("review")
    assert not panel.isVisible()
    window.editor.go_to("t3")
    assert panel.isVisible()
