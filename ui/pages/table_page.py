"""Table pages 二, 三, 四: the official table, auto-sum switches and a colour legend."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel

from models import autosum
from models.findings import Finding
from ui import theme
from ui.document import ReportDocument
from ui.pages.base import Page
from ui.tables.table_model import OfficialTableModel
from ui.tables.table_view import OfficialTableView

HINT = ("每个单元格都要填写，没有发生的填0（空白不等于0）。回车下移，Tab右移，Delete清空，"
        "Ctrl+V 可粘贴从 Excel/WPS 复制的整块数字，Ctrl+Z 撤销。")
AUTO_SWITCHES = {
    "t3": (("总计列自动合计", frozenset(autosum.ROW_TOTALS)),
           ("（七）总计行自动合计", frozenset(autosum.HANDLED_TOTALS))),
    "t4": (("总计自动合计", frozenset(autosum.T4_TOTALS)),),
}


def _legend() -> QLabel:
    chips = [(theme.ERROR_BACKGROUND, "错误"), (theme.WARNING_BACKGROUND, "警告"),
             (theme.CARRIED_BACKGROUND, "上年结转带入"), (theme.AUTO_BACKGROUND, "自动合计")]
    html = "　".join(f'<span style="color:{c.darker(115).name()}; font-size:14pt">■</span>{t}' for c, t in chips)
    label = QLabel(html)
    label.setObjectName("hint")
    return label


class TablePage(Page):
    def __init__(self, doc: ReportDocument, table: str, title: str) -> None:
        self.key, self.title = table, title
        super().__init__()
        self.doc = doc
        self.model = OfficialTableModel(doc, table)
        self.view = OfficialTableView(self.model)
        hint = QLabel(HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        bar = QHBoxLayout()
        self.switches: list[tuple[QCheckBox, frozenset[str]]] = []
        for label, keys in AUTO_SWITCHES.get(table, ()):
            box = QCheckBox(label)
            box.setToolTip("开启后总计由各项相加得出（只读）；关闭后可手工填写，便于核对他人填写的总计。")
            box.toggled.connect(lambda on, keys=keys: doc.set_auto_sum(keys, on))
            box.setEnabled(not doc.report.read_only)
            bar.addWidget(box)
            self.switches.append((box, keys))
        self.compare = QCheckBox("对比上年(&Y)")
        self.compare.setToolTip("在每个数值下显示上年数值和变化；变化超过5倍的（X-3）以蓝色标出。需要先从上年报告导入。")
        self.compare.setEnabled(doc.previous is not None)
        self.compare.toggled.connect(self._compare)
        bar.addWidget(self.compare)
        bar.addStretch(1)
        bar.addWidget(_legend())
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.view, 1)
        doc.autoSumChanged.connect(self._sync_switches)
        self._sync_switches()

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
        keys = [k for k in finding.cells if k.startswith(self.key + ".")]
        if keys:
            # The cell the finding is about: for a sum rule the total or the first blank/odd cell.
            self.view.select_key(keys[-1] if finding.rule.startswith(("T3-B", "T4")) else keys[0], edit=True)

    def focus_first(self) -> None:
        self.view.setFocus()
