"""The sidebar: one line per page with a short name and a status icon (told apart without colour), the full title and
the status in the tooltip and accessible text, as wide as its names at any font size, and a visible keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from models.storage.drafts import load_draft
from tests.builders import consistent_report
from ui.document import ReportDocument
from ui.page_status import DONE, IN_PROGRESS, NOT_STARTED, PAGES, PROBLEMS, SHORT_TITLES
from ui.status_icons import status_icon


def rows(sidebar) -> list[tuple[str, str, str, str]]:
    items = [sidebar.item(row) for row in range(sidebar.count())]
    return [(item.text(), item.toolTip(), item.data(Qt.ItemDataRole.AccessibleTextRole),
             item.data(Qt.ItemDataRole.UserRole)) for item in items]


def test_one_line_per_page_with_a_short_name_and_the_full_title_as_tooltip(window, sample_path):
    window.controller.set_document(ReportDocument(load_draft(sample_path)))
    sidebar = window.editor.sidebar
    assert [text for text, *_ in rows(sidebar)] == ["基本信息", "一 总体情况", "二 主动公开", "三 依申请公开",
                                                    "四 复议诉讼", "五 问题改进", "六 其他事项", "检查与导出"]
    for (key, title), (text, tooltip, accessible, status) in zip(PAGES, rows(sidebar), strict=True):
        assert "\n" not in text and text == SHORT_TITLES[key]
        assert tooltip == f"{title}：{status}" and accessible == f"{text}：{status}"
        assert status == window.editor.status_of(key)
    assert "五、存在的主要问题及改进情况" in sidebar.item(5).toolTip()


def test_the_status_icon_follows_the_work(window):
    window.controller.set_document(ReportDocument(consistent_report(5)))
    sidebar, editor = window.editor.sidebar, window.editor
    row = {key: n for n, (key, _title) in enumerate(PAGES)}
    assert editor.status_of("t4") == DONE
    assert image(sidebar.item(row["t4"]).icon()) == image(status_icon(DONE))
    window.doc.set_cells({"t4.review.total": 10**6}, "修改")
    assert editor.status_of("t4") == PROBLEMS
    assert image(sidebar.item(row["t4"]).icon()) == image(status_icon(PROBLEMS))
    window.doc.undo_stack.undo()
    assert editor.status_of("t4") == DONE
    assert image(sidebar.item(row["t4"]).icon()) == image(status_icon(DONE))


def image(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal, grey: bool = False) -> QImage:
    picture = icon.pixmap(QSize(32, 32), 1.0, mode).toImage()
    return picture.convertToFormat(QImage.Format.Format_Grayscale8) if grey else picture


def test_the_four_status_icons_differ_in_shape_not_only_colour(qapp):
    statuses = (NOT_STARTED, IN_PROGRESS, PROBLEMS, DONE)
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
        greys = [image(status_icon(status), mode, grey=True) for status in statuses]
        for i, first in enumerate(greys):
            assert any(first.pixel(x, y) != 0 for x in range(32) for y in range(32)), statuses[i]
            for j in range(i + 1, len(greys)):
                differ = sum(1 for x in range(32) for y in range(32)
                             if abs(first.pixelColor(x, y).value() - greys[j].pixelColor(x, y).value()) > 60
                             or first.pixelColor(x, y).alpha() != greys[j].pixelColor(x, y).alpha())
                assert differ > 40, (statuses[i], statuses[j], mode)


def test_the_sidebar_is_as_wide_as_its_names_at_any_font_size(window, qtbot, sample_path, chinese_font):
    window.resize(1366, 768)
    window.controller.set_document(ReportDocument(load_draft(sample_path)))
    sidebar = window.editor.sidebar
    widths = []
    for points in (11, 16, 22):
        font = sidebar.font()
        font.setPointSize(points)
        sidebar.setFont(font)
        qtbot.waitUntil(lambda: sidebar.width() >= sidebar.sizeHintForColumn(0))
        widths.append(sidebar.width())
        assert not sidebar.horizontalScrollBar().isVisible()
        for row in range(sidebar.count()):
            rect = sidebar.visualRect(sidebar.model().index(row, 0))
            assert rect.width() >= sidebar.sizeHintForColumn(0), (points, row)
            assert rect.height() < 2.2 * sidebar.fontMetrics().height(), (points, row)  # one line, not wrapped
    assert widths[0] < 200 < widths[2]  # no fixed 230 px: narrow at the usual size, wider with a larger font


def test_the_sidebar_shows_where_the_keyboard_is(window, qtbot, sample_path):
    window.controller.set_document(ReportDocument(load_draft(sample_path)))
    sidebar = window.editor.sidebar
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.editor.next.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.next)
    elsewhere = sidebar.grab().toImage()
    sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: sidebar.hasFocus())
    focused = sidebar.grab().toImage()
    frame = [(x, y) for x in range(sidebar.width()) for y in (0, 1, sidebar.height() // 2)] + \
        [(x, y) for x in (0, 1) for y in range(sidebar.height())]
    assert sum(1 for x, y in frame if elsewhere.pixel(x, y) != focused.pixel(x, y)) > sidebar.height()
    current = sidebar.visualRect(sidebar.currentIndex())
    inside = [(x, current.top() + 1) for x in range(current.left() + 4, current.right() - 4)]
    assert any(elsewhere.pixel(x, y) != focused.pixel(x, y) for x, y in inside)  # the current row is outlined


def post_key(key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def test_arrow_keys_go_through_the_pages_and_enter_goes_into_one(window, qtbot, sample_path):
    window.controller.set_document(ReportDocument(load_draft(sample_path)))
    editor, sidebar = window.editor, window.editor.sidebar
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    sidebar.setFocus(Qt.FocusReason.BacktabFocusReason)  # Shift+Tab from the page
    qtbot.waitUntil(sidebar.hasFocus)
    for key in ("s1", "t2", "t3"):
        post_key(Qt.Key.Key_Down)
        qtbot.waitUntil(lambda key=key: editor.current_key == key)
        assert sidebar.hasFocus()  # the keyboard stays in the sidebar, its focus shown
    post_key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.pages["t3"].view)  # into the page


def test_a_click_in_the_sidebar_puts_the_keyboard_in_the_page(window, qtbot, sample_path):
    window.controller.set_document(ReportDocument(load_draft(sample_path)))
    editor, sidebar = window.editor, window.editor.sidebar
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    row = [key for key, _title in PAGES].index("t4")
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualRect(sidebar.model().index(row, 0)).center())
    qtbot.waitUntil(lambda: editor.current_key == "t4")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.pages["t4"].view)


def test_pages_passed_over_with_the_arrow_keys_keep_their_blanks_as_not_yet_filled(window, qtbot):
    """Arrowing through the sidebar only glances at the pages: their blank cells stay 未填, not a sea of errors;
    a page the clerk goes into (Enter) and then leaves counts as left, as with 下一步."""
    window.controller.new_report()
    editor, sidebar = window.editor, window.editor.sidebar
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    errors = lambda: sum(1 for f in window.doc.findings if f.severity.value == "error")  # noqa: E731
    sidebar.setFocus(Qt.FocusReason.BacktabFocusReason)
    qtbot.waitUntil(sidebar.hasFocus)
    post_key(Qt.Key.Key_Down)  # 基本信息, where the new report put the clerk, is left: its blanks count from now
    qtbot.waitUntil(lambda: editor.current_key == "s1")
    before = errors()
    for key in ("t2", "t3", "t4"):
        post_key(Qt.Key.Key_Down)
        qtbot.waitUntil(lambda key=key: editor.current_key == key)
    assert errors() == before
    post_key(Qt.Key.Key_Return)  # into 表四
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.pages["t4"].view)
    editor.go_to("s5")
    qtbot.waitUntil(lambda: errors() > before)  # 表四's blanks are errors now; 表二 and 表三's are not
    assert not any(c.startswith(("t2.", "t3.")) for f in window.doc.findings if f.severity.value == "error"
                   for c in f.cells)
