"""Checking many report files: folders expanded, a process pool when there are many, progress on stderr.

A file that cannot be read is an outcome with the reason, never the end of the batch.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TextIO

from cli.pairing import last_years
from importers import Imported, LoadError, read_report
from models.findings import Finding, Severity
from models.format import format2021 as fmt
from models.format.format2021 import TEMPLATE_ID
from models.report import Report
from models.rules.rule_set import evaluate
from models.tools.carryover import embedded_previous

#: In a folder, files with these endings are checked; the rest are skipped (and named).
REPORT_SUFFIXES = frozenset({".nianbao", ".docx", ".docm", ".xlsx", ".doc", ".wps", ".pdf", ".xls", ".et", ".ofd",
                             ".rtf", ".html", ".htm"})
POOL_MIN_FILES = 12   # below this, starting worker processes costs more than it saves
PROGRESS_MIN_FILES = 6
PROGRESS_LINES = 20   # when stderr is not a terminal, at most about this many progress lines

#: What the cross-year rules were checked against (the summary's 对照上年 column; a file of the batch is its path).
EXPLICIT_PREVIOUS = "--previous 指定的{year}年度报告"
SAVED_PREVIOUS = "草稿中保存的{year}年度报告"
SAVED_NOTICE = "按草稿中保存的{year}年度报告核对跨年度规则（X-1…X-4）。"
PAIRED_NOTICE = "按同批检查的“{file}”（同一机关{year}年度报告）核对跨年度规则（X-1…X-4）。"
TWINS_PREVIOUS = "同批有{count}份{year}年度报告，均未用于对照"
TWINS_NOTICE = ("同批检查的文件中有{count}份{agency}{year}年度报告（{names}），无法确定按哪一份核对，"
                "未用于跨年度核对（X-1…X-4）。请只保留其中一份后重新检查。")


@dataclass
class Checked:
    """One file checked: the report and its findings, or `error` when it could not be read."""

    path: Path
    report: Report | None
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    template: str = TEMPLATE_ID
    error: str = ""
    previous: Report | None = field(default=None, repr=False)  # last year's report checked against, if any
    previous_label: str = ""  # the --previous or the saved report checked against, in words ("" when neither)
    paired_with: Path | None = None  # last year's report of the same agency in the batch, checked against
    twins: tuple[Path, ...] = ()  # last year's reports of the same agency in the batch, when several: none used
    imported: Imported | None = field(default=None, repr=False)  # what was read, to check again with a pair

    @property
    def compared_with(self) -> str:
        """What the cross-year rules compared with (the summary's 对照上年 column), or why a file was not used."""
        if self.paired_with is not None:
            return str(self.paired_with)
        if not self.twins:
            return self.previous_label
        year = self.report.meta.year - 1 if self.report and self.report.meta.year else "上"
        twins = TWINS_PREVIOUS.format(count=len(self.twins), year=year)
        return f"{self.previous_label}（{twins}）" if self.previous_label else twins

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def as_json(self) -> dict[str, object]:
        report = self.report or Report()
        return {
            "file": str(self.path),
            "format": self.template,
            "year": report.meta.year,
            "agency": report.meta.agency,
            "findings": [f.as_json() for f in self.findings],
            "notices": self.notices,
        }


def collect(inputs: Iterable[str]) -> tuple[list[Path], list[Path]]:
    """The files named and the report files inside the folders named (recursively, in name order); and the other
    files the folders held (not checked)."""
    files: list[Path] = []
    skipped: list[Path] = []
    for name in inputs:
        path = Path(name)
        if not path.is_dir():
            files.append(path)
            continue
        for found in _walk(path):
            (files if found.suffix.lower() in REPORT_SUFFIXES else skipped).append(found)
    return files, skipped


def _walk(folder: Path) -> list[Path]:
    """Every file under `folder` in name order, leaving out hidden files and Office's ~$ lock files; symbolic links
    to folders are not followed (no loops)."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, n) for n in names if not n.startswith((".", "~$")))
    return sorted(found)


def check_file(path: Path, previous: Report | None = None) -> Checked:
    """Read and check one file; any failure becomes the outcome's `error`."""
    try:
        imported = read_report(path)
    except LoadError as exc:
        return Checked(path, None, error=exc.message)
    except Exception as exc:  # one broken file must not end the batch; its row says what happened
        return Checked(path, None, error=f"读取“{path.name}”时出现意外错误（{type(exc).__name__}），"
                                         "请将该文件反馈给开发者。")
    checked = examine(path, imported, previous)
    checked.previous = None  # not needed by the batch: not sent back from the worker processes
    return checked


def pair_years(results: list[Checked]) -> None:
    """Check each report again against last year's report of the same agency when the batch holds exactly one
    (cli/pairing.py), in place of one saved in a draft; when it holds several, use none of them and say why."""
    readable = [r.report if r.imported is not None and not r.error else None for r in results]
    for index, match in enumerate(last_years(readable, [r.path for r in results])):
        result = results[index]
        if match is None or result.imported is None:
            continue
        if match.twins:
            names = "、".join(str(results[i].path) for i in match.twins)
            result.notices.append(TWINS_NOTICE.format(count=len(match.twins), agency=match.agency, year=match.year,
                                                      names=names))
            result.twins = tuple(results[i].path for i in match.twins)
            continue
        before = results[match.previous]
        again = examine(result.path, result.imported, before.report)
        again.notices.append(PAIRED_NOTICE.format(file=before.path, year=match.year))
        again.previous_label, again.paired_with = "", before.path
        again.previous = None  # as check_file leaves it: the batch keeps no second copy
        results[index] = again


def examine(path: Path, imported: Imported, previous: Report | None = None) -> Checked:
    """The findings of a report read from `path`: the one code path of `check`, `import` and `export`.

    `previous` is the --previous report; without it, last year's report saved in a carried-over draft is used. A
    --previous report that is not of an earlier year is refused (the outcome's `error`), never used."""
    report = imported.report
    notices = list(imported.notices)
    used, notice, problem = previous_for(report, previous, path.name)
    if problem:
        return Checked(path, report, [], notices, imported.template, error=problem, imported=imported)
    if notice:
        notices.append(notice)
    label = ""
    if used is not None:
        label = (EXPLICIT_PREVIOUS if previous is not None else SAVED_PREVIOUS).format(year=used.meta.year or "上")
    findings = evaluate(report, used)
    if imported.source in ("docx", "html") and not report.meta.level:
        # The official layout (Word or web page) does not print the 机关层级 (the importer's notice says so): a report
        # cannot be faulted for it. A draft made from it is the clerk's, and there the level is required (V-META).
        findings = [f for f in findings if not (f.rule == "V-META" and f.cells == (fmt.META_LEVEL,))]
    return Checked(path, report, findings, notices, imported.template, previous=used, previous_label=label,
                   imported=imported)


def previous_for(report: Report, previous: Report | None, name: str) -> tuple[Report | None, str, str]:
    """Last year's report to check `report` (read from the file `name`) against: `(report, notice, problem)`.

    The --previous report when given, else the one saved in a carried-over draft (with a notice saying so). A
    --previous report of the same or a later year is a `problem` (the command stops); such a saved one is left out
    with a notice."""
    year = report.meta.year
    if previous is not None:
        if year is not None and previous.meta.year is not None and previous.meta.year >= year:
            return None, "", (f"--previous 给出的是{previous.meta.year}年度报告，不早于“{name}”的{year}年度，"
                              f"不能用于跨年度核对。请指定{year - 1}年度的报告，或不加 --previous。")
        return previous, "", ""
    saved = embedded_previous(report)
    if saved is None:
        return None, "", ""
    if year is not None and saved.meta.year is not None and saved.meta.year >= year:
        return None, (f"草稿中保存的上年报告是{saved.meta.year}年度的，不早于本报告的{year}年度，"
                      "未用于跨年度核对。"), ""
    return saved, SAVED_NOTICE.format(year=saved.meta.year or "上"), ""


def check_files(paths: list[Path], previous: Report | None = None, *, workers: int | None = None,
                progress: Callable[[int, int, Path], None] | None = None) -> list[Checked]:
    """Every file checked, in the order given. With many files, the work is spread over processes."""
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(paths) >= POOL_MIN_FILES else 1
    results: list[Checked] = []
    for result in _run(paths, previous, workers):
        results.append(result)
        if progress:
            progress(len(results), len(paths), result.path)
    if previous is None:
        pair_years(results)
    return results


def _run(paths: list[Path], previous: Report | None, workers: int) -> Iterator[Checked]:
    if workers <= 1:
        for path in paths:
            yield check_file(path, previous)
        return
    import importers.docx_import  # noqa: F401 - imported once here; forked workers inherit it instead of each importing

    chunk = max(1, min(16, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(partial(check_file, previous=previous), paths, chunksize=chunk)


class Progress:
    """`[12/200] 文件名` on stderr: rewritten in place on a terminal, else a limited number of lines."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.tty = self.stream.isatty()
        self.every = max(1, total // PROGRESS_LINES)
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int, path: Path) -> None:
        line = f"检查中 [{done}/{total}] {path.name}"
        if self.tty:
            print(f"\r{line[:70]:<72}", end="" if done < total else "\n", file=self.stream, flush=True)
        elif done % self.every == 0 or done == total:
            print(line, file=self.stream, flush=True)

    def rate(self) -> float:
        return self.total / max(time.perf_counter() - self.started, 1e-9)
