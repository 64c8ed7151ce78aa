"""One undo history for the whole report: 基本信息 fields and narrative texts are undo steps of the document like the
cells, typing merged into words; Ctrl+Z / Ctrl+Y in a field are the window's 撤销/重做, never the field's own."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.format.formats import FORMAT_2021
from models.report import Meta, Report
from models.storage.drafts import load_draft, save_draft
from models.tools.autosum import auto_sum_keys
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from tests.ui.gui import press, type_chinese, type_keys
from ui.commands import Edit, continues, diff
from ui.document import ReportDocument

CTRL = Qt.KeyboardModifier.ControlModifier


def _blank(window, report: Report | None = None) -> ReportDocument:
    window.controller.set_document(ReportDocument(report or Report(meta=Meta(year=2024))))
    return window.doc


def _undo(window) -> None:
    window.undo_action.trigger()
    QApplication.processEvents()


def _redo(window) -> None:
    window.redo_action.trigger()
    QApplication.processEvents()


# ----- the merging rule ---------------------------------------------------------------------------------------------

def test_typing_merges_into_words_and_a_commit_is_a_step_of_its_own():
    def steps(texts: list[str]) -> list[str]:
        """The text after each undo step, typing the texts one after another."""
        done: list[str] = []
        run = last = None
        for before, after in pairwise(texts):
            edit = diff(before, after)
            merged = continues(run, last, edit) if run is not None else None
            if merged is None:
                done.append(before)
                run = edit
            else:
                run = merged
            last = edit
        return done

    assert steps(["", "a", "ab", "ab ", "ab c", "ab cd"]) == ["", "ab "]   # a word, its space, the next word
    assert steps(["", "a", "ab", "ab,", "ab,c"]) == ["", "ab,"]            # punctuation ends the word
    assert steps(["", "某某区", "某某区人民政府"]) == ["", "某某区"]           # each input-method commit
    assert steps(["abcd", "abc", "ab", "abX"]) == ["abcd", "ab"]           # backspaces, then typing
    assert steps(["ab", "ab c", "ab cd"]) == ["ab"]                          # 机关名称: the space arrives with the c
    assert diff("aXb", "aYb") == Edit(1, "X", "Y") and Edit(1, "X", "Y").kind == "put"


# ----- 基本信息 -----------------------------------------------------------------------------------------------------

def test_meta_typing_undoes_by_word_across_fields_in_order(window):
    doc = _blank(window)
    window.editor.go_to("meta")
    page = window.editor.pages["meta"]
    type_chinese(page.agency, "某某区")
    type_chinese(page.agency, "人民政府")
    type_keys(page.agency, "ab")
    page.year.selectAll()
    type_keys(page.year, "2025")
    press(page.year, Qt.Key.Key_Return)
    page.level.setCurrentIndex(page.level.findData("区县级人民政府部门"))
    assert (doc.report.meta.agency, doc.report.meta.year) == ("某某区人民政府ab", 2025)
    assert doc.undo_stack.count() == 5  # three for the name, one for the year, one for the level

    _undo(window)
    assert doc.report.meta.level == "" and page.level.currentData() == ""
    _undo(window)
    assert doc.report.meta.year == 2024 and page.year.text() == "2024"
    _undo(window)
    assert doc.report.meta.agency == "某某区人民政府" and page.agency.text() == "某某区人民政府"
    _undo(window)
    assert doc.report.meta.agency == "某某区" and page.agency.text() == "某某区"
    _redo(window)
    _redo(window)
    assert doc.report.meta.agency == "某某区人民政府ab" and page.agency.text() == "某某区人民政府ab"
    _redo(window)
    assert doc.report.meta.year == 2025 and page.year.text() == "2025" and doc.is_modified


def test_ctrl_z_in_a_field_is_the_windows_undo_not_the_fields(window):
    doc = _blank(window)
    window.editor.go_to("meta")
    page = window.editor.pages["meta"]
    doc.set_cells({"t3.new.natural": 4}, "修改")  # a cell changed before: its step is older than the name's
    type_chinese(page.agency, "测试局")
    used = []
    window.undo_action.triggered.connect(lambda: used.append("undo"))
    window.redo_action.triggered.connect(lambda: used.append("redo"))
    press(page.agency, Qt.Key.Key_Z, CTRL)
    assert doc.report.meta.agency == "" and page.agency.text() == ""
    press(page.agency, Qt.Key.Key_Z, CTRL)  # the same key goes on back through the cells
    assert doc.report.cells.get("t3.new.natural") is None
    press(page.agency, Qt.Key.Key_Y, CTRL)
    press(page.agency, Qt.Key.Key_Y, CTRL)
    assert doc.report.number("t3.new.natural") == 4 and page.agency.text() == "测试局"
    assert doc.undo_stack.index() == doc.undo_stack.count() == 2
    assert used == ["undo", "undo", "redo", "redo"]  # the window's actions took the keys


def test_a_year_typed_and_corrected_is_one_step_and_undo_back_to_saved_is_unmodified(window, tmp_path):
    doc = _blank(window)
    doc.mark_saved(tmp_path / "r.nianbao")
    window.editor.go_to("meta")
    page = window.editor.pages["meta"]
    page.year.selectAll()
    type_keys(page.year, "2026")
    press(page.year, Qt.Key.Key_Backspace)
    type_keys(page.year, "5")
    press(page.year, Qt.Key.Key_Return)
    assert doc.report.meta.year == 2025 and doc.undo_stack.count() == 1 and doc.is_modified
    _undo(window)
    assert doc.report.meta.year == 2024 and page.year.text() == "2024" and not doc.is_modified


def test_the_deadline_is_an_undo_step_and_shows_undone(window):
    doc = _blank(window)
    window.editor.go_to("meta")
    page = window.editor.pages["meta"]
    press(page.deadline, Qt.Key.Key_A, CTRL)
    type_keys(page.deadline, "2025 2 20")
    press(page.deadline, Qt.Key.Key_Return)
    assert doc.report.workspace.deadline == date(2025, 2, 20) and doc.deadline() == (2025, 2, 20)
    assert doc.undo_stack.count() == 1  # the keys typed are one step
    page.deadline_reset.click()
    assert doc.report.workspace.deadline is None
    _undo(window)
    assert doc.report.workspace.deadline == date(2025, 2, 20) and page.deadline.text() == "2025年2月20日"
    _undo(window)
    assert doc.report.workspace.deadline is None and page.deadline.text() == "2025年1月31日"


# ----- narrative texts ----------------------------------------------------------------------------------------------

def _s6(window) -> tuple[ReportDocument, object]:
    doc = _blank(window, consistent_report(2))
    window.editor.go_to("s6")
    return doc, window.editor.pages["s6"].editors["s6"]


def test_narrative_typing_is_undone_by_the_window_in_words_and_shown(window):
    doc, editor = _s6(window)
    start = doc.report.texts.get("s6", "")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_chinese(editor, "本年未收取")
    type_chinese(editor, "信息处理费。")
    type_keys(editor, "ok")
    assert doc.report.texts["s6"] == start + "本年未收取信息处理费。ok"
    assert not editor.document().isUndoAvailable()  # the editor keeps no history of its own
    used = []
    window.undo_action.triggered.connect(lambda: used.append("undo"))
    press(editor, Qt.Key.Key_Z, CTRL)
    assert used == ["undo"]
    assert doc.report.texts["s6"] == editor.toPlainText() == start + "本年未收取信息处理费。"
    _undo(window)
    assert doc.report.texts.get("s6", "") == editor.toPlainText() == start + "本年未收取"
    assert editor.textCursor().position() == len(start + "本年未收取")
    press(editor, Qt.Key.Key_Y, CTRL)
    assert doc.report.texts["s6"] == editor.toPlainText() == start + "本年未收取信息处理费。"


def test_cells_meta_and_text_undo_in_the_order_they_were_made(window):
    doc, editor = _s6(window)
    before = (dict(doc.report.cells), doc.report.meta.agency, doc.report.texts.get("s6", ""))
    doc.set_cells({"t3.new.natural": 99}, "修改")
    doc.set_meta(agency="另一个机关")
    type_chinese(editor, "补充说明。")
    for _ in range(3):
        _undo(window)
    assert (dict(doc.report.cells), doc.report.meta.agency, doc.report.texts.get("s6", "")) == before
    assert editor.toPlainText() == before[2] and not doc.is_modified


def test_undoing_an_edit_of_last_years_paragraph_brings_back_its_origin(window, huaian_path):
    doc = _blank(window, new_year_from(load_draft(huaian_path)))
    page = window.editor.go_to("s1")
    key, editor = next((k, e) for k, e in page.editors.items() if e.carried_bar.isVisible())
    text = editor.toPlainText()
    type_chinese(editor, "今年")
    assert not editor.is_carried() and not editor.carried_bar.isVisible()
    _undo(window)
    assert editor.toPlainText() == doc.report.texts[key] == text
    assert editor.is_carried() and editor.carried_bar.isVisible() and f"text:{key}" in doc.report.provenance


@pytest.mark.parametrize("page_key", ["meta", "s1"])
def test_the_inserted_paragraph_and_the_preamble_are_steps_too(window, page_key):
    doc = _blank(window, consistent_report(4))
    window.editor.go_to(page_key)
    page = window.editor.pages[page_key]
    if page_key == "meta":
        editor, key = page.preamble, "preamble"
        type_chinese(editor, "本报告根据条例编制。")
    else:
        editor, key = page.editors["s1.requests"], "s1.requests"
        assert page.insert_requests_paragraph(editor)
    text = doc.report.texts[key]
    assert text and doc.undo_stack.count() == 1
    _undo(window)
    assert doc.report.texts.get(key, "") == editor.toPlainText() != text


def test_the_fields_context_menu_undoes_the_document(window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    doc, editor = _s6(window)
    start = doc.report.texts.get("s6", "")
    type_chinese(editor, "补充。")
    target = editor.viewport()
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                                     target.mapToGlobal(QPoint(5, 5))))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    undo = next(a for a in menu.actions() if a.objectName() == "edit-undo")
    redo = next(a for a in menu.actions() if a.objectName() == "edit-redo")
    assert undo.isEnabled() and not redo.isEnabled()
    undo.trigger()
    menu.close()
    assert doc.report.texts.get("s6", "") == editor.toPlainText() == start


def test_several_fields_at_once_and_a_macro_are_one_step(window):
    doc = _blank(window)
    window.editor.go_to("meta")
    page = window.editor.pages["meta"]
    doc.set_meta(agency="甲局", level="区县级人民政府部门")
    with doc.macro("工具结果"):
        doc.set_cells({"t3.new.natural": 3}, "表三")
        doc.set_text("s6", "工具写入的说明。")
    assert doc.undo_stack.count() == 2
    _undo(window)
    assert doc.report.cells.get("t3.new.natural") is None and doc.report.texts.get("s6", "") == ""
    _undo(window)
    assert (doc.report.meta.agency, doc.report.meta.level) == ("", "")
    assert (page.agency.text(), page.level.currentData()) == ("", "")


def test_a_new_report_adds_up_its_totals_and_saves_them_as_typed_fields(window, tmp_path):
    """The controller builds a new report with its 自动合计 switches as typed fields (draft schema 2)."""
    window.controller.new_report()
    doc = window.doc
    assert doc.auto_keys == auto_sum_keys(FORMAT_2021) and "autosum" not in doc.report.extra
    path = tmp_path / "新.nianbao"
    save_draft(doc.report, path)
    assert load_draft(path).workspace.auto_sum == auto_sum_keys(FORMAT_2021)  # no key of another format
