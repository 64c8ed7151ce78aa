"""Qt's own widgets speak Chinese: ui/app.py loads qtbase_zh_CN (PySide6's translations folder, kept in the frozen
app by packaging/gov-info-report.spec) — the file dialog of Linux/UOS, which is Qt's, was half English."""

from __future__ import annotations

import re

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel

from ui.app import make_application

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_qt_file_dialog_labels_and_buttons_are_chinese(qtbot, tmp_path):
    make_application()
    dialog = QFileDialog(None, "打开草稿", str(tmp_path), "报告草稿 (*.nianbao)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    qtbot.addWidget(dialog)
    labels = {name: dialog.findChild(QLabel, name).text() for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")}
    assert all(CJK.search(text) for text in labels.values()), labels
    assert "文件名" in labels["fileNameLabel"] and "文件类型" in labels["fileTypeLabel"]
    buttons = [button.text() for button in dialog.findChild(QDialogButtonBox).buttons()]
    assert any("打开" in text for text in buttons) and any("取消" in text for text in buttons), buttons


def test_the_translation_is_installed_once(qtbot):
    make_application()
    make_application()  # the tests and the app may call it more than once
    app = QApplication.instance()
    assert len([t for t in app.findChildren(QTranslator) if t.objectName() == "qtbase_zh_CN"]) == 1
