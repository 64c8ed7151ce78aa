"""Pages as a clerk sees them: sidebar statuses, Back/Next, narrative marking, the generated paragraph, review."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from tests.ui.gui import press, type_chinese
from ui.deadline import deadline_text
from ui.document import ReportDocument
from ui.page_status import DONE, IN_PROGRESS, NOT_STARTED, PAGE_KEYS, PROBLEMS


def test_sidebar_statuses_follow_the_work(window):
    window.controller.new_report()
    editor = window.editor
    assert editor.status_of("t3") == NOT_STARTED
    assert editor.status_of("meta") == IN_PROGRESS  # the year is set; agency, level and date are 未填 (V-META)
    editor.pages["t3"].view.select_key("t3.new.natural")
    editor.pages["t3"].view.paste("5")
    assert editor.status_of("t3") == IN_PROGRESS  # the rest of the table is blank: 未填, not yet an error
    editor.go_to("t3")
    editor.go_to("t4")
    assert editor.status_of("t3") == PROBLEMS  # left with blanks: V-1 errors now
    editor.pages["t2"].view.select_key("t2.rules.issued")
    editor.pages["t2"].view.paste("0\t0\t0\n0\t0\t0\n0\n0\n0\n0")
    assert editor.status_of("t2") == DONE
    assert editor.status_of("review") == PROBLEMS


def test_back_and_next_walk_every_page_and_keep_input(window):
    window.controller.new_report()
    editor = window.editor
    type_chinese(editor.pages["meta"].agency, "翻页测试局")
    seen = [editor.current_key]
    while editor.next.isEnabled():
        editor.next.click()
        seen.append(editor.current_key)
    assert tuple(seen) == PAGE_KEYS
    while editor.back.isEnabled():
        editor.back.click()
    assert editor.current_key == "meta" and editor.pages["meta"].agency.text() == "翻页测试局"


def test_numbers_in_the_text_are_marked_while_typing(window, qtbot):
    window.controller.set_document(ReportDocument(load_draft_fixture()))
    page = window.editor.go_to("s1")
    editor = page.editors["s1.requests"]
    editor.setPlainText("全市共受理政府信息公开申请 3119 件。")
    window.doc.refresh()  # what a pause in typing runs
    assert editor.underlined() == []
    editor.setPlainText("全市共受理政府信息公开申请 3000 件。")
    qtbot.waitUntil(lambda: [(s, e) for s, e, _ in editor.underlined()] == [(14, 18)])
    assert editor.toPlainText()[14:18] == "3000"
    finding = next(f for f in window.doc.findings if f.rule == "TXT-RECEIVED")
    window.show_finding(finding)
    assert window.editor.current_key == "s1" and editor.textCursor().selectedText() == "3000"


def test_inserting_the_generated_requests_paragraph(window):
    window.controller.set_document(ReportDocument(load_draft_fixture()))
    page = window.editor.go_to("s1")
    editor = page.editors["s1.requests"]
    editor.setPlainText("")
    assert page.insert_requests_paragraph(editor)
    assert "本年新收政府信息公开申请3119件" in window.doc.report.texts["s1.requests"]
    assert not [f for f in window.doc.findings if f.rule.startswith("TXT-")]


def test_review_page_groups_findings_and_keeps_notes(window, pingtan_path, huaian_path):
    previous = load_draft(huaian_path)
    report = new_year_from(previous)
    window.controller.set_document(ReportDocument(report, previous=previous))
    page = window.editor.go_to("review")
    groups = [heading.text() for heading in _groups(page)]
    assert groups[0].startswith("警告")  # the blank tables are 未填 until left or exported, counted apart
    assert "行未填" in page.summary.text() and "未填" in page.blocked.text()
    window.doc.check_all_pages()  # as 导出 does
    groups = [heading.text() for heading in _groups(page)]
    assert groups[0].startswith("错误") and groups[1].startswith("警告")
    x4 = next(f for f in window.doc.findings if f.rule == "X-4")
    edit = page.note_edits[x4.fingerprint]
    edit.setPlainText("第五部分将在定稿前重写")
    assert window.doc.report.notes[x4.fingerprint] == "第五部分将在定稿前重写"
    assert "必须改正全部错误" in page.blocked.text()


def _groups(page):
    """The severity headings of the 检查与导出 page shown, top to bottom."""
    layout = page.findings_list.layout_
    return sorted((h for h in page.findings_list.headings.values() if layout.indexOf(h) >= 0), key=layout.indexOf)


def test_deadline_banner():
    assert deadline_text(2026, (2027, 1, 31), date(2027, 1, 1)) == "2026年度报告应于2027年1月31日前公开，还有30天。"
    assert "已过2天" in deadline_text(2026, (2027, 1, 31), date(2027, 2, 2))
    assert "今天" in deadline_text(2026, (2027, 3, 31), date(2027, 3, 31))


def test_deadline_follows_level_and_can_be_changed(window):
    window.controller.set_document(ReportDocument(consistent_report(7, level="县级人民政府")))
    assert window.doc.deadline() == (2025, 3, 31)
    page = window.editor.pages["meta"]
    page.level.setCurrentIndex(page.level.findData("县级政府部门"))
    assert window.doc.deadline() == (2025, 1, 31)
    assert page.deadline.text() == "2025年1月31日"
    type_date(page.deadline, "2025-2-28")
    assert window.doc.deadline() == (2025, 2, 28) and page.deadline.text() == "2025年2月28日"
    assert "2025年2月28日" in window.editor.banner.text()
    type_date(page.deadline, "")  # a blank box is the date the rules set
    assert window.doc.report.workspace.deadline is None and page.deadline.text() == "2025年1月31日"


def type_date(box, text: str) -> None:
    """Select what the box holds, type `text` key by key (digits and '-'), Enter."""
    press(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(box, Qt.Key.Key_Backspace)
    for char in text:
        press(box, Qt.Key(ord(char)), text=char)
    press(box, Qt.Key.Key_Return, text="\r")


def load_draft_fixture():
    from tests.conftest import FIXTURES

    return load_draft(FIXTURES / "huaian-city-gov-2024.nianbao")
