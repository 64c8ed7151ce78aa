"""工具 menu: table 三 from an application ledger, and 数据采集表 for 业务科室 (export blank sheets, sum returned ones).

A feature of the main window that owns its menu actions: it works on the report the DocumentController has open and
asks and tells the clerk through the window. Each result lands in the report as one undo step. The work itself is
Qt-free (models/, importers/, exporters/) and quick enough to run on the GUI thread (a ledger of a year's
applications is read in well under a second).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.storage.filenames import file_name

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from models.tools.ledger_fields import ColumnMapping
    from ui.document import ReportDocument
    from ui.document_controller import DocumentController
    from ui.main_window import MainWindow

# Everything else (the ledger and collection code, the dialogs) is imported when a tool is used, not at start-up.

MAX_LISTED = 15


def _listing(lines: list[str]) -> str:
    shown = lines[:MAX_LISTED]
    return "\n".join(shown) + (f"\n……另有{len(lines) - len(shown)}条。" if len(lines) > len(shown) else "")


class ToolsFeature(QObject):
    """The 工具 menu: its actions (enabled while a report is open; those that change the report not for a view-only
    one) and what they do."""

    def __init__(self, controller: DocumentController, window: MainWindow) -> None:
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.actions: list[QAction] = []
        controller.documentChanged.connect(self.sync_actions)

    @property
    def doc(self) -> ReportDocument | None:
        return self.controller.doc

    def add_actions(self, menu: QMenu) -> None:
        """Fill the 工具 menu (built after the start page has shown)."""
        from PySide6.QtGui import QAction

        # (text, what it does, whether it changes the report: 导出数据采集表 only reads it out)
        for text, slot, changes in (("从依申请公开台账计算表三(&L)…", lambda: self.ledger_to_table3(), True),
                                    ("导出数据采集表(&C)…", lambda: self.export_collection(), False),
                                    ("汇总数据采集表(&M)…", lambda: self.merge_collection(), True)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            action.setData(changes)
            menu.addAction(action)
            self.actions.append(action)
        self.sync_actions(self.doc)

    def sync_actions(self, doc: ReportDocument | None) -> None:
        """Enabled while a report is open; for a view-only report only what does not change it."""
        for action in self.actions:
            action.setEnabled(doc is not None and not (doc.report.read_only and action.data()))

    # ----- ledger ---------------------------------------------------------------------------------------------

    def ledger_to_table3(self, path: Path | None = None) -> bool:
        """从依申请公开台账计算表三: every cell of table 三 counted from one row per application."""
        if self.doc is None:
            return False
        from importers.ledger_reader import LedgerReadError, read_ledger, read_raw
        from models.tools.ledger import compute_table3
        from models.tools.ledger_fields import MappingError, save_mapping

        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, "选择依申请公开台账", "",
                                                  "台账 (*.xlsx *.csv);;所有文件 (*)")
            if not name:
                return False
            path = Path(name)
        year = self.doc.report.meta.year
        if not year:
            QMessageBox.warning(self.window, "缺少报告年度", "请先在“基本信息”中填写报告年度。")
            return False
        mapping = self._remembered_mapping()
        try:
            ledger = read_ledger(path, mapping)
        except LedgerReadError as first:
            try:
                raw = read_raw(path)
            except LedgerReadError as exc:
                self.window.show_error("无法读取台账", exc)
                return False
            from ui.tool_dialogs import header_candidates

            headers = next((h for sheet in raw if (h := header_candidates(sheet.rows))), [])
            mapping = self.ask_mapping(headers) if headers else None
            if mapping is None:
                self.window.show_error("无法读取台账", first)
                return False
            try:
                ledger = read_ledger(path, mapping)
            except LedgerReadError as exc:
                self.window.show_error("无法读取台账", exc)
                return False
            try:
                save_mapping(mapping)
            except MappingError as exc:
                self.window.show_error("没有记住台账的列", exc, advice="本次仍按指定的各列计算表三，下次需要重新指定。")
        result = compute_table3(ledger.sheets, year, mapping)
        listed = _listing([str(p) for p in result.problems])
        if result.problems and not self.ask_continue(
                f"台账中有{len(result.problems)}行无法归类，没有计入表三：\n{listed}"
                "\n\n是否按其余各行填写表三？（也可以先改正台账再计算）"):
            return False
        changes = result.changes(self.doc.report)
        if not self.doc.set_cells(dict(changes), f"从台账计算表三（{path.name}）"):
            return False  # refused whole (a total over 9 digits): the document said why
        self.window.editor.go_to("t3")
        self.window.status(f"已按台账“{path.name}”的{result.counted}件申请填写表三（改动{len(changes)}个单元格）。"
                                     "可用 Ctrl+Z 撤销。", 10000)
        return True

    def _remembered_mapping(self) -> ColumnMapping | None:
        """The column mapping remembered from an earlier ledger. One that cannot be read is renamed aside and
        explained; the clerk goes on, and names the columns again if the ledger's headers are not recognised."""
        from models.tools.ledger_fields import MappingError, load_saved_mapping, set_aside_saved_mapping

        try:
            return load_saved_mapping()
        except MappingError as exc:
            import logging

            # What exactly is wrong with the file is for the log; the clerk never wrote it by hand.
            logging.getLogger("govreport").warning("remembered ledger mapping unusable: %s", exc.message)
            aside = set_aside_saved_mapping()
            kept = (f"该文件已改名为“{aside.name}”（在{aside.parent}），不再使用。" if aside is not None
                    else "本次不使用该文件。")
            QMessageBox.warning(self.window, "记住的台账列对应关系无法读取",
                                f"上次记住的台账列对应关系已损坏，无法读取。{kept}\n\n"
                                "台账的表头能认出时照常计算；认不出时，请重新指定各列（会重新记住）。")
            return None

    def ask_mapping(self, headers: list[str]) -> ColumnMapping | None:
        from ui.tool_dialogs import MappingDialog

        dialog = MappingDialog(headers, self.window)
        while dialog.exec():
            mapping = dialog.mapping()
            if mapping is not None:
                return mapping
            QMessageBox.warning(self.window, "指定台账的列", "四项都要指定，而且不能是同一列。")
        return None

    def ask_continue(self, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self.window, "请确认", text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ----- 数据采集表 -------------------------------------------------------------------------------------------

    def export_collection(self, path: Path | None = None, parts: tuple[str, ...] | None = None,
                          department: str | None = None) -> bool:
        """导出数据采集表: a sheet for a 业务科室 to fill its part, with validation."""
        if self.doc is None:
            return False
        from exporters.collection_sheet import export_collection_sheet
        from exporters.errors import ExportError
        from models.tools.collection import PART_BY_KEY, PARTS

        if parts is None or department is None:
            choice = self.ask_collection_parts([(p.key, p.title) for p in PARTS])
            if choice is None:
                return False
            parts, department = choice
        year = self.doc.report.meta.year
        if not year:
            QMessageBox.warning(self.window, "缺少报告年度", "请先在“基本信息”中填写报告年度。")
            return False
        if path is None:
            suggested = file_name(f"{year}年数据采集表（{department or '科室'}）", ".xlsx")
            name, _ = QFileDialog.getSaveFileName(self.window, "导出数据采集表", suggested, "Excel 工作簿 (*.xlsx)")
            if not name:
                return False
            path = Path(name)
        try:
            written = export_collection_sheet(path, tuple(PART_BY_KEY[k] for k in parts), year, department)
        except ExportError as exc:
            self.window.show_error("导出失败", exc, critical=True)
            return False
        self.window.status(f"已导出数据采集表：{written}", 8000)
        return True

    def ask_collection_parts(self, parts: list[tuple[str, str]]) -> tuple[tuple[str, ...], str] | None:
        from ui.tool_dialogs import ask_collection_parts

        return ask_collection_parts(self.window, parts)

    def merge_collection(self, paths: list[Path] | None = None) -> bool:
        """汇总数据采集表: sum the returned sheets into the report, showing which department supplied what."""
        if self.doc is None:
            return False
        from importers.collection_reader import CollectionReadError, read_collection_sheet
        from models.tools.collection_merge import MergeRefused, apply_merged, merge, stored_contributions

        if paths is None:
            names, _ = QFileDialog.getOpenFileNames(self.window, "选择各科室交回的数据采集表", "",
                                                    "Excel 工作簿 (*.xlsx)")
            if not names:
                return False
            paths = [Path(n) for n in names]
        sheets, unreadable = [], []
        for path in paths:
            try:
                sheets.append(read_collection_sheet(path))
            except CollectionReadError as exc:
                unreadable.append(exc.message)
        report = self.doc.report
        try:
            earlier, notices = stored_contributions(report, report.meta.year) if report.meta.year else ([], [])
            merged = merge(sheets, report.meta.year, earlier)
        except MergeRefused as exc:
            self.window.show_error("无法汇总", exc)
            return False
        problems = unreadable + [f"{r.path.name}（{r.department or '未填科室'}）：{'；'.join(r.reasons)}"
                                 for r in merged.rejected]
        from models.format.format2021 import cell_label

        who = [f"{cell_label(key)}：" + "，".join(f"{dept} {value}" for dept, value in pairs)
               for key, pairs in merged.sources.items()]
        text = (f"汇总{len(merged.contributions)}个科室的采集表。\n\n各单元格的来源：\n{_listing(who)}"
                + (f"\n\n未汇总（请与科室核对）：\n{_listing(problems)}" if problems else "")
                + (f"\n\n提示：\n{_listing(notices + merged.notices)}" if notices or merged.notices else "")
                + "\n\n是否把汇总结果填入报告？")
        if not merged.contributions or not self.ask_continue(text):
            if not merged.contributions:
                QMessageBox.warning(self.window, "无法汇总", "没有可以汇总的采集表：\n" + _listing(problems))
            return False
        scratch = report.copy()
        changes = apply_merged(scratch, merged)
        # The departments' numbers kept in the draft change in the same undo step as the cells: an undone merge
        # must not come back with the next one.
        if not self.doc.set_cells({key: new for key, (_old, new) in changes.items()}, "汇总数据采集表",
                                  collection=scratch.workspace.collection):
            return False  # refused whole (a total over 9 digits): the document said why
        if changes:
            self.window.editor.go_to(next(iter(changes)).split(".")[0])  # where the numbers landed (t2, t3 or t4)
        self.window.status(f"已汇总{len(merged.contributions)}个科室的数据（改动{len(changes)}个单元格），"
                                     "可用 Ctrl+Z 撤销。", 10000)
        return True
