"""The start page: 新建本年度报告 · 从上年报告导入 · 打开草稿 · 最近的草稿 · 打开示例报告, and the deadline banner.

It is the first to read the settings (the recent drafts): what went wrong reading them (a damaged settings file set
aside, models/storage/settings.py) is said in a line above the list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.format.levels import FORMAT_NOTICE, default_deadline
from models.storage import settings
from models.storage.recent import MISSING, UNREACHABLE, recent_drafts
from ui.deadline import deadline_text

CHECK_DELAY_MS = 50  # the recent files are checked once the start page has shown (benchmarks/bench_ui.py)
CHECKING = "正在检查能否访问…"
STATE_NOTES = {MISSING: ("文件已不存在", "文件已不存在（已移动、改名或删除）"),
               UNREACHABLE: ("无法访问", "无法访问这个位置：网络共享已断开、没有访问权限或长时间没有响应。")}


def default_report_year(today: date | None = None) -> int:
    """Reports are written at the turn of the year: from October on, this year's; before, last year's."""
    today = today or date.today()
    return today.year if today.month >= 10 else today.year - 1


class StartPage(QWidget):
    newRequested = Signal()
    importRequested = Signal()
    openRequested = Signal()
    sampleRequested = Signal()
    recentRequested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel("政府信息公开工作年度报告助手")
        title.setObjectName("startTitle")
        layout.addWidget(title)
        note = QLabel(f"按{FORMAT_NOTICE}规定的格式填写、检查并导出年度报告。全部在本机完成，无需联网。")
        note.setObjectName("hint")
        note.setWordWrap(True)  # these lines wrap on a narrow window (150 % at 特大) rather than widen it
        layout.addWidget(note)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        grid = QGridLayout()
        actions = (
            ("新建本年度报告(&N)", "从空白报告开始填写。", self.newRequested),
            ("从上年报告导入(&I)…",
             "选择上年度的报告（Word .docx、Excel .xlsx、网页 .html 或草稿），"
             "本年“上年结转”自动带入，正文作为起草底稿。",
             self.importRequested),
            ("打开草稿(&O)…", "继续填写已保存的草稿（.nianbao）。", self.openRequested),
            ("打开示例报告(&S)", "铜官区招商服务中心2023年度报告，用来熟悉软件。", self.sampleRequested),
        )
        self.buttons: dict[str, QPushButton] = {}
        for row, (text, hint, signal) in enumerate(actions):
            button = QPushButton(text)
            button.setMinimumHeight(40)
            button.setMinimumWidth(260)
            button.setMaximumWidth(340)
            button.clicked.connect(signal.emit)
            grid.addWidget(button, row, 0)
            label = QLabel(hint)
            label.setObjectName("hint")
            label.setWordWrap(True)
            grid.addWidget(label, row, 1)
            self.buttons[text.split("(")[0]] = button
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.settings_note = QLabel()
        self.settings_note.setObjectName("hint")
        self.settings_note.setWordWrap(True)
        self.settings_note.hide()
        layout.addWidget(self.settings_note)
        layout.addWidget(QLabel("最近的草稿（双击打开）："))
        self.recent = QTreeWidget()
        self.recent.setHeaderLabels(["机关", "年度", "上次保存", "位置"])
        self.recent.setRootIsDecorated(False)
        self.recent.setColumnWidth(0, 260)
        self.recent.setColumnWidth(1, 60)
        self.recent.setColumnWidth(2, 170)
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemDoubleClicked.connect(self._open_recent)
        layout.addWidget(self.recent, 1)
        self.refresh()

    def refresh(self) -> None:
        """List the recent drafts as recorded, at once: whether each file can be reached is asked off the GUI
        thread (a share that is gone or slow must not hold up the start), and each entry is updated when it is
        known; one that cannot be opened is greyed out with the reason."""
        self.recent.clear()
        self._paths: dict[int, Path] = {}
        self._items: dict[Path, QTreeWidgetItem] = {}
        entries = recent_drafts()
        notices = settings.take_notices()
        if notices:
            self.settings_note.setText("\n".join(notices))
            self.settings_note.show()
        for entry in entries:
            saved = entry.saved_at.replace("T", " ")[:16]
            item = QTreeWidgetItem([entry.agency or "（未填机关名称）", str(entry.year or ""), saved, str(entry.path)])
            self._paths[id(item)] = entry.path  # (no Qt.ItemDataRole here: the Qt namespace is slow to load)
            self._items[entry.path] = item
            item.setToolTip(3, CHECKING)
            self.recent.addTopLevelItem(item)
        if entries:
            paths = list(self._items)
            QTimer.singleShot(CHECK_DELAY_MS, self, lambda: self._check(paths))
        year = default_report_year()
        level = entries[0].level if entries else ""
        self.banner.setText(deadline_text(year, default_deadline(year, level)) +
                            "（部门为次年1月31日，县级以上地方人民政府为3月31日，可在“基本信息”中调整。）")

    def _check(self, paths: list[Path]) -> None:
        from ui import reachability

        reachability.check(paths, self, self._show_state)

    def _show_state(self, path: Path, state: str) -> None:
        item = self._items.get(path)
        if item is None or self._paths.get(id(item)) != path:
            return  # the list was refreshed since
        short, long = STATE_NOTES.get(state, ("", ""))
        item.setToolTip(3, long or str(path))
        if short:
            item.setText(3, f"{path}（{short}）")
            item.setDisabled(True)

    def _open_recent(self, item: QTreeWidgetItem) -> None:
        path = self._paths.get(id(item))
        if path and not item.isDisabled():
            self.recentRequested.emit(path)
