"""The one exception the exporters raise: `ExportError` with a Chinese `message` the clerk can act on."""

from __future__ import annotations

from pathlib import Path

from models.errors import UserError


class ExportError(UserError):
    """The report could not be exported to `path`; `message` (Chinese) names the file and says what to do."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None
        self.message = message


class ExportRefused(ExportError):
    """The report has error findings and the export was not explicitly allowed as a draft."""

    def __init__(self, path: Path | str | None, error_count: int) -> None:
        super().__init__(
            path,
            f"报告还有{error_count}个错误（勾稽关系或未填写的单元格），未导出。"
            "请先改正；如确需导出草稿供讨论，请选择“导出草稿”（命令行加 --allow-errors），"
            "Word 文件将标注“草稿（未通过校验）”。",
        )
        self.error_count = error_count
