"""`python main.py check FILE_OR_DIR… [--previous FILE] [--json] [--summary OUT.xlsx|OUT.csv]`.

Drafts, Word (.docx) and Excel (.xlsx) files alike; a folder stands for the report files in it. Without --summary the
findings of each report are printed; with it, a table for a 政务公开办 is written and a one-line tally printed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cli.batch import PROGRESS_MIN_FILES, Checked, Progress, check_files, collect
from cli.summary import DETAIL_SHEET, summary_detail_path, write_summary
from importers import LoadError, load
from models.atomic import WriteFailed
from models.findings import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def run_check(files: list[str], previous_file: str | None, as_json: bool, summary: str | None = None) -> int:
    previous = None
    if previous_file:
        try:
            previous, _ = load(previous_file)
        except LoadError as exc:
            print(exc.message, file=sys.stderr)
            return EXIT_UNREADABLE
    if summary and Path(summary).suffix.lower() not in (".xlsx", ".csv"):
        print(f"汇总表“{summary}”的扩展名应为 .xlsx 或 .csv。", file=sys.stderr)
        return EXIT_UNREADABLE
    paths, skipped = collect(files)
    if summary:
        written = {Path(summary).resolve(), summary_detail_path(Path(summary)).resolve()}
        if any(p.resolve() in written for p in paths if p.exists()) and not any(Path(f).is_dir() for f in files):
            print(f"汇总表“{summary}”不能覆盖要检查的报告。请换一个文件名。", file=sys.stderr)
            return EXIT_UNREADABLE
        paths = [p for p in paths if not p.exists() or p.resolve() not in written]  # last run's summary
    if not paths:
        print("没有找到要检查的报告文件（草稿 .nianbao、Word .docx 或 Excel .xlsx）。", file=sys.stderr)
        return EXIT_UNREADABLE
    progress = Progress(len(paths)) if len(paths) >= PROGRESS_MIN_FILES else None
    results = check_files(paths, previous, progress=progress)
    unreadable = [r for r in results if r.error]
    readable = [r for r in results if not r.error]
    if as_json:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # JSON is UTF-8 whatever the console's code page
        out: dict[str, object] = {"reports": [r.as_json() for r in readable]}
        if unreadable:
            out["unreadable"] = [{"file": str(r.path), "message": r.error} for r in unreadable]
        print(json.dumps(out, ensure_ascii=False, indent=1))
    if summary:
        try:
            written = write_summary(results, Path(summary))
        except WriteFailed as exc:
            print(exc.message, file=sys.stderr)
            return EXIT_UNREADABLE
        if not as_json:
            print_tally(results, written, skipped)
    else:
        for result in unreadable:
            print(result.error, file=sys.stderr)
        if not as_json:
            for result in readable:
                print_text(result)
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(r.has_errors for r in readable) else EXIT_OK


def print_tally(results: list[Checked], written: list[Path], skipped: int) -> None:
    errors = sum(1 for r in results if not r.error and r.has_errors)
    warnings = sum(1 for r in results if not r.error and not r.has_errors and r.count(Severity.WARNING))
    unreadable = sum(1 for r in results if r.error)
    passed = len(results) - errors - warnings - unreadable
    print(f"已检查{len(results)}个文件：通过{passed}份，有警告{warnings}份，有错误{errors}份，无法读取{unreadable}个。")
    if skipped:
        print(f"文件夹中另有{skipped}个其他类型的文件未检查。")
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
