"""Discarded means discarded (issue 12 §6): work the clerk discards (不保存) is not offered for recovery at the next
start, on every path that discards it; work not discarded (a crash) still is. Driven as a clerk drives the window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.report import Meta, Report
from models.storage import autosave
from models.storage.drafts import load_draft, save_draft
from tests.ui.gui import menu_action, recovery_answers, type_chinese
from ui.document_view import SaveAnswer
from ui.main_window import MainWindow

DISCARDED_AGENCY = "放弃测试局"


def unsaved_new_report(window) -> autosave.AutosaveSlot:
    """A new report with typed work, autosaved by a page change as the app does; its slot."""
    menu_action(window, "新建本年度报告").trigger()
    type_chinese(window.editor.pages["meta"].agency, DISCARDED_AGENCY)
    window.editor.go_to("t4")
    [slot] = [s for s in autosave.list_autosaves() if s.agency == DISCARDED_AGENCY]
    return slot


def next_start_offers(qtbot, monkeypatch) -> list[str]:
    """A new window starting as after a kill: the recovery questions it asks."""
    second = MainWindow()
    qtbot.addWidget(second)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(second, "ask_recovery", recovery_answers({"recover": False}, asked))
    second.controller.offer_recovery()
    return [text for _kind, text in asked]


# ----- 1. discarded means discarded ---------------------------------------------------------------------------------

def _new(window, monkeypatch, tmp_path, sample_path, huaian_path):
    menu_action(window, "新建本年度报告").trigger()


def _open_other(window, monkeypatch, tmp_path, sample_path, huaian_path):
    other = tmp_path / "另一份.nianbao"
    save_draft(load_draft(sample_path), other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    menu_action(window, "打开草稿").trigger()
    assert window.doc.path == other


def _sample(window, monkeypatch, tmp_path, sample_path, huaian_path):
    menu_action(window, "打开示例报告").trigger()


def _import(window, monkeypatch, tmp_path, sample_path, huaian_path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(huaian_path), ""))
    menu_action(window, "从上年报告导入").trigger()
    assert window.doc.previous is not None


def _close(window, monkeypatch, tmp_path, sample_path, huaian_path):
    assert window.close()


@pytest.mark.parametrize("leave", [_new, _open_other, _sample, _import, _close],
                         ids=["new", "open", "sample", "import", "close"])
def test_discarded_work_is_not_offered_at_the_next_start(window, qtbot, monkeypatch, answers, tmp_path,
                                                          sample_path, huaian_path, leave):
    slot = unsaved_new_report(window)
    answers["save"] = SaveAnswer.DISCARD  # 不保存
    leave(window, monkeypatch, tmp_path, sample_path, huaian_path)
    assert ("save", f"“{DISCARDED_AGENCY} {window_year()}年度报告”有未保存的修改，是否保存？") in answers["asked"]
    assert not slot.path.exists()
    assert not [s for s in autosave.list_autosaves() if s.agency == DISCARDED_AGENCY]
    assert not [text for text in next_start_offers(qtbot, monkeypatch) if DISCARDED_AGENCY in text]


def window_year() -> int:
    from ui.pages.start_page import default_report_year

    return default_report_year()


def test_work_that_was_not_discarded_is_still_offered(window, qtbot, monkeypatch, answers):
    """A crash leaves its slot; discarding another report later does not remove that one."""
    crashed = Report(meta=Meta("崩溃测试局", 2024, "县级政府部门"))
    crashed.texts["s6"] = "崩溃前写的文字"
    autosave.write_autosave(crashed, autosave.slot_id(None), None)
    slot = unsaved_new_report(window)
    menu_action(window, "新建本年度报告").trigger()  # 不保存
    assert not slot.path.exists()
    offered = next_start_offers(qtbot, monkeypatch)
    assert len(offered) == 1 and "崩溃测试局" in offered[0]

    # And the work of the report open when the app is killed is offered too.
    type_chinese(window.editor.pages["meta"].agency, "被终止测试局")
    window.editor.go_to("t2")
    assert any("被终止测试局" in text for text in next_start_offers(qtbot, monkeypatch))


def test_reopening_the_same_draft_after_discarding_does_not_offer_the_discarded_work(window, monkeypatch, answers,
                                                                                     tmp_path, sample_path):
    draft = tmp_path / "本局.nianbao"
    save_draft(load_draft(sample_path), draft)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(draft), ""))
    menu_action(window, "打开草稿").trigger()
    type_chinese(window.editor.pages["meta"].agency, DISCARDED_AGENCY)
    window.editor.go_to("t3")
    assert [s for s in autosave.list_autosaves() if DISCARDED_AGENCY in s.agency]
    menu_action(window, "打开草稿").trigger()  # the same file again, 不保存
    assert not [kind for kind, _ in answers["asked"] if kind == "recover"]
    assert window.doc.report.meta.agency == load_draft(draft).meta.agency and not window.doc.is_modified
    assert autosave.list_autosaves() == []


def test_an_autosave_while_a_question_is_open_does_not_bring_discarded_work_back(window, monkeypatch, answers,
                                                                                 tmp_path, sample_path):
    """The 30-second timer can fire while the next draft's notice is on screen."""
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["cells"]["t3.new.naturel"] = 5  # a notice is shown when this draft opens
    other = tmp_path / "有提示.nianbao"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    slot = unsaved_new_report(window)
    type_chinese(window.editor.pages["meta"].agency, DISCARDED_AGENCY + "（又改）")  # changed after the autosave

    def notice_while_the_timer_fires(*args, **_kwargs):
        window.controller.autosave_timer.timeout.emit()
        answers["asked"].append(("info", args[2]))

    monkeypatch.setattr(QMessageBox, "information", notice_while_the_timer_fires)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    menu_action(window, "打开草稿").trigger()
    assert answers["asked"][-1][0] == "info" and window.doc.path == other
    assert not slot.path.exists() and not autosave.list_autosaves()


def test_undoing_back_to_the_saved_state_leaves_nothing_to_recover(window, tmp_path, sample_path):
    draft = tmp_path / "本局.nianbao"
    save_draft(load_draft(sample_path), draft)
    assert window.controller.open_draft(draft)
    view = window.editor.go_to("t4").view
    view.select_key("t4.review.upheld")
    assert view.paste("99")
    window.editor.go_to("t3")
    assert autosave.list_autosaves()
    window.undo_action.trigger()
    assert not window.doc.is_modified
    window.editor.go_to("t4")
    assert autosave.list_autosaves() == []
