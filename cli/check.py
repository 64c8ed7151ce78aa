"""`check FILE_OR_DIR… [--previous FILE] [--json] [--summary OUT.xlsx|OUT.csv|DIR [--force]]`.

Drafts, Word (.docx) and Excel (.xlsx) files alike; a folder stands for the report files in it. Without --summary the
findings of each report are printed; with it, a table for a 政务公开办 is written and a one-line tally printed.

Exit codes: 0 no report has errors; 1 a report has errors; 2 a file could not be read or checked (each named with its
reason on stderr, and under "unreadable" in --json), --previous is not of an earlier year, or the summary cannot be
written (it exists and --force is not given, it would replace a report, wrong suffix …).
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

from cli.batch import PROGRESS_MIN_FILES, Checked, Progress, check_files, collect
from cli.outputs import EXIT_FILE, EXIT_FINDINGS, EXIT_OK, SUMMARY, Stop, ensure_writable, plan, same_file
from cli.summary import (
    DETAIL_HEADER,
    DETAIL_SHEET,
    EARLIER_SUMMARY_HEADERS,
    SUMMARY_HEADER,
    SUMMARY_SHEET,
    summary_detail_path,
    write_summary,
)
from importers import load
from models.findings import Severity
from models.storage.userfiles import check_regular, read_limited

#: In a folder, the summary file is named this.
SUMMARY_STEM = "年度报告检查汇总"
SKIPPED_SHOWN = 3



def run_check(files: list[str], previous_file: str | None, as_json: bool, summary: str | None, force: bool) -> int:
    outputs = summary_outputs(summary) if summary is not None else []
    paths, skipped = collect(files)
    named = [Path(f) for f in files if not Path(f).is_dir()]
    found = [p for p in paths if p not in named]
    for out in outputs:
        # A summary inside a checked folder is last run's (not reread); any other file there is a report.
        old_summary = [p for p in found if same_file(p, out)]
        if old_summary and not is_summary_file(out):
            named.append(out)
        ensure_writable(out, [*named, previous_file], force, SUMMARY)
    paths = [p for p in paths if not any(same_file(p, out) for out in outputs)]
    previous = None
    if previous_file:
        previous, _ = load(previous_file)
    if not paths:
        raise Stop(EXIT_FILE, "没有找到要检查的报告文件（草稿 .nianbao、Word .docx 或 Excel .xlsx）。")
    progress = Progress(len(paths)) if len(paths) >= PROGRESS_MIN_FILES else None
    results = check_files(paths, previous, progress=progress)
    unreadable = [r for r in results if r.error]
    readable = [r for r in results if not r.error]
    for result in unreadable:
        print(naming_the_file(result), file=sys.stderr)
    if as_json:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # JSON is UTF-8 whatever the console's code page
        out: dict[str, object] = {"reports": [r.as_json() for r in readable]}
        if unreadable:
            out["unreadable"] = [{"file": str(r.path), "message": r.error} for r in unreadable]
        if skipped:
            out["skipped"] = [str(p) for p in skipped]
        print(json.dumps(out, ensure_ascii=False, indent=1))
    if outputs:
        written = write_summary(results, outputs[0])
        if not as_json:
            print_tally(results, written, skipped)
    elif not as_json:
        for result in readable:
            print_text(result)
        if skipped:
            print(skipped_notice(skipped))
    if unreadable:
        return EXIT_FILE
    return EXIT_FINDINGS if any(r.has_errors for r in readable) else EXIT_OK


def summary_outputs(summary: str) -> list[Path]:
    """The files --summary writes: the table, and for .csv its second file (every finding). Raises Stop."""
    path = plan(summary, SUMMARY).path(SUMMARY_STEM)
    return [path, summary_detail_path(path)] if path.suffix.lower() == ".csv" else [path]


def is_summary_file(path: Path) -> bool:
    """Whether `path` is a summary this command wrote (so a later run may skip and replace it)."""
    try:
        if path.suffix.lower() == ".csv":
            head = read_limited(path, 1024, head=True).decode("utf-8-sig", errors="replace").splitlines()[:1]
            return head in [[",".join(h)] for h in (SUMMARY_HEADER, *EARLIER_SUMMARY_HEADERS, DETAIL_HEADER)]
        check_regular(path)
        with zipfile.ZipFile(path) as archive:
            book = archive.read("xl/workbook.xml").decode("utf-8", errors="replace")
        return f'name="{SUMMARY_SHEET}"' in book and f'name="{DETAIL_SHEET}"' in book
    except (OSError, zipfile.BadZipFile, KeyError):
        return False


def naming_the_file(result: Checked) -> str:
    """The reason a file was not checked, naming it by the path as found (a folder may hold two of one name)."""
    quoted = f"“{result.path.name}”"
    if quoted in result.error:
        return result.error.replace(quoted, f"“{result.path}”", 1)
    return f"“{result.path}”：{result.error}"


def skipped_notice(skipped: list[Path]) -> str:
    """`文件夹中另有2个其他类型的文件未检查：a.txt、b.jpg。` — a few named, then 等N个."""
    names = "、".join(str(p) for p in skipped[:SKIPPED_SHOWN])
    if len(skipped) > SKIPPED_SHOWN:
        return f"文件夹中另有其他类型的文件未检查：{names}等{len(skipped)}个。"
    return f"文件夹中另有{len(skipped)}个其他类型的文件未检查：{names}。"


def print_tally(results: list[Checked], written: list[Path], skipped: list[Path]) -> None:
    errors = sum(1 for r in results if not r.error and r.has_errors)
    warnings = sum(1 for r in results if not r.error and not r.has_errors and r.count(Severity.WARNING))
    unreadable = sum(1 for r in results if r.error and r.report is None)
    unchecked = sum(1 for r in results if r.error and r.report is not None)
    passed = len(results) - errors - warnings - unreadable - unchecked
    rest = f"，未检查{unchecked}份" if unchecked else ""
    print(f"已检查{len(results)}个文件：通过{passed}份，有警告{warnings}份，有错误{errors}份，"
          f"无法读取{unreadable}个{rest}。")
    if skipped:
        print(skipped_notice(skipped))
    paired = sum(1 for r in results if r.paired_with is not None)
    if paired:
        print(f"跨年度核对：{paired}份报告按同批检查的同一机关上年报告核对（见汇总表“对照上年”列）。")
    twinned = sum(1 for r in results if r.twins)
    if twinned:
        print(f"{twinned}份报告的上年报告在同批文件中不止一份，未用于跨年度核对（见汇总表“对照上年”列）。")
    if len(written) == 1:
        print(f"汇总表已保存：{written[0]}（每份报告一行；全部问题见“{DETAIL_SHEET}”工作表）。")
    else:
        print(f"汇总表已保存：{written[0]}（每份报告一行）；全部问题：{written[1]}。")


def print_text(result: Checked) -> None:
    if result.report is None:
        return
    meta = result.report.meta
    title = f"{meta.agency or '（未填机关名称）'} {meta.year or '？'}年度（{result.path}）"
    if result.template != "2021":
        title += f"［{result.template}年版格式］"
    counts = {s: result.count(s) for s in Severity}
    if result.findings:
        print(f"{title}：{'，'.join(f'{counts[s]}个{s.label}' for s in Severity if counts[s])}")
    else:
        print(f"{title}：未发现问题。")
    for notice in result.notices:
        print(f"  [读取] {notice}")
    for finding in result.findings:
        print(f"  [{finding.severity.label}] {finding.rule} {finding.message}")
        note = result.report.notes.get(finding.fingerprint)
        if note:
            print(f"      说明：{note}")
