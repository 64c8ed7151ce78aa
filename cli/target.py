"""Where a command that fills part of a report writes it: a new draft (`-o DRAFT`) or an existing one (`--into DRAFT`).

`-o` follows cli.outputs (never over an input, an existing file only with --force, .nianbao, a folder stands for a
draft named after the report) and says how to fill that draft instead; `--into` reads the draft, refuses one that is
open in the app or is one of the command's inputs, and saves it back with the usual backup of the previous version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cli.commandline import quote
from cli.outputs import DRAFT, EXIT_FILE, EXIT_OK, Output, Stop, ensure_writable, plan, report_stem, same_file
from models.meta_input import year_problem
from models.report import Report
from models.storage.drafts import load_draft, save_draft
from models.storage.locks import read_owner

__all__ = ["EXIT_FILE", "EXIT_OK", "Stop", "Target", "checked_year", "report_year", "resolve", "save"]


@dataclass
class Target:
    path: Path | None        # None until the report is known, when -o names a folder
    existing: Report | None  # the draft named by --into; None for a new draft
    output: Output | None = None
    inputs: Sequence[str | Path | None] = field(default_factory=tuple)
    force: bool = False
    what: str = ""


def resolve(out: str | None, into: str | None, force: bool, what: str,
            inputs: Sequence[str | Path | None] = ()) -> Target:
    """The draft to write; `what` names the part written (表三, 汇总数字) in the messages, `inputs` are the files
    the command reads (never written). Raises Stop, or the UserError of a draft that cannot be read."""
    if into is not None:
        if not into.strip():
            raise Stop(EXIT_FILE, f"--into 后面没有给出草稿的文件名（参数为空）。请写出要把{what}填入的草稿，"
                                  "或改用 -o 写一份新草稿。")
        path = Path(into)
        for name in inputs:
            if name is not None and same_file(path, name):
                raise Stop(EXIT_FILE, f"--into 的草稿“{path}”也是本命令要读取的文件。请指定另一份草稿。")
        owner = read_owner(path)
        if owner is not None:
            raise Stop(EXIT_FILE, f"“{path.name}”正由{owner.describe()}在本软件中打开。"
                                  f"请先关闭该草稿，再把{what}填入其中。")
        return Target(path, load_draft(path))
    assert out is not None
    output = plan(out, DRAFT)
    target = Target(output.file, None, output, tuple(inputs), force, what)
    if output.file is not None:
        _check_new(target, output.file)
    return target


def _check_new(target: Target, path: Path) -> None:
    what = target.what
    ensure_writable(path, target.inputs, target.force, DRAFT,
                    exists_hint=f"如要把{what}填入这份草稿（其余内容保留），请改用 --into {quote(str(path))}；"
                                f"如要用只含{what}的新草稿覆盖它，请加 --force。")


def report_year(target: Target, year: int | None) -> int | None:
    """The report year: as given, else the --into draft's. Raises Stop when the two disagree."""
    own = target.existing.meta.year if target.existing else None
    if year is None and own is not None:
        checked_year(own, f"“{target.path.name if target.path else ''}”的")
    if year is not None and own is not None and year != own:
        path = target.path.name if target.path else ""
        raise Stop(EXIT_FILE, f"“{path}”是{own}年度的草稿，与 --year {year} 不一致。请核对年度，或换一份草稿。")
    return year if year is not None else own


def checked_year(year: int | None, source: str = "") -> int | None:
    """`year` when it is in the range the app accepts (None stays None); else Stop (exit 2) before anything is
    written. `source` says where the year came from when it was not given as --year."""
    problem = year_problem(year) if year is not None else ""
    if problem:
        raise Stop(EXIT_FILE, f"{source}{problem}未写入任何文件。")
    return year


def save(report: Report, target: Target) -> Path | None:
    """Save `report` to the target (naming it after the report when -o is a folder); the backup of the version
    replaced, if any. Raises Stop, or DraftError when it cannot be written."""
    if target.path is None:
        assert target.output is not None
        target.path = target.output.path(report_stem(report))
        _check_new(target, target.path)
    return save_draft(report, target.path)
