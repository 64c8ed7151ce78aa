"""The main window: the start page or the open report, menus, the findings panel and feedback.

The open report's life (new, open, import, save, autosave, recovery, locks, recent files) is the DocumentController's
(ui/document_controller.py); the window is its view (ui/document_view.py: the questions as dialogs, the report shown
in the editor). The 工具 menu (ui/tools.py) and exporting (ui/export_flow.py) are features that own their actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QStackedWidget

from models.app_info import APP_NAME, APP_VERSION
from models.errors import UserError
from models.storage import locations
from ui import window_state
from ui.document_controller import DocumentController
from ui.document_view import LockAnswer, SaveAnswer
from ui.pages.start_page import StartPage
from ui.tools import ToolsFeature

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
    from PySide6.QtWidgets import QLabel

    from models.storage.autosave import AutosaveSlot
    from ui.document import ReportDocument
    from ui.editor import Editor
    from ui.export_flow import ExportFlow
    from ui.findings_panel import FindingsPanel
    from ui.printing import PrintFeature

# The report model, the rules and the pages are imported when the first report opens, not before the start page
# shows (start-up is measured against a bare Qt window: benchmarks/bench_ui.py).

APP_TITLE = APP_NAME
MENU_DELAY_MS = 60  # after the first paint; far below what a person notices


class MainWindow(QMainWindow):
    """The DocumentView of the DocumentController it holds (`controller`), and the host of the features."""

    def __init__(self) -> None:
        super().__init__()
        self.editor: Editor | None = None
        self._exports: ExportFlow | None = None
        self._printing: PrintFeature | None = None
        self._data_banner: QLabel | None = None  # 数据文件夹不可写 (made when needed)
        self._notice: QLabel | None = None  # about the open report: 只能查看, 示例报告 … (made when needed)
        self.controller = DocumentController(self, self)
        self.controller.saved.connect(lambda _path: self._update_title())
        self.tools = ToolsFeature(self.controller, self)
        self.geometry_restored = window_state.restore_geometry(self)  # else the design size, within the screen
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start = StartPage()
        self.stack.addWidget(self.start)
        self._findings: FindingsPanel | None = None
        self._panel_hidden_for_review = False
        files = self.controller
        self.start.newRequested.connect(files.new_report)
        self.start.importRequested.connect(lambda: files.import_previous())
        self.start.openRequested.connect(lambda: files.open_draft())
        self.start.sampleRequested.connect(files.open_sample)
        self.start.recentRequested.connect(files.open_draft)
        self._menus_built = False
        self.page_actions: list[QAction] = []
        # Menus (and the Qt namespace their shortcuts load) are built right after the first paint, so the start
        # page shows as fast as a bare window (benchmarks/bench_ui.py); anything that needs them builds them first.
        QTimer.singleShot(MENU_DELAY_MS, self.ensure_menus)
        QTimer.singleShot(MENU_DELAY_MS, files.check_data_folder)  # 数据文件夹不可写: a banner
        self._update_title()

    @property
    def doc(self) -> ReportDocument | None:
        """The open report: the controller's (a convenience for the window's own code and the tests)."""
        return self.controller.doc

    @property
    def exports(self) -> ExportFlow:
        """The export feature, made at the first export (its modules are not needed before)."""
        if self._exports is None:
            from ui.export_flow import ExportFlow

            self._exports = ExportFlow(self.controller, self)
        return self._exports

    @property
    def printing(self) -> PrintFeature:
        """打印预览 and 打印, made when first used (QtPrintSupport is not needed before)."""
        if self._printing is None:
            from ui.printing import PrintFeature

            self._printing = PrintFeature(self.controller, self)
        return self._printing

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

        from ui import font_size, status_line

        self._menus_built = True
        bar = self.menuBar()
        files = self.controller
        file_menu = bar.addMenu("文件(&F)")
        self._action(file_menu, "新建本年度报告(&N)", files.new_report, QKeySequence.StandardKey.New)
        self._action(file_menu, "从上年报告导入(&I)…", lambda: files.import_previous(), "Ctrl+I")
        self._action(file_menu, "打开草稿(&O)…", lambda: files.open_draft(), QKeySequence.StandardKey.Open)
        self._action(file_menu, "打开示例报告(&M)", files.open_sample)
        file_menu.addSeparator()
        self.save_action = self._action(file_menu, "保存(&S)", lambda: files.save(), QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(file_menu, "另存为(&A)…", lambda: files.save_as(), "Ctrl+Shift+S")
        file_menu.addSeparator()
        self.preview_action = self._action(file_menu, "打印预览(&V)…", lambda: self.printing.preview(), "Ctrl+Shift+P")
        self.print_action = self._action(file_menu, "打印(&P)…", lambda: self.printing.print_report(),
                                         QKeySequence.StandardKey.Print)
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
        view_menu.addSeparator()
        self.go_menu = view_menu.addMenu("转到(&G)")  # Ctrl+1 …: filled when the first report opens (ui/page_keys.py)
        self.font_sizes = font_size.install(self)  # 字号: 标准/大/特大, Ctrl+加号/减号/0
        status_line.install(self.statusBar())  # passing messages pass
        self.tools.add_actions(bar.addMenu("工具(&T)"))
        help_menu = bar.addMenu("帮助(&H)")
        self._action(help_menu, "关于(&A)", self.about)
        self._sync_actions()

    @property
    def findings(self) -> FindingsPanel:
        """The findings panel, made when first needed (the start page has none)."""
        if self._findings is None:
            from ui.findings_panel import FindingsPanel

            self.ensure_menus()  # its toggle goes into 视图
            self._findings = FindingsPanel(self)
            qt = QtCore.Qt  # first use of the Qt namespace is here, after the start page has shown
            # At the bottom, one line until it is opened: the tables keep the full width (table 三 at 150 % scaling on
            # a 1920 px screen) and their rows (1366×768).
            self.addDockWidget(qt.DockWidgetArea.BottomDockWidgetArea, self._findings)
            window_state.restore_docks(self)  # as the clerk left them last time on these screens
            self._findings.setFloating(False)  # a bar now: a panel floated by an older version comes back
            self._findings.activated.connect(self.show_finding)
            # 问题列表 (Ctrl+F8) opens and closes the list; the bar itself is always there (no dock toggle to hide it).
            self.view_menu.insertAction(self.view_menu.actions()[0], self._findings.toggle_action)
        return self._findings

    def _go_to_page(self, row: int) -> None:
        if self.editor is not None:
            self.editor.go(row)

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
        doc = self.doc
        for action in (self.save_action, self.save_as_action, self.preview_action, self.print_action,
                       *self.page_actions):
            action.setEnabled(doc is not None)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(doc is not None and not doc.report.read_only)

    def about(self) -> None:
        QMessageBox.about(self, f"关于{APP_TITLE}",
                          f"{APP_TITLE} {APP_VERSION}\n报告格式：国办公开办函〔2021〕30号（2021年版）\n"
                          f"草稿默认位置：{locations.drafts_dir()}\n自动保存与备份：{locations.data_folder()}")

    # ----- the report (DocumentView) ---------------------------------------------------------------------------

    def show_document(self, doc: ReportDocument | None, page: str = "meta") -> None:
        """Show `doc` at `page` in a new editor, or, with None, no report (the start page)."""
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        if doc is None:
            if self._findings is not None:
                self._findings.hide()
            self._sync_actions()
            self._update_title()
            return
        from ui.editor import Editor

        self.ensure_menus()
        if not self.page_actions:
            from ui.page_keys import add_page_actions
            from ui.page_status import PAGES

            self.page_actions = add_page_actions(self.go_menu, [title for _key, title in PAGES], self._go_to_page)
        self.editor = Editor(doc)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.editor.pageChanged.connect(lambda _key: self.controller.autosave())
        self.editor.pageChanged.connect(self._panel_for_page)
        self.editor.go_to(page)
        doc.modifiedChanged.connect(lambda _m: self._update_title())
        doc.metaChanged.connect(self._update_title)
        doc.refused.connect(self.show_refusal)
        review = self.editor.pages["review"]
        review.exportRequested.connect(lambda kind: self.exports.export(kind))  # type: ignore[attr-defined]
        review.copyPageRequested.connect(lambda: self.exports.copy_page())  # type: ignore[attr-defined]
        review.previewRequested.connect(lambda: self.printing.preview())  # type: ignore[attr-defined]
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
        self.editor.pages[page].focus_first()  # the keyboard starts where typing goes (机关名称), not in the sidebar

    def commit_pending(self) -> None:
        if self.editor is not None:
            self.editor.commit_pending()

    def pending_edits(self) -> dict[str, str]:
        return self.editor.pending_edits() if self.editor is not None else {}

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

    def go_home(self) -> None:
        """返回开始页: the report closed (unsaved work dealt with first), the recent drafts listed again."""
        if not self.controller.confirm_discard():
            return
        self.controller.close_document()
        self.start.refresh()
        self.stack.setCurrentWidget(self.start)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from ui.enter_keys import press_focused_button

        if not press_focused_button(event):  # Enter on a focused button that did not take it
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.controller.confirm_discard():
            event.ignore()
            return
        if self._exports is not None:
            self._exports.wait()  # an export being written finishes first
        window_state.remember_window(self)
        self.controller.close_document()
        event.accept()

    # ----- feedback -------------------------------------------------------------------------------------------

    def show_finding(self, finding) -> None:
        if self.editor is None:
            return
        from ui.page_status import page_of

        page = page_of(finding)
        if page != "review":
            self.editor.go_to(page)  # leaving 检查与导出 brings the findings bar back
            self.findings.reveal(finding)  # the list opens at it: F8 goes on from there
            self.layout().activate()  # the page has its new height before it scrolls to the finding
        self.editor.show_finding(finding)

    def show_error(self, title: str, error: UserError | str, *, critical: bool = False, advice: str = "",
                   offer_save: bool = False) -> bool:
        """The one place the window shows a failure the clerk can act on: a UserError's Chinese message (or a text
        made of several), with `advice` after it, in a warning box — an error box when `critical` (the work was not
        done: a file not opened, saved or exported). With `offer_save`, the box has 保存 and 取消; returns whether
        the clerk chose 保存."""
        text = error.message if isinstance(error, UserError) else error
        if advice:
            text = f"{text}\n\n{advice}"
        box = QMessageBox.critical if critical else QMessageBox.warning
        if not offer_save:
            box(self, title, text)
            return False
        save = QMessageBox.StandardButton.Save
        return box(self, title, text, save | QMessageBox.StandardButton.Cancel) == save

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def status(self, text: str, timeout_ms: int = 0) -> None:
        """A passing message: gone after `timeout_ms`, or a few seconds without one (ui/status_line.py)."""
        from ui.status_line import TRANSIENT_MS

        self.statusBar().showMessage(text, timeout_ms or TRANSIENT_MS)

    def show_banner(self, text: str) -> None:
        """The banner above the pages for the whole session: autosave and recovery are unavailable."""
        banner = self._banners()[0]
        banner.setText(f"{text}。草稿照常打开、修改、保存和导出。")
        banner.show()

    def show_notice(self, text: str) -> None:
        """A notice about the open report above its pages (只能查看, 示例报告, what an import or a recovery brought);
        '' takes it away. The controller replaces it whenever another report (or none) is shown."""
        if not text and self._notice is None:
            return
        notice = self._banners()[1]
        notice.setText(text)
        notice.setVisible(bool(text))

    def _banners(self) -> tuple[QLabel, QLabel]:
        """The data-folder banner and the report's notice, above the pages (made, hidden, the first time)."""
        if self._data_banner is None or self._notice is None:
            from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            labels = []
            for name in ("banner", "notice"):
                label = QLabel()
                label.setObjectName(name)
                label.setWordWrap(True)
                label.setMargin(6)
                label.hide()
                layout.addWidget(label)
                labels.append(label)
            self._data_banner, self._notice = labels
            layout.addWidget(self.takeCentralWidget(), 1)
            self.setCentralWidget(holder)
        return self._data_banner, self._notice

    # ----- questions (DocumentView) -----------------------------------------------------------------------------

    def ask_save(self, text: str) -> SaveAnswer:
        """保存 / 不保存 / 取消."""
        box = QMessageBox(QMessageBox.Icon.Question, "保存修改", text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText("保存(&S)")  # Alt+S / Alt+N as well as Enter and Esc
        box.button(QMessageBox.StandardButton.Discard).setText("不保存(&N)")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = QMessageBox.StandardButton(box.exec())
        return {QMessageBox.StandardButton.Save: SaveAnswer.SAVE,
                QMessageBox.StandardButton.Discard: SaveAnswer.DISCARD}.get(answer, SaveAnswer.CANCEL)

    def ask_recovery(self, slots: list[AutosaveSlot]) -> dict[Path, str]:
        """The clerk's choice for each slot: its path → "recover" or "discard"; a slot not in it stays on disk."""
        from ui.recovery_dialog import ask

        return ask(slots, self)

    def ask_locked(self, text: str) -> LockAnswer:
        """A draft another instance has open: 以只读方式打开, 仍然打开并修改 or 取消."""
        box = QMessageBox(QMessageBox.Icon.Warning, "草稿已被打开", text, parent=self)
        read_only = box.addButton("以只读方式打开", QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton("仍然打开并修改", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return {read_only: LockAnswer.READ_ONLY, anyway: LockAnswer.OPEN}.get(box.clickedButton(), LockAnswer.CANCEL)

    def pick_path(self, title: str, filters: str, start: Path, *, save: bool = False) -> Path | None:
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        name, _ = ask(self, title, str(start), filters)
        return Path(name) if name else None

    def show_refusal(self, message: str) -> None:
        self.statusBar().showMessage(message.replace("\n", " "), 8000)  # passes (ui/status_line.py)
        QMessageBox.warning(self, "数值无效", message)

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_TITLE)
            return
        name = self.doc.path.name if self.doc.path else "未保存"
        self.setWindowTitle(f"{self.doc.display_name} — {name}[*] — {APP_TITLE}")
        self.setWindowModified(self.doc.is_modified)

