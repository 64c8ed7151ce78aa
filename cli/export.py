"""`export FILE --docx OUT.docx|DIR --xlsx OUT.xlsx|DIR --pdf OUT.pdf|DIR --html OUT.html|DIR [--allow-errors] …`:
the Word report, the Excel copy, the PDF (laid out as the Word file, drawn by Qt offscreen: render/report) and the
web page for the portal.

Exit codes: 0 written; 1 refused because the report has errors (unless --allow-errors, which writes a Word file, a
PDF and a web page marked 草稿（未通过校验）); 2 the input cannot be read, --previous is not of an earlier year, or an
output cannot be written (it exists and --force is not given, it is an input, wrong suffix, missing folder …).
"""

from __future__ import annotations

import sys
from pathlib import Path

from cli.batch import examine
from cli.outputs import (
    EXIT_FILE,
    EXIT_FINDINGS,
    EXIT_OK,
    EXPORTS,
    Output,
    Stop,
    distinct,
    ensure_writable,
    plan,
    report_stem,
)
from cli.qt import import_qt, is_qt_failure, qt_missing_message
from exporters.policy import Verdict, export_verdict
from exporters.registry import Exporter, command_exporters
from importers import load, read_report
from models.findings import Severity, error_count


def _outputs(names: dict[str, str | None]) -> list[tuple[Exporter, Output]]:
    """Each file asked for, with the exporter that writes it, in the order of the exporter table."""
    return [(exporter, plan(name, EXPORTS[exporter.kind])) for exporter in command_exporters()
            if (name := names.get(exporter.kind))]


def _check_outputs(outputs: list[tuple[Exporter, Output]], stem: str, inputs: list[str | None], force: bool,
                   options: dict[str, bool]) -> None:
    """Every file to be written — the ones asked for and those written beside them — may be: distinct, not an
    input, not existing without --force."""
    files = [(exporter, output.kind, path) for exporter, output in outputs
             for path in (output.path(stem), *exporter.companion_paths(output.path(stem), options))]
    distinct((exporter.flag or exporter.kind, path) for exporter, _kind, path in files)
    for _exporter, kind, path in files:
        ensure_writable(path, inputs, force, kind)


def _load_pdf_renderer() -> None:
    """Qt for the PDF (QtGui, no widgets; offscreen without a display): QtMissing, or Stop, when it cannot load."""
    import_qt(("PySide6.QtCore", "PySide6.QtGui"))
    try:
        # Imported by name here (not only through the exporter table's module path), so that PyInstaller sees it.
        import render.report.output  # noqa: F401  the drawing, QtGui only
    except ImportError as exc:  # a Qt module of its own failing to load
        if not is_qt_failure(exc):
            raise
        raise Stop(EXIT_FILE, qt_missing_message(exc)) from None


def run_export(source: str, docx: str | None = None, xlsx: str | None = None, pdf: str | None = None,
               html: str | None = None, *, allow_errors: bool, previous_file: str | None, checklist: bool,
               signoff: bool, stock_fonts: bool, force: bool, appendices_inline: bool = False) -> int:
    """Export `source` to the files named by kind (`docx`, `xlsx`, `pdf`, `html`: the kinds of exporters.registry
    with a flag). Returns the exit code; files and arguments that fail raise a UserError (exit code 2,
    cli.main.run_command)."""
    names = {"docx": docx, "xlsx": xlsx, "pdf": pdf, "html": html}
    if not any(names.values()):
        *first, last = [str(e.flag) for e in command_exporters()]
        raise Stop(EXIT_FILE, f"请用 {'、'.join(first)} 或 {last} 指定要导出的文件（可同时给出几项）。")
    outputs = _outputs(names)
    inputs = [source, previous_file]
    options = {"official_fonts": not stock_fonts, "checklist": checklist, "signoff_sheet": signoff,
               "separate_files": not appendices_inline}
    named = [(exporter, output) for exporter, output in outputs if output.file is not None]
    _check_outputs(named, "", inputs, force, options)  # files named: before reading anything
    imported = read_report(source)
    previous = load(previous_file)[0] if previous_file else None
    report = imported.report
    checked = examine(Path(source), imported, previous)
    if checked.error:
        raise Stop(EXIT_FILE, checked.error)
    stem = report_stem(report)
    _check_outputs(outputs, stem, inputs, force, options)
    for notice in checked.notices:
        print(f"[读取] {notice}", file=sys.stderr)
    findings = checked.findings
    errors = error_count(findings)
    verdict = export_verdict(errors, allow_errors)
    if verdict is Verdict.REFUSE:
        print(f"“{Path(source).name}”有{errors}个错误，未导出：", file=sys.stderr)
        for finding in findings:
            if finding.severity is Severity.ERROR:
                print(f"  [{finding.severity.label}] {finding.rule} {finding.message}", file=sys.stderr)
        print("请改正后再导出；如确需导出草稿，请加 --allow-errors"
              "（Word 文件、PDF 和网页将标注“草稿（未通过校验）”）。", file=sys.stderr)
        return EXIT_FINDINGS
    options = {**options, "allow_errors": verdict is Verdict.DRAFT}
    if pdf:
        _load_pdf_renderer()
    written = []
    for exporter, output in outputs:
        path = exporter.export(report, output.path(stem), findings=findings, previous=checked.previous,
                               options=options)
        written += [path, *exporter.companion_paths(path, options)]
    mark = "（草稿，未通过校验）" if verdict is Verdict.DRAFT else ""
    for path in written:
        print(f"已导出{mark}：{path}")
    return EXIT_OK
