"""检查与导出: every finding grouped by severity, a 说明 box under each warning, and the export buttons.

The keyboard alone does it all: Tab goes down the findings and their 说明 boxes (ui/pages/review_findings.py), on to
the options and the buttons in the order they stand; Enter on a finding goes to it; 导出 Word is the page's default
(Enter where nothing else takes it, ui/enter_keys.py).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from exporters.registry import EXPORTERS
from models.findings import Finding, Severity, error_count
from ui.document import ReportDocument
from ui.findings_panel import pending_text
from ui.pages.base import Page
from ui.pages.review_findings import NOTE_HINT, FindingsList, NoteBox

__all__ = ["NOTE_HINT", "ReviewPage"]


#: Export buttons per row on 检查与导出.
BUTTONS_PER_ROW = 4


class ReviewPage(Page):
    key, title = "review", "检查与导出"
    activated = Signal(object)  # Finding
    exportRequested = Signal(str)  # a kind of exporters.registry: "docx" | "xlsx" | "pdf" | "html" | "infographic"
    copyPageRequested = Signal()  # 复制网页内容
    previewRequested = Signal()  # 打印预览

    def __init__(self, doc: ReportDocument) -> None:
        super().__init__()
        self.doc = doc
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.findings_list = FindingsList()
        self.findings_list.activated.connect(self.activated)
        self.findings_list.noteEdited.connect(self._note_edited)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the messages wrap
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(self.findings_list)
        self.layout_.addWidget(self.scroll, 1)
        options = QHBoxLayout()
        self.checklist = QCheckBox("自查清单(&C)")
        self.checklist.setToolTip("逐项列出全部校验规则的结果，以及每个警告的说明。\n"
                                  "导出 Word 时另存为“报告名_自查清单.docx”，不进入要公开的报告。")
        self.signoff = QCheckBox("审核签发单(&G)")
        self.signoff.setToolTip("一页拟稿、审核、签发栏，供内部签批。\n"
                                "导出 Word 时另存为“报告名_审核签发单.docx”，不进入要公开的报告。")
        self.inline = QCheckBox("放入报告文件")
        self.inline.setToolTip("不另存：自查清单作为附件附在报告文末（正文下注明“附件：自查清单”），"
                               "审核签发单放在报告之前，单独一节，不编页码。")
        self.stock_fonts = QCheckBox("使用 Windows 自带字体(&U)")
        self.stock_fonts.setToolTip(
            "电脑上没有方正小标宋简体、仿宋_GB2312、楷体_GB2312 时勾选：改用宋体、仿宋、黑体、楷体。")
        for box in (self.checklist, self.signoff, self.inline, self.stock_fonts):
            options.addWidget(box)
        for box in (self.checklist, self.signoff):
            box.toggled.connect(self._enable_inline)
        self._enable_inline()
        options.addStretch(1)
        self.layout_.addLayout(options)
        self.blocked = QLabel()
        self.blocked.setObjectName("blocked")
        self.blocked.setWordWrap(True)
        self.layout_.addWidget(self.blocked)  # a line of its own: it wraps at any text size, never squeezed
        # One button per kind of the exporter table, in its order.
        self.export_buttons: dict[str, QPushButton] = {}
        for kind, exporter in EXPORTERS.items():
            button = QPushButton(exporter.button)
            button.clicked.connect(lambda _checked=False, kind=kind: self.exportRequested.emit(kind))
            self.export_buttons[kind] = button
        self.export_docx = self.export_buttons["docx"]
        self.export_xlsx = self.export_buttons["xlsx"]
        self.export_html = self.export_buttons["html"]
        self.export_html.setToolTip("保存供政府网站发布的网页（.html）：表格保留合并单元格，样式都写在网页中。")
        # Beside 导出网页: the same page, to paste into the portal's editor.
        self.copy_page = QPushButton("复制网页内容(&K)")
        self.copy_page.setToolTip("把网页复制到剪贴板（含表格的合并单元格和边框，另附纯文本），\n"
                                  "可直接粘贴到政府网站后台的编辑器中。")
        self.copy_page.clicked.connect(self.copyPageRequested)
        self.export_graphic = self.export_buttons["infographic"]
        self.export_graphic.setToolTip("把本年度的主要数字画成一页 A4 图解（PNG 图片或 PDF），有上年报告时标出增减。")
        self.preview = QPushButton("打印预览(&Y)…")
        self.preview.setToolTip("按 Word 报告的版式逐页预览整份报告，可直接打印（Ctrl+P）。")
        self.preview.clicked.connect(self.previewRequested.emit)
        ordered = [self.preview, *self.export_buttons.values()]
        ordered.insert(ordered.index(self.export_html) + 1, self.copy_page)
        # In rows of BUTTONS_PER_ROW: the whole set fits a 1366 px screen at 特大 as well (one row did not).
        buttons = QGridLayout()
        for i, button in enumerate(ordered):
            buttons.addWidget(button, i // BUTTONS_PER_ROW, i % BUTTONS_PER_ROW)
        buttons.setColumnStretch(BUTTONS_PER_ROW, 1)
        self.layout_.addLayout(buttons)
        self.export_docx.setDefault(True)  # the page's main action: Enter where nothing else takes it
        # After the findings, Tab goes through the options and the buttons as they stand, left to right.
        self._after_findings: list[QWidget] = [self.checklist, self.signoff, self.inline, self.stock_fonts, *ordered]
        self._shown_once = False
        doc.findingsChanged.connect(self.refresh)
        self.refresh()

    @property
    def note_edits(self) -> dict[str, NoteBox]:
        """The 说明 box of each warning shown, by fingerprint."""
        return self.findings_list.boxes

    def export_options(self) -> dict[str, bool]:
        return {"checklist": self.checklist.isChecked(), "signoff_sheet": self.signoff.isChecked(),
                "separate_files": not self.inline.isChecked(), "official_fonts": not self.stock_fonts.isChecked()}

    def _enable_inline(self) -> None:
        """放入报告文件 means something only when 自查清单 or 审核签发单 is ticked."""
        self.inline.setEnabled(self.checklist.isChecked() or self.signoff.isChecked())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible() and self._shown_once:
            return  # rebuilt when shown; typing elsewhere does not pay for it
        self._shown_once = True
        findings = self.doc.findings
        errors = error_count(findings)
        self._show_summary(findings)
        if errors:
            blocked = f"有{errors}个错误未改正：正式导出前必须改正全部错误（可导出标有“草稿（未通过校验）”的草稿）。"
        elif self.doc.pending:
            blocked = f"{pending_text(self.doc).lstrip('；')}：正式导出前必须填写（没有发生的填0）。"
        else:
            blocked = "✓ 没有错误，可以导出正式文件。"
        self.blocked.setText(blocked)
        ready = not errors and not self.doc.pending
        if self.blocked.property("ready") != ready:  # green (style.qss) when the final export is open, else red
            self.blocked.setProperty("ready", ready)
            self.blocked.style().unpolish(self.blocked)
            self.blocked.style().polish(self.blocked)
        self.findings_list.show_findings(findings, self.doc.report.notes, self.doc.report.read_only)
        self._chain_focus()

    def _show_summary(self, findings: list[Finding]) -> None:
        errors = error_count(findings)
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        explained = sum(1 for f in warnings if self.doc.report.notes.get(f.fingerprint))
        pending = pending_text(self.doc).lstrip("；")
        pending = f"{pending}（导出时算作错误）。" if pending else ""
        if not findings:
            self.summary.setText(pending or "全部规则检查通过，没有发现问题。")
        else:
            self.summary.setText(f"共{len(findings)}个问题：{errors}个错误，{len(warnings)}个警告（已说明{explained}个），"
                                 f"{len(findings) - errors - len(warnings)}个提示。在问题上按回车键或双击，"
                                 f"可跳到对应位置。{pending}")

    def _note_edited(self, fingerprint: str, text: str) -> None:
        """A 说明 as typed: stored at once (no undo step, as before) and counted in the summary."""
        self.doc.set_note(fingerprint, text.strip())
        self._show_summary(self.doc.findings)

    def _chain_focus(self) -> None:
        """Tab: the findings and their boxes top to bottom, then the options and the buttons (new widgets would
        otherwise come last in the window's chain, after the buttons)."""
        chain: list[QWidget] = [self.findings_list, *self.findings_list.focus_order(), *self._after_findings]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_first(self) -> None:
        order = self.findings_list.focus_order()
        (order[0] if order else self.export_docx).setFocus(Qt.FocusReason.TabFocusReason)
