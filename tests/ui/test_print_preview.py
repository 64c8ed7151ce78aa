"""打印预览 and 打印 in the window: the report's pages (render/report) from 文件 → 打印预览 and from the 检查与导出
page, the fonts used on the status line, Ctrl+P through the printer's dialog, a draft marked as the Word file is."""

from __future__ import annotations

import re

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from models.format import format2021 as fmt
from models.storage.drafts import load_draft
from render.report import lay_out
from tests.ui.gui import menu_action
from ui.document import ReportDocument


def _open(window, report):
    window.controller.set_document(ReportDocument(report))


def test_the_preview_opens_from_the_file_menu_with_every_page_and_closes(window, qtbot, huaian_path):
    report = load_draft(huaian_path)
    _open(window, report)
    action = menu_action(window, "打印预览")
    assert action.isEnabled()
    action.trigger()
    dialog = window.printing.dialog
    assert dialog is not None and dialog.isVisible()
    expected = len(lay_out(report))
    qtbot.waitUntil(lambda: dialog.page_count() == expected)
    assert expected == 4
    assert dialog.status.text().startswith(f"共{expected}页；") and "字体：" in dialog.status.text()
    assert "仿宋_GB2312" in dialog.status.text()  # what the Word file names, and what stands in for it here
    assert "草稿" not in dialog.status.text()
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 60
    dialog.close()
    qtbot.waitUntil(lambda: window.printing.dialog is None)


def test_the_review_page_button_opens_the_preview_of_a_draft(window, qtbot, huaian_path):
    report = load_draft(huaian_path)
    key = next(c.key for c in fmt.GRIDS["t3"].cells if c.is_input)
    report.cells[key] = int(str(report.cells.get(key) or 0)) + 1  # an error: the pages are a marked draft
    _open(window, report)
    page = window.editor.go_to("review")
    page.preview.click()
    dialog = window.printing.dialog
    assert dialog is not None and dialog.pages.draft
    assert "标有“草稿（未通过校验）”" in dialog.status.text()
    texts = [op.layout.text() for op in dialog.pages.pages[0].texts]
    assert texts.count("草稿（未通过校验）") == 2  # above the title and in the header, as in the Word file
    qtbot.waitUntil(lambda: dialog.page_count() == len(dialog.pages))
    dialog.close()


def test_ctrl_p_prints_through_the_printers_dialog_on_a4(window, monkeypatch, tmp_path, huaian_path):
    _open(window, load_draft(huaian_path))
    out = tmp_path / "printed.pdf"
    asked = []

    def exec_(dialog):
        asked.append(dialog.windowTitle())
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # the "printer" writes a file here
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    action = menu_action(window, "打印(&P)")
    assert action.shortcut().toString() == "Ctrl+P"
    action.trigger()
    assert asked == ["打印"]
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # Counted in the file itself (no poppler needed: the fresh-machine run has none): one page object per page.
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == 4
