"""Table behaviour: model tester, findings activation, undo/redo of a paste, auto-sum, Delete, carried cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from models.storage.drafts import load_draft
from models.tools import autosum
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from ui.document import ReportDocument
from ui.tables.table_model import OfficialTableModel


@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_model_tester_passes(qtmodeltester, table):
    doc = ReportDocument(consistent_report(1))
    qtmodeltester.check(OfficialTableModel(doc, table), force_py=True)


def test_findings_activation_puts_the_cursor_in_the_named_cell(window, qtbot):
    report = consistent_report(2)
    report.set("t4.suit_direct.total", report.number("t4.suit_direct.total") + 1)
    window.controller.set_document(ReportDocument(report))
    finding = next(f for f in window.doc.findings if f.rule == "T4-B")
    row = window.findings.model.findings.index(finding)
    window.findings.list.setCurrentIndex(window.findings.model.index(row))
    window.findings.list.activated.emit(window.findings.model.index(row))
    page = window.editor.pages["t4"]
    assert window.editor.current_key == "t4"
    view = page.view
    assert view.model().key_at(view.currentIndex()) == "t4.suit_direct.total"
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert editor.parent() is view.viewport() and view.indexWidget(view.currentIndex()) is editor


def test_next_problem_walks_the_list(window):
    report = consistent_report(3)
    report.set("t3.new.natural", report.number("t3.new.natural") + 1)
    report.set("t4.review.total", 10**6)
    report.set("t2.rules.issued", None)  # a blank on a page not yet left: 未填, not a problem to step to
    window.controller.set_document(ReportDocument(report))
    assert "还有1行未填" in window.findings.windowTitle()
    visited = []
    for _ in range(3):  # errors first: T3-A and T3-B (the 自然人 column and the 新收 row), then T4-A
        window.findings.step(1)
        visited.append(window.editor.current_key)
    assert visited == ["t3", "t3", "t4"]
    assert "t2" not in {f.cells[0].split(".")[0] for f in window.doc.findings if f.cells}
    window.findings.step(-1)
    assert window.editor.current_key == "t3"


def test_undo_redo_of_a_paste_is_one_step(window):
    window.controller.new_report()
    view = window.editor.pages["t4"].view
    view.select_key("t4.review.upheld")
    assert view.paste("1\t2\t3\t4\t10")
    report = window.doc.report
    assert report.number("t4.review.total") == 10
    window.undo_action.trigger()
    assert report.cells == {}
    window.redo_action.trigger()
    assert [report.number(f"t4.review.{c}") for c in ("upheld", "corrected", "other", "pending", "total")] \
        == [1, 2, 3, 4, 10]


def test_auto_sum_on_and_off(window):
    report = consistent_report(4)
    for key in autosum.T4_TOTALS:
        report.set(key, 0)
    window.controller.set_document(ReportDocument(report))
    page = window.editor.pages["t4"]
    [(box, keys)] = page.switches
    box.setChecked(True)
    assert all(report.number(k) == sum(report.number(p) for p in autosum.AUTO_SUM_KEYS and
                                       [f"{k.rsplit('.', 1)[0]}.{c}" for c in ("upheld", "corrected", "other",
                                                                               "pending")]) for k in keys)
    index = page.model.index_of("t4.review.total")
    assert not (page.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert "自动合计" in index.data(Qt.ItemDataRole.ToolTipRole)
    page.view.select_key("t4.review.upheld")
    page.view.paste("7")
    assert report.number("t4.review.total") == 7 + sum(report.number(f"t4.review.{c}")
                                                       for c in ("corrected", "other", "pending"))
    window.undo_action.trigger()  # the typed value and its auto-sum are one step
    assert report.number("t4.review.upheld") != 7
    box.setChecked(False)
    assert page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    window.undo_action.trigger()
    assert box.isChecked()


def test_delete_blanks_the_selection_in_one_step(window, qtbot):
    window.controller.set_document(ReportDocument(consistent_report(5)))
    window.editor.go_to("t2")
    view = window.editor.pages["t2"].view
    view.select_key("t2.rules.issued")
    view.selectionModel().select(view.model().index_of("t2.rules.repealed"),
                                 view.selectionModel().SelectionFlag.Select)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    report = window.doc.report
    assert report.is_blank("t2.rules.issued") and report.is_blank("t2.rules.repealed")
    assert any(f.rule == "V-1" and "t2.rules.issued" in f.cells for f in window.doc.pending)  # 未填 on this page
    window.editor.go_to("t3")  # left with blanks: now V-1 errors
    assert any(f.rule == "V-1" and "t2.rules.issued" in f.cells for f in window.doc.findings)
    window.undo_action.trigger()
    assert not report.is_blank("t2.rules.issued") and not report.is_blank("t2.rules.repealed")


def test_carried_cells_are_tinted_with_their_year(window, huaian_path):
    previous = load_draft(huaian_path)
    window.controller.set_document(ReportDocument(new_year_from(previous), previous=previous))
    model = window.editor.pages["t3"].model
    index = model.index_of("t3.carried_in.natural")
    assert index.data() == "103"
    assert "来自2024年度报告" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_auto_sum_total_goes_blank_when_a_part_is_blanked(window):
    report = consistent_report(6)
    window.controller.set_document(ReportDocument(report))
    page = window.editor.pages["t4"]
    [(box, _keys)] = page.switches
    box.setChecked(True)
    page.view.select_key("t4.review.pending")
    page.view.blank_selection()
    assert report.is_blank("t4.review.total")
    page.view.paste("2")
    assert report.number("t4.review.total") == sum(report.number(f"t4.review.{c}")
                                                   for c in ("upheld", "corrected", "other", "pending"))
