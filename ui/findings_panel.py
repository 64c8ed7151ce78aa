"""The findings panel: a one-line bar with the count and 上一个/下一个问题 that opens into the list of findings (a model
too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QListView,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as shiboken_alive

from models.findings import Finding, Severity
from models.rules.rule_set import rule_name
from ui import theme
from ui.document import ReportDocument
from ui.list_diff import unchanged_ends
from ui.page_status import page_of

Index = QModelIndex | QPersistentModelIndex
TOGGLE_SHORTCUT = "Ctrl+F8"
LIST_ROWS = (3, 8)  # the open list shows room for 3 findings at least and 8 at most, and takes at most a third
QWIDGETSIZE_MAX = (1 << 24) - 1


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
    """A one-line bar at the foot of the window — "问题（3）：2个错误，1个警告  ▲", 上一个问题, 下一个问题 — that opens
    into the list when the clerk clicks it (or Ctrl+F8, 查看 → 问题列表), steps through the findings or jumps to one,
    and closes again (▼, Ctrl+F8, Esc in the list). The list takes the table's rows only while it is wanted."""

    activated = Signal(object)  # Finding
    expandedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("问题", parent)
        self.setObjectName("findingsPanel")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.setTitleBarWidget(QWidget())  # the bar below says what the title would, in one line
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
        self.list.installEventFilter(self)
        self.summary = QPushButton()
        self.summary.setObjectName("findingsSummary")
        self.summary.setFlat(True)
        self.summary.setStyleSheet("#findingsSummary { text-align: left; padding: 2px 6px; background: transparent;"
                                   " border: 2px solid transparent; border-radius: 3px; }"
                                   "#findingsSummary:hover { border-color: #c3ccd6; }"
                                   "#findingsSummary:focus { border-color: #1d4f91; }")
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.summary.clicked.connect(lambda: self.open_by_clerk(not self.expanded))
        self.previous_button = QPushButton("上一个问题(&P)")
        self.next_button = QPushButton("下一个问题(&N)")
        self.previous_button.setToolTip("转到上一个问题（Shift+F8）")
        self.next_button.setToolTip("转到下一个问题（F8）")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.toggle_action = QAction("问题列表(&L)", self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence(TOGGLE_SHORTCUT))
        self.toggle_action.toggled.connect(self.set_expanded)
        self.toggle_action.triggered.connect(self.open_by_clerk)  # Ctrl+F8, 查看 → 问题列表
        self._came_from: QWidget | None = None  # where the keyboard was when the clerk opened the list
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 1, 4, 2)
        layout.setSpacing(2)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.summary, 1)
        self.bar.addWidget(self.previous_button)
        self.bar.addWidget(self.next_button)
        layout.addLayout(self.bar)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        body.installEventFilter(self)
        self.doc: ReportDocument | None = None
        self.expanded = True
        self.set_expanded(False)

    def set_document(self, doc: ReportDocument) -> None:
        self.doc = doc
        doc.findingsChanged.connect(self.update_findings)
        self.set_expanded(False)  # each report starts with the one-line bar, whatever the last one left open
        self.update_findings()

    def set_expanded(self, expanded: bool) -> None:
        """Open the bar into the list (True) or close it to one line (False)."""
        if expanded == self.expanded:
            return
        self.expanded = expanded
        if not expanded and self.list.hasFocus():
            self.summary.setFocus()  # the keyboard stays in the bar, not in a hidden list
        self.list.setVisible(expanded)
        if expanded:
            self.setMaximumHeight(QWIDGETSIZE_MAX)
            window = self.parentWidget()
            if isinstance(window, QMainWindow):
                height = min(self.bar_height() + self.widget().layout().spacing() + self._list_height(),
                             window.height() // 3)
                window.resizeDocks([self], [height], Qt.Orientation.Vertical)
        else:
            self.setMaximumHeight(self.bar_height())
        self.toggle_action.setChecked(expanded)
        self._show_summary()
        self.expandedChanged.emit(expanded)

    def open_by_clerk(self, expanded: bool) -> None:
        """The clerk opens the list (the keyboard goes into it: ↑/↓, Enter, Esc) or closes it (the keyboard goes back
        to where it was). Stepping with F8 and jumps open it without taking the keyboard from the cell."""
        focus = QApplication.focusWidget()
        if expanded:
            if focus is not None and not self.isAncestorOf(focus):
                self._came_from = focus
            self.set_expanded(True)
            if not self.list.currentIndex().isValid() and self.model.rowCount():
                self.list.setCurrentIndex(self.model.index(0, 0))
            self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.set_expanded(False)
        back, self._came_from = self._came_from, None
        if back is not None and shiboken_alive(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _fit_bar(self) -> None:
        if not self.expanded:
            self.setMaximumHeight(self.bar_height())  # one line of the font as it is now (查看 → 字号, 150 %)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_bar()

    def bar_height(self) -> int:
        """The closed panel's height: the bar's one line and its margins."""
        margins = self.widget().layout().contentsMargins()
        return self.bar.sizeHint().height() + margins.top() + margins.bottom()

    def _list_height(self) -> int:
        """The open list's height: a row per finding, room for a few at least, eight at most."""
        rows = min(max(self.model.rowCount(), LIST_ROWS[0]), LIST_ROWS[1])
        return rows * (self.list.fontMetrics().lineSpacing() + 4) + 2 * self.list.frameWidth()

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
        self._show_summary()

    def _show_summary(self) -> None:
        arrow = "▼" if self.expanded else "▲"
        self.summary.setText(f"{self.windowTitle()}  {arrow}")
        self.summary.setToolTip(f"{'收起' if self.expanded else '展开'}问题列表（{TOGGLE_SHORTCUT}）")
        self.summary.setAccessibleName(f"{self.windowTitle()}，{'收起' if self.expanded else '展开'}问题列表")

    def reveal(self, finding: Finding) -> None:
        """Open the list at `finding` (the clerk jumped to it): F8 goes on from there."""
        self.set_expanded(True)
        fingerprints = [f.fingerprint for f in self.model.findings]
        if finding.fingerprint in fingerprints:
            index = self.model.index(fingerprints.index(finding.fingerprint))
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_bar()  # the buttons' font changed (查看 → 字号)
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):  # type: ignore[attr-defined]
            self.open_by_clerk(False)
            return True
        return super().eventFilter(watched, event)

    def _activate(self, index: QModelIndex) -> None:
        finding = index.data(Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.activated.emit(finding)

    def step(self, delta: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        self.set_expanded(True)
        row = self.list.currentIndex().row()
        row = (0 if delta > 0 else count - 1) if row < 0 else (row + delta) % count
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        self._activate(index)
