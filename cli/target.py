"""Where a command that fills part of a report writes it: a new draft (`-o DRAFT`) or an existing one (`--into DRAFT`).

`-o` never overwrites an existing file without --force, and says how to fill that draft instead; `--into` reads the
draft, refuses one that is open in the app, and saves it back with the usual backup of the previous version.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cli.import_report import draft_target
from models.drafts import DraftError, load_draft, save_draft
from models.locks import read_owner
from models.report import Report

EXIT_OK, EXIT_REFUSED, EXIT_FILE = 0, 1, 2


class Stop(Exception):
    """End the command with `code` after printing `message` on stderr."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Target:
    path: Path
    existing: Report | None  # the draft named by --into; None for a new draft


def resolve(out: str | None, into: str | None, force: bool, what: str) -> Target:
    """The draft to write; `what` names the part written (表三, 汇总数字) in the messages. Raises Stop."""
    if into:
        path = Path(into)
        owner = read_owner(path)
        if owner is not None:
            raise Stop(EXIT_REFUSED, f"“{path.name}”正由{owner.describe()}在本软件中打开。"
                                     f"请先关闭该草稿，再把{what}填入其中。")
        try:
            return Target(path, load_draft(path))
        except DraftError as exc:
            raise Stop(EXIT_FILE, exc.message) from None
    assert out is not None
    path = draft_target(out)
    if path.exists() and not force:
        raise Stop(EXIT_REFUSED, f"“{path}”已存在。如要把{what}填入这份草稿（其余内容保留），请改用 --into {path}；"
                                 f"如要用只含{what}的新草稿覆盖它，请加 --force。")
    return Target(path, None)


def report_year(target: Target, year: int | None) -> int | None:
    """The report year: as given, else the --into draft's. Raises Stop when the two disagree."""
    own = target.existing.meta.year if target.existing else None
    if year is not None and own is not None and year != own:
        raise Stop(EXIT_REFUSED, f"“{target.path.name}”是{own}年度的草稿，与 --year {year} 不一致。"
                                 "请核对年度，或换一份草稿。")
    return year if year is not None else own


def save(report: Report, target: Target) -> None:
    try:
        save_draft(report, target.path)
    except DraftError as exc:
        raise Stop(EXIT_FILE, exc.message) from None
