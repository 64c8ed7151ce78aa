"""`export FILE --docx OUT.docx|DIR --xlsx OUT.xlsx|DIR [--allow-errors] [--force] …`: the Word report and Excel copy.

Exit codes: 0 written; 1 refused because the report has errors (unless --allow-errors, which writes a Word file
marked 草稿（未通过校验）); 2 the input cannot be read, --previous is not of an earlier year, or an output cannot be
written (it exists and --force is not given, it is an input, wrong suffix, missing folder …).
"""

from __future__ import annotations

import sys
from pathlib import Path

from cli.batch import examine
from cli.outputs import (
    DOCX,
    EXIT_FILE,
    EXIT_FINDINGS,
    EXIT_OK,
    XLSX,
    Output,
    Stop,
    distinct,
    ensure_writable,
    plan,
    report_stem,
)
from exporters import DocxOptions, ExportError, XlsxOptions, export_docx, export_xlsx
from importers import LoadError, load, read_report
from models.findings import Severity, error_count


def _outputs(docx: str | None, xlsx: str | None) -> list[tuple[str, Output]]:
    return [(flag, plan(name, kind)) for flag, name, kind in (("--docx", docx, DOCX), ("--xlsx", xlsx, XLSX)) if name]


def _check_outputs(outputs: list[tuple[str, Output]], stem: str, inputs: list[str | None], force: bool) -> None:
    distinct((flag, output.path(stem)) for flag, output in outputs)
    for _flag, output in outputs:
        ensure_writable(output.path(stem), inputs, force, output.kind)


def run_export(source: str, docx: str | None, xlsx: str | None, allow_errors: bool, previous_file: str | None,
            checklist: bool, signoff: bool, stock_fonts: bool, force: bool) -> int:
    if not docx and not xlsx:
        raise Stop(EXIT_FILE, "请用 --docx 和/或 --xlsx 指定要导出的文件。")
    outputs = _outputs(docx, xlsx)
    inputs = [source, previous_file]
    named = [(flag, output) for flag, output in outputs if output.file is not None]
    _check_outputs(named, "", inputs, force)  # files named: before reading anything
    try:
        imported = read_report(source)
        previous = load(previous_file)[0] if previous_file else None
    except LoadError as exc:
        raise Stop(EXIT_FILE, exc.message) from None
    report = imported.report
    checked = examine(Path(source), imported, previous)
    if checked.error:
        raise Stop(EXIT_FILE, checked.error)
    stem = report_stem(report)
    _check_outputs(outputs, stem, inputs, force)
    for notice in checked.notices:
        print(f"[读取] {notice}", file=sys.stderr)
    findings = checked.findings
    errors = error_count(findings)
    if errors and not allow_errors:
        print(f"“{Path(source).name}”有{errors}个错误，未导出：", file=sys.stderr)
        for finding in findings:
            if finding.severity is Severity.ERROR:
                print(f"  [{finding.severity.label}] {finding.rule} {finding.message}", file=sys.stderr)
        print("请改正后再导出；如确需导出草稿，请加 --allow-errors（Word 文件将标注“草稿（未通过校验）”）。",
              file=sys.stderr)
        return EXIT_FINDINGS
    written: list[Path] = []
    try:
        for _flag, output in outputs:
            path = output.path(stem)
            if output.kind is DOCX:
                options = DocxOptions(allow_errors=allow_errors, official_fonts=not stock_fonts, checklist=checklist,
                                      signoff_sheet=signoff)
                written.append(export_docx(report, path, findings=findings, previous=checked.previous,
                                           options=options))
            else:
                written.append(export_xlsx(report, path, findings=findings, previous=checked.previous,
                                           options=XlsxOptions(allow_errors=allow_errors)))
    except ExportError as exc:
        raise Stop(EXIT_FILE, exc.message) from None
    mark = "（草稿，未通过校验）" if errors else ""
    for path in written:
        print(f"已导出{mark}：{path}")
    return EXIT_OK
