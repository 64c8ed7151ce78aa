"""`infographic FILE -o OUT.png|OUT.pdf|DIR [--previous FILE] [--dpi N] [--force]`: the 一图读懂 page.

Exit codes: 0 written; 2 the input cannot be read, --previous is not of an earlier year, or the output cannot be
written (it exists and --force is not given, it is an input, neither .png nor .pdf …), or Qt cannot be loaded.
Qt is imported only when drawing; without a display it runs offscreen (see cli.qt and render.infographic.output).
"""

from __future__ import annotations

from pathlib import Path

from cli.batch import previous_for
from cli.outputs import EXIT_FILE, EXIT_OK, INFOGRAPHIC, Stop, ensure_writable, plan, report_stem
from cli.qt import import_qt, is_qt_failure, qt_missing_message
from exporters.registry import EXPORTERS
from importers import load


def run_infographic(source: str, output: str, previous_file: str | None, dpi: int | None, force: bool) -> int:
    """Draw the page of `source` to `output`; `dpi` None is the renderer's default. Returns the exit code; what
    cannot be read, written or drawn raises a UserError (exit code 2, cli.main.run_command)."""
    planned = plan(output, INFOGRAPHIC)
    inputs = [source, previous_file]
    if planned.file is not None:
        ensure_writable(planned.file, inputs, force, INFOGRAPHIC)
    report, _ = load(source)
    given = load(previous_file)[0] if previous_file else None
    previous, _notice, problem = previous_for(report, given, Path(source).name)
    if problem:
        raise Stop(EXIT_FILE, problem)
    out = planned.path(report_stem(report, "年度报告一图读懂"))
    ensure_writable(out, inputs, force, INFOGRAPHIC)
    exporter = EXPORTERS["infographic"]
    import_qt(("PySide6.QtCore", "PySide6.QtGui"))  # drawing to a file: no widgets (QtMissing when it cannot)
    try:
        # Imported by name here (not only through the exporter table's module path), so that PyInstaller sees it.
        import render.infographic.export  # noqa: F401  the drawing, QtGui only
    except ImportError as exc:  # a Qt module of its own failing to load
        if not is_qt_failure(exc):
            raise
        raise Stop(EXIT_FILE, qt_missing_message(exc)) from None
    written = exporter.export(report, out, findings=None, previous=previous, options={"dpi": dpi})
    print(f"已导出：{written}")
    return EXIT_OK
