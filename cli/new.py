"""`new --previous FILE -o DRAFT|DIR [--force]`: start next year's draft from last year's report.

Exit codes: 0 written; 2 last year's report cannot be read or has no year (the new draft's year would be unknown), or
the draft cannot be written (it exists and --force is not given, it is last year's report, its name is not .nianbao …).
"""

from __future__ import annotations

from pathlib import Path

from cli.commandline import command_line
from cli.import_report import print_notices
from cli.outputs import DRAFT, EXIT_FILE, EXIT_OK, Stop, backup_notice, ensure_writable, plan, report_stem
from cli.target import checked_year
from importers import load
from models.storage.drafts import save_draft
from models.tools.carryover import new_year_from


def run_new(previous_file: str, out: str, force: bool) -> int:
    output = plan(out, DRAFT)
    if output.file is not None:
        ensure_writable(output.file, [previous_file], force, DRAFT)
    previous, notices = load(previous_file)
    if previous.meta.year is None:
        raise Stop(EXIT_FILE, f"“{Path(previous_file).name}”中没有读出报告年度，无法确定新草稿的年度。请先运行 "
                              f"{command_line('import', previous_file, '-o', '上年报告.nianbao')}，在本软件中打开"
                              "这份草稿、在“基本信息”中填写年度并保存，再用它运行本命令。")
    report = new_year_from(previous)
    checked_year(report.meta.year, f"“{Path(previous_file).name}”是{previous.meta.year}年度的报告，新草稿的")
    target = output.path(report_stem(report))
    ensure_writable(target, [previous_file], force, DRAFT)
    backup = save_draft(report, target)
    carried = sum(1 for key in report.provenance if not key.startswith("text:"))
    print(f"已生成{report.meta.year}年度草稿：{target}（从{previous.meta.year}年度报告带入上年结转{carried}项，"
          "正文已复制为起草底稿，请逐段修改）。")
    if backup is not None:
        print(backup_notice(backup))
    if notices:
        print(f"读取“{Path(previous_file).name}”时的提示：")
        print_notices(notices)
    return EXIT_OK
