"""A plain-text editor for one narrative text key that marks numbers contradicting the tables while typing.

The editor keeps no undo history of its own: each change is an undo step of the document (typing merged into
words, ui/commands.py), and Ctrl+Z in the editor is the window's 撤销 (ui/undo_keys.py). An undone or redone change
is put back into the editor where it happened, the cursor after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from models.findings import Finding, Severity
from models.rules.rule_set import rule_name
from models.tools import carried_text
from ui import theme
from ui.commands import diff
from ui.document import ReportDocument
from ui.text_marks import TextMarks, drawn
from ui.undo_keys import route_undo

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def astral_indexes(text: str) -> list[int]:
    """Where `text` has characters outside the BMP (𬌗, some rare surnames): Qt counts each of them twice."""
    return [m.start() for m in _ASTRAL.finditer(text)]


def qt_position(text: str, index: int, astral: list[int] | None = None) -> int:
    """Qt counts UTF-16 code units: a character outside the BMP counts twice (`astral`: astral_indexes(text))."""
    return index + bisect_left(astral_indexes(text) if astral is None else astral, index)


def _from_qt(position: int, astral: list[int]) -> int:
    """The index in the text of Qt's `position` (`astral`: astral_indexes of the text)."""
    shift = 0
    for index in astral:
        if index + shift >= position:
            break
        shift += 1
    return position - shift


def python_position(text: str, position: int) -> int:
    index = units = 0
    while index < len(text) and units < position:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


CONFIRM_SHORTCUT = "Ctrl+Return"


class CarriedBar(QFrame):
    """Above a paragraph carried over from last year: 以下为2024年度原文，请修改或确认。 and a 确认沿用 button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("carriedBar")
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#carriedBar {{ background: {theme.CARRIED_BACKGROUND.name()};"
                           f" border-bottom: 1px solid {theme.CARRIED_BORDER.name()}; }}")
        self.label = QLabel()
        self.button = QPushButton("确认沿用")
        self.button.setToolTip(f"本年情况与上年相同，保留这段文字（{CONFIRM_SHORTCUT.replace('Return', 'Enter')}）。"
                               "修改这段文字也会去掉此提示。")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 2, 2)
        row.addWidget(QLabel("↺"))
        row.addWidget(self.label, 1)
        row.addWidget(self.button)


class NarrativeEditor(QPlainTextEdit):
    def __init__(self, doc: ReportDocument, text_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.text_key = text_key
        self.setPlainText(doc.report.texts.get(text_key, ""))
        self.setTabChangesFocus(True)
        self.setReadOnly(doc.report.read_only)
        self.carried_bar = CarriedBar(self)
        self.carried_bar.button.clicked.connect(self.confirm_carried)
        confirm = QAction("确认沿用上年度原文", self)
        confirm.setShortcut(QKeySequence(CONFIRM_SHORTCUT))
        confirm.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        confirm.triggered.connect(self.confirm_carried)
        self.addAction(confirm)
        self._min_lines = 0  # grow_with_text: as tall as the text, at least this many lines (0: a fixed size)
        self._fill = False  # grow_with_text: and as tall as the page has room for
        self.marks = TextMarks(self.document())
        self._storing = False  # this editor's own change on its way to the document
        route_undo(doc, self)
        self.textChanged.connect(self._store)
        doc.textChanged.connect(self._show_text)
        doc.findingsChanged.connect(self.mark_findings)
        doc.carriedChanged.connect(lambda key: key == text_key and self.update_carried())
        self.mark_findings()
        self.update_carried()

    def _store(self) -> None:
        if self._storing:
            return
        self._storing = True
        try:
            self.doc.set_text(self.text_key, self.toPlainText())
        finally:
            self._storing = False
        self.update_carried()

    def _show_text(self, key: str) -> None:
        """The document's text changed by an undo or redo: make the same change here (not a new text: the marks
        and the scroll position stay where they are), the cursor after it."""
        if key != self.text_key or self._storing:
            return
        before, after = self.toPlainText(), self.doc.report.texts.get(self.text_key, "")
        if before == after:
            return
        change = diff(before, after)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_position(before, change.start))
        cursor.setPosition(qt_position(before, change.start + len(change.removed)), QTextCursor.MoveMode.KeepAnchor)
        self._storing = True
        try:
            cursor.insertText(change.inserted)
        finally:
            self._storing = False
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.update_carried()

    # ----- last year's text -----------------------------------------------------------------------------------

    def is_carried(self) -> bool:
        return carried_text.is_unconfirmed(self.doc.report, self.text_key)

    def confirm_carried(self) -> None:
        if self.is_carried() and not self.isReadOnly():
            self.doc.confirm_text(self.text_key)

    def update_carried(self) -> None:
        """Show the bar while the text is last year's, neither edited nor confirmed."""
        carried = self.is_carried()
        if carried:
            self.carried_bar.label.setText(carried_text.mark_text(self.doc.report, self.text_key))
            self.carried_bar.button.setEnabled(not self.isReadOnly())
        self.carried_bar.setHidden(not carried)
        self.setViewportMargins(0, self.carried_bar.sizeHint().height() if carried else 0, 0, 0)
        self._place_bar()
        self._fit_height()

    # ----- as tall as its text -----------------------------------------------------------------------------------

    def grow_with_text(self, min_lines: int, fill: bool = False) -> None:
        """Be as tall as the text (at least `min_lines` lines; with `fill`, taller where the page has room) and never
        scroll: the page around the editor scrolls, one scroll bar per page, and keeps the cursor in sight."""
        self._min_lines, self._fill = min_lines, fill
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        vertical = QSizePolicy.Policy.Expanding if fill else QSizePolicy.Policy.Fixed
        self.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        self.textChanged.connect(self._fit_height)
        self.cursorPositionChanged.connect(lambda: self.reveal_cursor())
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(self._reveal_now)
        self._fit_height()

    def text_height(self) -> int:
        """The height of the text as laid out at the editor's width, in pixels."""
        layout = self.document().documentLayout()
        block, height = self.document().begin(), 0.0
        while block.isValid():
            height += layout.blockBoundingRect(block).height()
            block = block.next()
        return int(height + 2 * self.document().documentMargin() + 0.999)

    def _fit_height(self) -> None:
        if not self._min_lines:
            return
        line = self.fontMetrics().lineSpacing()
        text = max(self.text_height(), self._min_lines * line + 2 * int(self.document().documentMargin()))
        bar = self.carried_bar.sizeHint().height() if not self.carried_bar.isHidden() else 0
        height = text + bar + 2 * self.frameWidth() + line // 2  # room to spare: the editor's own range stays 0
        if self._fill:
            self.setMinimumHeight(height)
        elif height != self.height() or height != self.minimumHeight():
            self.setFixedHeight(height)

    def reveal_cursor(self, always: bool = False) -> None:
        """Scroll the page so that the cursor is in sight (the editor shows all its text and does not scroll) once
        the page is laid out again (the editor may just have grown): while the clerk types, or `always`."""
        if self._min_lines and (always or self.hasFocus()):
            self._reveal_timer.start()

    def _reveal_now(self) -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the page's new height, its scroll range
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is None or parent.widget() is None:
            return
        rect = self.cursorRect()
        point = self.viewport().mapTo(parent.widget(), rect.center())
        parent.ensureVisible(point.x(), point.y(), 0, rect.height() * 2)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.reveal_cursor()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()

    def _place_bar(self) -> None:
        frame = self.frameWidth()
        self.carried_bar.setGeometry(frame, frame, self.width() - 2 * frame, self.carried_bar.sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_bar()
        if event.oldSize().width() != event.size().width():
            self._fit_height()  # narrower (a scroll bar came to the page): more lines, a taller editor
        if event.oldSize().width() != event.size().width():
            self._fit_height()  # the text wraps into more or fewer lines

    def findings(self) -> list[Finding]:
        return self.doc.by_text.get(self.text_key, [])

    def mark_findings(self) -> None:
        """Underline every span a finding points at, in its severity's colour (redoing only what changed: typing
        moves the underlines along with the text, so most re-checks find them already in place)."""
        text = self.toPlainText()
        astral = astral_indexes(text)
        self.marks.set_marks([(qt_position(text, f.span.start, astral), qt_position(text, f.span.end, astral),
                               f.severity) for f in self.findings() if f.span is not None and f.span.end <= len(text)])

    def underlined(self) -> list[tuple[int, int, Severity]]:
        """(start, end, severity) of each underline as drawn, in positions of the text (for checks)."""
        text = self.toPlainText()
        astral = astral_indexes(text)
        return [(_from_qt(start, astral), _from_qt(end, astral), severity)
                for start, end, severity in drawn(self.document())]

    def show_span(self, finding: Finding) -> None:
        if finding.span is None:
            return
        text = self.toPlainText()
        cursor = self.textCursor()
        cursor.setPosition(qt_position(text, min(finding.span.start, len(text))))
        cursor.setPosition(qt_position(text, min(finding.span.end, len(text))), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureCursorVisible()
        self.reveal_cursor(always=True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.toPlainText()
            position = python_position(text, self.cursorForPosition(event.pos()).position())  # type: ignore
            messages = [f"【{f.severity.label}·{rule_name(f.rule)}】{f.message}（{f.rule}）" for f in self.findings()
                        if f.span and f.span.start <= position <= f.span.end]
            if messages:
                QToolTip.showText(event.globalPos(), "\n".join(messages), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
