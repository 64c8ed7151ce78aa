"""Typing in a long narrative with many findings (issue 13, item 17): a key only stores the text, the rules run again
once the keys pause, and then the findings, the marks in the text, the findings list and the pages' status are
exactly what checking the whole report from scratch gives. (How fast: benchmarks/bench_typing.py.)"""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.findings import Finding, Severity
from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from tests.builders import consistent_report, long_narrative
from tests.ui.gui import press, type_chinese, type_keys
from ui import document
from ui.document import ReportDocument
from ui.narrative_editor import NarrativeEditor, qt_position
from ui.page_status import PAGE_KEYS, page_status, split_pending

KEY = "s1.requests"


def open_long_narrative(window, length: int) -> NarrativeEditor:
    report = consistent_report(1)
    report.texts[KEY] = long_narrative(length, paragraph=4)
    report.texts["s1.active"] = long_narrative(600)  # another editor with marks of its own
    window.controller.set_document(ReportDocument(report))
    return window.editor.go_to("s1").editors[KEY]


def put_cursor(editor: NarrativeEditor, index: int) -> None:
    """The text cursor before character `index` of the text."""
    cursor = editor.textCursor()
    cursor.setPosition(qt_position(editor.toPlainText(), index))
    editor.setTextCursor(cursor)


def expected_marks(findings: list[Finding], key: str) -> list[tuple[int, int, Severity]]:
    """The spans of `findings` in the text `key`, as they are drawn (touching spans of one colour run together)."""
    spans = sorted((f.span.start, f.span.end, f.severity) for f in findings if f.span and f.span.text_key == key)
    merged: list[tuple[int, int, Severity]] = []
    for start, end, severity in spans:
        if merged and merged[-1][1] == start and merged[-1][2] is severity:
            merged[-1] = (merged[-1][0], end, severity)
        else:
            merged.append((start, end, severity))
    return merged


def test_a_burst_of_keys_runs_the_rules_once_after_the_pause(window, monkeypatch):
    monkeypatch.setattr(document, "TEXT_SETTLE_MS", 60_000)  # no pause within this test
    editor = open_long_narrative(window, 3000)
    runs = []
    monkeypatch.setattr(document, "evaluate", lambda *args: runs.append(1) or evaluate(*args))
    put_cursor(editor, 1500)
    type_keys(editor, "12345678")
    type_chinese(editor, "新收申请")
    press(editor, Qt.Key.Key_Backspace)
    assert runs == [], "the rules ran while the clerk was typing"
    assert window.doc.checking_soon
    # Whoever needs the findings before the pause (an export, a save's check) gets them up to date at once.
    assert window.doc.findings == evaluate(window.doc.report, window.doc.previous)
    assert len(runs) == 1 and not window.doc.checking_soon


def test_after_typing_pauses_findings_marks_list_and_status_are_a_full_check(window, qtbot):
    editor = open_long_narrative(window, 4000)
    doc = window.doc
    count = doc.report.number(fmt.t3("new", "total"))
    text = editor.toPlainText()
    middle = text.index("申请1", len(text) // 2) + 2
    year = text.index("年", len(text) // 3)  # the first year after a third of the text: 2023年 → 2023
    before = len(doc.findings)
    # A burst at several places, as a clerk edits: a number changed in the middle, an earlier year's 年 deleted,
    # a rare character outside the BMP (Qt counts it twice) near the start, new sentences at the end.
    put_cursor(editor, len(text))
    type_chinese(editor, "新收申请")
    type_keys(editor, "999")
    type_chinese(editor, f"件。本年新收政府信息公开申请{count}件。")
    put_cursor(editor, middle)
    type_keys(editor, "5")
    put_cursor(editor, year + 1)
    press(editor, Qt.Key.Key_Backspace)
    put_cursor(editor, 10)
    type_chinese(editor, "𬌗")
    qtbot.waitUntil(lambda: not doc.checking_soon, timeout=5000)

    fresh = ReportDocument(doc.report.copy(), previous=doc.previous)
    fresh.checked_pages = set(doc.checked_pages)
    fresh.refresh()
    assert doc.report.texts[KEY] == editor.toPlainText() and "𬌗" in editor.toPlainText()
    assert doc.findings == fresh.findings and doc.pending == fresh.pending
    assert len(doc.findings) != before  # the burst did change the findings
    for key, text_editor in window.editor.pages["s1"].editors.items():
        assert text_editor.underlined() == expected_marks(fresh.findings, key), key
    panel = window.findings
    rows = [panel.model.index(row).data() for row in range(panel.model.rowCount())]
    assert rows == [f"【{f.severity.label}】{f.message}" for f in fresh.findings]
    assert panel.windowTitle().startswith(f"问题（{len(fresh.findings)}）")
    assert [window.editor.status_of(page) for page in PAGE_KEYS] == [
        page_status(page, fresh.report, fresh.findings, fresh.pending) for page in PAGE_KEYS]



def test_leaving_the_report_while_a_check_is_pending(window, qtbot):
    """Typed, then straight back to the start page or into a new report (不保存): the pending check of the report
    left behind runs into no closed page, and the report now open is checked as it is."""
    for leave in (window.go_home, window.controller.new_report):
        editor = open_long_narrative(window, 1000)
        put_cursor(editor, 500)
        type_keys(editor, "7")
        assert window.doc.checking_soon
        leave()
        qtbot.wait(document.TEXT_SETTLE_MS + 200)
        if window.doc is not None:
            doc = window.doc
            assert (doc.findings, doc.pending) == split_pending(evaluate(doc.report, doc.previous), doc.checked_pages)
