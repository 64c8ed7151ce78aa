"""Typing in a long narrative with many findings (issue 13: 630 ms per key at 16,000 characters and 842 findings).

One keystroke in the middle of 依申请公开情况 to a repainted window, against the floor of the same keystroke in a bare
QPlainTextEdit of the same size holding the same text, measured in the same run (one frame is 16 ms). The text is
one paragraph (Qt lays the whole paragraph out again at every key: the worst case) or paragraphs of about 300
characters. Also printed: the re-check once the keys pause (all rules, the findings list, the sidebar, the marks).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_typing.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from _timing import ROOT, median_ms, report_line

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GOVREPORT_HOME", str(ROOT / ".bench-home"))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from tests.builders import consistent_report, long_narrative

LENGTHS = (16_000, 20_000)
LAYOUTS = ((0, "one paragraph"), (8, "paragraphs"))
BUDGET_MS = 16.0
KEY = "s1.requests"


def keystroke(widget: QWidget, key: Qt.Key, text: str) -> None:
    """A key pressed and released, handled, and the window repainted (posted events and paints processed)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
    QApplication.processEvents()


def type_burst(widget: QWidget) -> object:
    """Keys in turn: a letter, then Backspace (the text stays the same length)."""
    count = 0

    def one() -> None:
        nonlocal count
        count += 1
        if count % 2:
            keystroke(widget, Qt.Key.Key_A, "a")
        else:
            keystroke(widget, Qt.Key.Key_Backspace, "\b")
    return one


def to_middle(editor: QPlainTextEdit) -> None:
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().characterCount() // 2)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    QApplication.processEvents()


def floor_ms(text: str, size) -> float:
    editor = QPlainTextEdit()
    editor.resize(size)
    editor.setPlainText(text)
    editor.show()
    to_middle(editor)
    result = median_ms(type_burst(editor), repeat=60)
    editor.close()
    return result


def _timed(action) -> float:
    start = time.perf_counter_ns()
    action()
    return (time.perf_counter_ns() - start) / 1e6


def app_ms(window, text: str) -> tuple[float, tuple[float, float], int, object]:
    from ui.document import ReportDocument

    report = consistent_report(1)
    report.texts[KEY] = text
    doc = ReportDocument(report)
    window.controller.set_document(doc)
    editor = window.editor.go_to("s1").editors[KEY]
    QApplication.processEvents()
    to_middle(editor)
    typing = median_ms(type_burst(editor), repeat=60)
    burst = type_burst(editor)
    longest, total = [], []
    for _ in range(20):
        burst()
        steps = [_timed(doc.refresh) + _timed(QApplication.processEvents)]  # what the pause runs, and the repaint
        steps += [_timed(QApplication.processEvents) for _ in range(30)]  # the findings list laid out in steps
        longest.append(max(steps))
        total.append(sum(steps))
    settle = (statistics.median(longest), statistics.median(total))
    findings = len(doc.findings)
    doc.mark_saved(ROOT / ".bench-home" / "typing.nianbao")  # nothing to ask about when the window closes
    return typing, settle, findings, editor.size()


def main() -> int:
    from ui.app import make_application
    from ui.main_window import MainWindow

    make_application()
    window = MainWindow()
    window.show()
    ok = True
    for paragraph, layout in LAYOUTS:
        for length in LENGTHS:
            text = long_narrative(length, paragraph)
            typing, settle, findings, size = app_ms(window, text)
            floor = floor_ms(text, size)
            ok &= report_line(f"one key, {length:,} characters ({layout}), {findings} findings", typing, floor,
                              "bare QPlainTextEdit, same text", BUDGET_MS)
            print(f"    re-check once the keys pause: longest step {settle[0]:.1f} ms (a key typed meanwhile waits "
                  f"at most this long), {settle[1]:.1f} ms in all")
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
