"""Narrative pages 一, 五, 六: one editor per conventional sub-heading, each with a one-line hint.

A sub-heading shows as the report words it: the clerk's own wording kept from an imported Word report (`（一）存在的主要
问题：`), with a 恢复规范标题 button beside it that restores the official heading (an undo step), or the official one.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.findings import Finding
from models.format import format2021 as fmt
from models.format.narrative import IncompleteTable, requests_paragraph
from ui.document import ReportDocument
from ui.narrative_editor import NarrativeEditor
from ui.pages.base import Page

INTRO_HINT = "开头段落（可选）：本部分的总体概述。"
RESTORE_HEADING = "恢复规范标题"
# The lines each editor shows at least (it grows with its text): the optional opening, a sub-heading's text, a
# section's only text.
INTRO_LINES, TEXT_LINES, SECTION_LINES = 2, 5, 12
SECTION_HINTS = {
    "s6": "信息处理费的收取情况（按国办函〔2020〕109号），以及贯彻落实政务公开工作要点等其他需要报告的事项。",
}


class NarrativePage(Page):
    def __init__(self, doc: ReportDocument, section_key: str) -> None:
        self.section = fmt.SECTION_BY_KEY[section_key]
        self.key, self.title = section_key, self.section.heading
        super().__init__()
        self.doc = doc
        self.editors: dict[str, NarrativeEditor] = {}
        self.headings: dict[str, QLabel] = {}  # sub-heading text key → its label
        self.restore_buttons: dict[str, QPushButton] = {}
        # One scroll bar for the page: the editors are as tall as their texts and do not scroll themselves.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the texts wrap
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        if self.section.subheadings:
            self._add_editor(column, self.section.intro_key, "开头", INTRO_HINT, lines=INTRO_LINES)
            for sub in self.section.subheadings:
                self._add_editor(column, sub.key, doc.report.heading(sub.key), sub.hint)
            column.addStretch(1)
        else:  # the page's only text fills the page
            self._add_editor(column, self.section.key, "", SECTION_HINTS.get(section_key, ""), lines=SECTION_LINES)
        self.scroll.setWidget(body)
        self.layout_.addWidget(self.scroll)
        doc.headingChanged.connect(self._show_heading)

    def _add_editor(self, column: QVBoxLayout, text_key: str, heading: str, hint: str, lines: int = TEXT_LINES) -> None:
        row = QHBoxLayout()
        if heading:
            title = QLabel(f"<b>{escape(heading)}</b>")
            row.addWidget(title)
            if text_key in fmt.SUBHEADING_BY_KEY:
                self._add_restore(row, text_key, title)
        note = QLabel(hint)
        note.setObjectName("hint")
        note.setWordWrap(True)
        row.addWidget(note, 1)
        editor = NarrativeEditor(self.doc, text_key)
        editor.grow_with_text(lines, fill=not self.section.subheadings)
        editor.setAccessibleName(heading or self.section.heading)
        if text_key == "s1.requests":
            button = QPushButton("插入依申请公开段落（根据表三生成）(&A)")
            button.setToolTip("按表三的数字生成“本年新收…件，其中…；上年结转…件；办结…件…；结转下年度…件”，插入到光标处。")
            button.clicked.connect(lambda: self.insert_requests_paragraph(editor))
            button.setEnabled(not self.doc.report.read_only)
            row.addWidget(button)
        column.addLayout(row)
        column.addWidget(editor)
        self.editors[text_key] = editor
        if text_key in self.headings:
            self._show_heading(text_key)

    def _add_restore(self, row: QHBoxLayout, key: str, title: QLabel) -> None:
        """The 恢复规范标题 button of sub-heading `key`, shown while the report words it the clerk's way."""
        official = fmt.SUBHEADING_BY_KEY[key].heading
        button = QPushButton(RESTORE_HEADING)
        button.setToolTip(f"改用规范的小标题“{official}”（导出的 Word 文件也随之改用）；可以撤销。")
        button.setAccessibleName(f"{RESTORE_HEADING}“{official}”")
        button.setEnabled(not self.doc.report.read_only)
        button.clicked.connect(lambda: self.restore_heading(key))
        row.addWidget(button)
        self.headings[key], self.restore_buttons[key] = title, button

    def restore_heading(self, key: str) -> None:
        """Word sub-heading `key` officially again; the keyboard focus goes on to its text."""
        self.doc.set_heading(key, "")
        if self.restore_buttons[key].isHidden() and key in self.editors:
            self.editors[key].setFocus()

    def _show_heading(self, key: str) -> None:
        """Show sub-heading `key` as the report words it now."""
        if key not in self.headings:
            return
        wording, official = self.doc.report.heading(key), fmt.SUBHEADING_BY_KEY[key].heading
        title = self.headings[key]
        title.setText(f"<b>{escape(wording)}</b>")
        own = wording != official
        title.setToolTip(f"小标题按原文保留；规范的写法为“{official}”。" if own else "")
        self.restore_buttons[key].setHidden(not own)
        if key in self.editors:
            self.editors[key].setAccessibleName(wording)

    def insert_requests_paragraph(self, editor: NarrativeEditor) -> bool:
        if editor.isReadOnly():
            return False
        try:
            paragraph = requests_paragraph(self.doc.report)
        except IncompleteTable as exc:
            QMessageBox.information(self, "表三尚未填完", str(exc))
            return False
        cursor = editor.textCursor()
        if not editor.hasFocus() and not cursor.hasSelection():
            cursor.movePosition(cursor.MoveOperation.End)  # the button took the focus: add at the end
        before = editor.toPlainText()[:cursor.position()]
        if before and not before.endswith("\n"):
            paragraph = "\n" + paragraph
        cursor.insertText(paragraph)
        editor.setTextCursor(cursor)
        return True

    def show_finding(self, finding: Finding) -> None:
        if finding.span and finding.span.text_key in self.editors:
            self.editors[finding.span.text_key].show_span(finding)
        elif self.editors:
            self.focus_first()  # e.g. W-3 (五 is empty): the first sub-heading, not the optional opening

    def focus_first(self) -> None:
        keys = list(self.editors)
        target = keys[1] if len(keys) > 1 else keys[0]
        self.editors[target].setFocus()
