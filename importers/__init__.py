"""Reading report files: one entry, `load(path) -> (Report, notices)`, that picks the reader by content."""

from __future__ import annotations

from pathlib import Path

from models.drafts import MAX_DRAFT_BYTES, DraftError, parse_draft_bytes
from models.report import Report

__all__ = ["LoadError", "load"]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PDF = b"%PDF"


class LoadError(Exception):
    """The file cannot be read as a report; `message` (Chinese) names the file and says what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def load(path: Path | str) -> tuple[Report, list[str]]:
    """The report in `path` and the notices about what was guessed or dropped while reading it."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise LoadError(path, f"找不到文件“{path}”。") from None
    except IsADirectoryError:
        raise LoadError(path, f"“{path}”是文件夹，不是报告文件。") from None
    except OSError as exc:
        raise LoadError(path, f"无法读取“{path.name}”：{exc.strerror or exc}。") from None
    if head.startswith(_OLE):
        raise LoadError(path, f"“{path.name}”是旧版 Word/WPS 文档（.doc/.wps）。"
                              "请在 Word 或 WPS 中另存为 .docx 后再导入。")
    if head.startswith(_PDF):
        raise LoadError(path, f"“{path.name}”是 PDF 文件，无法从中读取表格。"
                              "请使用报告的 Word 文档（.docx）或草稿文件。")
    if head.startswith(_ZIP):
        raise LoadError(path, f"“{path.name}”是 Word/Excel 文档。本版本只能读取草稿文件（.nianbao）；"
                              "从 Word/Excel 导入将在后续版本提供。")
    try:
        if path.stat().st_size > MAX_DRAFT_BYTES:
            raise LoadError(path, f"“{path.name}”过大，不是草稿文件。")
        report = parse_draft_bytes(path, path.read_bytes())
    except DraftError as exc:
        raise LoadError(path, exc.message) from None
    except OSError as exc:
        raise LoadError(path, f"无法读取“{path.name}”：{exc.strerror or exc}。") from None
    return report, []
