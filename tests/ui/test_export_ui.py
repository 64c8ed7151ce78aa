"""导出 Word / 导出 Excel on the 检查与导出 page: a worker writes the file, errors allow only a marked draft."""

from __future__ import annotations

import docx
import openpyxl
from PySide6.QtWidgets import QMessageBox

from models.storage.drafts import load_draft
from ui.document import ReportDocument
from ui.export_flow import ExportFlow


def _open_page(window, report):
    window.controller.set_document(ReportDocument(report))
    return window.editor.go_to("review")


def test_export_word_and_excel_from_the_review_page(window, qtbot, monkeypatch, huaian_path, tmp_path):
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open",
                        lambda self, kind, written, companions=(): offered.append((kind, written, companions)))
    page = _open_page(window, load_draft(huaian_path))
    assert not page.inline.isEnabled()  # 放入报告文件 means nothing until an appendix is ticked
    page.checklist.setChecked(True)
    assert page.inline.isEnabled() and not page.inline.isChecked()
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
    # The 自查清单 is a file of its own beside the report, not in the file that is published.
    checklist_file = tmp_path / "淮安_自查清单.docx"
    assert offered[0] == ("docx", target, [checklist_file])
    assert "自查清单" not in text and "附件" not in text
    assert "自查清单" in [p.text for p in docx.Document(str(checklist_file)).paragraphs]
    assert "草稿（未通过校验）" not in text
    workbook = openpyxl.load_workbook(target.with_suffix(".xlsx"))
    assert "表三" in workbook.sheetnames
    # The folder is remembered for the next session's first export.
    assert ExportFlow(window.controller, window).last_directory == tmp_path


def test_appendices_inside_the_report_when_asked_and_a_companion_is_not_replaced_unasked(
        window, qtbot, monkeypatch, huaian_path, tmp_path):
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, *_companions: offered.append(written))
    page = _open_page(window, load_draft(huaian_path))
    page.checklist.setChecked(True)
    page.inline.setChecked(True)
    target = tmp_path / "淮安.docx"
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: target)
    page.export_docx.click()
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=10000)
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "附件：自查清单" in texts and texts.index("附件：自查清单") < texts.index("淮安市人民政府")
    assert not (tmp_path / "淮安_自查清单.docx").exists()
    # Separate again, with last export's 自查清单 file there: the clerk is asked, and "No" writes nothing.
    page.inline.setChecked(False)
    companion = tmp_path / "淮安_自查清单.docx"
    companion.write_bytes(b"kept")
    asked = []
    monkeypatch.setattr(ExportFlow, "confirm_companions", lambda self, paths: asked.append(
        [p for p in paths if p.exists()]) or False)
    assert window.exports.export("docx", target) is False
    assert asked == [[companion]] and companion.read_bytes() == b"kept"


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
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, *_companions: offered.append(written))
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
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, *_companions: offered.append(written))
    page = _open_page(window, load_draft(huaian_path))
    target = tmp_path / "一图读懂.png"
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: target)
    page.export_graphic.click()
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    image = QImage(str(target))
    assert image.width() > 1000 and image.height() > image.width()
