"""Writing the report as Word (.docx) and Excel (.xlsx) files. Qt-free, like models/.

    export_docx(report, path, *, findings=None, previous=None, options=DocxOptions())
    export_xlsx(report, path, *, findings=None, previous=None, options=XlsxOptions())

Both evaluate the rules when `findings` is None, refuse a report with errors (ExportRefused) unless
`options.allow_errors`, write atomically, and raise ExportError with a Chinese `.message` on failure.
"""

from exporters.docx_export import DocxOptions, build_docx, export_docx
from exporters.errors import ExportError, ExportRefused

__all__ = ["DocxOptions", "ExportError", "ExportRefused", "build_docx", "export_docx"]
