"""对比上年: last year's value and the change under each cell, X-3 swings highlighted (the texts themselves:
tests/test_year_change.py; that they agree with X-3 and the 一图读懂 page: test_year_change_agrees.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from ui.document import ReportDocument
from ui.tables.table_model import PREVIOUS_ROLE


def test_compare_toggle_shows_last_year_and_marks_swings(window, huaian_path, qtbot, chinese_font):
    previous = load_draft(huaian_path)
    report = new_year_from(previous)
    report.set("t2.penalty.decisions", 100)  # 3,985,758 last year: an X-3 swing
    window.controller.set_document(ReportDocument(report, previous=previous))
    page = window.editor.go_to("t2")
    index = page.model.index_of("t2.penalty.decisions")
    assert index.data(PREVIOUS_ROLE) == ""
    assert page.compare.isEnabled()
    page.compare.setChecked(True)
    assert index.data(PREVIOUS_ROLE) == "上年3985758 ↓100%"
    assert "上年3985758，-3985658" in index.data(Qt.ItemDataRole.ToolTipRole)
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background.color().name() == "#d6e4ff"
    assert page.view.rowHeight(index.row()) >= 46
    image = page.view.viewport().grab()
    assert not image.isNull()
    page.compare.setChecked(False)
    assert index.data(PREVIOUS_ROLE) == "" and page.view.rowHeight(index.row()) < 46


def test_compare_needs_last_years_report(window):
    window.controller.set_document(ReportDocument(consistent_report(1)))
    assert not window.editor.pages["t3"].compare.isEnabled()
