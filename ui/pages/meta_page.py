"""基本信息: agency, year, level, publish date, the deadline, and the report's opening paragraph.

Every edit is an undo step of the document (ui/commands.py): typing in 机关名称 merges into words, an editing
session of 报告年度 / 发布日期 / 公开截止日期 is one step. Ctrl+Z in a field is the window's 撤销 (ui/undo_keys.py);
an undone or redone change shows in its field at once.

机关名称, 报告年度 and 机关层级 are required (rule V-META): their labels carry a red asterisk and an empty one
is tinted. 报告年度 and 发布日期 are text boxes read by models/meta_input.py: blank means not set, anything that is
not a whole year or date is refused with a hint and not stored (the value from before the edit stays).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from models.findings import Finding
from models.format import format2021 as fmt
from models.meta_input import InputRefused, format_date, parse_date, parse_year
from ui import theme
from ui.document import ReportDocument
from ui.narrative_editor import NarrativeEditor
from ui.pages.base import Page
from ui.pages.calendar_button import CalendarButton
from ui.undo_keys import route_undo

ERROR_COLOR = theme.SEVERITY_COLOR["error"].name()
#: The tint of an empty required field: the error colour, very light.
MISSING_BACKGROUND = "#fdecec"
REQUIRED_MARK = f'<span style="color:{ERROR_COLOR}; font-weight:bold">*</span>'
DATE_HINT = "如2025年1月20日、2025-1-20、2025.1.20；未定时留空，Word 落款处的日期留待填写。"


class ParsedField(QObject):
    """A QLineEdit whose text is parsed into a meta value as the clerk types.

    While typing, a text that parses is stored at once (Ctrl+S or a page switch never loses it) and one that does
    not (yet) leaves the value the field had before this edit. When the edit ends (Enter, focus leaves) a refused
    text stays in the box with a red hint saying why and that it was not stored; a good one is shown normalised.
    """

    def __init__(self, edit: QLineEdit, hint: QLabel, *, parse: Callable[[str], Any], show: Callable[[Any], str],
                 current: Callable[[], Any], store: Callable[[Any, object], None], name: str, blank: str,
                 restyle: Callable[[QWidget], None], idle_hint: str = "") -> None:
        super().__init__(edit)
        self.edit, self.hint = edit, hint
        self.parse, self.show, self.current, self._store = parse, show, current, store
        self.name, self.blank, self.restyle, self.idle_hint = name, blank, restyle, idle_hint
        self.before: Any = current()
        self.editing = False
        self.session = 0  # the stores of one editing session are one undo step
        self.refused = ""
        edit.setText(show(self.before) if self.before is not None else "")
        edit.textEdited.connect(self._edited)
        edit.editingFinished.connect(self._finished)
        self._show_hint("")

    def store(self, value: Any) -> None:
        self._store(value, (id(self), self.session) if self.editing else None)

    def _edited(self, text: str) -> None:
        if not self.editing:
            self.editing, self.before = True, self.current()
            self.session += 1
        try:
            value = self.parse(text)
        except InputRefused:
            self.store(self.before)
            self._show_hint("")
            return
        self.store(value)
        self._show_hint("", f"将填写为：{self.show(value)}" if value is not None else "")

    def _finished(self) -> None:
        text = self.edit.text()
        try:
            value = self.parse(text)
        except InputRefused as refused:
            if self.editing:
                self.store(self.before)
            kept = self.current()
            self.editing = False
            still = f"仍为{self.show(kept)}" if kept is not None else f"仍{self.blank}"
            self._show_hint(f"{refused.message}未保存，{self.name}{still}。")
            return
        self.store(value)
        self.editing = False
        shown = self.show(value) if value is not None else ""
        if text != shown:
            self.edit.setText(shown)
        self._show_hint("")

    def sync(self) -> None:
        """The report's value may have changed outside the field (undo, redo): show it, ending the edit in progress.
        A field already showing it (or a refused text over the value it kept) is left as it is."""
        current = self.current()
        try:
            if self.parse(self.edit.text()) == current:
                return
        except InputRefused:
            if self.refused and current == self.before:
                return
        self.editing = False
        self.before = current
        self.edit.setText(self.show(current) if current is not None else "")
        self._show_hint("")

    def pick(self, value: Any) -> None:
        """A value chosen outside the text (the calendar): shown and stored."""
        self.editing = False
        self.edit.setText(self.show(value))
        self.store(value)
        self._show_hint("")

    def _show_hint(self, refused: str, note: str = "") -> None:
        self.refused = refused
        text = refused or note or self.idle_hint
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.hint.setStyleSheet(f"color: {ERROR_COLOR};" if refused else "")
        self.edit.setProperty("refused", bool(refused))
        self.edit.setToolTip(refused)
        self.restyle(self.edit)


class MetaPage(Page):
    key, title = "meta", "基本信息"

    def __init__(self, doc: ReportDocument) -> None:
        super().__init__()
        self.doc = doc
        self._storing = False  # a field of this page is storing its value: no need to show it back
        self._sessions = {"agency": 0}
        meta = doc.report.meta
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.agency = QLineEdit(meta.agency)
        self.agency.setPlaceholderText("必填，例如：某某区人民政府办公室")
        self.agency.textChanged.connect(lambda text: self._store(agency=text.strip(), session=self._session("agency")))
        self.agency.editingFinished.connect(lambda: self._end_session("agency"))
        form.addRow(self._label(fmt.META_AGENCY, "(&M)", self.agency), self.agency)
        self.year = QLineEdit()
        self.year.setPlaceholderText("未填")
        self.year.setMaxLength(8)
        self.year.setFixedWidth(self.year.fontMetrics().horizontalAdvance("0000年度") + 28)
        self.year_hint = _hint_label(self)
        self.year_field = ParsedField(
            self.year, self.year_hint, parse=parse_year, show=str, current=lambda: doc.report.meta.year,
            store=lambda value, session: self._store(year=value, session=session), name="报告年度", blank="未填",
            restyle=self._restyle)
        form.addRow(self._label(fmt.META_YEAR, "(&Y)", self.year), _row(self.year, self.year_hint))
        self.level = QComboBox()
        self.level.addItem("（请选择）", "")
        for level in fmt.LEVELS:
            self.level.addItem(level, level)
        self.level.setCurrentIndex(max(0, self.level.findData(meta.level)))
        self.level.currentIndexChanged.connect(lambda _i: self._store(level=self.level.currentData()))
        form.addRow(self._label(fmt.META_LEVEL, "(&L)", self.level), self.level)
        publish_row = self._publish_row()
        form.addRow(self._label(fmt.META_PUBLISH_DATE, "(&D)", self.publish), publish_row)
        deadline_row = self._deadline_row()
        deadline_label = QLabel("公开截止日期(&Q)：")
        deadline_label.setBuddy(self.deadline)
        self.deadline.setAccessibleName("公开截止日期")
        form.addRow(deadline_label, deadline_row)
        title = QLabel()
        title.setObjectName("hint")
        doc.metaChanged.connect(lambda: title.setText(f"报告标题：{doc.report.title}"))
        title.setText(f"报告标题：{doc.report.title}")
        form.addRow("", title)
        self.layout_.addLayout(form)
        self.layout_.addWidget(QLabel("报告开头说明（可选，如“本报告根据……编制”）："))
        self.preamble = NarrativeEditor(doc, fmt.PREAMBLE_KEY)
        self.preamble.setMaximumHeight(140)
        self.layout_.addWidget(self.preamble)
        self.layout_.addStretch(1)
        doc.metaChanged.connect(self._mark_missing)
        doc.metaChanged.connect(self._show_values)
        self._mark_missing()
        route_undo(doc, self.agency, self.year, self.publish, self.deadline)
        if doc.report.read_only:
            for widget in (self.agency, self.year, self.level, self.publish, self.calendar_button, self.deadline,
                           self.deadline_calendar, self.deadline_reset):
                widget.setEnabled(False)

    # ----- storing and showing ---------------------------------------------------------------------------------

    def _store(self, session: object = None, **fields: object) -> None:
        self._storing = True
        try:
            self.doc.set_meta(session, **fields)
        finally:
            self._storing = False

    def _session(self, name: str) -> tuple[str, int]:
        return (name, self._sessions[name])

    def _end_session(self, name: str) -> None:
        self._sessions[name] += 1

    def _show_values(self) -> None:
        """After an undo or redo: each field shows the report's value (what is being typed is left alone)."""
        if self._storing:
            return
        meta = self.doc.report.meta
        if self.agency.text().strip() != meta.agency:
            self.agency.blockSignals(True)
            self.agency.setText(meta.agency)
            self.agency.blockSignals(False)
            self._end_session("agency")
        self.year_field.sync()
        self.publish_field.sync()
        index = max(0, self.level.findData(meta.level))
        if self.level.currentIndex() != index:
            self.level.blockSignals(True)
            self.level.setCurrentIndex(index)
            self.level.blockSignals(False)

    # ----- required fields --------------------------------------------------------------------------------------

    REQUIRED = (fmt.META_AGENCY, fmt.META_YEAR, fmt.META_LEVEL)

    def _label(self, key: str, mnemonic: str, buddy: QWidget | None) -> QLabel:
        required = key in self.REQUIRED
        label = QLabel(f"{fmt.META_LABELS[key]}{mnemonic}{REQUIRED_MARK if required else ''}：")
        label.setTextFormat(Qt.TextFormat.RichText)
        if buddy is not None:
            label.setBuddy(buddy)
            buddy.setAccessibleName(fmt.META_LABELS[key] + ("（必填）" if required else ""))
        if required:
            label.setToolTip("必填")
        self.labels[key] = label
        return label

    def field_of(self, key: str) -> QWidget | None:
        return {fmt.META_AGENCY: self.agency, fmt.META_YEAR: self.year, fmt.META_LEVEL: self.level,
                fmt.META_PUBLISH_DATE: self.publish}.get(key)

    def missing_fields(self) -> list[str]:
        """The required fields that are empty in the report, as meta keys (what the tint shows)."""
        meta = self.doc.report.meta
        empty = {fmt.META_AGENCY: not meta.agency.strip(), fmt.META_YEAR: not meta.year,
                 fmt.META_LEVEL: meta.level not in fmt.LEVELS}
        return [key for key in self.REQUIRED if empty[key]]

    def _mark_missing(self) -> None:
        missing = self.missing_fields()
        for key in self.REQUIRED:
            widget = self.field_of(key)
            assert widget is not None
            if widget.property("missing") != (key in missing):
                widget.setProperty("missing", key in missing)
                self._restyle(widget)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        """A required field left empty is tinted; a refused text gets a red frame."""
        rules = []
        if widget.property("missing"):
            rules.append(f"background-color: {MISSING_BACKGROUND};")
        if widget.property("refused"):
            rules.append(f"border: 2px solid {ERROR_COLOR};")
        style = f"{type(widget).__name__} {{ {' '.join(rules)} }}" if rules else ""
        if widget.styleSheet() != style:
            widget.setStyleSheet(style)

    # ----- publish date -----------------------------------------------------------------------------------------

    def _publish_row(self) -> QWidget:
        doc = self.doc
        self.publish = _date_box()
        self.publish.setClearButtonEnabled(True)
        self.publish_hint = _hint_label(self)
        self.publish_field = ParsedField(
            self.publish, self.publish_hint, parse=parse_date, show=format_date,
            current=lambda: doc.report.meta.publish_date,
            store=lambda value, session: self._store(publish_date=value, session=session),
            name="发布日期", blank="未定", restyle=self._restyle, idle_hint=DATE_HINT)
        self.calendar_button = CalendarButton("在日历中选择发布日期", self._publish_shown)
        self.calendar_button.picked.connect(self.publish_field.pick)
        return _date_row(self.publish, self.calendar_button, self.publish_hint)

    def _publish_shown(self) -> date:
        """The calendar opens on the date set, or else 1 January of the year after the report."""
        meta = self.doc.report.meta
        return meta.publish_date or (date(meta.year + 1, 1, 1) if meta.year else date.today())

    @property
    def calendar(self) -> QCalendarWidget | None:
        """发布日期's calendar, once opened."""
        return self.calendar_button.calendar

    @property
    def calendar_menu(self) -> QMenu | None:
        return self.calendar_button.menu

    # ----- deadline ---------------------------------------------------------------------------------------------

    def _deadline_row(self) -> QWidget:
        """公开截止日期: a date box like 发布日期 (Tab leaves it, a date reads as typed), showing the clerk's own date
        or else the one the rules set; blank or 按规定日期 goes back to the latter."""
        self.deadline = _date_box()
        self.deadline.setPlaceholderText("填写报告年度后按规定确定")
        self.deadline_hint = _hint_label(self)
        self.deadline_field = ParsedField(
            self.deadline, self.deadline_hint, parse=self._parse_deadline, show=format_date,
            current=self._deadline_date, store=self._store_deadline, name="公开截止日期", blank="按规定",
            restyle=self._restyle)
        # Shown again whenever the report changes, also while another field is typed in (the year and the level set
        # the date the rules give), but not while it is typed in itself.
        self._storing_deadline = False
        self.doc.metaChanged.connect(lambda: None if self._storing_deadline else self.deadline_field.sync())
        self.deadline_calendar = CalendarButton("在日历中选择公开截止日期",
                                                lambda: self._deadline_date() or date.today())
        self.deadline_calendar.picked.connect(self.deadline_field.pick)
        reset = self.deadline_reset = QPushButton("按规定日期")
        reset.setToolTip("县级以上人民政府部门次年1月31日前；县级以上地方人民政府次年3月31日前。乡镇按当地通知，可自行设置。")
        reset.clicked.connect(lambda: self.doc.set_deadline(None))
        row = _date_row(self.deadline, self.deadline_calendar, self.deadline_hint)
        row.layout().insertWidget(2, reset)
        return row

    def _deadline_date(self) -> date | None:
        deadline = self.doc.deadline()
        return date(*deadline) if deadline else None

    def _default_deadline(self) -> date | None:
        year = self.doc.report.meta.year
        return date(*fmt.default_deadline(year, self.doc.report.meta.level)) if year else None

    def _parse_deadline(self, text: str) -> date | None:
        """A blank box is the date the rules set."""
        return parse_date(text) or self._default_deadline()

    def _store_deadline(self, value: date | None, session: object) -> None:
        self._storing_deadline = True
        try:
            self.doc.set_deadline(None if value == self._default_deadline() else value, session)
        finally:
            self._storing_deadline = False

    # ----- findings ---------------------------------------------------------------------------------------------

    def show_finding(self, finding: Finding) -> None:
        if finding.span is not None and finding.span.text_key == fmt.PREAMBLE_KEY:
            self.preamble.show_span(finding)
            return
        field = next((w for key in finding.cells if (w := self.field_of(key)) is not None), self.level)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.selectAll()

    def focus_first(self) -> None:
        self.agency.setFocus()


def _hint_label(parent: QWidget) -> QLabel:
    """A hint under a field; made with its parent, since showing a parentless label would open a window."""
    label = QLabel(parent)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _row(field: QWidget, hint: QLabel) -> QWidget:
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    line.addWidget(hint, 1)
    line.addStretch(0)  # a hidden hint leaves its room empty, not to the buttons
    return row


class _DateBox(QLineEdit):
    """A date field as wide as the longest date in its font (followed when 查看 → 字号 changes it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setPlaceholderText("未定")
        self._fit_width()

    def _fit_width(self) -> None:
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("2025年12月31日") + 48)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()


def _date_box() -> QLineEdit:
    return _DateBox()


def _date_row(box: QLineEdit, calendar: CalendarButton, hint: QLabel) -> QWidget:
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(box)
    line.addWidget(calendar)
    line.addWidget(hint, 1)
    line.addStretch(0)  # a hidden hint leaves its room empty, not to the buttons
    return row
