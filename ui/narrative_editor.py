"""A plain-text editor for one narrative text key that marks numbers contradicting the tables while typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from models.findings import Finding
from ui import theme
from ui.document import ReportDocument


def qt_position(text: str, index: int) -> int:
    """Qt counts UTF-16 code units: a character outside the BMP (𬌗, some rare surnames) counts twice."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def python_position(text: str, position: int) -> int:
    index = units = 0
    while index < len(text) and units < position:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


class NarrativeEditor(QPlainTextEdit):
    def __init__(self, doc: ReportDocument, text_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.text_key = text_key
        self.setPlainText(doc.report.texts.get(text_key, ""))
        self.setTabChangesFocus(True)
        self.setReadOnly(doc.report.read_only)
        self.textChanged.connect(self._store)
        doc.findingsChanged.connect(self.mark_findings)
        self.mark_findings()

    def _store(self) -> None:
        self.doc.set_text(self.text_key, self.toPlainText())

    def findings(self) -> list[Finding]:
        return self.doc.by_text.get(self.text_key, [])

    def mark_findings(self) -> None:
        """Underline every span a finding points at, in its severity's colour."""
        selections = []
        text = self.toPlainText()
        for finding in self.findings():
            span = finding.span
            if span is None or span.end > len(text):
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            start, end = qt_position(text, span.start), qt_position(text, span.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            color = theme.SEVERITY_COLOR[finding.severity]
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(color)
            fmt.setBackground(QColor(color.red(), color.green(), color.blue(), 40))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

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

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.toPlainText()
            position = python_position(text, self.cursorForPosition(event.pos()).position())  # type: ignore
            messages = [f"【{f.severity.label}·{f.rule}】{f.message}" for f in self.findings()
                        if f.span and f.span.start <= position <= f.span.end]
            if messages:
                QToolTip.showText(event.globalPos(), "\n".join(messages), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
