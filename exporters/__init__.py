"""Writing the report as Word (.docx) and Excel (.xlsx) files. Qt-free, like models/.

    export_docx(report, path, *, findings=None, previous=None, options=DocxOptions())
    export_xlsx(report, path, *, findings=None, previous=None, options=XlsxOptions())

Both evaluate the rules when `findings` is None, refuse a report with errors (ExportRefused, exporters.policy) unless
`options.allow_errors`, write atomically, and raise ExportError with a Chinese `.message` on failure.
`build_docx` / `build_xlsx` return the bytes instead (for a worker thread or a test). Every kind of export, with its
suffixes and options, is listed in exporters.registry.

The names below are loaded when first used: the exporter table (exporters.registry) is read by every command and by
the window, which should not pay for python-docx and openpyxl before something is exported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exporters.docx_export import DocxOptions, build_docx, export_docx
    from exporters.errors import ExportError, ExportRefused
    from exporters.xlsx_export import XlsxOptions, build_xlsx, export_xlsx

_WHERE = {
    "DocxOptions": "exporters.docx_export",
    "build_docx": "exporters.docx_export",
    "export_docx": "exporters.docx_export",
    "ExportError": "exporters.errors",
    "ExportRefused": "exporters.errors",
    "XlsxOptions": "exporters.xlsx_export",
    "build_xlsx": "exporters.xlsx_export",
    "export_xlsx": "exporters.xlsx_export",
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'exporters' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once loaded, an ordinary attribute (tests may replace it)
    return value
