"""Undo and state that tell the truth (issue 12 §6), driven as a clerk drives the window (discarded work:
test_discarded_work.py).

- What the tools store in the draft (the departments' numbers of 汇总数据采集表) is undone and redone with the cells.
- A corrupt remembered ledger column mapping is explained in Chinese and set aside; the crash handler never sees it.
- An unexpected error in an export worker is reported on the GUI thread (autosaved, logged, in Chinese), never on the
  worker's thread.
"""

from __future__ import annotations

import copy
import json
import sys
import threading

import pytest
from PySide6.QtCore import QEvent, Qt, QThread
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from models.report import Meta, Report
from models.storage import autosave, locations
from models.storage.drafts import load_draft
from models.tools.collection_merge import apply_merged, merge
from models.tools.ledger_fields import legacy_mapping_path, load_saved_mapping
from tests.collection_builders import filled_sheet
from tests.ledger_builders import HEADER, expected_cells, ledger_rows, make_cases, write_csv
from tests.ui.gui import menu_action, type_chinese
from ui import crash
from ui.document import ReportDocument
from ui.export_flow import ExportFlow

# ----- helpers ------------------------------------------------------------------------------------------------------

def press_ctrl(window, key: Qt.Key) -> None:
    """Ctrl+key as the keyboard sends it, through the event loop to the focused widget (shortcuts included).

    Posted rather than QTest.keyClick: with PySide6 6.11 keyClick can crash the process when a handler raises.
    """
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    target = QApplication.focusWidget() or window
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.ControlModifier))
    QApplication.processEvents()


def on_gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


@pytest.fixture
def hooks(monkeypatch):
    """What reaches the crash hook (sys.excepthook, threading.excepthook): (thread name, exception)."""
    seen: list[tuple[str, BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: seen.append((threading.current_thread().name,
                                                                                 error)))
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append((args.thread.name if args.thread else "",
                                                                           args.exc_value)))
    return seen


# ----- 2. what the tools store in the draft is undone with the cells ---------------------------------------------

def _blank(window, year=2024):
    window.controller.set_document(ReportDocument(Report(meta=Meta("测试局", year, "县级政府部门"))))


def merge_via_menu(window, monkeypatch, *paths) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # 是：填入报告
    menu_action(window, "汇总数据采集表").trigger()


def state(window) -> tuple[dict, object]:
    report = window.doc.report
    return dict(report.cells), copy.deepcopy(report.workspace.collection)


def merged_alone(*paths) -> tuple[dict, object]:
    """The cells and stored data of a blank report into which only these sheets are merged."""
    from importers.collection_reader import read_collection_sheet

    report = Report(meta=Meta("测试局", 2024, "县级政府部门"))
    apply_merged(report, merge([read_collection_sheet(p) for p in paths], 2024))
    return dict(report.cells), report.workspace.collection


def undo(window, how: str) -> None:
    if how == "ctrl+z":
        press_ctrl(window, Qt.Key.Key_Z)
    else:
        menu_action(window, "撤销").trigger()


def redo(window, how: str) -> None:
    if how == "ctrl+z":
        press_ctrl(window, Qt.Key.Key_Y)
    else:
        menu_action(window, "重做").trigger()


@pytest.fixture
def sheets(tmp_path):
    return {name: filled_sheet(tmp_path, f"{name}.xlsx", name, "licensing,t3", seed)[0]
            for seed, name in enumerate(("审批科", "执法科", "综合科"), start=5)}


@pytest.mark.parametrize("how", ["ctrl+z", "menu"])
def test_undone_merge_does_not_come_back_with_the_next_merge(window, monkeypatch, sheets, how):
    _blank(window)
    merge_via_menu(window, monkeypatch, sheets["审批科"])
    assert state(window) == merged_alone(sheets["审批科"])
    undo(window, how)
    assert state(window) == ({}, None) and window.doc.report.workspace.collection is None
    assert not window.doc.is_modified and not window.isWindowModified()
    merge_via_menu(window, monkeypatch, sheets["执法科"])
    assert state(window) == merged_alone(sheets["执法科"])
    assert [d["department"] for d in window.doc.report.workspace.collection["departments"]] == ["执法科"]
    assert not window.doc.undo_stack.canRedo()


@pytest.mark.parametrize("how", ["ctrl+z", "menu"])
def test_merges_undo_and_redo_step_by_step(window, monkeypatch, sheets, how):
    _blank(window)
    merge_via_menu(window, monkeypatch, sheets["审批科"])
    after_first = state(window)
    merge_via_menu(window, monkeypatch, sheets["执法科"])
    after_both = state(window)
    assert after_both == merged_alone(sheets["审批科"], sheets["执法科"])
    undo(window, how)
    assert state(window) == after_first
    redo(window, how)
    assert state(window) == after_both
    undo(window, how)
    undo(window, how)
    assert state(window) == ({}, None) and not window.doc.is_modified
    redo(window, how)
    assert state(window) == after_first and window.doc.is_modified
    merge_via_menu(window, monkeypatch, sheets["综合科"])  # the undone 执法科 stays undone
    assert state(window) == merged_alone(sheets["审批科"], sheets["综合科"])


def test_a_merge_changing_only_the_stored_data_is_an_undo_step_too(window, monkeypatch, sheets, tmp_path):
    """The same department sending the same numbers again under another file name changes no cell."""
    import shutil

    _blank(window)
    merge_via_menu(window, monkeypatch, sheets["审批科"])
    before = state(window)
    renamed = shutil.copy(sheets["审批科"], tmp_path / "审批科（重发）.xlsx")
    merge_via_menu(window, monkeypatch, renamed)
    cells, stored = state(window)
    assert cells == before[0] and stored["departments"][0]["file"] == "审批科（重发）.xlsx"
    menu_action(window, "撤销").trigger()
    assert state(window) == before


def test_undoing_and_redoing_a_merge_is_saved_as_shown(window, monkeypatch, sheets, tmp_path):
    _blank(window)
    merge_via_menu(window, monkeypatch, sheets["审批科"])
    merge_via_menu(window, monkeypatch, sheets["执法科"])
    menu_action(window, "撤销").trigger()
    assert window.controller.save_as(tmp_path / "保存")
    saved = load_draft(tmp_path / "保存.nianbao")
    assert [d["department"] for d in saved.workspace.collection["departments"]] == ["审批科"]
    assert saved.cells == window.doc.report.cells


def test_table_three_from_a_ledger_undoes_and_redoes_exactly(window, monkeypatch, tmp_path, huaian_path):
    """Carried-over cells (来自2024年度报告) are replaced by the ledger's counts; undo brings back their origin too."""
    from models.tools.carryover import new_year_from

    window.controller.set_document(ReportDocument(new_year_from(load_draft(huaian_path))))
    report = window.doc.report

    def snapshot():
        return dict(report.cells), dict(report.provenance), copy.deepcopy(report.extra)

    before = snapshot()
    assert before[1]
    cases = make_cases(60, 2025, seed=8)
    path = write_csv(tmp_path / "台账.csv", ledger_rows(cases, seed=8))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    menu_action(window, "从依申请公开台账计算表三").trigger()
    after = snapshot()
    assert {k: v for k, v in after[0].items() if k.startswith("t3.")} == expected_cells(cases)
    press_ctrl(window, Qt.Key.Key_Z)
    assert snapshot() == before
    press_ctrl(window, Qt.Key.Key_Y)
    assert snapshot() == after


# ----- 3. a corrupt remembered ledger mapping -----------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"{broken", b"\xff\xfe\x00", json.dumps({"columns": {"x": "no-such-field"}},
                                                                            ensure_ascii=False).encode()],
                         ids=["json", "encoding", "field"])
def test_a_corrupt_remembered_mapping_is_explained_and_set_aside(window, monkeypatch, answers, hooks, tmp_path,
                                                                 content):
    _blank(window)
    saved = legacy_mapping_path()  # as the version before settings.json left it
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(content)
    cases = make_cases(50, 2024, seed=9)
    path = write_csv(tmp_path / "台账.csv", ledger_rows(cases, seed=9))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "从依申请公开台账计算表三").trigger()
    assert hooks == []
    [(kind, message)] = [(k, m) for k, m in answers["asked"] if "列对应" in m]
    assert kind == "warning" and "无法读取" in message and "重新指定" in message
    assert not saved.exists()
    [aside] = [p for p in saved.parent.iterdir() if p.name != saved.name and p.read_bytes() == content]
    assert aside.name in message
    assert {k: v for k, v in window.doc.report.cells.items() if k.startswith("t3.")} == expected_cells(cases)

    menu_action(window, "从依申请公开台账计算表三").trigger()  # the next use: nothing to say any more
    assert len([m for _, m in answers["asked"] if "列对应" in m]) == 1 and hooks == []


def test_after_a_corrupt_mapping_the_columns_are_asked_again_and_remembered(window, monkeypatch, answers, hooks,
                                                                            tmp_path):
    from models.tools.ledger_fields import ColumnMapping

    _blank(window)
    saved = legacy_mapping_path()  # as the version before settings.json left it
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(b"\x00\x01not json")
    cases = make_cases(40, 2024, seed=10)
    renamed = {"收到日期": "来件时间", "申请人类型": "申请人身份", "办理结果": "答复情况", "办结日期": "结案时间"}
    header = tuple(renamed.get(h, h) for h in HEADER)
    path = write_csv(tmp_path / "台账.csv", ledger_rows(cases, seed=10, text_only=True), header=header)
    chosen = ColumnMapping(columns=dict(zip(renamed.values(), ("received", "applicant", "result", "closed"),
                                            strict=True)))
    monkeypatch.setattr(window.tools, "ask_mapping", lambda headers: chosen)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "从依申请公开台账计算表三").trigger()
    assert hooks == []
    assert any("列对应" in m for _, m in answers["asked"])
    assert load_saved_mapping() == chosen
    assert window.doc.report.number("t3.new.total") == expected_cells(cases)["t3.new.total"]


def test_a_mapping_that_cannot_be_remembered_is_said_and_the_table_still_filled(window, monkeypatch, answers, hooks,
                                                                               tmp_path):
    from models.tools import ledger_fields
    from models.tools.ledger_fields import ColumnMapping, MappingError

    _blank(window)
    cases = make_cases(30, 2024, seed=11)
    renamed = {"收到日期": "来件时间"}
    header = tuple(renamed.get(h, h) for h in HEADER)
    path = write_csv(tmp_path / "台账.csv", ledger_rows(cases, seed=11, text_only=True), header=header)
    monkeypatch.setattr(window.tools, "ask_mapping", lambda headers: ColumnMapping(columns={"来件时间": "received"}))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def refuse(mapping, path=None):
        raise MappingError("无法保存“ledger-mapping.json”：没有写入权限（文件夹只读或文件被占用）。请另存到其他位置。")

    monkeypatch.setattr(ledger_fields, "save_mapping", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "从依申请公开台账计算表三").trigger()
    assert hooks == []
    assert any(kind == "warning" and "没有写入权限" in m for kind, m in answers["asked"])
    assert window.doc.report.number("t3.new.total") == expected_cells(cases)["t3.new.total"]


# ----- 4. an unexpected error in a worker ---------------------------------------------------------------------------

def _break_infographic(monkeypatch):
    import render.infographic

    def boom(*_args, **_kwargs):
        raise RuntimeError("boom in the infographic worker")

    monkeypatch.setattr(render.infographic, "render", boom)


def _break_word(monkeypatch):
    import exporters

    def boom(*_args, **_kwargs):
        raise RuntimeError("boom in the Word worker")

    monkeypatch.setattr(exporters, "export_docx", boom)


def _break_excel(monkeypatch):
    import exporters

    def boom(*_args, **_kwargs):
        raise KeyError("boom in the Excel worker")

    monkeypatch.setattr(exporters, "export_xlsx", boom)


@pytest.mark.parametrize(("button", "suffix", "what", "breaks"), [
    ("export_graphic", ".png", "一图读懂", _break_infographic),
    ("export_docx", ".docx", "Word 报告", _break_word),
    ("export_xlsx", ".xlsx", "Excel 副本", _break_excel),
], ids=["infographic", "word", "excel"])
def test_an_unexpected_error_in_an_export_worker_is_reported_on_the_gui_thread(
        window, qtbot, monkeypatch, answers, hooks, huaian_path, tmp_path, button, suffix, what, breaks):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    agency = window.editor.pages["meta"].agency
    type_chinese(agency, "导出出错测试局")
    page = window.editor.go_to("review")  # autosaved here
    type_chinese(agency, "（改）")          # and changed after that: the failure autosaves it
    breaks(monkeypatch)
    target = tmp_path / f"out{suffix}"
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: target)
    boxes: list[tuple[bool, str, str]] = []

    def shown(box):
        boxes.append((on_gui_thread(), box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    getattr(page, button).click()
    qtbot.waitUntil(lambda: bool(boxes or hooks or answers["asked"]), timeout=20000)
    QApplication.processEvents()
    assert hooks == [] and answers["asked"] == []
    [(gui_thread, title, text)] = boxes
    assert gui_thread and title == "程序出错"
    assert what in text and "没有导出" in text and "自动保存" in text and str(locations.logs_dir()) in text
    assert "boom" not in text and "Error" not in text
    log = (locations.logs_dir() / crash.LOG_NAME).read_text(encoding="utf-8")
    assert "boom in the" in log and "Traceback" in log
    [slot] = autosave.list_autosaves()
    assert slot.agency == "淮安市人民政府导出出错测试局（改）"
    assert not target.exists() and not window.exports.background.busy


@pytest.mark.parametrize("where", ["python thread", "thread pool"])
def test_an_error_escaping_on_another_thread_is_still_shown_on_the_gui_thread(window, qtbot, monkeypatch, where):
    """The safety net under every worker: the crash hook, called on a worker's thread, hands over to the GUI thread."""
    from PySide6.QtCore import QRunnable, QThreadPool

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # both restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown: list[tuple[bool, bool]] = []
    monkeypatch.setattr(crash, "show_dialog", lambda parent, saved, *_: shown.append((on_gui_thread(), saved)))
    menu_action(window, "新建本年度报告").trigger()
    type_chinese(window.editor.pages["meta"].agency, "线程测试局")
    window.editor.go_to("t4")  # autosaved already: the dialog still says the work is saved
    crash.install(window.controller.autosave, lambda: window)

    def boom() -> None:
        raise RuntimeError(f"boom on a {where}")

    if where == "python thread":
        worker = threading.Thread(target=boom)
        worker.start()
        worker.join()
    else:
        class Task(QRunnable):
            def run(self) -> None:
                boom()

        task = Task()
        task.setAutoDelete(False)
        QThreadPool.globalInstance().start(task)
        QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [(True, True)]
    assert f"boom on a {where}" in (locations.logs_dir() / crash.LOG_NAME).read_text(encoding="utf-8")
