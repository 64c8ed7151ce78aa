"""The main window: start page or the open report, menus, the findings panel, saving, autosave and recovery."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QStackedWidget

from models import locations, recent
from models.app_info import APP_NAME, APP_VERSION, DRAFT_SUFFIX
from resources import SAMPLE_REPORT
from ui.pages.start_page import StartPage, default_report_year

if TYPE_CHECKING:
    from ui.document import ReportDocument
    from ui.editor import Editor
    from ui.findings_panel import FindingsPanel

# The report model, the rules and the pages are imported when the first report opens, not before the start page
# shows (start-up is measured against a bare Qt window: benchmarks/bench_ui.py).

APP_TITLE = APP_NAME
DRAFT_FILTER = f"年度报告草稿 (*{DRAFT_SUFFIX})"
IMPORT_FILTER = f"上年度报告 (*{DRAFT_SUFFIX} *.docx *.xlsx);;所有文件 (*)"
AUTOSAVE_INTERVAL_MS = 30_000


class MainWindow(QMainWindow):
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
        self.start.newRequested.connect(self.new_report)
        self.start.importRequested.connect(lambda: self.import_previous())
        self.start.openRequested.connect(lambda: self.open_draft())
        self.start.sampleRequested.connect(self.open_sample)
        self.start.recentRequested.connect(self.open_draft)
        self._menus_built = False
        # Menus (and the Qt namespace their shortcuts load) are built right after the first paint, so the start
        # page shows as fast as a bare window (benchmarks/bench_ui.py); anything that needs them builds them first.
        QTimer.singleShot(0, self.ensure_menus)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._update_title()

    # ----- menus ----------------------------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def ensure_menus(self) -> None:
        if self._menus_built:
            return
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
            self.addDockWidget(qt.DockWidgetArea.RightDockWidgetArea, self._findings)
            self.resizeDocks([self._findings], [300], qt.Orientation.Horizontal)
            self._findings.activated.connect(self.show_finding)
            self.view_menu.insertAction(self.view_menu.actions()[0], self._findings.toggleViewAction())
        return self._findings

    def _hold_lock(self, path: Path | None) -> None:
        """Hold the lock of the draft being edited (and only that one)."""
        from models import locks

        held = self._locked
        if held == path:
            return
        if held is not None:
            locks.release(held)
        self._locked = path if path is not None and locks.acquire(path) else None

    def _undo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.undo()

    def _redo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.redo()

    def _sync_actions(self) -> None:
        if not self._menus_built:
            return
        has_doc = self.doc is not None
        for action in (self.save_action, self.save_as_action, self.undo_action, self.redo_action):
            action.setEnabled(has_doc)

    def about(self) -> None:
        QMessageBox.about(self, f"关于{APP_TITLE}",
                          f"{APP_TITLE} {APP_VERSION}\n报告格式：国办公开办函〔2021〕30号（2021年版）\n"
                          f"草稿默认位置：{locations.drafts_dir()}\n自动保存与备份：{locations.autosave_dir().parent}")

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
        self.editor.go_to(page)
        doc.modifiedChanged.connect(lambda _m: self._update_title())
        doc.metaChanged.connect(self._update_title)
        self.editor.pages["review"].exportRequested.connect(self.export)
        for page_widget in self.editor.pages.values():
            for signal_name in ("refused",):
                view = getattr(page_widget, "view", None)
                if view is not None:
                    getattr(view, signal_name).connect(self.show_refusal)
                    view.notice.connect(self.statusBar().showMessage)
                    page_widget.model.refused.connect(self.show_refusal)  # type: ignore[attr-defined]
                    page_widget.model.notice.connect(self.statusBar().showMessage)  # type: ignore[attr-defined]
        self.findings.set_document(doc)
        self.findings.show()
        self._sync_actions()
        self._update_title()
        if doc.report.read_only:
            self.statusBar().showMessage("此草稿只能查看，不能修改；如需修改请另存为新文件或升级软件。")

    def new_report(self) -> None:
        if not self.confirm_discard():
            return
        from models.autosum import AUTO_SUM_KEYS
        from models.report import Meta, Report
        from ui.document import AUTOSUM_KEY, ReportDocument

        # A report typed from scratch adds up its totals by itself; imported or opened ones keep theirs as written,
        # so that their mistakes stay visible.
        report = Report(meta=Meta(year=default_report_year()), extra={AUTOSUM_KEY: sorted(AUTO_SUM_KEYS)})
        self.set_document(ReportDocument(report))

    def open_draft(self, path: Path | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "打开草稿", str(locations.drafts_dir()), DRAFT_FILTER)
            if not name:
                return False
            path = Path(name)
        if not self.confirm_discard():
            return False
        from models import locks
        from models.drafts import DraftError, load_draft
        from ui.document import ReportDocument

        try:
            report = load_draft(path, allow_newer=True)
        except DraftError as exc:
            QMessageBox.critical(self, "无法打开草稿", exc.message)
            return False
        if report.read_only:
            QMessageBox.information(self, "只能查看", f"“{path.name}”由更新版本的软件保存，本软件只能查看，"
                                    "不能修改或覆盖它。如需修改，请升级本软件。")
        owner = locks.read_owner(path)
        if owner is not None and not report.read_only:
            choice = self.ask_locked(f"“{path.name}”正由{owner.describe()}打开。两处同时修改会互相覆盖。")
            if choice == "cancel":
                return False
            report.read_only = choice == "read_only"
        self.set_document(ReportDocument(report, path=None if report.read_only else path))
        if not report.read_only:
            recent.remember(path, report)
        return True

    def ask_locked(self, text: str) -> str:
        """A draft another instance has open: "read_only", "open" anyway, or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Warning, "草稿已被打开", text, parent=self)
        read_only = box.addButton("以只读方式打开", QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton("仍然打开并修改", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return {read_only: "read_only", anyway: "open"}.get(box.clickedButton(), "cancel")

    def open_sample(self) -> None:
        if not self.confirm_discard():
            return
        from models.drafts import load_draft
        from ui.document import ReportDocument

        report = load_draft(SAMPLE_REPORT)
        self.set_document(ReportDocument(report))  # no path: saving asks where, the sample itself stays intact
        self.statusBar().showMessage("这是示例报告。保存时请选择自己的位置。")

    def import_previous(self, path: Path | None = None) -> bool:
        """Start this year's report from last year's: carry-over and cross-year checks."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "选择上年度报告", str(locations.drafts_dir()), IMPORT_FILTER)
            if not name:
                return False
            path = Path(name)
        if not self.confirm_discard():
            return False
        from importers import LoadError, load
        from models.carryover import new_year_from
        from ui.document import ReportDocument

        try:
            previous, notices = load(path)
        except LoadError as exc:
            QMessageBox.warning(self, "无法导入", exc.message)
            return False
        if notices:
            QMessageBox.information(self, "导入说明", "\n".join(notices))
        doc = ReportDocument(new_year_from(previous), previous=previous)
        doc.mark_modified()
        self.set_document(doc)
        year = previous.meta.year
        self.statusBar().showMessage(f"已从{year}年度报告带入上年结转，正文已复制为起草底稿，请逐段修改。")
        return True

    def go_home(self) -> None:
        if not self.confirm_discard():
            return
        self.close_document()
        self.start.refresh()
        self.stack.setCurrentWidget(self.start)

    def close_document(self) -> None:
        from models import autosave

        self._hold_lock(None)
        if self.doc is not None:
            autosave.discard(locations.autosave_dir() / f"{self.slot}{DRAFT_SUFFIX}")
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        self.doc = None
        if self._findings is not None:
            self._findings.hide()
        self._sync_actions()
        self._update_title()

    # ----- saving ---------------------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self, path: Path | None = None) -> bool:
        if self.doc is None:
            return False
        if path is None:
            suggested = locations.drafts_dir() / f"{self.doc.display_name}{DRAFT_SUFFIX}"
            name, _ = QFileDialog.getSaveFileName(self, "另存为", str(suggested), DRAFT_FILTER)
            if not name:
                return False
            path = Path(name)
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from models import autosave
        from models.drafts import DraftError, save_draft

        assert self.doc is not None
        try:
            save_draft(self.doc.report, path)
        except DraftError as exc:
            answer = QMessageBox.critical(self, "保存失败", exc.message + "\n\n是否另存到其他位置？",
                                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
            return answer == QMessageBox.StandardButton.Save and self.save_as()
        old_slot = self.slot
        self._hold_lock(path)
        self.doc.mark_saved(path)
        self.slot = autosave.slot_id(path)
        autosave.discard(locations.autosave_dir() / f"{old_slot}{DRAFT_SUFFIX}")
        autosave.discard(locations.autosave_dir() / f"{self.slot}{DRAFT_SUFFIX}")
        recent.remember(path, self.doc.report)
        self.statusBar().showMessage(f"已保存：{path}", 5000)
        self._update_title()
        return True

    def autosave(self) -> bool:
        """Write unsaved work into the autosave slot (on the timer, on every page change, before a crash dialog)."""
        doc = self.doc
        if doc is None or not doc.is_modified or doc.generation == self._autosaved_generation or doc.report.read_only:
            return False
        from models import autosave
        from models.drafts import DraftError

        try:
            autosave.write_autosave(doc.report, self.slot, doc.path)
        except DraftError as exc:
            self.statusBar().showMessage(f"自动保存失败：{exc.message}")
            return False
        self._autosaved_generation = doc.generation
        return True

    def offer_recovery(self) -> bool:
        """After a crash or kill: offer the newest autosave, with its time. Returns True when one was restored."""
        from models import autosave
        from ui.document import ReportDocument

        slots = autosave.list_autosaves()
        if not slots:
            return False
        slot = slots[0]
        when = slot.saved_at.strftime("%Y年%m月%d日 %H:%M")
        what = f"{slot.agency or '未命名机关'} {slot.year or ''}年度报告"
        where = f"\n原文件：{slot.source}" if slot.source else "\n（尚未保存过的新报告）"
        answer = self.ask_recovery(f"发现上次未保存的工作：{what}，最后自动保存于{when}。{where}\n\n是否恢复？")
        if not answer:
            for stale in slots:
                autosave.discard(stale.path)
            return False
        report = autosave.recover(slot)
        doc = ReportDocument(report, path=slot.source)
        doc.mark_modified()
        self.set_document(doc)
        self.slot = slot.path.stem
        self.statusBar().showMessage(f"已恢复{when}自动保存的内容，请及时保存。")
        return True

    def ask_recovery(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "恢复未保存的工作", text, parent=self)
        restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("放弃", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is restore

    def export(self, kind: str, path: Path | None = None) -> bool:
        """导出 Word / Excel from the 检查与导出 page (errors allow only a marked draft)."""
        if self.doc is None:
            return False
        if self._export is None:
            from ui.export_flow import ExportFlow

            self._export = ExportFlow(self)
            self._export.finished.connect(lambda written: self.statusBar().showMessage(f"已导出：{written}", 8000))
        options = self.editor.pages["review"].export_options()  # type: ignore[union-attr, attr-defined]
        return self._export.start(kind, self.doc.report, self.doc.findings, self.doc.previous, options, path)

    # ----- leaving ----------------------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Before the current report is closed: 保存 / 不保存 / 取消 when it has unsaved changes."""
        if self.doc is None or not self.doc.is_modified:
            return True
        answer = self.ask_save(f"“{self.doc.display_name}”有未保存的修改，是否保存？")
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_save(self, text: str) -> QMessageBox.StandardButton:
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(self, "保存修改", text, buttons, QMessageBox.StandardButton.Save)

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


def today() -> date:
    return date.today()
