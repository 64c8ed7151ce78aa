"""The findings panel: a dockable list of findings (a model too), with a count and 上一个/下一个问题."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from models.findings import Finding, Severity
from models.rules.rule_set import rule_name
from ui import theme
from ui.document import ReportDocument
from ui.list_diff import unchanged_ends
from ui.page_status import page_of

Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractListModel):
    """Findings sorted by severity, then table order (as `evaluate` returns them)."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        """Show `findings`, telling the view only what changed: the rows between the first and the last finding
        that came or went are replaced (the others, and the current row, stay), and kept rows whose message
        changed (a number in it) are repainted. Nothing is redone when nothing changed."""
        before, after = self.findings, list(findings)
        old, new = [_identity(f) for f in before], [_identity(f) for f in after]
        head, tail = unchanged_ends(old, new)
        if len(old) - tail > head:
            self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
            self.findings = before[:head] + before[len(old) - tail:]
            self.endRemoveRows()
        if len(new) - tail > head:
            self.beginInsertRows(QModelIndex(), head, len(new) - tail - 1)
            self.findings = after
            self.endInsertRows()
        self.findings = after
        kept = [(row, row) for row in range(head)] + [(len(old) - tail + i, len(new) - tail + i) for i in range(tail)]
        changed = [row for old_row, row in kept if _shown(before[old_row]) != _shown(after[row])]
        if changed:
            self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Asked for every row and role whenever the list is laid out again: unknown roles leave at once.
        show = _ROLES.get(role)
        if show is None or not index.isValid() or index.row() >= len(self.findings):
            return None
        return show(self.findings[index.row()])


_ROLES: dict[int, Callable[[Finding], object]] = {
    Qt.ItemDataRole.DisplayRole: lambda f: f"【{f.severity.label}】{f.message}",
    Qt.ItemDataRole.ToolTipRole: lambda f: f"{rule_name(f.rule)}（规则 {f.rule}）\n{f.message}",
    Qt.ItemDataRole.ForegroundRole: lambda f: QBrush(theme.SEVERITY_COLOR[f.severity]),
    Qt.ItemDataRole.UserRole: lambda f: f,
}


def _identity(finding: Finding) -> tuple[object, ...]:
    """What the fingerprint is made of (without hashing it): the same finding, though its numbers may change."""
    return finding.rule, finding.cells, finding.detail


def _shown(finding: Finding) -> tuple[object, ...]:
    return finding.severity, finding.message, finding.rule


def pending_text(doc: ReportDocument) -> str:
    """"；还有12行未填" — blanks on pages not yet left, counted apart from the errors ('' when none)."""
    rows = sum(1 for f in doc.pending if page_of(f) != "meta")  # the others are 基本信息's required fields
    fields = len(doc.pending) - rows
    parts = ([f"还有{rows}行未填"] if rows else []) + ([f"{fields}项基本信息未填"] if fields else [])
    return "；" + "，".join(parts) if parts else ""


class FindingsPanel(QDockWidget):
    activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("问题", parent)
        self.setObjectName("findingsPanel")
        self.model = FindingsModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Rows come or go as the clerk types: the list is laid out again in steps, keys are answered in between.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.setAccessibleName("问题列表")
        self.list.activated.connect(self._activate)
        self.list.clicked.connect(self._activate)
        self.previous_button = QPushButton("上一个问题(&P)")
        self.next_button = QPushButton("下一个问题(&N)")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self.setWidget(body)
        self.doc: ReportDocument | None = None

    def set_document(self, doc: ReportDocument) -> None:
        self.doc = doc
        doc.findingsChanged.connect(self.update_findings)
        self.update_findings()

    def update_findings(self) -> None:
        if self.doc is None:
            return
        current = self.list.currentIndex().data(Qt.ItemDataRole.UserRole)
        self.model.set_findings(self.doc.findings)
        if current is not None and not self.list.currentIndex().isValid():
            fingerprints = [f.fingerprint for f in self.model.findings]
            if current.fingerprint in fingerprints:  # keep the place in the list for F8 / 下一个问题
                self.list.setCurrentIndex(self.model.index(fingerprints.index(current.fingerprint)))
        counts = {s: sum(1 for f in self.doc.findings if f.severity is s) for s in Severity}
        parts = [f"{counts[s]}个{s.label}" for s in Severity if counts[s]]
        title = f"问题（{len(self.doc.findings)}）" + ("：" + "，".join(parts) if parts else "")
        self.setWindowTitle(title + pending_text(self.doc))

    def _activate(self, index: QModelIndex) -> None:
        finding = index.data(Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.activated.emit(finding)

    def step(self, delta: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.list.currentIndex().row()
        row = (0 if delta > 0 else count - 1) if row < 0 else (row + delta) % count
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self._activate(index)
