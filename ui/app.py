"""Starting the GUI: QApplication in Chinese (Qt's own dialogs too), fonts at the size chosen, style, crash handler,
main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from models.storage import settings
from resources import RESOURCES
from ui import crash, font_size, qt_chinese, theme, window_state
from ui.main_window import APP_TITLE, MainWindow


def make_application() -> QApplication:
    from render.offscreen_fonts import offscreen_fonts_on_windows

    offscreen_fonts_on_windows()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName("gov-info-report")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "app-256.png")))
    QLocale.setDefault(QLocale("zh_CN"))
    qt_chinese.install(app)  # Qt's own dialogs and buttons
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, theme.PLACEHOLDER_TEXT)  # hints in empty fields, readable
    app.setPalette(palette)
    font_size.apply(settings.font_size(), app)  # the font and the style sheet at the size last chosen (查看 › 字号)
    return app


def run_gui(file: Path | None = None, sample: bool = False, screenshots: Path | None = None,
            size: tuple[int, int] = (1366, 768)) -> int:
    app = make_application()
    window: MainWindow | None = None
    # Installed before the window is made: nothing on the way to the start page may end the app unexplained.
    crash.install(lambda: window is not None and window.controller.autosave(), lambda: window)
    window = MainWindow()
    if screenshots is not None:
        from ui.screenshots import take_screenshots

        for path in take_screenshots(window, screenshots, file, size):
            print(path)
        return 0
    if not window.geometry_restored and window_state.should_maximise():
        window.showMaximized()  # a screen smaller than the pages are designed for: all of it
    else:
        window.show()
    if file is not None:
        window.controller.open_draft(file)
    elif sample:
        window.controller.open_sample()
    else:
        QTimer.singleShot(0, window.controller.offer_recovery)
    return app.exec()
