"""A narrative page scrolls as one: its editors are as tall as their texts (several lines at least, on 1366×768 too)
and never scroll inside the page's scroll area; the page follows the cursor. (The mouse wheel over an editor scrolls
the page: Qt passes a wheel event the editor cannot use on to its parents only when it comes from the system, which
a test cannot send.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea

from models.storage.drafts import load_draft
from tests.environment import under_wine
from tests.ui.gui import type_chinese
from ui.document import ReportDocument
from ui.narrative_editor import NarrativeEditor

PARAGRAPH = "本年度，本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。"


def open_page(window, qtbot, key: str, report=None):
    window.resize(1366, 768)
    if report is None:
        window.controller.new_report()
    else:
        window.controller.set_document(ReportDocument(report))
    page = window.editor.go_to(key)
    qtbot.waitUntil(lambda: page.isVisible() and page.scroll.viewport().height() > 100)
    return page


def test_each_narrative_page_has_one_scroll_bar(window, qtbot, sample_path):
    if under_wine():
        pytest.skip("under Wine the fonts are not a Windows PC's: the pages' layout is measured on Linux")
    for key in ("s1", "s5", "s6"):
        page = open_page(window, qtbot, key, load_draft(sample_path))
        areas = [a for a in page.findChildren(QAbstractScrollArea) if not isinstance(a, NarrativeEditor)]
        assert areas == [page.scroll] and isinstance(page.scroll, QScrollArea), key
        for editor in page.editors.values():
            assert editor.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            assert editor.verticalScrollBar().maximum() == 0, (key, editor.text_key)  # all its text is shown


def test_the_editors_show_several_lines_on_a_small_screen(window, qtbot):
    page = open_page(window, qtbot, "s1")
    for key, editor in page.editors.items():
        lines = (editor.height() - 2 * editor.frameWidth()) / editor.fontMetrics().lineSpacing()
        assert lines >= (2 if key == "s1.intro" else 5), key
    page = open_page(window, qtbot, "s6")
    editor = page.editors["s6"]
    assert editor.height() / editor.fontMetrics().lineSpacing() >= 12
    qtbot.waitUntil(lambda: editor.geometry().bottom() >= page.scroll.viewport().height() - 20)  # fills the page
    assert page.scroll.verticalScrollBar().maximum() == 0


def test_a_long_text_grows_its_editor_and_the_page_follows_the_cursor(window, qtbot, chinese_font):
    page = open_page(window, qtbot, "s1")
    editor = page.editors["s1.management"]
    before = editor.height()
    type_chinese(editor, "\n".join([PARAGRAPH * 3] * 30))
    qtbot.waitUntil(lambda: editor.height() > before + 10 * editor.fontMetrics().lineSpacing())
    assert editor.verticalScrollBar().maximum() == 0
    assert editor.height() > page.scroll.viewport().height()  # taller than the page: the page scrolls instead
    viewport = page.scroll.viewport()

    def cursor_in_sight() -> bool:
        rect = editor.cursorRect()
        top = editor.viewport().mapTo(viewport, rect.topLeft())
        bottom = editor.viewport().mapTo(viewport, rect.bottomLeft())
        return viewport.rect().contains(top) and viewport.rect().contains(bottom)

    qtbot.waitUntil(cursor_in_sight)  # at the end of the text, far below the page's top
    assert page.scroll.verticalScrollBar().value() > 0
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    editor.setTextCursor(cursor)  # Ctrl+Home
    qtbot.waitUntil(cursor_in_sight)

