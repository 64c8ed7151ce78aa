"""What every wizard page has: a title, a document to show, and a way to land on a finding."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models.findings import Finding
from ui.document import ReportDocument


class Page(QWidget):
    key = ""
    title = ""

    doc: ReportDocument

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        heading.setWordWrap(True)  # a long title takes two lines on a narrow window (150 % at 特大), never widens it
        self.layout_.addWidget(heading)

    def show_finding(self, finding: Finding) -> None:
        """Put the cursor where `finding` can be fixed."""

    def focus_first(self) -> None:
        """Put the keyboard focus on the page's first field."""
