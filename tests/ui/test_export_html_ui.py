"""导出网页 and 复制网页内容 on the 检查与导出 page: the web page written by a worker, the same page on the clipboard as
HTML with plain text beside it, errors allowing only a marked draft, and the buttons in one row at 1366×768."""

from __future__ import annotations

import lxml.html
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from importers import read_report
from models.app_info import DRAFT_MARK
from models.storage.drafts import load_draft
from ui.document import ReportDocument
from ui.export_flow import ExportFlow


def _open_page(window, report):
    window.controller.set_document(ReportDocument(report))
    return window.editor.go_to("review")


def test_copy_page_puts_html_and_plain_text_on_the_clipboard(window, huaian_path):
    page = _open_page(window, load_draft(huaian_path))
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    assert page.copy_page.text() == "复制网页内容(&K)"
    page.copy_page.click()
    mime = clipboard.mimeData()
    assert "text/html" in mime.formats() and "text/plain" in mime.formats()
    html = mime.html()
    assert "<!--StartFragment-->" in html and "<title>" not in html and "<style" not in html
    tree = lxml.html.document_fromstring(html.encode("utf-8"))
    tables = tree.findall(".//table")
    assert len(tables) == 3
    band = next(c for c in tables[1].iter("th") if "".join(c.text_content().split()) == "三、本年度办理结果")
    assert band.get("rowspan") == "22"
    assert all("border:1px solid #000" in c.get("style") for t in tables for c in t.iter("td", "th"))
    text = mime.text()
    assert text.startswith("淮安市人民政府2024年政府信息公开工作年度报告\n")
    assert "一、本年新收政府信息公开申请数量\t\t\t3001\t53\t0\t0\t61\t4\t3119" in text
    assert "已复制网页内容" in window.statusBar().currentMessage()


def test_export_page_writes_the_file_and_it_reads_back(window, qtbot, monkeypatch, pingtan_path, tmp_path):
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, *_companions: offered.append(written))
    report = load_draft(pingtan_path)
    page = _open_page(window, report)
    target = tmp_path / "平潭.html"
    asked = []
    monkeypatch.setattr(ExportFlow, "ask_path",
                        lambda self, kind, suggested, draft=None: asked.append((kind, suggested)) or target)
    assert page.export_html.text() == "导出网页(&J)…"
    page.export_html.click()
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    assert offered == [target] and asked == [("html", "平潭综合实验区2022年政府信息公开工作年度报告.html")]
    imported = read_report(target)
    assert imported.report.cells == report.cells and imported.report.texts == report.texts
    assert imported.report.meta == report.meta


def test_errors_allow_only_a_marked_draft_on_the_clipboard(window, monkeypatch, pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    page = _open_page(window, report)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("之前的内容")
    questions = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.No)
    assert window.exports.copy_page() is False
    assert "不能复制正式文件" in questions[-1] and clipboard.text() == "之前的内容"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.copy_page.click()
    assert DRAFT_MARK in clipboard.mimeData().html() and clipboard.text().startswith(DRAFT_MARK)
    assert "草稿" in window.statusBar().currentMessage()


def test_the_buttons_fit_two_rows_at_1366_by_768(window, qtbot, huaian_path):
    window.resize(1366, 768)
    page = _open_page(window, load_draft(huaian_path))
    qtbot.waitUntil(lambda: page.isVisible())
    QGuiApplication.processEvents()
    buttons = [page.preview, *page.export_buttons.values(), page.copy_page]
    order = [b.text() for b in sorted(buttons, key=lambda b: (b.y(), b.x()))]  # as read: row by row
    assert order == ["打印预览(&Y)…", "导出 Word(&W)…", "导出 Excel(&L)…", "导出 PDF(&D)…", "导出网页(&J)…",
                     "复制网页内容(&K)", "导出一图读懂(&I)…"]
    assert len({b.y() for b in buttons}) == 2  # two rows: they fit at 特大 too (tests/ui/test_screen_fit.py)
    for button in buttons:
        assert button.isVisible() and button.width() >= button.sizeHint().width() * 0.9, button.text()
        assert button.mapTo(page, button.rect().topRight()).x() <= page.width()
    assert page.scroll.height() > 200  # the findings list keeps its room
