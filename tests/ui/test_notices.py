"""What the clerk is told: passing messages leave the status bar after a few seconds; what matters for the open report
(只能查看, 示例报告, what an import or a recovery brought) is a notice above its pages, and goes with it — a read-only
note does not follow into the next report."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtWidgets import QApplication

from models.storage import migrations
from tests.ui.gui import menu_action
from ui import status_line
from ui.document import READ_ONLY
from ui.document_controller import SAMPLE_NOTICE


def notice(window) -> str:
    """The notice above the report's pages, as the clerk sees it ('' when there is none)."""
    QApplication.processEvents()  # (a widget put into a layout is shown from the event loop)
    label = window._notice
    return label.text() if label is not None and label.isVisible() else ""


def test_a_read_only_note_stays_with_its_report_and_not_the_next(window, tmp_path, huaian_path):
    newer = tmp_path / "新版本.nianbao"
    data = json.loads(huaian_path.read_text(encoding="utf-8"))
    data["schema_version"] = migrations.CURRENT_SCHEMA_VERSION + 1
    newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.controller.open_draft(newer) and window.doc.report.read_only
    assert notice(window) == READ_ONLY
    window.editor.go_to("t3")  # on every page of that report
    assert notice(window) == READ_ONLY
    assert window.statusBar().currentMessage() != READ_ONLY

    menu_action(window, "新建本年度报告").trigger()
    assert not window.doc.report.read_only and notice(window) == ""
    assert READ_ONLY not in window.statusBar().currentMessage()


def test_the_sample_note_goes_once_it_is_saved_somewhere_of_ones_own(window, tmp_path, monkeypatch):
    menu_action(window, "打开示例报告").trigger()
    assert notice(window) == SAMPLE_NOTICE
    monkeypatch.setattr(window, "pick_path", lambda *a, **k: tmp_path / "本单位2023.nianbao")
    menu_action(window, "另存为").trigger()
    assert (tmp_path / "本单位2023.nianbao").exists() and notice(window) == ""


def test_the_import_note_stays_with_the_imported_report_until_another_is_opened(window, tmp_path, huaian_path):
    last_year = tmp_path / "淮安2024.nianbao"
    shutil.copyfile(huaian_path, last_year)
    assert window.controller.import_previous(last_year)
    assert "已从2024年度报告带入上年结转" in notice(window)
    window.editor.go_to("s1")
    assert "带入上年结转" in notice(window)
    menu_action(window, "返回开始页").trigger()
    assert notice(window) == ""
    assert window.controller.open_draft(last_year) and notice(window) == ""


def test_passing_messages_pass(window, qtbot, monkeypatch):
    assert 5000 <= status_line.TRANSIENT_MS <= status_line.LONGEST_MS <= 8000
    window.ensure_menus()
    bar = window.statusBar()
    monkeypatch.setattr(status_line, "LONGEST_MS", 300)  # the same, faster
    window.status("已复制")  # no time given
    assert bar.currentMessage() == "已复制"
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)
    bar.showMessage("单元格只接受数字")  # shown straight on the bar, with no time (the tables' notices)
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)


@pytest.mark.parametrize("timeout", [0, 600])
def test_the_window_gives_every_status_a_time(window, qtbot, monkeypatch, timeout):
    shown = []
    monkeypatch.setattr(window.statusBar(), "showMessage", lambda text, ms=0: shown.append(ms))
    window.status("已导出", timeout)
    QApplication.processEvents()
    assert shown == [timeout or status_line.TRANSIENT_MS]
