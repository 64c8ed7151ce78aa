"""The window's export buttons and save dialogs come from the exporter table (exporters.registry), and a failure the
clerk can act on is shown in one place (MainWindow.show_error)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from exporters.registry import EXPORTERS
from models.errors import UserError
from models.storage.drafts import load_draft
from ui.document import ReportDocument
from ui.export_flow import ExportFlow


def _review_page(window, report):
    window.controller.set_document(ReportDocument(report))
    return window.editor.go_to("review")


@pytest.mark.parametrize("kind", list(EXPORTERS))
def test_each_save_dialog_offers_the_registered_suffixes_and_completes_a_bare_name(window, monkeypatch, tmp_path,
                                                                                   kind):
    asked = []

    def dialog(parent, title, suggested, filters):
        asked.append((title, filters))
        return str(tmp_path / "报告"), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    exporter = EXPORTERS[kind]
    flow = ExportFlow(window.controller, window)
    assert flow.ask_path(kind, f"报告{exporter.suffix}") == tmp_path / f"报告{exporter.suffix}"
    [(title, filters)] = asked
    assert exporter.name in title and filters == exporter.file_filter
    for suffix in exporter.suffixes:
        assert f"(*{suffix})" in filters
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, s=suffix: (str(tmp_path / f"图{s.upper()}"), ""))
        assert flow.ask_path(kind, "x") == tmp_path / f"图{suffix.upper()}"  # a registered suffix is kept


def test_the_review_page_has_one_export_button_per_kind(window, huaian_path):
    page = _review_page(window, load_draft(huaian_path))
    asked = []
    page.exportRequested.disconnect()
    page.exportRequested.connect(asked.append)
    assert list(page.export_buttons) == list(EXPORTERS)
    for kind, button in page.export_buttons.items():
        assert button.text() == EXPORTERS[kind].button
        button.click()
    assert asked == list(EXPORTERS)


def test_show_error_shows_a_user_errors_message(window, answers):
    window.show_error("无法导入", UserError("无法读取“甲.docx”。", "甲.docx"))
    window.show_error("导出失败", UserError("无法保存“乙.xlsx”。"), critical=True, advice="请另存到其他位置。")
    window.show_error("无法汇总", "没有可以汇总的采集表。")
    assert answers["asked"] == [("warning", "无法读取“甲.docx”。"),
                                ("critical", "无法保存“乙.xlsx”。\n\n请另存到其他位置。"),
                                ("warning", "没有可以汇总的采集表。")]


def test_show_error_with_an_offer_says_whether_it_was_taken(window, monkeypatch):
    for answer, taken in ((QMessageBox.StandardButton.Save, True), (QMessageBox.StandardButton.Cancel, False)):
        monkeypatch.setattr(QMessageBox, "critical", lambda *a, answer=answer: answer)
        assert window.show_error("保存失败", UserError("磁盘已满。"), critical=True,
                                 offer_save=True) is taken


def test_an_export_failure_reaches_show_error_as_the_user_error(window, qtbot, monkeypatch, huaian_path, tmp_path):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, error, **options: shown.append((title, error, options)))
    _review_page(window, load_draft(huaian_path))
    assert window.exports.export("docx", tmp_path / "没有这个文件夹" / "报告.docx")
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    [(title, error, options)] = shown
    assert title == "导出失败" and options == {"critical": True}
    assert isinstance(error, UserError) and "报告.docx" in error.message
    assert error.path == Path(tmp_path / "没有这个文件夹" / "报告.docx")


def test_file_actions_and_tools_show_their_errors_through_show_error(window, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, error, **options: shown.append((title, error)))
    bad = tmp_path / "坏.nianbao"
    bad.write_bytes(b"{broken")
    assert not window.controller.open_draft(bad)
    assert not window.controller.import_previous(tmp_path / "没有.docx")
    window.controller.new_report()
    window.doc.report.meta.year = 2024
    assert not window.tools.ledger_to_table3(tmp_path / "没有的台账.xlsx")
    assert [title for title, _ in shown] == ["无法打开草稿", "无法导入", "无法读取台账"]
    assert all(isinstance(error, UserError) for _, error in shown)
