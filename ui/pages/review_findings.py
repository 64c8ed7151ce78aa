"""The findings of 检查与导出, one under another: each a wrapped line the keyboard reaches (Enter goes to it), and
under each warning a multi-line 说明 box in the Tab order (Tab leaves the box, it types no tab).

Widgets are kept by fingerprint across re-checks, so a box being typed in keeps its cursor and focus when the findings
change around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from models.findings import Finding, Severity
from models.rules.rule_set import rule_name
from ui import theme

NOTE_HINT = "如确属正常情况，请写明原因（说明会保存在草稿中，并列入自查清单）"
NOTE_LINES = 3  # the height of a 说明 box, in lines; a longer note scrolls inside it
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
# A finding line with the keyboard on it: a 2 px frame and a pale ground (the thin dotted focus rect is easy to miss).
STYLE = ("QLabel#finding { padding: 3px 4px; border: 2px solid transparent; }"
         f"QLabel#finding:focus {{ border: 2px solid #1d4f91; background: {theme.LABEL_BACKGROUND.name()}; }}"
         "QLabel#findingGroup { font-weight: bold; padding-top: 6px; }")


class FindingLine(QLabel):
    """One finding, wrapped: Enter, Space or a double click go to where it can be fixed."""

    activated = Signal(object)  # Finding

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finding")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_finding(finding)

    def show_finding(self, finding: Finding) -> None:
        self.finding = finding
        name = rule_name(finding.rule)
        # The name first, unless the message already begins with it (落款日期未定：落款日期未定…).
        text = finding.message if finding.message.startswith(name) else f"{name}：{finding.message}"
        if self.text() != text:
            self.setText(text)
        self.setToolTip(f"{finding.message}\n（规则 {finding.rule}）\n按回车键或双击转到此处")
        self.setAccessibleName(f"{finding.severity.label}：{text}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ACTIVATE_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            self.activated.emit(self.finding)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.finding)


class NoteBox(QPlainTextEdit):
    """The 说明 of one warning: a few lines, Tab moves on. Keeps its own undo, as the note is not an undo step of the
    report (ui/document.py set_note)."""

    def __init__(self, finding: Finding, note: str, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fingerprint = finding.fingerprint
        self.setTabChangesFocus(True)
        self.setPlaceholderText(NOTE_HINT)
        self.setPlainText(note)
        self.setReadOnly(read_only)
        self.setAccessibleName(f"说明：{finding.message}")
        self._fit_height()

    def _fit_height(self) -> None:
        """NOTE_LINES lines of its font (followed when 查看 → 字号 changes it)."""
        margins = self.contentsMargins()
        height = (self.fontMetrics().lineSpacing() * NOTE_LINES + 2 * self.document().documentMargin()
                  + margins.top() + margins.bottom() + 2)
        self.setFixedHeight(round(height))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:  # the whole box in sight when Tab comes into it, not only its top line
            parent.ensureWidgetVisible(self, 0, 8)


class FindingsList(QWidget):
    """Every finding grouped by severity (错误, 警告, 提示), in the order given."""

    activated = Signal(object)  # Finding
    noteEdited = Signal(str, str)  # fingerprint, the note as typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.setSpacing(2)
        self.headings: dict[Severity, QLabel] = {}
        self.lines: dict[str, FindingLine] = {}
        self.boxes: dict[str, NoteBox] = {}
        self.shown: list[Finding] = []

    def show_findings(self, findings: list[Finding], notes: dict[str, str], read_only: bool) -> None:
        """Show `findings`, keeping the widgets of those already shown; a box not being typed in shows the note."""
        if [_identity(f) for f in findings] == [_identity(f) for f in self.shown]:
            self._update(findings)
            return
        self.shown = list(findings)
        old_lines, old_boxes = self.lines, self.boxes
        self.lines, self.boxes = {}, {}
        while self.layout_.count():
            self.layout_.takeAt(0)
        for severity in Severity:
            group = [f for f in findings if f.severity is severity]
            heading = self.headings.get(severity)
            if not group:
                if heading is not None:
                    heading.hide()
                continue
            if heading is None:
                heading = self.headings[severity] = QLabel(self)
                heading.setObjectName("findingGroup")
                heading.setStyleSheet(f"color: {theme.SEVERITY_COLOR[severity].name()};")
            heading.setText(f"{severity.label}（{len(group)}）")
            heading.show()
            self.layout_.addWidget(heading)
            for finding in group:
                if finding.fingerprint not in self.lines:  # the same finding twice is shown once
                    self._add(finding, old_lines, old_boxes, notes, read_only)
        self.layout_.addStretch(1)
        for widget in [*old_lines.values(), *old_boxes.values()]:
            widget.hide()
            widget.deleteLater()

    def _add(self, finding: Finding, old_lines: dict[str, FindingLine], old_boxes: dict[str, NoteBox],
             notes: dict[str, str], read_only: bool) -> None:
        key = finding.fingerprint
        line = old_lines.pop(key, None)
        if line is None:
            line = FindingLine(finding, self)
            line.activated.connect(self.activated)
        else:
            line.show_finding(finding)
        self.lines[key] = line
        self.layout_.addWidget(line)
        line.show()
        if finding.severity is not Severity.WARNING:
            return
        box = old_boxes.pop(key, None)
        if box is None:
            box = NoteBox(finding, notes.get(key, ""), read_only, self)
            box.textChanged.connect(lambda box=box: self.noteEdited.emit(box.fingerprint, box.toPlainText()))
        elif not box.hasFocus() and box.toPlainText().strip() != notes.get(key, ""):
            box.setPlainText(notes.get(key, ""))
        self.boxes[key] = box
        self.layout_.addWidget(box)
        box.show()

    def _update(self, findings: list[Finding]) -> None:
        for finding in findings:
            line = self.lines.get(finding.fingerprint)
            if line is not None and line.finding is not finding:
                line.show_finding(finding)
        self.shown = list(findings)

    def focus_order(self) -> list[QWidget]:
        """The lines and boxes as they stand, top to bottom: the Tab order."""
        order = []
        for index in range(self.layout_.count()):
            widget = self.layout_.itemAt(index).widget()
            if isinstance(widget, FindingLine | NoteBox):
                order.append(widget)
        return order


def _identity(finding: Finding) -> tuple[str, Severity]:
    return finding.fingerprint, finding.severity
