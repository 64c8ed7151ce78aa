"""No two things the clerk can reach with Alt+letter on a page share the letter: the menu bar's titles, the page's
visible buttons and labelled fields, and the always-visible 上一个问题/下一个问题/上一步/下一步."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QLabel

from models.storage.drafts import load_draft
from ui.document import ReportDocument
from ui.page_status import PAGE_KEYS


def mnemonic(text: str) -> str | None:
    """The letter after a single & (&& is a literal ampersand), upper-cased; None without one."""
    match = re.search(r"&(\w)", text.replace("&&", ""))
    return match.group(1).upper() if match else None


def visible_mnemonics(window) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = defaultdict(list)
    texts = [action.text() for action in window.menuBar().actions() if action.isVisible()]
    texts += [button.text() for button in window.findChildren(QAbstractButton) if button.isVisible()]
    texts += [label.text() for label in window.findChildren(QLabel) if label.isVisible() and label.buddy() is not None]
    for text in texts:
        letter = mnemonic(text)
        if letter is not None:
            owners[letter].append(text)
    return owners


def test_mnemonic_helper():
    assert mnemonic("导出 Excel(&E)…") == "E"
    assert mnemonic("A && B(&x)") == "X"
    assert mnemonic("A && B") is None


def test_no_page_has_two_things_on_one_alt_letter(window, qtbot, huaian_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    window.ensure_menus()
    clashes = {}
    for key in PAGE_KEYS:
        window.editor.go_to(key)
        qtbot.wait(10)
        owners = visible_mnemonics(window)
        assert {"F", "E", "V", "T", "H", "B", "X"} <= set(owners), key  # the menus and the wizard's buttons
        if key != "review":  # the findings bar is hidden on the page that lists every finding
            assert {"P", "N"} <= set(owners), key
        clashes.update({(key, letter): texts for letter, texts in owners.items() if len(texts) > 1})
    assert clashes == {}


def test_the_start_page_has_no_two_things_on_one_alt_letter(window):
    window.ensure_menus()
    owners = visible_mnemonics(window)
    assert {"F", "E", "V", "T", "H", "N", "O"} <= set(owners)  # the menus and 新建本年度报告, 打开草稿
    assert {letter: texts for letter, texts in owners.items() if len(texts) > 1} == {}
