"""No keystroke is ever lost or lands in the wrong cell (issue 12 §3).

Keys are posted through the event loop to whatever widget has the keyboard focus, as a keyboard delivers them (a
posted event survives a Python exception in a handler; QTest.keyClick may not). Rows are typed with Tab between the
cells, with 自动合计 on and off and after clicking the checkboxes above the table; the model must then hold exactly
what was typed, cell by cell.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QInputMethodEvent, QKeyEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip

from models.format import format2021 as fmt
from models.tools import autosum
from tests.builders import consistent_report
from ui import theme
from ui.document import ReportDocument

T3_PARTS = fmt.T3_PART_COLUMNS
T3_ALL = tuple(c.key for c in fmt.T3_COLUMNS)
T4_ALL = tuple(c.key for c in fmt.T4_COLUMNS)
T3_ROW_TOTALS = frozenset(autosum.ROW_TOTALS)
T3_HANDLED = frozenset(autosum.HANDLED_TOTALS)
T4_TOTALS = frozenset(autosum.T4_TOTALS)


# ----- driving the keyboard ---------------------------------------------------------------------------------------

def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def press(key: Qt.Key, text: str = "", modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key pressed and released on the widget that has the keyboard focus, through the event loop."""
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus: the key would be lost"
    QApplication.postEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
    QApplication.postEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text))
    _settle()


def type_text(text: str) -> None:
    for char in text:
        press(Qt.Key(ord(char)), char)


def tab() -> None:
    press(Qt.Key.Key_Tab, "\t")


def backtab() -> None:
    press(Qt.Key.Key_Backtab, "", Qt.KeyboardModifier.ShiftModifier)


def enter() -> None:
    press(Qt.Key.Key_Return, "\r")


def type_cells(values: list[int]) -> None:
    """Each value typed digit by digit, then Tab: a clerk copying a row from a paper form."""
    for value in values:
        type_text(str(value))
        tab()


# ----- the window ---------------------------------------------------------------------------------------------------

def _page(window, table: str, auto: frozenset[str] = frozenset(), previous: bool = False, seed: int = 7):
    report = consistent_report(seed)
    report.workspace.auto_sum = auto
    previous_report = consistent_report(seed + 1, year=2023) if previous else None
    window.controller.set_document(ReportDocument(report, previous=previous_report))
    page = window.editor.go_to(table)
    _settle()
    return page


def _current_key(view) -> str:
    return view.model().key_at(view.currentIndex())


def _focus_in_table(view) -> bool:
    focus = QApplication.focusWidget()
    return focus is view or (focus is not None and view.isAncestorOf(focus))


def _wait_for(qtbot, report, expected: dict[str, int]) -> None:
    def landed() -> bool:
        return all(report.cells.get(k) == v for k, v in expected.items())

    try:
        qtbot.waitUntil(landed, timeout=2000)
    except qtbot.TimeoutError:
        wrong = {k: (v, report.cells.get(k)) for k, v in expected.items() if report.cells.get(k) != v}
        raise AssertionError(f"cells not as typed (typed, held): {wrong}") from None


def _assert_only_changed(before: dict, report, typed: dict[str, int], auto: frozenset[str]) -> None:
    """Nothing but the typed cells (and totals in 自动合计 mode, which follow their parts) changed."""
    changed = {k for k in set(before) | set(report.cells) if before.get(k) != report.cells.get(k)}
    stray = changed - set(typed) - auto
    assert not stray, f"cells changed that were not typed into: {sorted(stray)}"


def _assert_auto_totals_add_up(report, auto: frozenset[str]) -> None:
    for key in auto:
        parts = [report.cells.get(p) for p in fmt.SUM_DEFINITIONS[key]]
        if all(isinstance(p, int) for p in parts):
            assert report.cells.get(key) == sum(parts), key


def _click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    _settle()


# ----- a row typed with Tab ------------------------------------------------------------------------------------------

ROW_CASES = [
    # table, rows typed, total cells in 自动合计 mode
    ("t3", ("new", "carried_in"), frozenset()),
    ("t3", ("new", "carried_in"), T3_ROW_TOTALS),
    ("t3", ("new", "carried_in"), T3_ROW_TOTALS | T3_HANDLED),
    ("t3", ("other_3", "handled_total", "carried_out"), frozenset()),
    ("t3", ("other_3", "handled_total", "carried_out"), T3_HANDLED),
    ("t3", ("other_3", "handled_total", "carried_out"), T3_ROW_TOTALS | T3_HANDLED),
    ("t4", ("",), frozenset()),
    ("t4", ("",), T4_TOTALS),
]


def _row_keys(table: str, rows: tuple[str, ...], auto: frozenset[str]) -> list[str]:
    if table == "t4":
        keys = [fmt.t4(b.key, c) for b in fmt.T4_BLOCKS for c in T4_ALL]
    else:
        keys = [fmt.t3(r, c) for r in rows for c in T3_ALL]
    return [k for k in keys if k not in auto]


@pytest.mark.parametrize(("table", "rows", "auto"), ROW_CASES,
                         ids=["t3-manual", "t3-total-column-auto", "t3-all-auto", "t3-end-manual",
                              "t3-end-handled-auto", "t3-end-all-auto", "t4-manual", "t4-auto"])
def test_a_row_typed_with_tab_lands_cell_by_cell(window, qtbot, table, rows, auto):
    page = _page(window, table, auto)
    report = window.doc.report
    before = dict(report.cells)
    keys = _row_keys(table, rows, auto)
    page.view.select_key(keys[0])
    values = list(range(301, 301 + len(keys)))
    type_cells(values)
    typed = dict(zip(keys, values, strict=True))
    _wait_for(qtbot, report, typed)
    _assert_only_changed(before, report, typed, auto)
    _assert_auto_totals_add_up(report, auto)


def test_table_four_as_the_clerk_typed_it(window, qtbot):
    """The row from the issue: 未经复议直接起诉 13/4/8/1 became 4/8/1/12 when Tab stopped on 行政复议·总计."""
    page = _page(window, "t4", T4_TOTALS)
    report = window.doc.report
    page.view.select_key("t4.review.upheld")
    type_cells([2, 0, 1, 0, 13, 4, 8, 1, 0, 0, 0, 0])
    _wait_for(qtbot, report, {"t4.suit_direct.upheld": 13, "t4.suit_direct.corrected": 4,
                              "t4.suit_direct.other": 8, "t4.suit_direct.pending": 1,
                              "t4.review.total": 3, "t4.suit_direct.total": 26, "t4.suit_after_review.total": 0})


# ----- checkboxes above the table --------------------------------------------------------------------------------

def test_typing_goes_on_in_table_three_after_clicking_each_checkbox(window, qtbot):
    page = _page(window, "t3", T3_ROW_TOTALS | T3_HANDLED, previous=True)
    view, report = page.view, window.doc.report
    (row_totals, _), (handled, _) = page.switches
    before = dict(report.cells)
    view.select_key("t3.new.natural")
    typed: dict[str, int] = {}

    def row(keys: list[str], values: list[int]) -> None:
        type_cells(values)
        typed.update(zip(keys, values, strict=True))

    row(["t3.new.natural", "t3.new.commercial"], [11, 12])
    _click(handled)                       # （七）总计行 back to manual: not this row
    assert not handled.isChecked() and _focus_in_table(view)
    row(["t3.new.research", "t3.new.nonprofit"], [13, 14])
    _click(page.compare)                  # 对比上年 on: taller rows, wider columns
    assert page.compare.isChecked() and _focus_in_table(view)
    row(["t3.new.legal_service", "t3.new.other"], [15, 16])   # Tab skips 本年新收·总计 (自动合计)
    type_text("17")                       # typed, not yet committed, when the switch is clicked
    _click(row_totals)                    # 总计列 back to manual: 上年结转·总计 is now typed too
    assert not row_totals.isChecked() and _focus_in_table(view)
    tab()
    row([f"t3.carried_in.{c}" for c in T3_ALL[1:]], [18, 19, 20, 21, 22, 123])
    typed["t3.carried_in.natural"] = 17
    _wait_for(qtbot, report, typed)
    assert report.cells["t3.new.total"] == sum(range(11, 17))   # computed while 自动合计 was on
    _assert_only_changed(before, report, typed, T3_ROW_TOTALS | T3_HANDLED)


def test_typing_goes_on_in_table_four_after_clicking_each_checkbox(window, qtbot):
    page = _page(window, "t4", T4_TOTALS, previous=True)
    view, report = page.view, window.doc.report
    ((totals, _),) = page.switches
    view.select_key("t4.review.upheld")
    type_cells([1, 2])
    _click(page.compare)
    assert _focus_in_table(view)
    type_cells([3, 4])                    # Tab skips 行政复议·总计
    _click(totals)                        # 总计 now typed by hand
    assert _focus_in_table(view)
    type_cells([13, 4, 8, 1, 26])
    _wait_for(qtbot, report, {"t4.review.upheld": 1, "t4.review.corrected": 2, "t4.review.other": 3,
                              "t4.review.pending": 4, "t4.review.total": 10, "t4.suit_direct.upheld": 13,
                              "t4.suit_direct.corrected": 4, "t4.suit_direct.other": 8,
                              "t4.suit_direct.pending": 1, "t4.suit_direct.total": 26})


def test_clicking_a_checkbox_leaves_the_keyboard_in_the_table(window):
    page = _page(window, "t3", previous=True)
    page.view.select_key("t3.new.research")
    for box in [box for box, _ in page.switches] + [page.compare]:
        _click(box)
        assert _focus_in_table(page.view), box.text()
        assert _current_key(page.view) == "t3.new.research"


def test_digits_typed_on_a_focused_checkbox_go_to_the_current_cell(window, qtbot):
    page = _page(window, "t3")
    view, report = page.view, window.doc.report
    view.select_key("t3.carried_in.research")
    box = page.switches[0][0]
    box.setFocus(Qt.FocusReason.TabFocusReason)   # reached with the keyboard
    _settle()
    assert QApplication.focusWidget() is box
    type_text("42")
    assert _focus_in_table(view)
    enter()
    _wait_for(qtbot, report, {"t3.carried_in.research": 42})
    assert not box.isChecked()


def test_tab_from_a_checkbox_into_the_table_changes_no_cell(window, qtbot):
    page = _page(window, "t3")
    view, report = page.view, window.doc.report
    before = dict(report.cells)
    view.select_key("t3.new.commercial")
    page.switches[-1][0].setFocus(Qt.FocusReason.TabFocusReason)
    _settle()
    for _ in range(6):
        if _focus_in_table(view):
            break
        tab()
    assert QApplication.focusWidget() is view, "Tab from the checkboxes reaches the table, no editor open"
    assert view.state() != QAbstractItemView.State.EditingState
    assert report.cells == before
    assert _current_key(view) == "t3.new.commercial"
    type_text("5")
    enter()
    _wait_for(qtbot, report, {"t3.new.commercial": 5})


def test_the_compare_shortcut_keeps_the_keyboard_in_the_table(window, qtbot):
    page = _page(window, "t3", previous=True)
    view, report = page.view, window.doc.report
    view.select_key("t3.new.natural")
    type_text("8")
    page.compare.animateClick()           # what its Alt+Y (对比上年(&Y)) does
    qtbot.waitUntil(page.compare.isChecked, timeout=2000)
    assert _focus_in_table(view)
    tab()
    type_cells([9])
    _wait_for(qtbot, report, {"t3.new.natural": 8, "t3.new.commercial": 9})


# ----- moving over read-only cells --------------------------------------------------------------------------------

def test_shift_tab_enter_and_arrows_skip_read_only_cells(window, qtbot):
    page = _page(window, "t3", T3_ROW_TOTALS | T3_HANDLED)
    view = page.view

    def after(start: str, move) -> str:
        view.select_key(start)
        _settle()
        move()
        return _current_key(view)

    assert after("t3.carried_in.natural", backtab) == "t3.new.other"
    assert after("t3.other_3.commercial", enter) == "t3.carried_out.commercial"
    assert after("t3.carried_out.natural", lambda: press(Qt.Key.Key_Up)) == "t3.other_3.natural"
    assert after("t3.other_3.other", lambda: press(Qt.Key.Key_Down)) == "t3.carried_out.other"
    assert after("t3.new.other", lambda: press(Qt.Key.Key_Right)) == "t3.new.other"
    assert after("t3.new.natural", lambda: press(Qt.Key.Key_Left)) == "t3.new.natural"
    assert after("t3.granted.commercial", lambda: press(Qt.Key.Key_End)) == "t3.granted.other"
    assert after("t3.granted.commercial", lambda: press(Qt.Key.Key_Home)) == "t3.granted.natural"
    assert after("t3.new.other", tab) == "t3.carried_in.natural"
    assert after("t3.granted.research", lambda: press(Qt.Key.Key_End, "", Qt.KeyboardModifier.ControlModifier)) \
        == "t3.carried_out.other"
    assert after("t3.granted.research", lambda: press(Qt.Key.Key_Home, "", Qt.KeyboardModifier.ControlModifier)) \
        == "t3.new.natural"
    paged = after("t3.new.research", lambda: press(Qt.Key.Key_PageDown))
    assert paged.startswith("t3.") and paged.endswith(".research") and paged != "t3.handled_total.research"
    assert after("t3.new.research", lambda: press(Qt.Key.Key_Escape, "\x1b")) == "t3.new.research"
    assert not QToolTip.isVisible()
    # From a total the clerk clicked on, the keys go on to the next cell that can be typed into.
    assert after("t3.new.total", tab) == "t3.carried_in.natural"
    assert after("t3.handled_total.research", enter) == "t3.carried_out.research"
    # Enter inside an open editor: the value is kept and the cursor skips （七）总计.
    view.select_key("t3.other_3.natural")
    type_text("9")
    enter()
    _wait_for(qtbot, window.doc.report, {"t3.other_3.natural": 9})
    qtbot.waitUntil(lambda: _current_key(view) == "t3.carried_out.natural", timeout=2000)
    # Shift+Tab inside an open editor goes back over 本年新收·总计.
    view.select_key("t3.carried_in.natural")
    type_text("6")
    backtab()
    _wait_for(qtbot, window.doc.report, {"t3.carried_in.natural": 6})
    assert _current_key(view) == "t3.new.other"


def test_tab_wraps_from_the_last_cell_to_the_first(window):
    page = _page(window, "t4", T4_TOTALS)
    page.view.select_key("t4.suit_after_review.pending")
    tab()
    assert _current_key(page.view) == "t4.review.upheld"
    backtab()
    assert _current_key(page.view) == "t4.suit_after_review.pending"


def test_arrows_in_table_four_skip_the_totals(window):
    page = _page(window, "t4", T4_TOTALS)
    page.view.select_key("t4.review.pending")
    press(Qt.Key.Key_Right)
    assert _current_key(page.view) == "t4.suit_direct.upheld"
    press(Qt.Key.Key_Left)
    assert _current_key(page.view) == "t4.review.pending"


def test_a_read_only_report_is_still_walked_cell_by_cell(window):
    report = consistent_report(2)
    report.read_only = True
    window.controller.set_document(ReportDocument(report))
    view = window.editor.go_to("t3").view
    view.select_key("t3.new.other")
    tab()
    assert _current_key(view) == "t3.new.total"
    type_text("5")
    assert report.cells["t3.new.total"] != 5
    assert QToolTip.isVisible() and "只能查看" in QToolTip.text()


# ----- typing, Delete and paste on read-only cells ------------------------------------------------------------------

def _tip_geometry() -> QRect:
    tips = [w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label" and w.isVisible()]
    assert tips, "no tooltip shown"
    return tips[0].geometry()


def _cell_on_screen(view, key: str) -> QRect:
    rect = view.visualRect(view.model().index_of(key))
    return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def test_typing_on_a_clicked_total_says_why_at_the_cell(window, qtbot, chinese_font):
    page = _page(window, "t3", T3_ROW_TOTALS)
    view, report = page.view, window.doc.report
    before = dict(report.cells)
    index = view.model().index_of("t3.new.total")
    view.setFocus()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    _settle()
    assert _current_key(view) == "t3.new.total"
    QToolTip.hideText()
    type_text("77")
    assert QToolTip.isVisible() and "自动合计" in QToolTip.text()
    tip, cell = _tip_geometry(), _cell_on_screen(view, "t3.new.total")
    # Just under the cell, across its column (a tooltip is moved left when it would leave the screen: the offscreen
    # screen is narrower than the window).
    screen = view.screen().geometry()
    assert 0 <= tip.top() - cell.bottom() < 40, (tip, cell)
    assert tip.left() <= cell.right() and tip.right() >= min(cell.left(), screen.right() - 20), (tip, cell, screen)
    assert "自动合计" in window.statusBar().currentMessage()
    assert report.cells == before, "the digits went somewhere"
    assert _current_key(view) == "t3.new.total" and view.state() != QAbstractItemView.State.EditingState
    # An input method's commit on the same cell: the same explanation, nothing typed anywhere.
    QToolTip.hideText()
    event = QInputMethodEvent("", [])
    event.setCommitString("１２")
    QApplication.sendEvent(view, event)
    assert QToolTip.isVisible() and "自动合计" in QToolTip.text()
    assert report.cells == before
    # Then Tab goes on to the next cell that can be typed into.
    tab()
    type_cells([5])
    _wait_for(qtbot, report, {"t3.carried_in.natural": 5})


def test_delete_on_a_read_only_total_says_why_and_changes_nothing(window):
    page = _page(window, "t4", T4_TOTALS)
    view, report = page.view, window.doc.report
    before = dict(report.cells)
    view.select_key("t4.review.total")
    QToolTip.hideText()
    press(Qt.Key.Key_Delete)
    assert report.cells == before
    assert QToolTip.isVisible() and "自动合计" in QToolTip.text()


def test_delete_over_a_range_with_totals_blanks_only_the_parts(window):
    page = _page(window, "t4", T4_TOTALS)
    view, report = page.view, window.doc.report
    model = view.model()
    view.select_key("t4.review.pending")
    for key in ("t4.suit_direct.upheld", "t4.review.total"):
        view.selectionModel().select(model.index_of(key), QItemSelectionModel.SelectionFlag.Select)
    press(Qt.Key.Key_Delete)
    assert report.cells.get("t4.review.pending") is None and report.cells.get("t4.suit_direct.upheld") is None
    assert "自动合计" in window.statusBar().currentMessage()


def test_paste_over_a_total_keeps_every_value_in_its_column(window, answers):
    page = _page(window, "t3", T3_ROW_TOTALS)
    view, report = page.view, window.doc.report
    # A block that stops before the 总计 column, two rows deep: nothing spills over the total into the next row.
    view.select_key("t3.new.research")
    QGuiApplication.clipboard().setText("1\t2\t3\t4\n5\t6\t7\t8\n")
    press(Qt.Key.Key_V, "", Qt.KeyboardModifier.ControlModifier)
    assert [report.cells.get(f"t3.new.{c}") for c in T3_PARTS[2:]] == [1, 2, 3, 4]
    assert [report.cells.get(f"t3.carried_in.{c}") for c in T3_PARTS[2:]] == [5, 6, 7, 8]
    assert report.cells["t3.new.total"] == sum(report.number(f"t3.new.{c}") for c in T3_PARTS)
    # Whole rows copied with their totals: the totals agree with the parts, so the block is taken as it is.
    view.select_key("t3.new.natural")
    QGuiApplication.clipboard().setText("1\t2\t3\t4\t5\t6\t21\n2\t2\t2\t2\t2\t2\t12\n")
    press(Qt.Key.Key_V, "", Qt.KeyboardModifier.ControlModifier)
    assert [report.cells.get(f"t3.new.{c}") for c in T3_ALL] == [1, 2, 3, 4, 5, 6, 21]
    assert [report.cells.get(f"t3.carried_in.{c}") for c in T3_ALL] == [2, 2, 2, 2, 2, 2, 12]
    assert not answers["asked"]


def test_paste_of_a_total_that_does_not_add_up_is_refused_clearly(window, answers):
    page = _page(window, "t3", T3_ROW_TOTALS)
    view, report = page.view, window.doc.report
    before = dict(report.cells)
    view.select_key("t3.new.research")
    QGuiApplication.clipboard().setText("1\t2\t3\t4\t999\n")
    press(Qt.Key.Key_V, "", Qt.KeyboardModifier.ControlModifier)
    assert report.cells == before
    assert answers["asked"] and "总计" in answers["asked"][-1][1] and "999" in answers["asked"][-1][1]


# ----- how the focus looks ------------------------------------------------------------------------------------------

def _cell_colour(view, key: str) -> QColor:
    rect = view.visualRect(view.model().index_of(key))
    return view.viewport().grab().toImage().pixelColor(rect.left() + 5, rect.top() + 5)


def _frame_colour(view) -> QColor:
    return view.grab().toImage().pixelColor(QPoint(0, view.height() // 2))


def _near(a: QColor, b: QColor) -> bool:
    """The same colour give or take the style's shading of a selection."""
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 12


def test_the_selection_looks_inactive_and_the_frame_goes_without_focus(window):
    page = _page(window, "t3")
    view = page.view
    key = "t3.granted.commercial"
    assert view.model().index_of(key).data(Qt.ItemDataRole.BackgroundRole) is None
    view.select_key(key)
    _settle()
    highlight = view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert _near(_cell_colour(view, key), highlight)
    assert _near(_frame_colour(view), highlight)
    page.switches[0][0].setFocus(Qt.FocusReason.TabFocusReason)
    _settle()
    assert _near(_cell_colour(view, key), theme.INACTIVE_SELECTION)
    assert not _near(_frame_colour(view), highlight)
    # Editing keeps the frame: the focus is in the cell's editor, inside the table.
    view.select_key(key, edit=True)
    _settle()
    assert _near(_frame_colour(view), highlight)


def test_enter_at_the_foot_of_a_column_goes_to_the_top_of_the_next(window, qtbot):
    """表四 has one row: 10 Enter 2 Enter puts 10 and 2 in two cells side by side (Enter used to stay put, and the 2
    overwrote the 10). The very last cell's Enter goes back to the first, as Tab does."""
    page = _page(window, "t4")
    view = page.view
    report = window.doc.report
    stops = view._stops()
    view.setCurrentIndex(view.model().index(stops[0].row, stops[0].col))
    view.setFocus()
    qtbot.waitUntil(lambda: _focus_in_table(view))
    first, second = stops[0].key, stops[1].key
    type_text("10")
    enter()
    type_text("2")
    enter()
    _wait_for(qtbot, report, {first: 10, second: 2})
    assert _current_key(view) == stops[2].key
    view.setCurrentIndex(view.model().index(stops[-1].row, stops[-1].col))
    enter()
    qtbot.waitUntil(lambda: _current_key(view) == stops[0].key)
