"""`python main.py import FILE -o DRAFT [--force]`: a Word, Excel or draft file into a draft, with what was noticed."""

from __future__ import annotations

import sys
from pathlib import Path

from importers import LoadError, read_report
from models.drafts import DRAFT_SUFFIX, DraftError, save_draft
from models.findings import Severity
from models.rules import evaluate


def draft_target(out: str) -> Path:
    target = Path(out)
    return target.with_suffix(DRAFT_SUFFIX) if target.suffix == "" else target


def print_notices(notices: list[str]) -> None:
    for notice in notices:
        print(f"  [读取] {notice}")


def run_import(source: str, out: str, force: bool) -> int:
    target = draft_target(out)
    if target.exists() and not force:
        print(f"“{target}”已存在。如要覆盖，请加 --force。", file=sys.stderr)
        return 1
    try:
        imported = read_report(source)
    except LoadError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    report = imported.report
    try:
        save_draft(report, target)
    except DraftError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    meta = report.meta
    name = f"{meta.agency or '（未读出机关名称）'}{meta.year or '？'}年度报告"
    print(f"已从“{Path(source).name}”导入{name}，草稿已保存：{target}")
    print_notices(imported.notices)
    findings = evaluate(report)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    if findings:
        tally = "，".join(f"{counts[s]}个{s.label}" for s in Severity if counts[s])
        print(f"检查结果：{tally}。运行 python main.py check {target} 查看详情。")
    else:
        print("检查结果：未发现问题。")
    return 0
