"""Two reports with unsaved edits and one power cut: the next start offers both, each with its report, time and
size, and discards only what the clerk declines; what is not decided stays on disk."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from models.report import Meta, Report
from models.storage import autosave
from models.storage.drafts import load_draft, save_draft
from tests.builders import consistent_report
from tests.ui.gui import recovery_answers
from ui.document_view import SaveAnswer
from ui.main_window import MainWindow
from ui.recovery_dialog import CHOICES, DISCARD, LATER, RECOVER, RecoveryDialog

pytestmark = pytest.mark.robustness


def _power_cut_with_two_reports(tmp_path) -> tuple[autosave.AutosaveSlot, autosave.AutosaveSlot]:
    """The slots two app windows left: a saved draft with later edits, and a new report never saved."""
    draft = tmp_path / "甲局.nianbao"
    saved = consistent_report(1)
    saved.meta.agency = "甲局"
    save_draft(saved, draft)
    edited = saved.copy()
    edited.set("t3.new.natural", 77)
    path = autosave.write_autosave(edited, autosave.slot_id(draft), draft)
    data = json.loads(path.read_text(encoding="utf-8"))  # 甲局's window autosaved an hour before 乙局's
    earlier = datetime.now().astimezone() - timedelta(hours=1)
    data["autosave"]["saved_at"] = earlier.isoformat(timespec="seconds")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fresh = Report(meta=Meta("乙局", 2024, "县级政府部门"))
    fresh.texts["s6"] = "乙局还没保存的文字"
    autosave.write_autosave(fresh, autosave.slot_id(None), None)
    slots = {s.agency: s for s in autosave.list_autosaves()}
    return slots["甲局"], slots["乙局"]


def _next_start(qtbot, monkeypatch, answers):
    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "ask_recovery", recovery_answers(answers))
    monkeypatch.setattr(window, "ask_save", lambda text: SaveAnswer.DISCARD)
    return window


def test_every_slot_is_offered_and_only_the_declined_one_is_discarded(qtbot, monkeypatch, tmp_path):
    first, second = _power_cut_with_two_reports(tmp_path)
    answers = {"asked": [], "recover": lambda slots: {first.path: DISCARD}}  # 乙局: not decided
    window = _next_start(qtbot, monkeypatch, answers)
    assert not window.controller.offer_recovery()
    offered = [text for _kind, text in answers["asked"]]
    assert len(offered) == 2, "both reports are offered, not only the newest"
    assert any("甲局" in t and "甲局.nianbao" in t for t in offered)
    assert any("乙局" in t and "尚未保存过的新报告" in t for t in offered)
    assert all("最后自动保存于" in t and ("KB" in t or "字节" in t) for t in offered)
    assert not first.path.exists(), "declined: discarded"
    assert second.path.exists(), "not decided: kept"
    assert [s.agency for s in autosave.list_autosaves()] == ["乙局"]


def test_recovering_one_keeps_the_other_for_later(qtbot, monkeypatch, tmp_path, answers):
    first, second = _power_cut_with_two_reports(tmp_path)
    answers["recover"] = True  # 恢复 for both: the newest opens now, the other waits
    window = _next_start(qtbot, monkeypatch, answers)
    assert window.controller.offer_recovery()
    assert window.doc.report.texts["s6"] == "乙局还没保存的文字" and window.doc.is_modified
    assert first.path.exists() and second.path.exists()
    assert "另有1份" in window._notice.text() and not window._notice.isHidden()
    # 甲局's work is offered again when its draft is opened (乙局's is left with 不保存).
    assert window.controller.open_draft(tmp_path / "甲局.nianbao")
    assert window.doc.report.number("t3.new.natural") == 77 and window.doc.is_modified


def test_leaving_a_draft_s_own_slot_for_later_does_not_open_it_over_that_work(window, answers, tmp_path):
    first, _second = _power_cut_with_two_reports(tmp_path)
    answers["recover"] = lambda slots: {}  # 以后再说
    assert not window.controller.open_draft(tmp_path / "甲局.nianbao")
    assert first.path.exists() and window.doc is None
    answers["recover"] = False  # 放弃
    assert window.controller.open_draft(tmp_path / "甲局.nianbao")
    assert not first.path.exists()
    assert window.doc.report.number("t3.new.natural") == load_draft(tmp_path / "甲局.nianbao").number(
        "t3.new.natural")


def test_the_dialog_lists_each_slot_with_its_own_choice(qapp, tmp_path):
    _power_cut_with_two_reports(tmp_path)
    slots = autosave.list_autosaves()
    dialog = RecoveryDialog(slots)
    rows = [[dialog.table.topLevelItem(i).text(c) for c in range(4)] for i in range(dialog.table.topLevelItemCount())]
    assert sorted(r[0] for r in rows) == ["乙局 2024年度报告", "甲局 2024年度报告"]
    assert all(r[2] and r[3] for r in rows)
    keys = [key for key, _text in CHOICES]
    assert dialog.choices() == {slots[0].path: RECOVER}, "by default the newest is recovered, the others wait"
    dialog.choosers[0].setCurrentIndex(keys.index(LATER))
    dialog.choosers[1].setCurrentIndex(keys.index(DISCARD))
    assert dialog.choices() == {slots[1].path: DISCARD}
    dialog.deleteLater()
