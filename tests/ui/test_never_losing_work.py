"""Autosave on page change, the recovery prompt after a kill, the close prompt, and the crash handler."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from models.storage import autosave, locations
from models.storage.drafts import load_draft
from tests.ui.gui import recovery_answers, type_chinese
from ui import crash
from ui.document_view import LockAnswer, SaveAnswer
from ui.main_window import MainWindow


def test_page_change_autosaves_and_next_start_offers_recovery(window, qtbot, monkeypatch, answers):
    window.controller.new_report()
    type_chinese(window.editor.pages["meta"].agency, "恢复测试局")
    window.editor.pages["t4"].view.select_key("t4.review.upheld")
    window.editor.pages["t4"].view.paste("3")
    window.editor.go_to("t4")  # a page change writes the autosave slot
    [slot] = autosave.list_autosaves()
    assert slot.agency == "恢复测试局" and slot.source is None
    assert load_draft(slot.path).number("t4.review.upheld") == 3

    # The process is killed here: nothing else runs. A new window starts and finds the slot.
    second = MainWindow()
    qtbot.addWidget(second)
    monkeypatch.setattr(second, "ask_recovery", recovery_answers(answers))
    assert second.controller.offer_recovery()
    kind, text = answers["asked"][-1]
    assert kind == "recover" and "恢复测试局" in text and "最后自动保存于" in text
    assert second.doc.report.number("t4.review.upheld") == 3
    assert second.doc.is_modified and second.isWindowModified()
    monkeypatch.setattr(second, "ask_save", lambda text: SaveAnswer.DISCARD)
    second.close()


def test_declining_recovery_discards_the_slot(window, qtbot, monkeypatch):
    window.controller.new_report()
    window.doc.set_text("s6", "未保存的文字")
    assert window.controller.autosave()
    second = MainWindow()
    qtbot.addWidget(second)
    monkeypatch.setattr(second, "ask_recovery", recovery_answers({"recover": False}, []))
    assert not second.controller.offer_recovery()
    assert autosave.list_autosaves() == []


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, answers, tmp_path):
    window.controller.new_report()
    window.doc.set_text("s6", "还没保存")
    answers["save"] = SaveAnswer.CANCEL
    assert not window.close()
    assert window.isVisible() and window.doc is not None
    assert answers["asked"][-1][0] == "save"
    target = tmp_path / "saved.nianbao"
    window.doc.path = target
    answers["save"] = SaveAnswer.SAVE
    assert window.close()
    assert load_draft(target).texts["s6"] == "还没保存"
    assert autosave.list_autosaves() == []


def test_saving_clears_the_autosave_and_the_unsaved_mark(window, tmp_path):
    window.controller.new_report()
    window.doc.set_text("s6", "内容")
    assert window.isWindowModified()
    window.controller.autosave()
    assert autosave.list_autosaves()
    assert window.controller.save_as(tmp_path / "x")
    assert (tmp_path / "x.nianbao").exists()
    assert not window.isWindowModified() and autosave.list_autosaves() == []
    assert "x.nianbao" in window.windowTitle()


def test_save_failure_keeps_the_report_and_offers_save_as(window, answers, monkeypatch, tmp_path):
    window.controller.new_report()
    window.doc.set_text("s6", "重要内容")
    answers_seen = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda *a, **k: answers_seen.append(a[2]) or QMessageBox.StandardButton.Cancel)
    assert not window.controller.save_as(tmp_path / "no-such-folder" / "r.nianbao")
    assert "文件夹不存在" in answers_seen[-1] and "另存" in answers_seen[-1]
    assert window.doc.report.texts["s6"] == "重要内容" and window.doc.is_modified


def test_unhandled_exception_autosaves_logs_and_explains(window, monkeypatch):
    window.controller.new_report()
    window.doc.set_text("s6", "崩溃前的内容")
    shown = []
    monkeypatch.setattr(crash, "show_dialog", lambda parent, saved: shown.append(saved))
    crash.install(window.controller.autosave, lambda: window)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert shown == [True]
    [slot] = autosave.list_autosaves()
    assert load_draft(slot.path).texts["s6"] == "崩溃前的内容"
    log = (locations.logs_dir() / crash.LOG_NAME).read_text(encoding="utf-8")
    assert "boom in a slot" in log and "Traceback" in log


@pytest.mark.parametrize("content", [b"{broken", b"\x00\x01"])
def test_opening_a_bad_draft_shows_a_chinese_message(window, answers, tmp_path, content):
    path = tmp_path / "坏.nianbao"
    path.write_bytes(content)
    assert not window.controller.open_draft(path)
    kind, message = answers["asked"][-1]
    assert kind == "critical" and "坏.nianbao" in message
    assert path.read_bytes() == content


def test_a_draft_open_in_another_instance_is_warned_and_can_open_read_only(window, monkeypatch, tmp_path,
                                                                           sample_path):
    import json
    import socket
    import subprocess
    from datetime import datetime

    from models.storage import locks
    from models.storage.drafts import save_draft

    draft = tmp_path / "shared.nianbao"
    save_draft(load_draft(sample_path), draft)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        owner = {"user": "同事", "host": socket.gethostname(), "pid": other.pid,
                 "since": datetime.now().astimezone().isoformat(timespec="seconds")}
        locks.lock_path(draft).write_text(json.dumps(owner, ensure_ascii=False), encoding="utf-8")
        asked = []
        monkeypatch.setattr(window, "ask_locked", lambda text: asked.append(text) or LockAnswer.READ_ONLY)
        assert window.controller.open_draft(draft)
        assert "同事" in asked[0]
        assert window.doc.report.read_only and window.doc.path is None
        page = window.editor.pages["t3"]
        assert not (page.model.flags(page.model.index_of("t3.new.natural")) & page.model.flags(
            page.model.index_of("t3.new.natural")).ItemIsEditable)
        assert window.editor.pages["s1"].editors["s1.requests"].isReadOnly()
    finally:
        other.kill()
        other.wait()


def test_the_open_draft_holds_a_lock_until_closed(window, tmp_path, sample_path):
    from models.storage import locks
    from models.storage.drafts import save_draft

    draft = tmp_path / "mine.nianbao"
    save_draft(load_draft(sample_path), draft)
    assert window.controller.open_draft(draft)
    assert locks.lock_path(draft).exists()
    window.go_home()
    assert not locks.lock_path(draft).exists()


def test_a_newer_version_draft_opens_read_only_with_an_explanation(window, answers, tmp_path):
    import json

    path = tmp_path / "newer.nianbao"
    content = json.dumps({"format": "gov-info-annual-report", "schema_version": 9, "template": "2021",
                          "meta": {"agency": "新版本局", "year": 2030}, "cells": {"t3.new.natural": 1}},
                         ensure_ascii=False)
    path.write_text(content, encoding="utf-8")
    assert window.controller.open_draft(path)
    kind, message = answers["asked"][-1]
    assert kind == "info" and "更新版本" in message
    assert window.doc.report.read_only and window.doc.path is None
    window.doc.set_text("s6", "试图修改")
    assert path.read_text(encoding="utf-8") == content


def test_a_hand_edited_cell_key_it_does_not_know_is_named_on_opening_and_kept(window, answers, tmp_path,
                                                                             sample_path):
    import json

    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["cells"]["t3.new.naturel"] = 5  # a typo made by hand in the file
    path = tmp_path / "手改.nianbao"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.controller.open_draft(path)
    kind, message = answers["asked"][-1]
    assert kind == "info" and "t3.new.naturel" in message and "未检查" in message
    window.controller.save()
    assert json.loads(path.read_text(encoding="utf-8"))["cells"]["t3.new.naturel"] == 5


def test_import_last_years_word_report_shows_notices_and_carries_over(window, answers, huaian_path, tmp_path):
    from exporters import export_docx

    word = export_docx(load_draft(huaian_path), tmp_path / "淮安2024.docx")
    assert window.controller.import_previous(word)
    report = window.doc.report
    assert report.meta.year == 2025 and report.number("t3.carried_in.natural") == 103
    assert window.doc.previous is not None and window.doc.previous.meta.year == 2024
    assert window.doc.is_modified
    assert "X-4" in {f.rule for f in window.doc.findings}


def test_import_of_a_foreign_file_says_what_it_is(window, answers, tmp_path):
    bogus = tmp_path / "报告.doc"
    bogus.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert not window.controller.import_previous(bogus)
    kind, message = answers["asked"][-1]
    assert kind == "warning" and "报告.doc" in message and ".docx" in message
