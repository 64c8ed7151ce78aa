"""Reading report files: one entry, `load(path) -> (Report, notices)`, that picks the reader by content.

`read_report(path)` gives the same with the detected format ("2021" or "2019") and the kind of file. Drafts are read
here; Word files by `importers.docx_import`; Excel files by `importers.xlsx_reader`; web pages (.html/.htm) by
`importers.html_import`. The readers of Word, Excel and web pages are imported only when such a file is opened
(python-docx is slow to import).
"""

from __future__ import annotations

import logging
from pathlib import Path

from importers.result import Imported, LoadError
from importers.sniff import Refused, identify
from models.report import Report
from models.storage.drafts import DraftError, load_draft

__all__ = ["Imported", "LoadError", "load", "read_report"]


def load(path: Path | str) -> tuple[Report, list[str]]:
    """The report in `path` and the notices about what was guessed or dropped while reading it."""
    imported = read_report(path)
    return imported.report, imported.notices


def read_report(path: Path | str) -> Imported:
    """The report in `path` (a draft, .docx, .xlsx or a web page, told apart by content). Raises LoadError."""
    path = Path(path)
    try:
        kind = identify(path)
        if kind == "docx":
            from importers.docx_import import read_docx

            return read_docx(path)
        if kind == "xlsx":
            return _read_xlsx(path)
        if kind == "html":
            from importers.html_import import read_html

            return read_html(path)
        return _read_draft(path)
    except Refused as exc:
        raise LoadError(path, exc.message) from None
    except FileNotFoundError:
        raise LoadError(path, f"找不到文件“{path}”。") from None
    except IsADirectoryError:
        raise LoadError(path, f"“{path}”是文件夹，不是报告文件。") from None
    except OSError as exc:
        raise LoadError(path, f"无法读取“{path.name}”：{exc.strerror or exc}。") from None


#: Unknown cell keys named one by one up to this many, then counted.
UNKNOWN_KEYS_SHOWN = 5


def _read_draft(path: Path) -> Imported:
    try:
        report = load_draft(path)
    except DraftError as exc:
        raise LoadError(path, exc.message) from None
    return Imported(report, draft_notices(report), report.template, "draft")


def draft_notices(report: Report) -> list[str]:
    """What a clerk should know about a draft as read: cells under keys this version does not know (a hand edit, a
    typo, another tool) are kept in the file but neither shown nor checked."""
    unknown = list(report.extra_cells)
    if not unknown:
        return []
    names = "、".join(f"“{key}”" for key in unknown[:UNKNOWN_KEYS_SHOWN])
    more = f"等{len(unknown)}个" if len(unknown) > UNKNOWN_KEYS_SHOWN else ""
    return [f"草稿中有本软件不认识的单元格{names}{more}（已保留，未检查）。"]


def _read_xlsx(path: Path) -> Imported:
    from importers.xlsx_reader import XlsxReadError, read_xlsx

    try:
        report, notices = read_xlsx(path)
    except XlsxReadError as exc:
        raise LoadError(path, exc.message) from None
    except Exception:  # a damaged workbook can fail anywhere in openpyxl: to the clerk it is "cannot read it"
        logging.getLogger("govreport").warning("reading %s failed", path, exc_info=True)
        raise LoadError(path, f"“{path.name}”的内容已损坏或不是本软件导出的工作簿，无法读取。"
                              "请在 Excel 或 WPS 中打开后另存为新文件再试，或使用报告的 Word 文档。") from None
    return Imported(report, list(notices), report.template, "xlsx")
