"""A clerk's whole session, offscreen: new report, agency typed in Chinese, table 三 typed and pasted, a T3-A
finding appears on the right cell, is fixed, the report is saved and reopened with every value back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from models.format import format2021 as fmt
from models.storage.drafts import load_draft
from tests.ui.gui import type_chinese, type_into_cell


def _t3_rules(window, rule):
    return [f for f in window.doc.findings if f.rule == rule]


def test_clerk_fills_checks_fixes_saves_and_reopens(window, qtbot, tmp_path):
    window.start.buttons["新建本年度报告"].click()
    editor = window.editor
    assert editor.current_key == "meta"
    meta = editor.pages["meta"]
    type_chinese(meta.agency, "测试区数据资源管理局")
    assert window.doc.report.meta.agency == "测试区数据资源管理局"
    meta.level.setCurrentIndex(meta.level.findData("县级政府部门"))
    editor.next.click()
    editor.next.click()
    editor.next.click()
    assert editor.current_key == "t3"
    view = editor.pages["t3"].view

    # Typing: 12 new and 3 carried from natural persons.
    type_into_cell(qtbot, view, "t3.new.natural", "12")
    assert view.currentIndex() == view.model().index_of("t3.carried_in.natural"), "Enter moves down"
    type_into_cell(qtbot, view, "t3.carried_in.natural", "3")

    # Pasting: the 自然人 column of the outcome rows, as copied from Excel (granted 10, others 0), then 结转 4.
    outcomes = ["10"] + ["0"] * 20 + ["10", "4"]
    view.select_key("t3.granted.natural")
    QGuiApplication.clipboard().setText("\r\n".join(outcomes) + "\r\n")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.doc.report.number("t3.carried_out.natural") == 4)

    # 12 + 3 = 15 but 10 + 4 = 14: T3-A on the 自然人 column, shown on the cell.
    [finding] = _t3_rules(window, "T3-A")
    assert finding.cells[0] == "t3.new.natural"
    assert finding.message == "表三·自然人列：新收12＋上年结转3＝15，但办理结果总计10＋结转下年度4＝14，相差1。"
    index = view.model().index_of("t3.new.natural")
    assert finding.message in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "问题" in window.findings.windowTitle()

    # Fix it: 结转下年度 is 5.
    type_into_cell(qtbot, view, "t3.carried_out.natural", "5")
    assert _t3_rules(window, "T3-A") == []
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None or "T3-A" not in index.data(Qt.ItemDataRole.ToolTipRole)

    # Save, close, reopen: every value back.
    path = tmp_path / "测试.nianbao"
    assert window.controller.save_as(path)
    assert not window.isWindowModified()
    saved = dict(window.doc.report.cells)
    window.go_home()
    assert window.controller.open_draft(path)
    assert window.doc.report.cells == saved
    assert window.doc.report.meta.agency == "测试区数据资源管理局"
    assert load_draft(path).number("t3.granted.natural") == 10
    assert sum(1 for k in saved if k.startswith("t3.") and k.endswith(".natural")) == len(fmt.T3_ROWS)


def test_refused_value_is_explained_and_nothing_changes(window, qtbot, answers):
    window.controller.new_report()
    view = window.editor.pages["t3"].view
    window.editor.go_to("t3")
    QGuiApplication.clipboard().setText("5\t6\nabc\t-1\n")
    view.select_key("t3.new.natural")
    assert not view.paste(QGuiApplication.clipboard().text())
    assert window.doc.report.cells == {}
    kind, message = answers["asked"][-1]
    assert kind == "warning" and "未粘贴任何内容" in message and "abc" in message and "负数" in message


def test_pasted_units_and_full_width_digits_are_read(window):
    window.controller.new_report()
    view = window.editor.pages["t3"].view
    view.select_key("t3.new.natural")
    assert view.paste("12件\t１２\t 3 \n")
    report = window.doc.report
    assert (report.number("t3.new.natural"), report.number("t3.new.commercial"), report.number("t3.new.research")) \
        == (12, 12, 3)
    assert "件" in window.statusBar().currentMessage()
