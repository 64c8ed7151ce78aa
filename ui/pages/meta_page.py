"""基本信息: agency, year, level, publish date, the deadline, and the report's opening paragraph."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from models import format2021 as fmt
from models.findings import Finding
from ui.document import ReportDocument
from ui.narrative_editor import NarrativeEditor
from ui.pages.base import Page


class MetaPage(Page):
    key, title = "meta", "基本信息"

    def __init__(self, doc: ReportDocument) -> None:
        super().__init__()
        self.doc = doc
        meta = doc.report.meta
        form = QFormLayout()
        self.agency = QLineEdit(meta.agency)
        self.agency.setPlaceholderText("例如：某某区人民政府办公室")
        self.agency.textChanged.connect(lambda text: doc.set_meta(agency=text.strip()))
        form.addRow("机关名称(&N)：", self.agency)
        self.year = QSpinBox()
        self.year.setRange(2021, 2100)
        self.year.setValue(meta.year or date.today().year - 1)
        self.year.valueChanged.connect(lambda value: doc.set_meta(year=value))
        form.addRow("报告年度(&Y)：", self.year)
        self.level = QComboBox()
        self.level.addItem("（请选择）", "")
        for level in fmt.LEVELS:
            self.level.addItem(level, level)
        self.level.setCurrentIndex(max(0, self.level.findData(meta.level)))
        self.level.currentIndexChanged.connect(lambda _i: doc.set_meta(level=self.level.currentData()))
        form.addRow("机关层级(&L)：", self.level)
        form.addRow("发布日期(&D)：", self._publish_row())
        form.addRow("公开截止日期：", self._deadline_row())
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
        if doc.report.read_only:
            for widget in (self.agency, self.year, self.level, self.publish, self.undecided, self.deadline):
                widget.setEnabled(False)

    def _publish_row(self) -> QWidget:
        meta = self.doc.report.meta
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.undecided = QCheckBox("未定")
        self.publish = QDateEdit()
        self.publish.setCalendarPopup(True)
        self.publish.setDisplayFormat("yyyy年M月d日")
        self.publish.setDate(_qdate(meta.publish_date) if meta.publish_date else QDate.currentDate())
        self.undecided.setChecked(meta.publish_date is None)
        self.publish.setEnabled(meta.publish_date is not None)
        self.undecided.toggled.connect(self._store_publish)
        self.publish.dateChanged.connect(self._store_publish)
        line.addWidget(self.publish)
        line.addWidget(self.undecided)
        line.addStretch(1)
        return row

    def _store_publish(self) -> None:
        self.publish.setEnabled(not self.undecided.isChecked())
        value = None if self.undecided.isChecked() else self.publish.date().toPython()
        self.doc.set_meta(publish_date=value)

    def _deadline_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy年M月d日")
        self._show_deadline()
        self.deadline.dateChanged.connect(
            lambda d: self.doc.set_extra("deadline", d.toString("yyyy-MM-dd")) if d != self._default_deadline() else
            self.doc.set_extra("deadline", None))
        reset = QPushButton("按规定日期")
        reset.setToolTip("县级以上人民政府部门次年1月31日前；县级以上地方人民政府次年3月31日前。乡镇按当地通知，可自行设置。")
        reset.clicked.connect(lambda: (self.doc.set_extra("deadline", None), self._show_deadline()))
        self.doc.metaChanged.connect(self._show_deadline)
        line.addWidget(self.deadline)
        line.addWidget(reset)
        line.addStretch(1)
        return row

    def _default_deadline(self) -> QDate:
        year = self.doc.report.meta.year or date.today().year
        return QDate(*fmt.default_deadline(year, self.doc.report.meta.level))

    def _show_deadline(self) -> None:
        deadline = self.doc.deadline()
        self.deadline.blockSignals(True)
        self.deadline.setDate(QDate(*deadline) if deadline else self._default_deadline())
        self.deadline.blockSignals(False)

    def show_finding(self, finding: Finding) -> None:
        if finding.span is not None and finding.span.text_key == fmt.PREAMBLE_KEY:
            self.preamble.show_span(finding)
        else:
            self.level.setFocus()

    def focus_first(self) -> None:
        self.agency.setFocus()


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
