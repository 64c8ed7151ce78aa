"""What every importer returns, and the one error it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models.errors import UserError
from models.format.format2021 import TEMPLATE_ID
from models.report import Report


class LoadError(UserError):
    """The file cannot be read as a report; `message` (Chinese) names the file and says what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


@dataclass
class Imported:
    """A report read from a file, the notices about what was guessed, dropped or missing, and its format."""

    report: Report
    notices: list[str] = field(default_factory=list)
    template: str = TEMPLATE_ID  # "2021", or "2019" for a report in the superseded format
    source: str = "draft"        # "draft", "docx", "xlsx" or "html"
