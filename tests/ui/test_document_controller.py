"""The DocumentController driven without a window: a fake view answers its questions and records what it says and
shows; real drafts, autosave slots, locks and the recent list in tmp_path (GOVREPORT_HOME is a fresh folder per test).
"""

from __future__ import annotations

import os
import socket
from datetime import datetime
from pathlib import Path

import pytest

from models.storage import autosave, locks, recent
from models.storage.drafts import load_draft, save_draft
from tests.builders import consistent_report
from ui.document import READ_ONLY, ReportDocument
from ui.document_controller import DRAFT_FILTER, DocumentController
from ui.document_view import DISCARD, RECOVER, DocumentView, LockAnswer, SaveAnswer
from ui.main_window import MainWindow

CELL = "t4.review.upheld"


class FakeView:
    """A DocumentView that answers as the test says and records everything, in order, in `said`."""

    def __init__(self) -> None:
        self.save_answer = SaveAnswer.DISCARD
        self.lock_answer = LockAnswer.CANCEL
        self.recovery: dict[str, str] = {}  # report name → RECOVER / DISCARD; a slot not named is left for later
        self.picked: Path | None = None
        self.offer_taken = False
        self.pending: dict[str, str] = {}
        self.said: list[tuple] = []
        self.shown: list[ReportDocument | None] = []

    def ask_save(self, text: str) -> SaveAnswer:
        self.said.append(("ask_save", text))
        return self.save_answer

    def ask_recovery(self, slots: list[autosave.AutosaveSlot]) -> dict[Path, str]:
        self.said.append(("ask_recovery", [slot.report_name for slot in slots]))
        return {slot.path: self.recovery[slot.report_name] for slot in slots if slot.report_name in self.recovery}

    def ask_locked(self, text: str) -> LockAnswer:
        self.said.append(("ask_locked", text))
        return self.lock_answer

    def pick_path(self, title: str, filters: str, start: Path, *, save: bool = False) -> Path | None:
        self.said.append(("pick_path", title, filters, start, save))
        return self.picked

    def show_error(self, title, error, *, critical=False, advice="", offer_save=False) -> bool:
        self.said.append(("error", title, getattr(error, "message", error), critical, offer_save))
        return offer_save and self.offer_taken

    def show_info(self, title: str, text: str) -> None:
        self.said.append(("info", title, text))

    def status(self, text: str, timeout_ms: int = 0) -> None:
        self.said.append(("status", text))

    def show_banner(self, text: str) -> None:
        self.said.append(("banner", text))

    def show_notice(self, text: str) -> None:
        self.said.append(("notice", text))

    def notice(self) -> str:
        """The notice the window shows now (the last one given)."""
        return next((entry[1] for entry in reversed(self.said) if entry[0] == "notice"), "")

    def show_document(self, doc: ReportDocument | None, page: str = "meta") -> None:
        self.shown.append(doc)

    def commit_pending(self) -> None:
        self.said.append(("commit",))

    def pending_edits(self) -> dict[str, str]:
        return dict(self.pending)

    def kinds(self) -> list[str]:
        return [entry[0] for entry in self.said if entry[0] not in ("commit", "notice")]


@pytest.fixture
def view() -> FakeView:
    return FakeView()


@pytest.fixture
def controller(qapp, view):
    made = DocumentController(view)
    made.autosave_timer.stop()  # the test ticks itself
    yield made
    made.close_document()


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "本局2024.nianbao"
    save_draft(consistent_report(3), path)
    return path


def _change(controller: DocumentController, value: int = 7) -> None:
    assert controller.doc.set_cells({CELL: value}, "test")


def test_the_fake_and_the_window_are_document_views():
    assert isinstance(FakeView(), DocumentView)
    members = [name for name in vars(DocumentView) if not name.startswith("_")]
    assert {"ask_save", "ask_recovery", "ask_locked", "pick_path", "show_error", "status", "show_document"} <= set(
        members)
    assert all(callable(getattr(MainWindow, name, None)) for name in members), "MainWindow misses part of the view"


def test_a_new_report_is_shown_adds_its_own_totals_and_has_nothing_to_autosave(controller, view):
    assert controller.new_report()
    doc = controller.doc
    assert view.shown == [doc] and doc.path is None and not doc.is_modified
    assert doc.report.meta.year and doc.auto_keys  # this year's report, 自动合计 on
    assert not controller.autosave() and autosave.list_autosaves() == []


def test_opening_a_draft_locks_it_and_puts_it_first_in_the_recent_list(controller, view, draft):
    assert controller.open_draft(draft)
    assert controller.doc.path == draft and controller.doc.report.cells == load_draft(draft).cells
    assert view.shown == [controller.doc]
    assert locks.read_owner(draft) is None  # our own lock: not "open elsewhere"
    assert locks.lock_path(draft).exists()
    assert [entry.path for entry in recent.recent_drafts()] == [draft]
    controller.close_document()
    assert not locks.lock_path(draft).exists() and view.shown[-1] is None


def test_open_without_a_path_asks_for_one_and_cancelling_opens_nothing(controller, view, draft):
    assert not controller.open_draft()
    [(_, title, filters, _start, save)] = [s for s in view.said if s[0] == "pick_path"]
    assert title == "打开草稿" and filters == DRAFT_FILTER and not save
    assert controller.doc is None and view.shown == []
    view.picked = draft
    assert controller.open_draft() and controller.doc.path == draft


def _locked_elsewhere(draft: Path) -> None:
    """The lock file another running instance (our parent process, alive and not us) leaves."""
    import json

    owner = {"user": "同事", "host": socket.gethostname(), "pid": os.getppid(),
             "since": datetime.now().astimezone().isoformat(timespec="seconds")}
    locks.lock_path(draft).write_text(json.dumps(owner, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(("answer", "opened", "read_only"), [(LockAnswer.CANCEL, False, False),
                                                             (LockAnswer.READ_ONLY, True, True),
                                                             (LockAnswer.OPEN, True, False)])
def test_a_draft_open_elsewhere_asks_first(controller, view, draft, answer, opened, read_only):
    _locked_elsewhere(draft)
    view.lock_answer = answer
    assert controller.open_draft(draft) is opened
    [(_, text)] = [s for s in view.said if s[0] == "ask_locked"]
    assert "同事" in text and draft.name in text
    if not opened:
        assert controller.doc is None and recent.recent_drafts() == []
        return
    assert controller.doc.report.read_only is read_only
    if read_only:
        # Viewed, not edited: no path to save over, not remembered, the notice says how to get an editable copy.
        assert controller.doc.path is None and view.notice() == READ_ONLY
        assert recent.recent_drafts() == []
        assert not controller.autosave()
    else:
        assert controller.doc.path == draft


def test_a_corrupt_draft_is_an_error_in_chinese_and_nothing_is_lost(controller, view, tmp_path, draft):
    assert controller.open_draft(draft)
    saved = load_draft(draft).number(CELL)
    _change(controller)
    before = dict(controller.doc.report.cells)
    bad = tmp_path / "坏.nianbao"
    bad.write_bytes(b'{"schema": 1, "cells": {broken')
    view.save_answer = SaveAnswer.SAVE
    assert not controller.open_draft(bad)
    assert "ask_save" not in view.kinds()  # the file is read first: nothing asked about a file that cannot open
    [error] = [s for s in view.said if s[0] == "error"]
    _, title, message, critical, _offer = error
    assert title == "无法打开草稿" and critical
    assert "“坏.nianbao”无法打开" in message and "文件未作任何改动" in message
    assert bad.read_bytes() == b'{"schema": 1, "cells": {broken'  # the file as it was
    assert controller.doc.path == draft and controller.doc.report.cells == before  # the open report stays
    assert controller.doc.is_modified and load_draft(draft).number(CELL) == saved != 7  # unsaved
    assert [entry.path for entry in recent.recent_drafts()] == [draft]


def test_reopening_the_open_draft_after_saving_it_shows_what_was_saved(controller, view, draft):
    assert controller.open_draft(draft)
    _change(controller, 9)
    view.save_answer = SaveAnswer.SAVE
    assert controller.open_draft(draft)
    assert view.kinds().count("ask_save") == 1
    assert controller.doc.report.number(CELL) == 9 and not controller.doc.is_modified


def test_save_as_writes_the_draft_names_it_and_removes_the_autosave(controller, view, tmp_path):
    controller.new_report()
    _change(controller)
    assert controller.autosave() and len(autosave.list_autosaves()) == 1
    saved = []
    controller.saved.connect(saved.append)
    assert controller.save_as(tmp_path / "本局报告")  # the suffix is added
    path = tmp_path / "本局报告.nianbao"
    assert saved == [path] and controller.doc.path == path and not controller.doc.is_modified
    assert load_draft(path).number(CELL) == 7
    assert autosave.list_autosaves() == []
    assert [entry.path for entry in recent.recent_drafts()] == [path]
    assert ("status", f"已保存：{path}") in view.said
    assert locks.lock_path(path).exists()

    _change(controller, 8)
    assert controller.save()  # to the same file, nothing asked
    assert load_draft(path).number(CELL) == 8 and "pick_path" not in view.kinds()


def test_save_of_a_new_report_asks_where_and_a_cancel_saves_nothing(controller, view, tmp_path):
    controller.new_report()
    _change(controller)
    assert not controller.save()
    [(_, title, filters, start, save)] = [s for s in view.said if s[0] == "pick_path"]
    assert title == "另存为" and filters == DRAFT_FILTER and save and start.suffix == ".nianbao"
    assert controller.doc.is_modified and list(tmp_path.glob("*.nianbao")) == []
    view.picked = tmp_path / "选的位置.nianbao"
    assert controller.save() and load_draft(view.picked).number(CELL) == 7


def test_a_failed_save_offers_another_place_and_keeps_the_work(controller, view, tmp_path):
    controller.new_report()
    _change(controller)
    assert not controller.save_as(tmp_path / "没有这个文件夹" / "报告.nianbao")
    [(_, title, _message, critical, offer)] = [s for s in view.said if s[0] == "error"]
    assert title == "保存失败" and critical and offer
    assert controller.doc.is_modified and controller.doc.path is None
    view.offer_taken, view.picked = True, tmp_path / "另一处.nianbao"
    assert controller.save_as(tmp_path / "没有这个文件夹" / "报告.nianbao")  # 保存 → asked where, saved there
    assert load_draft(view.picked).number(CELL) == 7 and controller.doc.path == view.picked


def test_autosave_writes_only_when_the_report_changed(controller, view, monkeypatch):
    written = []
    real_write = autosave.write_autosave
    monkeypatch.setattr(autosave, "write_autosave",
                        lambda report, slot, source: written.append(report.number(CELL)) or real_write(report, slot,
                                                                                                         source))
    controller.new_report()
    assert not controller.autosave() and written == []  # nothing unsaved
    _change(controller, 7)
    assert controller.autosave() and controller.autosave()  # the second tick: already there
    assert written == [7]
    _change(controller, 9)
    assert controller.autosave() and written == [7, 9]
    [slot] = autosave.list_autosaves()
    assert load_draft(slot.path).number(CELL) == 9

    view.pending = {CELL: "12"}  # a cell editor left open: its text goes into the copy only
    assert controller.autosave() and written == [7, 9, 12] and controller.doc.report.number(CELL) == 9
    assert controller.autosave() and written == [7, 9, 12]
    view.pending = {}

    controller.doc.undo_stack.setIndex(0)  # back to what the report was: nothing left to recover
    assert not controller.autosave() and autosave.list_autosaves() == []


def _crashed_with(agency: str, tmp_path: Path, source: Path | None = None) -> None:
    """An autosave slot left by a crash: unsaved work of the report of `agency`."""
    report = consistent_report(5)
    report.meta.agency = agency
    report.set(CELL, 42)
    autosave.write_autosave(report, autosave.slot_id(source), source)


def test_recovery_offered_at_start_and_accepted(controller, view, tmp_path):
    _crashed_with("恢复甲局", tmp_path)
    name = autosave.list_autosaves()[0].report_name
    view.recovery = {name: RECOVER}
    assert controller.offer_recovery()
    assert ("ask_recovery", [name]) in view.said
    doc = controller.doc
    assert doc.report.meta.agency == "恢复甲局" and doc.report.number(CELL) == 42 and doc.is_modified
    assert "已恢复" in view.notice() and "请及时保存" in view.notice()
    assert controller.save_as(tmp_path / "恢复")
    assert view.notice() == ""  # saved: nothing more to say
    assert autosave.list_autosaves() == []  # saved: the recovered slot is gone


def test_recovery_discarded_deletes_the_slot_and_opens_nothing(controller, view, tmp_path):
    _crashed_with("放弃乙局", tmp_path)
    view.recovery = {autosave.list_autosaves()[0].report_name: DISCARD}
    assert not controller.offer_recovery()
    assert controller.doc is None and autosave.list_autosaves() == []
    assert not controller.offer_recovery() and view.kinds() == ["ask_recovery"]  # nothing left to ask about


def test_recovery_left_for_later_keeps_the_slot(controller, view, tmp_path):
    _crashed_with("以后丙局", tmp_path)
    assert not controller.offer_recovery()
    assert controller.doc is None and len(autosave.list_autosaves()) == 1


@pytest.mark.parametrize("choice", [RECOVER, DISCARD, None])
def test_opening_a_draft_whose_autosave_survived_asks_about_it(controller, view, tmp_path, draft, choice):
    _crashed_with("本局", tmp_path, source=draft)
    name = autosave.list_autosaves()[0].report_name
    if choice is not None:
        view.recovery = {name: choice}
    opened = controller.open_draft(draft)
    assert ("ask_recovery", [name]) in view.said
    if choice is None:  # 以后再说: editing the draft would overwrite that work, so it is not opened
        assert not opened and controller.doc is None and len(autosave.list_autosaves()) == 1
        assert any(s[0] == "status" and "留待以后处理" in s[1] for s in view.said)
        return
    assert opened and controller.doc.path == draft
    if choice == RECOVER:
        assert controller.doc.report.number(CELL) == 42 and controller.doc.is_modified
    else:
        assert controller.doc.report.cells == load_draft(draft).cells and not controller.doc.is_modified
        assert autosave.list_autosaves() == []


def test_unsaved_work_is_asked_about_before_another_report_and_cancel_keeps_it(controller, view, draft):
    controller.new_report()
    _change(controller)
    first = controller.doc
    view.save_answer = SaveAnswer.CANCEL
    assert not controller.open_draft(draft) and not controller.new_report() and not controller.open_sample()
    assert controller.doc is first and first.is_modified
    assert [s[0] for s in view.said if s[0] == "ask_save"] == ["ask_save"] * 3
    view.save_answer = SaveAnswer.DISCARD
    assert controller.autosave() and autosave.list_autosaves()
    assert controller.open_draft(draft)
    assert autosave.list_autosaves() == []  # discarded means discarded: not offered at the next start


def test_importing_last_years_report_starts_this_years(controller, view, draft, tmp_path):
    assert controller.import_previous(draft)
    doc = controller.doc
    assert doc.path is None and doc.is_modified and doc.previous is not None
    assert doc.report.meta.year == load_draft(draft).meta.year + 1
    assert "已从2024年度报告带入上年结转" in view.notice()
    assert not controller.import_previous(tmp_path / "没有.docx")
    assert view.said[-1][:2] == ("error", "无法导入") and controller.doc is doc


def test_importing_a_file_that_cannot_be_read_asks_nothing_about_the_open_report(controller, view, draft, tmp_path):
    """A PDF chosen by mistake: refused at once; 保存/不保存 is asked only about a file that can be imported."""
    assert controller.open_draft(draft)
    _change(controller, 9)
    pdf = tmp_path / "2024年度报告.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    view.picked = pdf
    view.save_answer = SaveAnswer.CANCEL
    assert not controller.import_previous()
    assert view.kinds() == ["pick_path", "error"] and view.said[-1][1] == "无法导入"
    assert controller.doc.path == draft and controller.doc.is_modified and controller.doc.report.number(CELL) == 9

    view.said.clear()
    view.picked = draft  # a file that reads: now the open report's changes are asked about
    assert not controller.import_previous()  # 取消
    assert view.kinds() == ["pick_path", "ask_save"] and controller.doc.report.number(CELL) == 9
    view.save_answer = SaveAnswer.DISCARD
    assert controller.import_previous(draft) and controller.doc.previous is not None


def test_an_unwritable_data_folder_is_one_banner(controller, view, monkeypatch):
    from models.storage import locations

    monkeypatch.setattr(locations, "unwritable", lambda: locations.data_folder())
    controller.check_data_folder()
    [(_, text)] = [s for s in view.said if s[0] == "banner"]
    assert "自动保存" in text
