"""`python main.py export FILE --docx OUT.docx --xlsx OUT.xlsx [--allow-errors]`: the Word report and Excel copy.

Exit codes: 0 written; 1 refused because the report has errors (unless --allow-errors, which writes a Word file
marked 草稿（未通过校验）); 2 the input cannot be read or an output cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from exporters import DocxOptions, ExportError, XlsxOptions, export_docx, export_xlsx
from exporters.selfcheck import error_count
from importers import LoadError, load
from models.carryover import embedded_previous
from models.findings import Severity
from models.rules import evaluate

EXIT_OK, EXIT_REFUSED, EXIT_FILE = 0, 1, 2


def _output_problem(source: str, previous: str | None, docx: str | None, xlsx: str | None, force: bool) -> str:
    """Why the outputs cannot be written as asked ('' when they can): never over an input or each other, and an
    existing file only with --force."""
    inputs = {_same(source)} | ({_same(previous)} if previous else set())
    outputs = [name for name in (docx, xlsx) if name]
    if len({_same(name) for name in outputs}) < len(outputs):
        return "--docx 和 --xlsx 不能是同一个文件。"
    for name in outputs:
        if _same(name) in inputs:
            return f"“{name}”是要读取的报告，不能被导出的文件覆盖。请换一个文件名。"
        if Path(name).exists() and not force:
            return f"“{name}”已存在。如要覆盖，请加 --force。"
    for name, suffix in ((docx, ".docx"), (xlsx, ".xlsx")):
        if name and Path(name).suffix.lower() != suffix:
            return f"“{name}”的扩展名应为 {suffix}。"
    return ""


def _same(name: str) -> Path:
    return Path(name).resolve()


def run_export(source: str, docx: str | None, xlsx: str | None, *, allow_errors: bool = False,
               previous_file: str | None = None, checklist: bool = False, signoff: bool = False,
               stock_fonts: bool = False, force: bool = False) -> int:
    if not docx and not xlsx:
        print("请用 --docx 和/或 --xlsx 指定要导出的文件。", file=sys.stderr)
        return EXIT_FILE
    problem = _output_problem(source, previous_file, docx, xlsx, force)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_FILE
    try:
        report, notices = load(source)
        previous = load(previous_file)[0] if previous_file else None
    except LoadError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_FILE
    if previous is None:
        previous = embedded_previous(report)
    for notice in notices:
        print(f"[读取] {notice}", file=sys.stderr)
    findings = evaluate(report, previous)
    errors = error_count(findings)
    if errors and not allow_errors:
        print(f"“{Path(source).name}”有{errors}个错误，未导出：", file=sys.stderr)
        for finding in findings:
            if finding.severity is Severity.ERROR:
                print(f"  [{finding.severity.label}] {finding.rule} {finding.message}", file=sys.stderr)
        print("请改正后再导出；如确需导出草稿，请加 --allow-errors（Word 文件将标注“草稿（未通过校验）”）。",
              file=sys.stderr)
        return EXIT_REFUSED
    written: list[Path] = []
    try:
        if docx:
            options = DocxOptions(allow_errors=allow_errors, official_fonts=not stock_fonts, checklist=checklist,
                                  signoff_sheet=signoff)
            written.append(export_docx(report, docx, findings=findings, previous=previous, options=options))
        if xlsx:
            written.append(export_xlsx(report, xlsx, findings=findings, previous=previous,
                                       options=XlsxOptions(allow_errors=allow_errors)))
    except ExportError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_FILE
    mark = "（草稿，未通过校验）" if errors else ""
    for path in written:
        print(f"已导出{mark}：{path}")
    return EXIT_OK
