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
from models.findings import Severity
from models.rules import evaluate

EXIT_OK, EXIT_REFUSED, EXIT_FILE = 0, 1, 2


def run_export(source: str, docx: str | None, xlsx: str | None, *, allow_errors: bool = False,
               previous_file: str | None = None, checklist: bool = False, signoff: bool = False,
               stock_fonts: bool = False) -> int:
    if not docx and not xlsx:
        print("请用 --docx 和/或 --xlsx 指定要导出的文件。", file=sys.stderr)
        return EXIT_FILE
    try:
        report, _ = load(source)
        previous = load(previous_file)[0] if previous_file else None
    except LoadError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_FILE
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
