"""Dialogs of the 工具 menu: which ledger column is which, and the parts of a 数据采集表."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.tools.ledger_fields import FIELDS, ColumnMapping


class MappingDialog(QDialog):
    """Which column of the ledger is 收到日期, 申请人类型, 办理结果, 办结日期 (remembered for next time)."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("指定台账的列")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("没有自动认出台账的表头。请指定每一项在哪一列（下次会记住）："))
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = QComboBox()
            combo.addItem("（请选择）", "")
            for header in headers:
                combo.addItem(header, header)
            form.addRow(f"{field.label}：", combo)
            self.combos[field.key] = combo
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def mapping(self) -> ColumnMapping | None:
        chosen = {key: combo.currentData() for key, combo in self.combos.items()}
        if not all(chosen.values()) or len(set(chosen.values())) < len(chosen):
            return None
        return ColumnMapping(columns={header: key for key, header in chosen.items()})


def header_candidates(rows: list[tuple[object, ...]]) -> list[str]:
    """The texts of the first row that looks like a header (four or more filled cells)."""
    for row in rows[:20]:
        texts = [str(v).strip() for v in row if v is not None and str(v).strip()]
        if len(texts) >= len(FIELDS):
            return texts
    return []


def ask_collection_parts(parent: QWidget, parts: list[tuple[str, str]]) -> tuple[tuple[str, ...], str] | None:
    """Which parts a 业务科室 fills, and its name; None when cancelled or nothing chosen."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("导出数据采集表")
    layout = QVBoxLayout(dialog)
    form = QFormLayout()
    department = QLineEdit()
    department.setPlaceholderText("例如：行政审批科")
    form.addRow("填报科室：", department)
    layout.addLayout(form)
    layout.addWidget(QLabel("请该科室填写的部分："))
    boxes = []
    for key, title in parts:
        box = QCheckBox(title)
        boxes.append((key, box))
        layout.addWidget(box)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = tuple(key for key, box in boxes if box.isChecked())
    return (chosen, department.text().strip()) if chosen else None
