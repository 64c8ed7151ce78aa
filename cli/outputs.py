"""Where a command writes, by one set of rules for every output file of every command.

- An output is never one of the command's inputs (the report, --previous, a ledger, a mapping, a 采集表, the draft
  named by --into …), --force or not. Files are compared as files: resolved paths, and the same file under two names.
- An existing file is replaced only with --force; without it the command stops with exit code 2 and says so. A
  draft open in the app is not replaced even then.
- A name without a suffix gets the kind's first suffix (drafts: .nianbao); any other suffix is refused, so a draft is
  never written under a Word or Excel name.
- An existing folder stands for a file in it named after the report (`{机关名称}{年度}年度报告.nianbao`, made safe for
  Windows file names and shortened to what every file system takes, keeping the year — models.storage.filenames); a name
  ending in a path separator that is not an existing folder is refused, and so is an empty name.

Suffix and folder are checked first, before anything is read, so a clerk is not asked for --force in vain.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from exporters.registry import EXPORTERS, Exporter
from models.app_info import DRAFT_SUFFIX
from models.errors import UserError
from models.report import Report
from models.storage import filenames
from models.storage.filenames import file_name
from models.storage.locks import read_owner

#: Exit codes of every command: 1 only for what the report (or ledger, or 采集表) says; 2 for files and arguments.
EXIT_OK, EXIT_FINDINGS, EXIT_FILE = 0, 1, 2



class Stop(UserError):
    """End the command with `code` after printing `message` on stderr."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Kind:
    """What a command writes: its name in messages and the suffixes it may have (the first is the default)."""

    label: str
    suffixes: tuple[str, ...]

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    @classmethod
    def of(cls, exporter: Exporter) -> Kind:
        """The output of an exporter of the table (exporters.registry): its name and suffixes."""
        return cls(exporter.name, exporter.suffixes)


DRAFT = Kind("草稿", (DRAFT_SUFFIX,))
#: What `export` and `infographic` write, by exporter kind (docx, xlsx, infographic).
EXPORTS = {kind: Kind.of(exporter) for kind, exporter in EXPORTERS.items()}
DOCX, XLSX, INFOGRAPHIC = EXPORTS["docx"], EXPORTS["xlsx"], EXPORTS["infographic"]
SUMMARY = Kind("汇总表", (".xlsx", ".csv"))
SHEET = Kind("数据采集表", (".xlsx",))


@dataclass(frozen=True)
class Output:
    """An output as given on the command line: a file, or an existing folder to put a file named later in."""

    given: str
    kind: Kind
    file: Path | None = None
    folder: Path | None = None

    def path(self, stem: str = "") -> Path:
        """The file to write; in a folder, `stem` (the report's name, made safe) plus the kind's default suffix."""
        if self.file is not None:
            return self.file
        assert self.folder is not None
        return self.folder / file_name(stem, self.kind.suffix)


def plan(given: str, kind: Kind) -> Output:
    """The output named `given`, or Stop when its suffix or folder is wrong. Reads nothing, writes nothing."""
    if not given.strip():
        raise Stop(EXIT_FILE, f"没有给出{kind.label}的文件名（参数为空）。请写出文件名（如“文件名{kind.suffix}”）"
                              "或已有的文件夹（如“.”表示当前文件夹）。")
    path = Path(given)
    if path.is_dir():
        return Output(given, kind, folder=path)
    if _ends_with_separator(given):
        raise Stop(EXIT_FILE, f"文件夹“{given}”不存在。请先建立这个文件夹，或写出完整的文件名"
                              f"（如“{given}文件名{kind.suffix}”）。")
    suffix = path.suffix
    if suffix == "":
        return Output(given, kind, file=path.with_name(path.name + kind.suffix))
    if suffix.lower() not in kind.suffixes:
        wanted = " 或 ".join(kind.suffixes)
        if kind is DRAFT:
            raise Stop(EXIT_FILE, f"草稿总是保存为 {DRAFT_SUFFIX} 文件，不能命名为“{path.name}”。"
                                  f"请改为“{path.stem}{DRAFT_SUFFIX}”（或不写扩展名，自动加上 {DRAFT_SUFFIX}）。")
        raise Stop(EXIT_FILE, f"{kind.label}“{path.name}”的扩展名应为 {wanted}。")
    return Output(given, kind, file=path)


def _ends_with_separator(name: str) -> bool:
    return name.endswith(tuple(s for s in (os.sep, os.altsep, "/") if s))


def report_stem(report: Report | None, what: str = "年度报告") -> str:
    """The file name a report gets in a folder: `{机关名称}{年度}年度报告` (what is there of it)."""
    agency = report.meta.agency.strip() if report else ""
    year = report.meta.year if report else None
    return f"{agency}{year or ''}{what}" if year else f"{agency}{what}"


def safe_stem(stem: str) -> str:
    """`stem` usable as a file name on every system and short enough (models.storage.filenames.safe_stem)."""
    return filenames.safe_stem(stem)


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether two names are one file: the same resolved path (case-insensitively where the system is), or, when
    both exist, the same file on disk (hard links, case-insensitive folders)."""
    a, b = Path(a), Path(b)
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))


def ensure_writable(path: Path, inputs: Iterable[Path | str | None], force: bool, kind: Kind,
                    *, exists_hint: str = "如要覆盖，请加 --force。") -> None:
    """Stop unless `path` may be written: not an input, not an existing file without --force, not a folder, in an
    existing folder. `exists_hint` ends the "exists" message (it must name --force)."""
    for name in inputs:
        if name is not None and same_file(path, name):
            raise Stop(EXIT_FILE, f"“{path}”是本命令要读取的文件，不能用{kind.label}覆盖它（加 --force 也不行）。"
                                  "请换一个文件名。")
    if path.is_dir():
        raise Stop(EXIT_FILE, f"“{path}”是一个文件夹，不能保存为{kind.label}。请换一个文件名。")
    if path.exists() and not force:
        raise Stop(EXIT_FILE, f"“{path}”已存在。{exists_hint}")
    if kind is DRAFT and path.exists():
        owner = read_owner(path)
        if owner is not None:
            raise Stop(EXIT_FILE, f"“{path.name}”正由{owner.describe()}在本软件中打开，不能覆盖。请先关闭该草稿，"
                                  "或换一个文件名。")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise Stop(EXIT_FILE, f"无法保存“{path.name}”：文件夹“{parent}”不存在。请先建立这个文件夹，或另存到其他位置。")


def distinct(outputs: Iterable[tuple[str, Path]]) -> None:
    """Stop when two outputs of one command are the same file (`(flag, path)` pairs)."""
    seen: list[tuple[str, Path]] = []
    for flag, path in outputs:
        for other_flag, other in seen:
            if same_file(path, other):
                raise Stop(EXIT_FILE, f"{other_flag} 和 {flag} 不能是同一个文件（“{path}”）。")
        seen.append((flag, path))


def backup_notice(backup: Path | None) -> str:
    """The line that says where the replaced version of a draft was kept ('' when none was replaced)."""
    return f"  被覆盖的原文件已备份：{backup}" if backup is not None else ""
