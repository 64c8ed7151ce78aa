"""A whole report filled from the start page to an exported Word file with the keyboard alone, as a clerk who never
touches the mouse does: 新建本年度报告 by its Alt letter, 基本信息 field by field with Tab, every cell of 表二–表四
typed and moved on with Tab, the texts of 一, 五 and 六, a 说明 for the warning that remains, then 导出 Word. Nothing
is set on a model or a widget: keys are posted to the widget with the keyboard focus through the event loop, Chinese
is committed to it as an input method does. The save dialog is answered as tests/ui/test_export_ui.py does. The
Word file is read back with the project's importer and must hold exactly the report intended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from importers import read_report
from models.findings import Severity
from models.format import format2021 as fmt
from models.report import Report
from tests.builders import consistent_report
from ui.export_flow import ExportFlow
from ui.pages.review_findings import NoteBox

NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

AGENCY = "某某县数据资源管理局"
LEVEL = "县级政府部门"
YEAR = 2025
PUBLISHED = date(2026, 1, 20)
#: What the clerk writes in each text (no numbers: the tables hold them), two paragraphs in one of them.
TEXTS = {
    fmt.PREAMBLE_KEY: "本报告根据《中华人民共和国政府信息公开条例》编制。",
    "s1.intro": "本年度，我局认真贯彻落实政府信息公开条例，持续推进政务公开工作。",
    "s1.active": "围绕重点领域主动公开政府信息，及时更新政府信息公开目录。",
    "s1.requests": "依法依规办理政府信息公开申请，严格按照法定时限答复。",
    "s1.management": "健全政府信息公开审查机制，做好发布前保密审查。",
    "s1.platform": "加强政府网站和政务新媒体建设，发挥政务公开平台作用。",
    "s1.oversight": "将政务公开工作纳入年度绩效考核，开展业务培训。",
    "s5.intro": "对照上级要求，我局政务公开工作仍有不足。",
    "s5.problems": "一是公开内容不够全面。\n二是解读形式比较单一。",
    "s5.improvements": "下一步，我局将拓展公开内容，丰富解读形式。",
    "s6": "无其他需要报告的事项。",
}
NOTE = "本年收费为复制纸质材料的成本费，已在网站公示。"


def intended_report() -> Report:
    """What the clerk means to write: consistent tables (no error remains), the texts and 基本信息 above."""
    report = consistent_report(3, level=LEVEL, year=YEAR)
    report.meta.agency, report.meta.publish_date = AGENCY, PUBLISHED
    report.texts.update(TEXTS)
    return report


# ----- the keyboard -------------------------------------------------------------------------------------------------

def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard is nowhere"
    return widget


def key(key_: Qt.Key, modifiers: Qt.KeyboardModifier = NO, text: str = "") -> None:
    """A key pressed and released where the keyboard is, through the event loop (shortcuts included)."""
    target = focus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(target, QKeyEvent(kind, key_, modifiers, text))
    QApplication.processEvents()


def type_ascii(text: str) -> None:
    """Digits, '-' and '.' typed key by key (each to wherever the keyboard is by then)."""
    for char in text:
        key(Qt.Key(ord(char)), NO, char)


def commit(text: str) -> None:
    """Chinese text committed by an input method to the widget with the keyboard."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(focus(), event)
    QApplication.processEvents()


def tab_to(qtbot, wanted: Callable[[QWidget], bool], what: str, limit: int = 60) -> QWidget:
    """Tab until the keyboard is on a widget `wanted` accepts; fails if Tab never gets there."""
    for _ in range(limit):
        if wanted(focus()):
            return focus()
        before = focus()
        key(Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda before=before: QApplication.focusWidget() is not before, timeout=2000)
    raise AssertionError(f"Tab never reached {what}")


def next_page(qtbot, window, key_name: str) -> None:
    key(Qt.Key.Key_X, ALT)  # 下一步(&X)
    qtbot.waitUntil(lambda: window.editor.current_key == key_name, timeout=2000)


# ----- the pages ----------------------------------------------------------------------------------------------------

def fill_meta(qtbot, window) -> None:
    page = window.editor.pages["meta"]
    # A new report puts the keyboard in its first field: typing starts at once.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.agency, timeout=2000)
    commit(AGENCY)
    tab_to(qtbot, lambda w: w is page.year, "报告年度")
    key(Qt.Key.Key_A, CTRL)
    type_ascii(str(YEAR))
    tab_to(qtbot, lambda w: w is page.level, "机关层级")
    for _ in range(fmt.LEVELS.index(LEVEL) + 1):  # down from （请选择）, the list closed
        key(Qt.Key.Key_Down)
    assert isinstance(focus(), QComboBox)
    tab_to(qtbot, lambda w: w is page.publish, "发布日期")
    type_ascii(f"{PUBLISHED.year}-{PUBLISHED.month}-{PUBLISHED.day}")
    tab_to(qtbot, lambda w: w is page.preamble, "报告开头说明")
    commit(TEXTS[fmt.PREAMBLE_KEY])
    meta = window.doc.report.meta
    assert (meta.agency, meta.year, meta.level, meta.publish_date) == (AGENCY, YEAR, LEVEL, PUBLISHED)


def fill_texts(qtbot, window, page_key: str) -> None:
    page = window.editor.pages[page_key]
    for text_key, editor in page.editors.items():
        tab_to(qtbot, lambda w, editor=editor: w is editor, text_key)
        first, *more = TEXTS[text_key].split("\n")
        commit(first)
        for paragraph in more:
            key(Qt.Key.Key_Return, NO, "\r")
            commit(paragraph)
        assert window.doc.report.texts.get(text_key) == TEXTS[text_key]


def _typed(value: int | Decimal) -> str:
    return str(value)


def fill_table(qtbot, window, page_key: str, intended: Report) -> list[str]:
    """Every cell the keys stop on, from the first (Ctrl+Home), typed and left with Tab until Tab comes back round."""
    view = window.editor.pages[page_key].view
    model = view.model()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=2000)
    key(Qt.Key.Key_Home, CTRL)
    typed: list[str] = []
    while (cell := model.key_at(view.currentIndex())) not in typed:
        assert cell, "Tab stopped on a label"
        typed.append(cell)
        type_ascii(_typed(intended.cells[cell]))
        key(Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda cell=cell: window.doc.report.cells.get(cell) == intended.cells[cell]
                        and model.key_at(view.currentIndex()) != cell, timeout=2000)
    return typed


def explain_warnings(qtbot, window) -> int:
    """A 说明 in every warning's box, reached with Tab."""
    page = window.editor.pages["review"]
    warnings = [f for f in window.doc.findings if f.severity is Severity.WARNING]
    for finding in warnings:
        box = tab_to(qtbot, lambda w, f=finding: isinstance(w, NoteBox) and w.fingerprint == f.fingerprint,
                     f"the 说明 of {finding.rule}")
        commit(NOTE)
        assert box.toPlainText() == NOTE
    assert f"已说明{len(warnings)}个" in page.summary.text()
    return len(warnings)


# ----- the test -----------------------------------------------------------------------------------------------------

def test_a_whole_report_by_keyboard_from_the_start_page_to_word(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "年度报告.docx"
    monkeypatch.setattr(ExportFlow, "ask_path", lambda self, kind, suggested, draft=None: target)
    offered = []
    monkeypatch.setattr(ExportFlow, "offer_open", lambda self, kind, written, companions=(): offered.append(written))
    intended = intended_report()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.start.buttons["新建本年度报告"].setFocus()  # where the start page puts the keyboard
    key(Qt.Key.Key_N, ALT)  # 新建本年度报告(&N)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.current_key == "meta", timeout=2000)

    fill_meta(qtbot, window)
    next_page(qtbot, window, "s1")
    fill_texts(qtbot, window, "s1")
    typed = []
    for page_key in ("t2", "t3", "t4"):
        next_page(qtbot, window, page_key)
        typed += fill_table(qtbot, window, page_key, intended)
    next_page(qtbot, window, "s5")
    fill_texts(qtbot, window, "s5")
    next_page(qtbot, window, "s6")
    fill_texts(qtbot, window, "s6")
    next_page(qtbot, window, "review")

    doc = window.doc
    assert set(typed) < set(fmt.CELL_ORDER) and doc.report.cells == intended.cells  # the totals added by themselves
    assert [f for f in doc.findings if f.severity is Severity.ERROR] == [] and not doc.pending
    assert explain_warnings(qtbot, window) >= 1  # e.g. 六 says nothing of the fees table 二 shows (W-2)
    assert set(doc.report.notes.values()) == {NOTE}
    assert "没有错误" in window.editor.pages["review"].blocked.text()
    key(Qt.Key.Key_W, ALT)  # 导出 Word(&W)…
    qtbot.waitUntil(lambda: offered == [target], timeout=20000)

    imported = read_report(target)
    report = imported.report
    assert report.cells == intended.cells  # every cell of 表二, 表三, 表四
    assert {k: report.texts.get(k) for k in TEXTS} == TEXTS
    meta = report.meta
    assert (meta.agency, meta.year, meta.level, meta.publish_date) == (AGENCY, YEAR, LEVEL, PUBLISHED)
