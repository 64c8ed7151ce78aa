"""The one export policy: errors block an official export unless a marked draft is allowed.

Used by both exporters (build_docx, build_xlsx refuse with ExportRefused), the `export` command (exit code 1 and the
list of errors) and the window's export flow (which asks the clerk whether to export a draft instead). Each says it in
its own words; what is decided is decided here.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from exporters.errors import ExportRefused


class Verdict(Enum):
    WRITE = "write"    # no errors, or a kind errors do not block (the 一图读懂): written as it is
    DRAFT = "draft"    # errors, and a draft was allowed: written marked 草稿（未通过校验）
    REFUSE = "refuse"  # errors, and no draft allowed: not written


def export_verdict(errors: int, allow_draft: bool, *, official: bool = True) -> Verdict:
    """What becomes of an export of a report with `errors` error findings. `official` kinds (Word, Excel) are
    blocked by errors unless `allow_draft`; others are written whatever the findings."""
    if not errors or not official:
        return Verdict.WRITE
    return Verdict.DRAFT if allow_draft else Verdict.REFUSE


def draft_or_refuse(errors: int, allow_draft: bool, path: Path | str | None) -> bool:
    """Whether the official file written to `path` is a marked draft; ExportRefused when errors block it."""
    verdict = export_verdict(errors, allow_draft)
    if verdict is Verdict.REFUSE:
        raise ExportRefused(path, errors)
    return verdict is Verdict.DRAFT
