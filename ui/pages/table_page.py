"""Table pages 二, 三, 四: the official table, auto-sum switches and a colour legend.

The checkboxes above the table never take the keyboard away from it: a click toggles them and leaves the keyboard
where it was (in the table, on the same cell), and digits typed while one has the keyboard focus (reached with Tab)
go to the table's current cell. So a clerk typing a row never loses digits to a checkbox, and the Tabs that follow
move from cell to cell rather than from the checkbox into the table.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QHBoxLayout, QLabel

from models.findings import Finding
from models.tools import autosum
from ui import theme
from ui.document import ReportDocument
from ui.pages.base import Page
from ui.tables.table_model import OfficialTableModel
from ui.tables.table_view import OfficialTableView, types_a_character

#: One line under the title, beside the colour legend; HINT_DETAIL is its tooltip.
HINT = "没有发生的填0（空白不等于0）。回车下移，Tab右移，Delete清空，Ctrl+V粘贴Excel/WPS整块，Ctrl+Z撤销。"
HINT_DETAIL = ("每个单元格都要填写，没有发生的填0（空白不等于0）。回车下移，Tab右移（跳过自动合计的总计），Delete清空，"
               "Ctrl+V 可粘贴从 Excel/WPS 复制的整块数字，Ctrl+Z 撤销。")
#: The 自动合计 switches above each table: (label, its Alt+ letter, the totals of a format it switches). The
#: letters are unique on the page (对比上年 is Alt+Y; menus and wizard buttons have theirs: tests/ui/test_mnemonics.py).
AUTO_SWITCHES = {
    "t3": (("总计列自动合计", "L", autosum.row_totals), ("（七）总计行自动合计", "R", autosum.handled_totals)),
    "t4": (("总计自动合计", "A", autosum.t4_total_keys),),
}


#: The colour legend: (colour, mark, short word, what it means).
LEGEND = ((theme.ERROR_BACKGROUND, "◤", "错误", "错误"), (theme.SEVERITY_FAINT["error"], "┅", "有关", "与错误有关"),
          (theme.WARNING_BACKGROUND, "△", "警告", "警告"), (theme.CARRIED_BACKGROUND, "●", "上年", "上年结转带入"),
          (theme.AUTO_BACKGROUND, "Σ", "自动", "自动合计"), (theme.PENDING_BACKGROUND, "", "未填", "未填"))


def _legend() -> QLabel:
    html = "&nbsp;&nbsp;".join(f'<span style="color:{c.darker(115).name()}">■</span><b>{g}</b>{t}'
                               for c, g, t, _ in LEGEND)
    label = QLabel(html)
    label.setObjectName("hint")
    label.setToolTip("单元格的颜色和标记：" + "；".join(f"{g}{m}" if g else m for _, g, _, m in LEGEND) + "。")
    return label


class TablePage(Page):
    def __init__(self, doc: ReportDocument, table: str, title: str) -> None:
        self.key, self.title = table, title
        super().__init__()
        self.doc = doc
        self.model = OfficialTableModel(doc, table)
        self.view = OfficialTableView(self.model)
        # Two lines above the table: the title with the switches, then the hint with the colour legend.
        heading = self.findChild(QLabel, "pageTitle")  # made by Page: moved into the line with the switches
        self.layout_.removeWidget(heading)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        hint = QLabel(HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setToolTip(HINT_DETAIL)
        line = QHBoxLayout()
        line.addWidget(hint, 1)
        line.addWidget(_legend())
        self.layout_.addLayout(line)
        self.switches: list[tuple[QCheckBox, frozenset[str]]] = []
        for label, letter, totals in AUTO_SWITCHES.get(table, ()):
            keys = frozenset(totals(doc.report.format))
            box = QCheckBox(f"{label}(&{letter})")
            box.setToolTip("开启后总计由各项相加得出（只读）；关闭后可手工填写，便于核对他人填写的总计。")
            box.toggled.connect(lambda on, keys=keys: self._set_auto_sum(keys, on))
            box.setEnabled(not doc.report.read_only)
            self._keep_keyboard_in_table(box)
            bar.addWidget(box)
            self.switches.append((box, keys))
            self.view.auto_switch_labels.update(dict.fromkeys(keys, label))
        self.compare = QCheckBox("对比上年(&Y)")
        self.compare.setToolTip("在每个数值下显示上年数值和变化；变化超过5倍的（X-3）以蓝色标出。需要先从上年报告导入。")
        self.compare.setEnabled(doc.previous is not None)
        self.compare.toggled.connect(self._compare)
        self._keep_keyboard_in_table(self.compare)
        bar.addWidget(self.compare)
        self.layout_.addWidget(self.view, 1)
        doc.autoSumChanged.connect(self._sync_switches)
        self._sync_switches()

    def _keep_keyboard_in_table(self, box: QCheckBox) -> None:
        # Tab reaches it; a click, or its Alt+ shortcut (animateClick), toggles it without taking the keyboard.
        box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (isinstance(watched, QCheckBox) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and types_a_character(event)):
            # A checkbox has no use for digits: they are meant for the cell the table shows as current.
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.sendEvent(self.view, QKeyEvent(event.type(), event.key(), event.modifiers(),
                                                        event.text(), event.isAutoRepeat(), event.count()))
            return True
        return super().eventFilter(watched, event)

    def _set_auto_sum(self, keys: frozenset[str], on: bool) -> None:
        # A value being typed is taken first: its cell may be one that is switched to 自动合计.
        self.view.commit_pending()
        if not self.doc.set_auto_sum(keys, on):
            self._sync_switches()  # refused (a total would be over 9 digits): the box shows what holds

    def _compare(self, on: bool) -> None:
        self.model.set_show_previous(on)
        self.view.set_tall_rows(on)

    def _sync_switches(self) -> None:
        auto = self.doc.auto_keys
        for box, keys in self.switches:
            box.blockSignals(True)
            box.setChecked(keys <= auto)
            box.blockSignals(False)

    def show_finding(self, finding: Finding) -> None:
        keys = [k for k in finding.likeliest if k.startswith(self.key + ".")]
        if keys:  # the cell most likely wrong (the crossing of a row and a column sum, else the total)
            self.view.select_key(keys[0], edit=True)

    def focus_first(self) -> None:
        self.view.setFocus()
