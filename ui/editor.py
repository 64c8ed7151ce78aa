"""The editing area for one open report: a sidebar of pages with their status, the pages, Back/Next and a banner."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.findings import Finding
from ui.deadline import deadline_text
from ui.document import ReportDocument
from ui.enter_keys import enter_presses_default
from ui.page_status import PAGES, page_of, page_status
from ui.pages.base import Page
from ui.pages.meta_page import MetaPage
from ui.pages.narrative_page import NarrativePage
from ui.pages.review_page import ReviewPage
from ui.pages.table_page import TablePage
from ui.sidebar import Sidebar


class Editor(QWidget):
    pageChanged = Signal(str)

    def __init__(self, doc: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self._shown = ""  # the page on screen, left when another is shown
        self._glancing = False  # the page on screen was reached with the arrow keys in the sidebar and not gone into
        for key, title in PAGES:
            page = self._make_page(key, title)
            self.pages[key] = page
            self.stack.addWidget(page)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.back = QPushButton("< 上一步(&B)")
        self.next = QPushButton("下一步(&X) >")
        enter_presses_default(self, self.next)  # the pages' main action: Enter where nothing else takes it
        self.back.clicked.connect(lambda: self.go(self.sidebar.currentRow() - 1))
        self.next.clicked.connect(lambda: self.go(self.sidebar.currentRow() + 1))
        nav = QHBoxLayout()
        nav.addWidget(self.banner, 1)
        nav.addWidget(self.back)
        nav.addWidget(self.next)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addLayout(nav)
        layout = QHBoxLayout(self)
        layout.addWidget(self.sidebar)
        layout.addLayout(right, 1)
        self.sidebar.currentRowChanged.connect(self._show_row)
        # Enter in the sidebar, or a click on it, puts the keyboard in the page.
        self.sidebar.activated.connect(lambda _index: self.pages[self.current_key].focus_first())
        self.sidebar.left.connect(self._went_into_page)
        self.sidebar.clicked.connect(lambda _index: self.pages[self.current_key].focus_first())
        doc.findingsChanged.connect(self.update_status)
        doc.carriedChanged.connect(lambda _key: self.update_status())
        doc.metaChanged.connect(self.update_banner)
        self.sidebar.setCurrentRow(0)
        self.update_status()
        self.update_banner()

    def _make_page(self, key: str, title: str) -> Page:
        if key == "meta":
            return MetaPage(self.doc)
        if key == "review":
            return ReviewPage(self.doc)
        if key.startswith("t"):
            return TablePage(self.doc, key, title)
        return NarrativePage(self.doc, key)

    @property
    def current_key(self) -> str:
        return PAGES[self.sidebar.currentRow()][0]

    def go(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.sidebar.setCurrentRow(row)

    def go_to(self, key: str) -> Page:
        self.sidebar.setCurrentRow([k for k, _ in PAGES].index(key))
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.commit_pending()
        if self._shown and self._shown != PAGES[row][0] and not self._glancing:
            self.doc.leave_page(self._shown)  # blanks left behind become errors
        self._shown = PAGES[row][0]
        # A page passed over with the arrow keys in the sidebar is only glanced at: its blanks stay 未填 when the
        # arrows move on, unless the clerk goes into it (Enter, Tab, a click).
        self._glancing = self.sidebar.keying
        self.stack.setCurrentIndex(row)
        if not self.sidebar.keying:  # moving through the sidebar with the arrow keys keeps the keyboard there
            self.pages[PAGES[row][0]].focus_first()
        self.back.setEnabled(row > 0)
        self.next.setEnabled(row < len(PAGES) - 1)
        self.pageChanged.emit(PAGES[row][0])

    def _went_into_page(self) -> None:
        self._glancing = False

    def commit_pending(self) -> None:
        """Write what is still in an open cell editor into the report (before save, close, undo, jumps)."""
        for page in self.pages.values():
            view = getattr(page, "view", None)
            if view is not None:
                view.commit_pending()

    def pending_edits(self) -> dict[str, str]:
        """Text still in open cell editors, by cell key; the editors stay open."""
        edits = {}
        for page in self.pages.values():
            view = getattr(page, "view", None)
            pending = view.pending_edit() if view is not None else None
            if pending is not None:
                edits[pending[0]] = pending[1]
        return edits

    def show_finding(self, finding: Finding) -> None:
        """Switch to the finding's page and put the cursor where it can be fixed."""
        self.commit_pending()
        page = self.go_to(page_of(finding))
        page.show_finding(finding)

    def show_text(self, text_key: str) -> None:
        """Switch to the page where `text_key` is written and put the cursor in its editor."""
        from ui.page_status import page_of_text

        page = self.go_to(page_of_text(text_key))
        editor = getattr(page, "editors", {}).get(text_key) or getattr(page, "preamble", None)
        if editor is not None:
            editor.setFocus()

    def update_status(self) -> None:
        report, findings, unconfirmed = self.doc.report, self.doc.findings, self.doc.unconfirmed_texts()
        for row, (key, _title) in enumerate(PAGES):
            self.sidebar.set_status(row, page_status(key, report, findings, self.doc.pending, unconfirmed))

    def status_of(self, key: str) -> str:
        return self.sidebar.status([k for k, _ in PAGES].index(key))

    def update_banner(self) -> None:
        self.banner.setText(deadline_text(self.doc.report.meta.year, self.doc.deadline()))
