"""导出 Word / 导出 Excel on the 检查与导出 page: a worker writes the file, errors allow only a marked draft."""

from __future__ import annotations

import docx
import openpyxl
from PySide6.QtWidgets import QMessageBox

from models.drafts import load_draft
from ui.document import ReportDocument
from ui.export_flow import ExportFlow


def _open_page(window, report):
    window.controller.set_document(ReportDocument(report))
    return window.editor.go_to("review")


def test_export_word_and_excel_from_the_review_page(window, qtbot, monkeypatch, huaian_path, tmp_path):
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written: offered.append((kind, written)))
    page = _open_page(window, load_draft(huaian_path))
    page.checklist.setChecked(True)
    target = tmp_path / "淮安.docx"
    monkeypatch.setattr(ExportFlow, "ask_path",
                        lambda self, kind, suggested, draft=None: target.with_suffix(f".{kind}"))
    page.export_docx.click()
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=10000)
    page.export_xlsx.click()
    qtbot.waitUntil(lambda: len(offered) == 2, timeout=10000)
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "淮安市人民政府2024年政府信息公开工作年度报告" in text.replace("\n", "")
    assert "自查清单" in text
    assert "草稿（未通过校验）" not in text
    workbook = openpyxl.load_workbook(target.with_suffix(".xlsx"))
    assert "表三" in workbook.sheetnames


def test_errors_block_the_final_export_but_allow_a_marked_draft(window, qtbot, monkeypatch, pingtan_path, tmp_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    page = _open_page(window, report)
    questions = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.No)
    target = tmp_path / "draft.docx"
    assert not window.exports.export("docx", target)
    assert "错误" in questions[-1] and not target.exists()
    assert "必须改正全部错误" in page.blocked.text()
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written: offered.append(written))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.exports.export("docx", target)
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "草稿（未通过校验）" in text


def test_export_failure_is_explained(window, qtbot, monkeypatch, answers, huaian_path, tmp_path):
    _open_page(window, load_draft(huaian_path))
    assert window.exports.export("xlsx", tmp_path / "missing-folder" / "x.xlsx")
    qtbot.waitUntil(lambda: any(kind == "critical" for kind, _ in answers["asked"]), timeout=10000)
    message = next(m for kind, m in answers["asked"] if kind == "critical")
    assert "x.xlsx" in message


def test_export_infographic_from_the_review_page(window, qtbot, monkeypatch, huaian_path, tmp_path, chinese_font):
    from PySide6.QtGui import QImage

    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written: offered.append(written))
    page = _open_page(window, load_draft(huaian_path))
    target = tmp_path / "一图读懂.png"
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: target)
    page.export_graphic.click()
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    image = QImage(str(target))
    assert image.width() > 1000 and image.height() > image.width()
