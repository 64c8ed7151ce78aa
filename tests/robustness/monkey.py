"""A monkey at the keyboard and mouse of the main window: random clicks, keys, Chinese text, pastes, undo/redo, page
switches, auto-sum switches, findings jumps and autosave ticks, each delivered as the window would receive it (key
events posted through the event loop). Used by test_monkey.py and runnable alone for long sessions:

    QT_QPA_PLATFORM=offscreen python -m tests.robustness.monkey 20000

It checks what a clerk relies on after every stretch of actions: the findings shown are those of the report as it
is, totals in 自动合计 mode are the sums of their parts, and the report saved and opened again is the same report.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QPlainTextEdit

from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft, save_draft
from models.tools import autosum
from ui.page_status import PAGE_KEYS, split_pending

KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left,
        Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2,
        Qt.Key.Key_Escape)
PASTES = ("1\t2\n3\t4", "12件", "１２", "abc", "7", "", "5\t\t6", "-3", "1,234", "999999999\t999999999")
CHINESE = ("本年度", "依申请公开", "2023年，", "无", "。", "“十四五”规划")


def rss_mb() -> float:
    """The process's resident memory in MB (Linux)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@dataclass
class MonkeyRun:
    actions: int = 0
    slowest: float = 0.0
    slowest_action: str = ""
    kinds: Counter = field(default_factory=Counter)
    memory: list[tuple[int, float]] = field(default_factory=list)  # (actions done, RSS MB)


class Monkey:
    def __init__(self, window, seed: int, scratch: Path) -> None:
        self.window = window
        self.rng = random.Random(seed)
        self.scratch = scratch
        self.run = MonkeyRun()
        self.moves: list[tuple[str, Callable[[], None]]] = [
            ("click", self.click_cell), ("digits", self.type_digits), ("key", self.press_key),
            ("key", self.press_key), ("digits", self.type_digits), ("undo", self.undo), ("redo", self.redo),
            ("paste", self.paste), ("page", self.switch_page), ("text", self.type_text), ("auto", self.toggle_auto),
            ("jump", self.jump_to_finding), ("autosave", self.autosave), ("meta", self.change_agency),
        ]

    # ----- the actions ----------------------------------------------------------------------------------------

    @property
    def page(self):
        return self.window.editor.stack.currentWidget()

    def _post_key(self, widget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.postEvent(widget, QKeyEvent(kind, key, modifiers, text))
        QApplication.processEvents()

    def _focus(self):
        return QApplication.focusWidget() or self.window

    def click_cell(self) -> None:
        view = getattr(self.page, "view", None)
        if view is None:
            return
        model = view.model()
        index = model.index(self.rng.randrange(model.rowCount()), self.rng.randrange(model.columnCount()))
        view.scrollTo(index)
        rect = view.visualRect(index)
        if rect.isValid() and view.viewport().rect().contains(rect.center()):
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             rect.center())

    def type_digits(self) -> None:
        for char in str(self.rng.choice((0, 1, 7, 12, 305, 4096, self.rng.randrange(100000)))):
            self._post_key(self._focus(), Qt.Key(ord(char)), text=char)

    def press_key(self) -> None:
        self._post_key(self._focus(), self.rng.choice(KEYS))

    def undo(self) -> None:
        self._post_key(self._focus(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    def redo(self) -> None:
        self._post_key(self._focus(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)

    def paste(self) -> None:
        QGuiApplication.clipboard().setText(self.rng.choice(PASTES))
        self._post_key(self._focus(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    def switch_page(self) -> None:
        self.window.editor.go_to(self.rng.choice(PAGE_KEYS))
        QApplication.processEvents()

    def type_text(self) -> None:
        editors = self.page.findChildren(QPlainTextEdit)
        if not editors:
            return
        editor = self.rng.choice(editors)
        editor.setFocus()
        if self.rng.random() < 0.2:
            self._post_key(editor, Qt.Key.Key_Backspace)
            return
        event = QInputMethodEvent("", [])
        event.setCommitString(self.rng.choice(CHINESE))
        QApplication.sendEvent(editor, event)

    def toggle_auto(self) -> None:
        boxes = [b for b in self.page.findChildren(QCheckBox) if b.isEnabled() and b.isVisible()]
        if boxes:
            self.rng.choice(boxes).click()

    def jump_to_finding(self) -> None:
        findings = self.window.doc.findings
        if findings:
            self.window.show_finding(self.rng.choice(findings))

    def autosave(self) -> None:
        self.window.controller.autosave()

    def change_agency(self) -> None:
        page = self.window.editor.pages["meta"]
        if page.isVisible() and self.rng.random() < 0.5:
            page.agency.setFocus()
            event = QInputMethodEvent("", [])
            event.setCommitString(self.rng.choice(("局", "中心", "办公室")))
            QApplication.sendEvent(page.agency, event)
        else:
            buttons = [b for b in self.page.findChildren(QAbstractButton)
                       if b.isVisible() and b.isEnabled() and not isinstance(b, QCheckBox)
                       and "导出" not in b.text() and "日历" not in b.text() and "打印" not in b.text()]
            if buttons:
                self.rng.choice(buttons).click()

    # ----- running and checking -------------------------------------------------------------------------------

    def step(self) -> None:
        kind, move = self.rng.choice(self.moves)
        started = time.perf_counter()
        move()
        QApplication.processEvents()
        took = time.perf_counter() - started
        self.run.actions += 1
        self.run.kinds[kind] += 1
        if took > self.run.slowest:
            self.run.slowest, self.run.slowest_action = took, kind

    def check(self) -> None:
        """What the clerk relies on holds: shown findings match the report, automatic totals add up, and the
        report survives a save and a reopen unchanged."""
        doc = self.window.doc
        self.window.commit_pending()
        findings, pending = split_pending(evaluate(doc.report, doc.previous), doc.checked_pages)
        assert [f.fingerprint for f in doc.findings] == [f.fingerprint for f in findings], "stale findings"
        assert [f.fingerprint for f in doc.pending] == [f.fingerprint for f in pending], "stale 未填 list"
        auto = doc.auto_keys
        expected = autosum.all_totals(doc.report, auto, blank_incomplete=True)
        wrong = {k: (doc.report.cells.get(k), v) for k, v in expected.items() if doc.report.cells.get(k) != v}
        assert not wrong, f"automatic totals that do not add up: {wrong}"
        for key in doc.report.cells:
            assert key in fmt.CELL_BY_KEY
        path = self.scratch / "monkey.nianbao"
        save_draft(doc.report, path, keep_backups=0)
        again = load_draft(path)
        assert again.cells == doc.report.cells and again.texts == doc.report.texts and again.meta == doc.report.meta

    def play(self, actions: int, check_every: int = 250, memory_every: int = 250) -> MonkeyRun:
        for number in range(1, actions + 1):
            self.step()
            if number % check_every == 0:
                self.check()
            if number % memory_every == 0:
                self.run.memory.append((number, rss_mb()))
        self.check()
        return self.run


def _main() -> None:  # pragma: no cover - a manual long run
    import faulthandler
    import gc
    import signal
    import sys
    import tempfile

    faulthandler.register(signal.SIGUSR1)  # kill -USR1 <pid> prints where a long run is

    from PySide6.QtWidgets import QMessageBox

    from tests.builders import consistent_report
    from ui.app import make_application
    from ui.document import ReportDocument
    from ui.document_view import SaveAnswer
    from ui.main_window import MainWindow

    actions = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 13
    with tempfile.TemporaryDirectory() as home:
        import os

        os.environ["GOVREPORT_HOME"] = home
        make_application()
        for name in ("warning", "critical", "information"):
            setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
        QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
        window = MainWindow()
        window.show()
        window.controller.set_document(ReportDocument(consistent_report(seed)))
        window.ask_save = lambda text: SaveAnswer.DISCARD
        monkey = Monkey(window, seed, Path(home))
        trace = os.environ.get("MONKEY_TRACE")
        if trace:
            import tracemalloc

            monkey.play(1000, memory_every=500)
            gc.collect()
            tracemalloc.start(12)
            first = tracemalloc.take_snapshot()
        started = time.perf_counter()
        run = monkey.play(actions, memory_every=500)
        gc.collect()
        if trace:
            stats = tracemalloc.take_snapshot().compare_to(first, "traceback")
            for stat in stats[:8]:
                print(stat)
                for line in stat.traceback.format()[-12:]:
                    print("   ", line)
        print(f"{run.actions} actions in {time.perf_counter() - started:.1f} s; slowest {run.slowest * 1000:.0f} ms "
              f"({run.slowest_action}); undo steps {window.doc.undo_stack.count()}")
        for done, mb in run.memory:
            print(f"  after {done:6d}: {mb:.0f} MB")
        print(dict(run.kinds))
        window.doc.undo_stack.setClean()
        window.close()


if __name__ == "__main__":  # pragma: no cover
    _main()
