"""Last year's text is a draft, not an answer: each carried paragraph is marked until the clerk edits or confirms it,
its section is not 已完成 meanwhile, and the official export asks first (driven with real keys and clicks)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from tests.ui.gui import press, type_keys
from ui.document import ReportDocument
from ui.page_status import DONE, IN_PROGRESS


def carried_over(huaian_path, *, tables_done: bool = False, s6: str = "") -> ReportDocument:
    previous = load_draft(huaian_path)
    if s6:
        previous.texts["s6"] = s6
    report = new_year_from(previous)  # 2024 → 2025: every paragraph copied as a start
    if tables_done:  # numbers that pass every table rule, so that only the text stands between it and export
        filled = consistent_report(11, year=2025)
        report.cells = dict(filled.cells)
    return ReportDocument(report, previous=previous)


def test_each_carried_paragraph_is_marked_and_its_section_not_done(window, huaian_path):
    window.controller.set_document(carried_over(huaian_path, s6="严格执行信息处理费管理办法，未收取信息处理费。"))
    page = window.editor.go_to("s1")
    for key, editor in page.editors.items():
        if window.doc.report.texts.get(key):
            assert editor.carried_bar.isVisible(), key
            assert editor.carried_bar.label.text() == "以下为2024年度原文，请修改或确认。"
    assert window.editor.status_of("s1") != DONE  # 有问题 here: its sentences name 2024 as this year (W-4)
    assert window.editor.status_of("s6") == IN_PROGRESS  # no finding, but not this year's answer yet
    window.doc.confirm_text("s6")
    assert window.editor.status_of("s6") == DONE


def test_editing_or_confirming_clears_the_mark_and_finishes_the_section(window, huaian_path, qtbot):
    window.controller.set_document(carried_over(huaian_path))
    page = window.editor.go_to("s6")
    editor = page.editors["s6"]
    assert editor.carried_bar.isVisible()
    type_keys(editor, "x")  # a real keystroke: the text is now the clerk's
    qtbot.waitUntil(lambda: not editor.carried_bar.isVisible())
    assert "text:s6" not in window.doc.report.provenance
    page = window.editor.go_to("s1")
    carried = [k for k, e in page.editors.items() if e.carried_bar.isVisible()]
    first, *rest = carried
    press(page.editors[first], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # 确认沿用 by keyboard
    assert not page.editors[first].carried_bar.isVisible()
    for key in rest:
        QTest.mouseClick(page.editors[key].carried_bar.button, Qt.MouseButton.LeftButton)
        assert not page.editors[key].carried_bar.isVisible()
    assert page.editors[first].toPlainText() == window.doc.report.texts[first]  # confirming keeps the text
    assert window.doc.unconfirmed_texts() == ["preamble", "s5.intro"]  # 报告开头 and 五 are left


def test_the_official_export_asks_while_last_years_text_is_unconfirmed(window, huaian_path, answers, tmp_path,
                                                                      monkeypatch, qtbot):
    from ui.export_flow import ExportFlow

    written = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, path, *_companions: written.append(path))
    window.controller.set_document(carried_over(huaian_path, tables_done=True))
    assert window.doc.error_count() == 0
    assert not window.exports.export("docx", tmp_path / "报告.docx")  # answered 否
    kind, message = answers["asked"][-1]
    assert kind == "question" and "仍是上年度报告的原文" in message and "报告开头" in message
    assert not (tmp_path / "报告.docx").exists()
    assert window.editor.current_key == "meta"  # went to the first paragraph: 报告开头
    for key in window.doc.unconfirmed_texts():
        window.doc.confirm_text(key)
    asked = len(answers["asked"])
    assert window.exports.export("docx", tmp_path / "报告.docx")
    qtbot.waitUntil(lambda: written == [tmp_path / "报告.docx"], timeout=10000)
    assert not any(kind == "question" for kind, _ in answers["asked"][asked:])


def test_a_confirmed_paragraph_stays_confirmed_after_save_and_reopen(window, huaian_path, tmp_path):
    window.controller.set_document(carried_over(huaian_path))
    window.doc.confirm_text("s1.active")
    path = tmp_path / "2025.nianbao"
    assert window.controller.save_as(path)
    assert window.controller.open_draft(path)
    assert "s1.active" not in window.doc.unconfirmed_texts() and "s1.intro" in window.doc.unconfirmed_texts()
