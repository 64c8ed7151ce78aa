"""`python main.py new --previous FILE -o OUT`: start next year's draft from last year's report."""

from __future__ import annotations

import sys
from pathlib import Path

from cli.import_report import draft_target, print_notices
from importers import LoadError, load
from models.carryover import new_year_from
from models.drafts import DraftError, save_draft


def run_new(previous_file: str, out: str, force: bool) -> int:
    try:
        previous, notices = load(previous_file)
    except LoadError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    target = draft_target(out)
    if target.exists() and not force:
        print(f"“{target}”已存在。如要覆盖，请加 --force。", file=sys.stderr)
        return 1
    report = new_year_from(previous)
    try:
        save_draft(report, target)
    except DraftError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    carried = sum(1 for key in report.provenance if not key.startswith("text:"))
    year = f"{report.meta.year}年度" if report.meta.year else "新年度"
    source = f"{previous.meta.year}年度报告" if previous.meta.year else "上年度报告"
    print(f"已生成{year}草稿：{target}（从{source}带入上年结转{carried}项，正文已复制为起草底稿，请逐段修改）。")
    if notices:
        print(f"读取“{Path(previous_file).name}”时的提示：")
        print_notices(notices)
    return 0
