"""Every kind of file the report can be exported to, in one table: its Chinese name, the formats (suffixes) it is
written as, the options it takes, whether errors block it, and how it is built.

The table drives the `export` command's flags and the suffix checks of `export` and `infographic` (cli/outputs.py),
the window's export buttons and save-dialog filters (ui/pages/review_page.py, ui/export_flow.py). Builds are named
by module path and loaded when used: the PDF report and the 一图读懂 are drawn by render/ (QtGui), which exporters/
never imports.

Every build is called as `build(report, path, *, findings, previous, options) -> Path` (the path written) and raises
a UserError (models.errors) with a Chinese message when the file cannot be written.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.findings import Finding
    from models.report import Report

Build = Callable[..., Path]


@dataclass(frozen=True)
class Exporter:
    """One kind of export. `formats` pairs each suffix with the name a save dialog shows for it (the first is the
    default); `options` names the keys of the options mapping the build takes; `official` kinds are blocked by
    errors unless a marked draft is allowed (exporters.policy); `flag` is its option of the `export` command
    (None: a command of its own); `button` the label of its button on the 检查与导出 page."""

    kind: str
    name: str
    description: str
    formats: tuple[tuple[str, str], ...]
    options: tuple[str, ...]
    build: str  # "package.module:function"
    official: bool
    flag: str | None
    button: str
    companions: str = ""  # "package.module:function" (path, options) → the files written beside `path`

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(suffix for suffix, _ in self.formats)

    @property
    def suffix(self) -> str:
        return self.formats[0][0]

    @property
    def file_filter(self) -> str:
        """The save dialog's filter: `Word 文档 (*.docx)`, or one entry per format joined by `;;`."""
        return ";;".join(f"{label} (*{suffix})" for suffix, label in self.formats)

    def accepts(self, path: Path | str) -> bool:
        """Whether `path` has one of this kind's suffixes (in any case)."""
        return Path(path).suffix.lower() in self.suffixes

    def load(self) -> Build:
        """The build function, imported now (ImportError when its module cannot be loaded, e.g. Qt missing)."""
        module, _, name = self.build.partition(":")
        return getattr(importlib.import_module(module), name)

    def companion_paths(self, path: Path, options: Mapping[str, Any]) -> list[Path]:
        """The files this export writes beside `path` with these options (the Word report's 审核签发单/自查清单)."""
        if not self.companions:
            return []
        module, _, name = self.companions.partition(":")
        taken = {key: value for key, value in options.items() if key in self.options}
        return getattr(importlib.import_module(module), name)(path, taken)

    def export(self, report: Report, path: Path, *, findings: list[Finding] | None, previous: Report | None,
               options: Mapping[str, Any]) -> Path:
        """Build and write the file; `options` may hold more keys than this kind takes (they are left out)."""
        taken = {key: value for key, value in options.items() if key in self.options}
        return self.load()(report, path, findings=findings, previous=previous, options=taken)


def _write_docx(report: Report, path: Path, *, findings: list[Finding] | None, previous: Report | None,
                options: Mapping[str, Any]) -> Path:
    import exporters  # looked up when called, so the package's export_docx is the one used

    return exporters.export_docx(report, path, findings=findings, previous=previous,
                                 options=exporters.DocxOptions(**options))


def _docx_companions(path: Path, options: Mapping[str, Any]) -> list[Path]:
    import exporters

    return exporters.DocxOptions(**options).companions(path)


def _write_xlsx(report: Report, path: Path, *, findings: list[Finding] | None, previous: Report | None,
                options: Mapping[str, Any]) -> Path:
    import exporters

    return exporters.export_xlsx(report, path, findings=findings, previous=previous,
                                 options=exporters.XlsxOptions(**options))


def _write_html(report: Report, path: Path, *, findings: list[Finding] | None, previous: Report | None,
                options: Mapping[str, Any]) -> Path:
    from exporters.html_export import HtmlOptions, export_html

    return export_html(report, path, findings=findings, previous=previous, options=HtmlOptions(**options))


EXPORTERS: dict[str, Exporter] = {e.kind: e for e in (
    Exporter("docx", "Word 报告", "公文格式", ((".docx", "Word 文档"),),
             ("allow_errors", "official_fonts", "checklist", "signoff_sheet", "separate_files"),
             "exporters.registry:_write_docx", official=True, flag="--docx", button="导出 Word(&W)…",
             companions="exporters.registry:_docx_companions"),
    Exporter("xlsx", "Excel 副本", "合计为公式，带勾稽关系检查", ((".xlsx", "Excel 工作簿"),), ("allow_errors",),
             "exporters.registry:_write_xlsx", official=True, flag="--xlsx", button="导出 Excel(&L)…"),
    Exporter("pdf", "PDF 报告", "与 Word 报告同样排版，可直接打印或发布", ((".pdf", "PDF 文件"),),
             ("allow_errors", "official_fonts"), "render.report.output:export_pdf", official=True, flag="--pdf",
             button="导出 PDF(&D)…"),
    Exporter("html", "网页", "供政府网站发布，一个文件，表格保留合并单元格", ((".html", "网页"), (".htm", "网页")),
             ("allow_errors",), "exporters.registry:_write_html", official=True, flag="--html", button="导出网页(&J)…"),
    Exporter("infographic", "一图读懂", "A4 竖版 PNG 图片或 PDF", ((".png", "PNG 图片"), (".pdf", "PDF 文件")),
             ("dpi",), "render.infographic.export:export_infographic", official=False, flag=None,
             button="导出一图读懂(&I)…"),
)}


def command_exporters() -> list[Exporter]:
    """The kinds the `export` command writes (each with its flag), in table order."""
    return [e for e in EXPORTERS.values() if e.flag is not None]
