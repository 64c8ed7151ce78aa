"""Run in a child process by tests/ui/test_screen_fit.py, on an offscreen screen of a given size and scale (both are
fixed when the QApplication is made: QT_QPA_PLATFORM=offscreen:configfile=…, QT_SCALE_FACTOR): open the sample
report in the main window as the app opens it on that screen, show every page and print, as JSON, what a clerk would
find cut off there.

    python -m tests.ui.screen_fit_probe [--font-size standard|large|largest] [SCREENSHOT_FOLDER]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from models.storage.drafts import load_draft
from resources import SAMPLE_REPORT
from ui import window_state
from ui.app import make_application
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.page_status import PAGE_KEYS


def _in_scrolled_content(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` lies in the content of a scroll area (it may be scrolled out of sight on purpose)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    return f"{type(widget).__name__}#{widget.objectName()}:{label!s:.20}"


def clipped(window: QWidget) -> list[str]:
    """Visible widgets not wholly inside the window, or not wholly inside their parent (a layout squeezed below its
    minimum pushes them out), leaving out what lies in a scroll area's content."""
    inside = window.rect()
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _in_scrolled_content(widget, window):
            continue
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        parent = widget.parentWidget()
        if not inside.contains(rect) or (parent is not None and not parent.rect().contains(widget.geometry())):
            found.append(f"{_name(widget)} {rect.getRect()} in {_name(parent)} {parent.rect().getRect()}")
    return found


def wholly_shown(widget: QWidget) -> bool:
    """Visible, and no part of it cut off by the widgets around it."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def probe(window: MainWindow, shots: Path | None) -> dict[str, object]:
    app = QApplication.instance()
    editor = window.editor
    sidebar = editor.sidebar
    pages = {}
    for number, key in enumerate(PAGE_KEYS):
        editor.go_to(key)
        for _ in range(3):
            app.processEvents()
        panel = window.findings
        rows = [sidebar.visualRect(sidebar.model().index(row, 0)) for row in range(sidebar.count())]
        needed = max(sidebar.sizeHintForColumn(0), 0)
        narrative = getattr(editor.pages[key], "editors", {})
        pages[key] = {
            "clipped": clipped(window),
            "sidebar_scrolls_sideways": sidebar.horizontalScrollBar().isVisible(),
            "sidebar_rows_cut": [sidebar.item(row).text() for row, rect in enumerate(rows)
                                 if not sidebar.viewport().rect().contains(rect) or rect.width() < needed],
            "next_shown": wholly_shown(editor.next),
            "bar_shown": wholly_shown(panel.summary) and wholly_shown(panel.next_button),
            "bar_height": panel.height() if panel.isVisible() else None,
            "editor_lines": [e.height() // e.fontMetrics().lineSpacing() for e in narrative.values()],
        }
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(shots / f"{number:02d}-{key}.png"))
    screen = app.primaryScreen()
    return {"screen": list(screen.availableGeometry().getRect()), "ratio": window.devicePixelRatio(),
            "window": list(window.frameGeometry().getRect()), "pages": pages}


def main(argv: list[str]) -> int:
    import os

    if os.environ.get("SCREEN_FIT_FOLDER"):  # where the screen's configfile is (named relative to it)
        os.chdir(os.environ["SCREEN_FIT_FOLDER"])
    make_application()
    if argv[:1] == ["--font-size"]:  # 查看 → 字号, as the clerk leaves it
        from ui import font_size

        font_size.apply(argv[1])
        argv = argv[2:]
    window = MainWindow()
    if window_state.should_maximise():
        window.showMaximized()  # as ui/app.py opens it on a screen smaller than the design size
    else:
        window.show()
    window.controller.set_document(ReportDocument(load_draft(SAMPLE_REPORT)))
    result = probe(window, Path(argv[0]) if argv else None)
    window.controller.close_document()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
