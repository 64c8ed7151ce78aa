"""恢复未保存的工作: every autosave slot left by a crash or power cut, each with its report, file, time and size,
and for each the clerk's choice — 恢复 (open it), 放弃 (delete it) or 以后再说 (keep it, ask again). Only what the
clerk declined is deleted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.storage.autosave import AutosaveSlot
from ui.document_view import DISCARD, LATER, RECOVER

CHOICES = ((RECOVER, "恢复"), (LATER, "以后再说"), (DISCARD, "放弃"))


class RecoveryDialog(QDialog):
    def __init__(self, slots: list[AutosaveSlot], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复未保存的工作")
        self.slots = slots
        layout = QVBoxLayout(self)
        several = len(slots) > 1
        intro = QLabel(
            (f"上次有{len(slots)}份报告的修改没有保存（程序意外退出或断电）。请逐份选择：" if several else
             "上次有未保存的修改（程序意外退出或断电）：")
            + "\n“恢复”打开并继续编辑，“放弃”删除这份自动保存，“以后再说”保留它、下次再问。"
            + ("\n一次打开一份：其余选“恢复”的保留，下次启动或打开该草稿时再恢复。" if several else ""))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["报告", "原文件", "最后自动保存于", "大小", "处理"])
        self.choosers: list[QComboBox] = []
        for row, slot in enumerate(slots):
            item = QTreeWidgetItem([slot.report_name, slot.source_text, slot.when, slot.size_text, ""])
            item.setToolTip(1, slot.source_text)
            self.table.addTopLevelItem(item)
            chooser = QComboBox()
            for _key, text in CHOICES:
                chooser.addItem(text)
            chooser.setCurrentIndex(0 if row == 0 else 1)  # the newest is recovered; the others wait
            self.table.setItemWidget(item, 4, chooser)
            self.choosers.append(chooser)
        for column, width in enumerate((220, 300, 150, 70)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        buttons.addButton("确定", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("以后再说", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(920, 200 + 28 * min(len(slots), 10))

    def choices(self) -> dict[Path, str]:
        """Each slot's path → RECOVER or DISCARD; slots left for later are not in it."""
        result = {}
        for slot, chooser in zip(self.slots, self.choosers, strict=True):
            key = CHOICES[chooser.currentIndex()][0]
            if key != LATER:
                result[slot.path] = key
        return result


def ask(slots: list[AutosaveSlot], parent: QWidget | None) -> dict[Path, str]:
    """The clerk's choice for each slot (closing the dialog decides nothing: every slot stays)."""
    dialog = RecoveryDialog(slots, parent)
    return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else {}
