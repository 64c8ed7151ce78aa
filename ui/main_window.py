"""The main window: the start page or the open report, menus, the findings panel and feedback.

Files (new, open, import, save, autosave, recovery, locks) are in ui/file_actions.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget

from models import locations
from models.app_info import APP_NAME, APP_VERSION
from models.errors import UserError
from ui.file_actions import FileActions
from ui.pages.start_page import StartPage
from ui.tools import Tools

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence

    from ui.document import ReportDocument
    from ui.editor import Editor
    from ui.findings_panel import FindingsPanel

# The report model, the rules and the pages are imported when the first report opens, not before the start page
# shows (start-up is measured against a bare Qt window: benchmarks/bench_ui.py).

APP_TITLE = APP_NAME
AUTOSAVE_INTERVAL_MS = 30_000
MENU_DELAY_MS = 60  # after the first paint; far below what a person notices


class MainWindow(FileActions, Tools, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.doc: ReportDocument | None = None
        self.editor: Editor | None = None
        self._locked: Path | None = None
        self._export = None
        self.slot = ""
        self._autosaved_generation = -1
        self.resize(1400, 900)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start = StartPage()
        self.stack.addWidget(self.start)
        self._findings: FindingsPanel | None = None
        self._panel_hidden_for_review = False
        self.start.newRequested.connect(self.new_report)
        self.start.importRequested.connect(lambda: self.import_previous())
        self.start.openRequested.connect(lambda: self.open_draft())
        self.start.sampleRequested.connect(self.open_sample)
        self.start.recentRequested.connect(self.open_draft)
        self._menus_built = False
        # Menus (and the Qt namespace their shortcuts load) are built right after the first paint, so the start
        # page shows as fast as a bare window (benchmarks/bench_ui.py); anything that needs them builds them first.
        QTimer.singleShot(MENU_DELAY_MS, self.ensure_menus)
        QTimer.singleShot(MENU_DELAY_MS, self.check_data_folder)  # 数据文件夹不可写: a banner (file_actions.py)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._update_title()

    # ----- menus ----------------------------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def ensure_menus(self) -> None:
        if self._menus_built:
            return
        from PySide6.QtGui import QKeySequence  # (with QAction: loaded after the first paint)

        self._menus_built = True
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self._action(file_menu, "新建本年度报告(&N)", self.new_report, QKeySequence.StandardKey.New)
        self._action(file_menu, "从上年报告导入(&I)…", lambda: self.import_previous(), "Ctrl+I")
        self._action(file_menu, "打开草稿(&O)…", lambda: self.open_draft(), QKeySequence.StandardKey.Open)
        self._action(file_menu, "打开示例报告", self.open_sample)
        file_menu.addSeparator()
        self.save_action = self._action(file_menu, "保存(&S)", lambda: self.save(), QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(file_menu, "另存为(&A)…", lambda: self.save_as(), "Ctrl+Shift+S")
        file_menu.addSeparator()
        self._action(file_menu, "返回开始页(&H)", self.go_home)
        self._action(file_menu, "退出(&Q)", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = bar.addMenu("编辑(&E)")
        self.undo_action = self._action(edit_menu, "撤销(&U)", self._undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit_menu, "重做(&R)", self._redo, "Ctrl+Y")
        view_menu = bar.addMenu("查看(&V)")
        self.view_menu = view_menu
        self._action(view_menu, "上一个问题(&P)", lambda: self.findings.step(-1), "Shift+F8")
        self._action(view_menu, "下一个问题(&N)", lambda: self.findings.step(1), "F8")
        tools_menu = bar.addMenu("工具(&T)")
        self.tool_actions = [
            self._action(tools_menu, "从依申请公开台账计算表三(&L)…", lambda: self.ledger_to_table3()),
            self._action(tools_menu, "导出数据采集表(&C)…", lambda: self.export_collection()),
            self._action(tools_menu, "汇总数据采集表(&M)…", lambda: self.merge_collection()),
        ]
        help_menu = bar.addMenu("帮助(&H)")
        self._action(help_menu, "关于(&A)", self.about)
        self._sync_actions()

    @property
    def findings(self) -> FindingsPanel:
        """The findings panel, made when first needed (the start page has none)."""
        if self._findings is None:
            from ui.findings_panel import FindingsPanel

            self._findings = FindingsPanel(self)
            qt = QtCore.Qt  # first use of the Qt namespace is here, after the start page has shown
            # At the bottom: the tables keep the full width (table 三 at 150 % scaling on a 1920 px screen).
            self.addDockWidget(qt.DockWidgetArea.BottomDockWidgetArea, self._findings)
            self.resizeDocks([self._findings], [170], qt.Orientation.Vertical)
            self._findings.activated.connect(self.show_finding)
            self.view_menu.insertAction(self.view_menu.actions()[0], self._findings.toggleViewAction())
        return self._findings

    def commit_pending(self) -> None:
        if self.editor is not None:
            self.editor.commit_pending()

    def _undo(self) -> None:
        if self.doc is not None:
            self.commit_pending()
            self.doc.undo_stack.undo()

    def _redo(self) -> None:
        if self.doc is not None:
            self.commit_pending()
            self.doc.undo_stack.redo()

    def _sync_actions(self) -> None:
        if not self._menus_built:
            return
        has_doc = self.doc is not None
        for action in (self.save_action, self.save_as_action, self.undo_action, self.redo_action, *self.tool_actions):
            action.setEnabled(has_doc)
        if has_doc and self.doc.report.read_only:
            for action in (self.undo_action, self.redo_action, *self.tool_actions[0::2]):
                action.setEnabled(False)  # what changes the report; 导出数据采集表 only reads it out

    def about(self) -> None:
        QMessageBox.about(self, f"关于{APP_TITLE}",
                          f"{APP_TITLE} {APP_VERSION}\n报告格式：国办公开办函〔2021〕30号（2021年版）\n"
                          f"草稿默认位置：{locations.drafts_dir()}\n自动保存与备份：{locations.data_folder()}")

    # ----- opening ----------------------------------------------------------------------------------------------

    def set_document(self, doc: ReportDocument, *, page: str = "meta") -> None:
        """Show `doc` (the caller has already dealt with unsaved work in the current one)."""
        from models import autosave
        from ui.editor import Editor

        self.ensure_menus()
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
        if self.doc is not None:
            self.doc.deleteLater()
        self.doc = doc
        self._hold_lock(doc.path)
        self.slot = autosave.slot_id(doc.path)
        self._autosaved_generation = doc.generation if not doc.is_modified else -1
        self.editor = Editor(doc)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.editor.pageChanged.connect(lambda _key: self.autosave())
        self.editor.pageChanged.connect(self._panel_for_page)
        self.editor.go_to(page)
        doc.modifiedChanged.connect(lambda _m: self._update_title())
        doc.metaChanged.connect(self._update_title)
        doc.refused.connect(self.show_refusal)
        review = self.editor.pages["review"]
        review.exportRequested.connect(self.export)  # type: ignore[attr-defined]
        review.activated.connect(self.show_finding)  # type: ignore[attr-defined]
        for page_widget in self.editor.pages.values():
            view = getattr(page_widget, "view", None)
            if view is not None:
                view.refused.connect(self.show_refusal)
                view.notice.connect(self.statusBar().showMessage)
                page_widget.model.refused.connect(self.show_refusal)  # type: ignore[attr-defined]
                page_widget.model.notice.connect(self.statusBar().showMessage)  # type: ignore[attr-defined]
        self.findings.set_document(doc)
        self.findings.show()
        self._panel_hidden_for_review = False
        self._sync_actions()
        self._update_title()
        if doc.report.read_only:
            from ui.document import READ_ONLY

            self.statusBar().showMessage(READ_ONLY)

    def export(self, kind: str, path: Path | None = None) -> bool:
        """导出 Word / Excel / 一图读懂 (a kind of exporters.registry) from the 检查与导出 page (errors allow only a
        marked draft of an official kind: exporters.policy)."""
        if self.doc is None:
            return False
        self.commit_pending()
        if self._export is None:
            from ui.export_flow import ExportFlow

            self._export = ExportFlow(self)
            self._export.finished.connect(lambda written: self.statusBar().showMessage(f"已导出：{written}", 8000))
        self.doc.check_all_pages()  # asked to export: a blank anywhere is now an error
        from exporters.registry import EXPORTERS

        if EXPORTERS[kind].official and not self.doc.error_count() and not self._carried_text_kept():
            return False
        options = self.editor.pages["review"].export_options()  # type: ignore[union-attr, attr-defined]
        return self._export.start(kind, self.doc.report, self.doc.findings, self.doc.previous, options, path,
                                  draft=self.doc.path)

    def _carried_text_kept(self) -> bool:
        """Before an official export: last year's paragraphs neither edited nor confirmed are named, and the clerk
        decides; "No" goes to the first of them."""
        from models.carried_text import carried_year
        from models.rules_text import text_location

        keys = self.doc.unconfirmed_texts()  # type: ignore[union-attr]
        if not keys:
            return True
        listing = "\n".join(f"· {text_location(k)}（{carried_year(self.doc.report, k) or '上'}年度原文）"
                            for k in keys)
        answer = QMessageBox.question(
            self, "还有上年度的原文",
            f"以下{len(keys)}段仍是上年度报告的原文，既未修改也未确认：\n{listing}\n\n"
            "正式报告将原样带出这些文字。仍要导出吗？选“否”转到第一段修改或确认。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.editor.show_text(keys[0])  # type: ignore[union-attr]
        return False

    def _panel_for_page(self, key: str) -> None:
        """检查与导出 lists every finding itself, with the 说明 boxes: the panel is not shown again beside it."""
        panel = self.findings
        if key == "review" and panel.isVisible():
            panel.hide()
            self._panel_hidden_for_review = True
        elif key != "review" and self._panel_hidden_for_review:
            panel.show()
            self._panel_hidden_for_review = False

    # ----- leaving ----------------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        if self._export is not None:
            self._export.wait()  # an export being written finishes first
        self.close_document()
        event.accept()

    # ----- feedback -------------------------------------------------------------------------------------------

    def show_finding(self, finding) -> None:
        if self.editor is not None:
            self.editor.show_finding(finding)

    def show_error(self, title: str, error: UserError | str, *, critical: bool = False, advice: str = "",
                   offer: QMessageBox.StandardButton | None = None) -> bool:
        """The one place the window shows a failure the clerk can act on: a UserError's Chinese message (or a text
        made of several), with `advice` after it, in a warning box — an error box when `critical` (the work was not
        done: a file not opened, saved or exported). With `offer` (e.g. Save), the box has that button and 取消;
        returns whether the clerk chose it."""
        text = error.message if isinstance(error, UserError) else error
        if advice:
            text = f"{text}\n\n{advice}"
        box = QMessageBox.critical if critical else QMessageBox.warning
        if offer is None:
            box(self, title, text)
            return False
        return box(self, title, text, offer | QMessageBox.StandardButton.Cancel) == offer

    def show_refusal(self, message: str) -> None:
        self.statusBar().showMessage(message.replace("\n", " "), 10000)
        QMessageBox.warning(self, "数值无效", message)

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_TITLE)
            return
        name = self.doc.path.name if self.doc.path else "未保存"
        self.setWindowTitle(f"{self.doc.display_name} — {name}[*] — {APP_TITLE}")
        self.setWindowModified(self.doc.is_modified)

