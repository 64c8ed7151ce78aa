"""`import FILE -o DRAFT|DIR [--force]`: a Word, Excel or draft file into a draft, with what was noticed.

The findings printed are those `check` prints for the same file (one code path: cli.batch.examine).

Exit codes: 0 imported (whatever the findings); 2 the file cannot be read, or the draft cannot be written (it exists
and --force is not given, it is the file being imported, its name is not .nianbao …).
"""

from __future__ import annotations

from pathlib import Path

from cli.batch import examine
from cli.commandline import command_line
from cli.outputs import DRAFT, EXIT_OK, backup_notice, ensure_writable, plan, report_stem
from importers import read_report
from models.findings import Severity
from models.storage.drafts import save_draft


def print_notices(notices: list[str]) -> None:
    for notice in notices:
        print(f"  [读取] {notice}")



def run_import(source: str, out: str, force: bool) -> int:
    output = plan(out, DRAFT)
    if output.file is not None:
        ensure_writable(output.file, [source], force, DRAFT)
    imported = read_report(source)
    report = imported.report
    target = output.path(report_stem(report))
    ensure_writable(target, [source], force, DRAFT)
    checked = examine(Path(source), imported)
    backup = save_draft(report, target)
    meta = report.meta
    name = f"{meta.agency or '（未读出机关名称）'}{meta.year or '？'}年度报告"
    print(f"已从“{Path(source).name}”导入{name}，草稿已保存：{target}")
    if backup is not None:
        print(backup_notice(backup))
    print_notices(checked.notices)
    counts = {s: checked.count(s) for s in Severity}
    if checked.findings:
        tally = "，".join(f"{counts[s]}个{s.label}" for s in Severity if counts[s])
        print(f"检查结果：{tally}。运行 {command_line('check', target)} 查看详情。")
    else:
        print("检查结果：未发现问题。")
    return EXIT_OK
