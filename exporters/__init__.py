"""Writing the report as Word (.docx) and Excel (.xlsx) files. Qt-free, like models/.

    export_docx(report, path, *, findings=None, previous=None, options=DocxOptions())
    export_xlsx(report, path, *, findings=None, previous=None, options=XlsxOptions())

Both evaluate the rules when `findings` is None, refuse a report with errors (ExportRefused) unless
`options.allow_errors`, write atomically, and raise ExportError with a Chinese `.message` on failure.
`build_docx` / `build_xlsx` return the bytes instead (for a worker thread or a test).
"""

from exporters.docx_export import DocxOptions, build_docx, export_docx
from exporters.errors import ExportError, ExportRefused
from exporters.xlsx_export import XlsxOptions, build_xlsx, export_xlsx

__all__ = [
    "DocxOptions",
    "ExportError",
    "ExportRefused",
    "XlsxOptions",
    "build_docx",
    "build_xlsx",
    "export_docx",
    "export_xlsx",
]
