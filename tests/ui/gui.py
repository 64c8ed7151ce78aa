"""GUI fixtures and helpers: a main window driven offscreen, with its modal questions answered by the test; Chinese
typed as an input method commits it; a number typed into a table cell. Registered by tests/ui/conftest.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.environment import require_font
from ui.app import make_application
from ui.document_view import SaveAnswer
from ui.main_window import MainWindow


@pytest.fixture(scope="session")
def qapp_cls():
    return type(make_application())


@pytest.fixture
def answers():
    """What the window's questions get: 保存/不保存/取消, and for the recovery list 恢复/放弃 for every slot
    (True/False) or a function of the slots giving {slot path: "recover"/"discard"} (tests change these)."""
    return {"save": SaveAnswer.DISCARD, "recover": True, "asked": []}


def recovery_answers(answers: dict, asked: list | None = None):
    """A stand-in for a window's ask_recovery: records ("recover", one line per slot offered) in `asked` (default
    answers["asked"]) and answers as answers["recover"] says."""

    def ask_recovery(slots):
        (answers["asked"] if asked is None else asked).extend(("recover", slot.describe()) for slot in slots)
        choice = answers["recover"]
        if callable(choice):
            return choice(slots)
        return {slot.path: "recover" if choice else "discard" for slot in slots}

    return ask_recovery


@pytest.fixture
def window(qtbot, monkeypatch, answers):
    make_application()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: answers["asked"].append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: answers["asked"].append(("critical", a[2])))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: answers["asked"].append(("info", a[2])))
    # Any other question a test does not answer itself is declined (a modal box would block the run).
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers["asked"].append(("question", a[2]))
                        or QMessageBox.StandardButton.No)
    win = MainWindow()
    monkeypatch.setattr(win, "ask_save", lambda text: answers["asked"].append(("save", text)) or answers["save"])
    monkeypatch.setattr(win, "ask_recovery", recovery_answers(answers))
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    yield win
    answers["save"] = SaveAnswer.DISCARD
    win.close()


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit Chinese text as an input method does (keyClicks with Chinese aborts the test process)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def menu_action(window, text: str):
    """The menu bar's action whose text starts with `text` (as the clerk finds it in the menus)."""
    window.ensure_menus()
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.text().startswith(text):
                return action
    raise AssertionError(f"no menu action {text!r}")


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          text: str = "") -> None:
    """A key pressed and released on `widget`, posted through the event loop as a keyboard delivers it (shortcuts
    included); unlike QTest.keyClick this cannot crash PySide6 6.11 when a handler raises."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    widget.setFocus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(widget, QKeyEvent(kind, key, modifiers, text))
    QApplication.processEvents()


def type_keys(widget: QWidget, text: str) -> None:
    """ASCII text (digits, letters) typed key by key with `press`."""
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Space
        press(widget, key, text=char)


def type_into_cell(qtbot, view, key: str, text: str) -> None:
    """Select a table cell, type digits as a clerk does and press Enter; wait for the model to take the value."""
    model = view.model()
    index = model.index_of(key)
    view.setFocus()
    view.setCurrentIndex(index)
    QTest.keyClick(view, text[0])          # any key opens the editor with that character
    editor = QApplication.focusWidget()
    assert editor is not view, "typing did not open a cell editor"
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.doc.report.cells.get(key) is not None and str(index.data()) == text.strip(),
                    timeout=2000)


#: The Chinese fonts the app prefers on Linux (render/fonts.py puts them first); drawing and PDF tests run under each.
CJK_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei")


@pytest.fixture(params=CJK_FAMILIES)
def cjk_family(request, monkeypatch, qapp):
    """The app's drawing made to use one CJK family only, as on a machine that has just that font."""
    from PySide6.QtGui import QFont, QRawFont

    from render import fonts

    family = request.param
    require_font(family)
    monkeypatch.setattr(fonts, "UI_FONT_FAMILIES", (family,))
    font = QFont()
    font.setFamilies([family])
    assert QRawFont.fromFont(font).familyName() == family
    return family


def post_key(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    """A key press and release to the widget with the keyboard, through the event loop."""
    target = QApplication.focusWidget()
    assert target is not None
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(target, QKeyEvent(kind, key, modifiers, text))
