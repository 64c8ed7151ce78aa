"""The findings panel is a one-line bar ("问题（3）：2个错误，1个警告  ▲", 上一个问题, 下一个问题) at the foot of the
window: it opens into the list when the clerk clicks it or presses Ctrl+F8, steps through the findings (F8) or jumps
to one, and closes again — the tables keep their rows at 1366×768."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.builders import consistent_report
from tests.ui.gui import post_key
from ui.document import ReportDocument

BAR_HEIGHT = 36




def open_with_problems(window, qtbot):
    """A report with errors on 表三 (the 自然人 column and the 新收 row) and 表四, in a 1366×768 window."""
    window.resize(1366, 768)
    report = consistent_report(3)
    report.set("t3.new.natural", report.number("t3.new.natural") + 1)
    report.set("t4.review.total", 10**6)
    window.controller.set_document(ReportDocument(report))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and window.findings.isVisible())
    return window.findings


def test_the_findings_are_one_line_until_the_clerk_opens_them(window, qtbot):
    panel = open_with_problems(window, qtbot)
    errors = sum(1 for f in window.doc.findings if f.severity.value == "error")
    warnings = len(window.doc.findings) - errors
    qtbot.waitUntil(lambda: panel.height() <= BAR_HEIGHT)
    assert not panel.list.isVisible()
    assert panel.summary.text() == f"问题（{errors + warnings}）：{errors}个错误，{warnings}个警告  ▲"
    assert panel.previous_button.isVisible() and panel.next_button.isVisible()
    qtbot.mouseClick(panel.summary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.isVisible() and panel.height() > BAR_HEIGHT + 2 * panel.list.sizeHintForRow(0))
    assert panel.summary.text().endswith("▼")
    assert panel.height() <= window.height() // 3  # the table keeps most of the window
    qtbot.mouseClick(panel.summary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.list.isVisible() and panel.height() <= BAR_HEIGHT)
    assert panel.summary.text().endswith("▲")


def test_ctrl_f8_opens_the_list_and_esc_closes_it(window, qtbot):
    panel = open_with_problems(window, qtbot)
    window.editor.go_to("t2")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.pages["t2"].view)
    table = window.editor.pages["t2"].view
    post_key(Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.list.isVisible())
    # The keyboard goes into the list with it: ↓ moves through the findings, Esc closes it.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list)
    assert panel.list.currentIndex().row() == 0
    post_key(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.list.currentIndex().row() == 1)
    post_key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.list.isVisible() and panel.height() <= BAR_HEIGHT)
    assert QApplication.focusWidget() is table  # back where the clerk was typing
    post_key(Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.list.isVisible())
    post_key(Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.list.isVisible())


def test_f8_opens_the_list_at_the_finding_and_the_cell_stays_in_sight(window, qtbot):
    panel = open_with_problems(window, qtbot)
    window.editor.go_to("t2")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.pages["t2"].view)
    for expected in (0, 1, 2):  # T3-A, T3-B on 表三, then T4-A on 表四
        post_key(Qt.Key.Key_F8)
        qtbot.waitUntil(lambda expected=expected: panel.list.currentIndex().row() == expected)
        assert panel.list.isVisible()
        finding = panel.model.findings[expected]
        page = window.editor.pages[window.editor.current_key]
        assert finding.cells and window.editor.current_key == finding.cells[0].split(".")[0]
        view = page.view
        qtbot.waitUntil(lambda view=view: view.viewport().rect().contains(view.visualRect(view.currentIndex())))
    post_key(Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.list.currentIndex().row() == 1 and window.editor.current_key == "t3")


def test_a_jump_from_the_review_page_opens_the_list_at_that_finding(window, qtbot):
    panel = open_with_problems(window, qtbot)
    review = window.editor.go_to("review")
    qtbot.waitUntil(lambda: not panel.isVisible())  # 检查与导出 lists every finding itself
    finding = next(f for f in window.doc.findings if f.cells and f.cells[0].startswith("t4."))
    review.activated.emit(finding)  # as a double click on it in the page's list
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.isVisible())
    assert window.editor.current_key == "t4"
    assert panel.list.currentIndex().data(Qt.ItemDataRole.UserRole) == finding
    assert QRect(panel.list.viewport().rect()).intersects(panel.list.visualRect(panel.list.currentIndex()))



def test_the_closed_bar_follows_a_larger_font(window, qtbot, chinese_font):
    panel = open_with_problems(window, qtbot)
    qtbot.waitUntil(lambda: panel.height() <= BAR_HEIGHT)
    app = QApplication.instance()
    style = app.styleSheet()
    try:
        app.setStyleSheet(style + "\nQWidget { font-size: 18pt; }")  # as 查看 → 字号 → 特大 may do
        qtbot.waitUntil(lambda: panel.height() > BAR_HEIGHT + 6)
        for button in (panel.summary, panel.previous_button, panel.next_button):
            assert button.visibleRegion().boundingRect() == button.rect()  # not cut at the foot
        assert not panel.list.isVisible()
    finally:
        app.setStyleSheet(style)


def test_a_panel_left_floating_by_an_older_version_comes_back_as_the_bar(qtbot, sample_path):
    from models.storage.drafts import load_draft
    from ui.main_window import MainWindow
    from ui.window_state import remember_window

    old = MainWindow()
    qtbot.addWidget(old)
    old.controller.set_document(ReportDocument(load_draft(sample_path)))
    old.findings.setFloating(True)  # as a clerk could float the panel before it became a bar
    remember_window(old)
    old.controller.close_document()

    new = MainWindow()
    qtbot.addWidget(new)
    with qtbot.waitExposed(new):
        new.show()
    new.controller.set_document(ReportDocument(load_draft(sample_path)))
    panel = new.findings
    assert not panel.isFloating()
    assert new.dockWidgetArea(panel) == Qt.DockWidgetArea.BottomDockWidgetArea
    qtbot.waitUntil(lambda: panel.isVisible() and panel.height() <= BAR_HEIGHT)


def test_the_next_report_starts_with_the_bar_closed(window, qtbot):
    """The list left open in one report does not open the next one (nor a report without findings)."""
    panel = open_with_problems(window, qtbot)
    window.findings.toggle_action.trigger()
    qtbot.waitUntil(lambda: panel.expanded and panel.list.isVisible())
    window.controller.close_document()
    window.controller.set_document(ReportDocument(consistent_report(4)))
    qtbot.waitUntil(lambda: window.findings.isVisible())
    assert not panel.expanded and not panel.list.isVisible()
    assert panel.height() <= BAR_HEIGHT


def test_the_view_menu_has_one_entry_for_the_findings(window, qtbot):
    """问题列表 (Ctrl+F8) opens and closes the list; no second, checkable entry named after the bar hides it."""
    open_with_problems(window, qtbot)
    texts = [a.text() for a in window.view_menu.actions()]
    assert sum(1 for t in texts if t.startswith("问题")) == 1, texts
