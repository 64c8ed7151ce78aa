"""`main.py --screenshots DIR [FILE] [--window-size WxH]`: render the start page and every wizard page to
DIR/NN-name.png offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from models.storage.drafts import load_draft
from resources import SAMPLE_REPORT
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.page_status import PAGES

NAMES = {"meta": "meta", "s1": "section1", "t2": "table2", "t3": "table3", "t4": "table4", "s5": "section5",
         "s6": "section6", "review": "review"}


def take_screenshots(window: MainWindow, folder: Path, report_file: Path | None = None,
                     size: tuple[int, int] = (1366, 768)) -> list[Path]:
    """Each page at `size` logical pixels (the image is larger by QT_SCALE_FACTOR: 1280x720 at 1.5 → 1920x1080)."""
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    window.resize(*size)
    window.show()
    written = []

    def grab(name: str) -> None:
        app.processEvents()
        path = folder / f"{len(written):02d}-{name}.png"
        window.grab().save(str(path))
        written.append(path)

    grab("start")
    report = load_draft(report_file or SAMPLE_REPORT)
    window.controller.set_document(ReportDocument(report, path=report_file))
    for key, _title in PAGES:
        window.editor.go_to(key)
        grab(NAMES[key])
    window.controller.close_document()  # releases the draft's lock file
    return written
