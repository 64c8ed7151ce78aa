"""表三 on an office laptop: at 1366x768 it shows its column headings and at least 12 rows of numbers; after a jump
to a lower cell the headings (自然人…总计) and the corner are still on screen; a larger application font lays the
table out again with no label cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QTableView

from models.storage import settings
from tests.builders import consistent_report
from ui import font_size, theme
from ui.document import ReportDocument

#: A maximised window on a 1366x768 Windows laptop: the taskbar (40 px) and the title bar (31 px) off the height,
#: and the findings panel as its one-line bar (36 px).
WINDOW_1366 = (1366, 768 - 40 - 31 - 36)


def _table_three(window, size: tuple[int, int] = WINDOW_1366):
    window.controller.set_document(ReportDocument(consistent_report(1)))
    window.ensure_menus()
    window.findings.hide()  # stands for the one-line bar: its 36 px are off the window's height above
    window.resize(*size)
    page = window.editor.go_to("t3")
    QApplication.processEvents()
    return page.view


def _shown_by(view: QTableView, row: int, col: int) -> tuple[QTableView, QRect]:
    """The view (the table or one of its frozen parts) that draws the cell at (row, col), and where, in `view`'s
    coordinates."""
    for candidate in [view, *view.findChildren(QTableView)]:
        if candidate.isVisible() and not candidate.isRowHidden(row) and not candidate.isColumnHidden(col):
            rect = candidate.visualRect(candidate.model().index(row, col))
            if rect.isValid():
                top_left = candidate.viewport().mapTo(view, rect.topLeft())
                return candidate, QRect(top_left, rect.size())
    raise AssertionError(f"no view shows ({row}, {col})")


def _on_screen(view: QTableView, rect: QRect) -> bool:
    inside = view.rect().adjusted(view.frameWidth(), view.frameWidth(), -view.frameWidth(), -view.frameWidth())
    return inside.contains(rect)


def _number_rows_fully_shown(view: QTableView) -> list[int]:
    grid = view.model().grid
    area = view.viewport().geometry()
    rows = []
    for row in range(grid.header_rows, grid.rows):
        rect = view.visualRect(view.model().index(row, grid.label_columns))
        rect.translate(area.topLeft())
        if rect.isValid() and area.contains(rect) and view.rowHeight(row) > 0:
            rows.append(row)
    return rows


def test_table_three_shows_its_headings_and_twelve_rows_at_1366x768(window):
    view = _table_three(window)
    assert view.window().height() == WINDOW_1366[1]
    rows = _number_rows_fully_shown(view)
    assert len(rows) >= 12, rows
    grid = view.model().grid
    for cell in grid.cells:
        if cell.header:  # 申请人情况, 自然人 … 总计 and the corner
            _pane, rect = _shown_by(view, cell.row, cell.col)
            assert _on_screen(view, rect), cell.text


def test_the_headings_and_the_corner_stay_after_a_jump_to_a_lower_cell(window, qtbot):
    view = _table_three(window)
    view.select_key("t3.carried_out.total", edit=True)   # 四、结转下年度继续办理 · 总计, at the foot
    QApplication.processEvents()
    assert view.verticalScrollBar().value() > 0
    grid = view.model().grid
    headings = {cell.text: cell for cell in grid.cells if cell.header}
    for text in ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业", "总计"):
        cell = headings[text]
        _pane, rect = _shown_by(view, cell.row, cell.col)
        assert _on_screen(view, rect), text
        image = view.grab().toImage()
        assert image.pixelColor(rect.center().x(), rect.top() + 3) == theme.HEADER_BACKGROUND, text
    # The cell jumped to is in full view below the headings, not under them.
    current = view.visualRect(view.currentIndex()).translated(view.viewport().geometry().topLeft())
    _pane, natural = _shown_by(view, headings["自然人"].row, headings["自然人"].col)
    assert current.top() >= natural.bottom() and _on_screen(view, current)
    assert view.indexWidget(view.currentIndex()) is not None   # its editor is open, in view


def test_no_grid_ticks_over_merged_headings(window):
    """Qt's grid leaves a 1-pixel tick of each column's line at the top of a cell merged over those columns."""
    view = _table_three(window)
    grid = view.model().grid
    merged = next(cell for cell in grid.cells if cell.text == "申请人情况")
    pane, rect = _shown_by(view, merged.row, merged.col)
    image: QImage = view.grab().toImage()
    top = rect.top()
    background = theme.HEADER_BACKGROUND
    stray = [x for x in range(rect.left() + 1, rect.right() - 1)
             for y in (top, top + 1) if image.pixelColor(x, y) != background]
    assert stray == []
    assert pane is not None


def test_the_labels_and_the_numbers_are_parted_by_a_grid_line(window):
    """The line between the row labels (and the corner) and the first column of numbers is drawn in full."""
    view = _table_three(window)
    _pane, natural = _shown_by(view, 1, 3)        # 自然人
    _pane, first = _shown_by(view, 3, 3)          # its first number
    image = view.grab().toImage()
    grid = QColor("#9aa5b1")
    for rect in (natural, first):
        y = rect.center().y()
        assert grid.name() in {image.pixelColor(x, y).name() for x in range(rect.left() - 2, rect.left() + 1)}, rect


@pytest.fixture
def app_font():
    """The application's text size, back to 标准 after the test (查看 → 字号 changes it)."""
    yield QApplication.instance()
    font_size.apply(font_size.STANDARD)
    QApplication.processEvents()


def _clipped_labels(view: QTableView) -> list[str]:
    clipped = []
    for cell in view.model().grid.cells:
        if not cell.text:
            continue
        pane, rect = _shown_by(view, cell.row, cell.col)
        font = pane.model().index(cell.row, cell.col).data(Qt.ItemDataRole.FontRole) or pane.font()
        metrics = QFontMetrics(font)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 6, 100_000), flags, cell.text)
        if needed.height() > rect.height() or needed.width() > rect.width() - 6:
            clipped.append(cell.text)
    return clipped


def test_a_larger_application_font_lays_the_table_out_again(window, app_font):
    view = _table_three(window, (1920, 1080))
    before = view.fontMetrics().lineSpacing()
    row = view.model().index_of("t3.new.natural").row()
    height, width = view.rowHeight(row), view.columnWidth(view.model().index_of("t3.new.natural").column())
    assert _clipped_labels(view) == []
    for size in settings.FONT_SIZES[1:]:  # 大, 特大: as 查看 → 字号 sets them
        font_size.apply(size)
        QApplication.processEvents()
        assert view.font().pointSizeF() == font_size.POINTS[size]
        assert view.fontMetrics().lineSpacing() > before
        assert _clipped_labels(view) == [], size
    column = view.model().index_of("t3.new.natural").column()
    assert view.rowHeight(row) > height and view.columnWidth(column) > width
    # 自然人 is still where the clerk reads it, above its column.
    _pane, rect = _shown_by(view, 1, column)
    assert _on_screen(view, rect)
    assert rect.contains(QPoint(rect.center().x(), rect.top() + 2))
