"""Qt's own texts in Chinese: the file dialog, standard buttons, context menus of text fields.

Qt's qtbase_zh_CN (PySide6's translations folder; packaging/gov-info-report.spec keeps it in the frozen app) lacks a
few texts of Qt's own file dialog, the one Linux/UOS shows: those are translated here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

#: (context, source text) → Chinese, for the texts qtbase_zh_CN leaves in English.
MISSING = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class MissingTexts(QTranslator):
    """A translator for MISSING; None (no translation) for every other text, which then goes to qtbase_zh_CN."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return MISSING.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> None:
    """Install qtbase_zh_CN and MissingTexts into `app`, once however often it is called."""
    if app.findChild(QTranslator, "qtbase_zh_CN") is not None:
        return
    qtbase = QTranslator(app)
    qtbase.setObjectName("qtbase_zh_CN")
    if qtbase.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qtbase)
    app.installTranslator(MissingTexts(app))  # installed last, asked first
