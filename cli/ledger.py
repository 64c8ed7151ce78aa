"""`ledger LEDGER.xlsx|.csv --year Y [--mapping MAP.json] (-o DRAFT|DIR [--force] | --into DRAFT)
[--allow-unclassified]`: table 三 counted from an application ledger.

Exit codes: 0 written; 1 rows that cannot be classified (listed; nothing written unless --allow-unclassified); 2 the
ledger, the mapping or the draft cannot be read or written: the -o draft exists (without --force) or is the ledger or
the mapping, the --into draft is open in the app or of another year than --year, no year is known …
Without --mapping, the mapping remembered by the app (if any) is used, else the usual headers.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from cli.batch import previous_for
from cli.outputs import EXIT_FILE, EXIT_FINDINGS, EXIT_OK, Stop, backup_notice
from cli.target import checked_year, report_year, resolve, save
from importers.ledger_reader import read_ledger
from models.format.format2021 import T3_COLUMNS, T3_PART_COLUMNS, t3
from models.tools.ledger import LedgerResult, RowProblem, compute_table3, table3_findings
from models.tools.ledger_fields import ColumnMapping, MappingError, load_mapping, load_saved_mapping, saved_mapping_path

#: With more unclassifiable rows than this, the most frequent reasons are summed up first.
SUMMARY_FROM = 10



def run_ledger(source: str, year: int | None, mapping_file: str | None, out: str | None, into: str | None, force: bool,
         allow_unclassified: bool) -> int:
    checked_year(year)
    target = resolve(out, into, force, "表三", (source, mapping_file))
    mapping = _mapping(mapping_file)
    year = report_year(target, year)
    if year is None:
        which = f"“{target.path.name}”没有填写报告年度" if target.existing is not None else "没有给出报告年度"
        raise Stop(EXIT_FILE, f"{which}，请用 --year 指定（如 --year 2024）。")
    ledger = read_ledger(source, mapping)
    result = compute_table3(ledger.sheets, year, mapping)
    for notice in ledger.notices:
        print(f"  [读取] {notice}")
    print(describe(Path(source).name, result))
    if result.problems:
        print_problems(result.problems)
        if not allow_unclassified:
            raise Stop(EXIT_FINDINGS, "未写入草稿。请改正台账中的这些行后重试；如台账的说法与表三不同（如“同意公开”），"
                                     "可在列对应关系文件的 results、applicants 中写明对应关系；"
                                     "如确认这些行不计入表三，请加 --allow-unclassified。")
    report = target.existing if target.existing is not None else result.to_report()
    if target.existing is not None:
        result.apply_to(report)
        if report.meta.year is None:
            report.meta.year = year
    backup = save(report, target)
    done = "已更新" if target.existing is not None else "已根据台账填写"
    rest = "（其余内容未改动）" if target.existing is not None else "（其他各表为空，请继续填写）"
    print(f"{done}{year}年度表三{rest}，草稿已保存：{target.path}")
    if backup is not None:
        print(backup_notice(backup))
    findings = table3_findings(report, previous_for(report, None, target.path.name)[0])
    if findings:
        for finding in findings:
            print(f"  [{finding.severity.label}] {finding.rule} {finding.message}")
    else:
        print("表三勾稽关系检查：通过。")
    return EXIT_OK


def _mapping(mapping_file: str | None) -> ColumnMapping | None:
    if mapping_file:
        return load_mapping(mapping_file)
    try:
        saved = load_saved_mapping()
    except MappingError as exc:
        print(f"  [提示] 已保存的列对应关系未使用：{exc.message}", file=sys.stderr)
        return None
    if saved is not None:
        print(f"  [读取] 使用已保存的列对应关系（{saved_mapping_path()}）。")
    return saved


def describe(name: str, result: LedgerResult) -> str:
    """One paragraph: rows read, what counted, and the four numbers of the 总计 column with their parts."""
    y = result.year
    outside = f"；另有{result.outside}件在{y}年以前已办结或在{y}年以后收到，不计入" if result.outside else ""
    lines = [f"台账“{name}”：共{result.rows_read}件申请，计入{y}年度{result.counted}件{outside}。"]
    for row, title in (("new", "本年新收"), ("carried_in", "上年结转"), ("handled_total", "本年办结"),
                       ("carried_out", "结转下年度")):
        parts = "，".join(f"{col.label}{result.cells[t3(row, col.key)]}" for col in T3_COLUMNS
                         if col.key in T3_PART_COLUMNS and result.cells[t3(row, col.key)])
        lines.append(f"  {title}{result.cells[t3(row, 'total')]}件" + (f"（{parts}）" if parts else ""))
    return "\n".join(lines)


def print_problems(problems: list[RowProblem]) -> None:
    print(f"无法归类的行（{len(problems)}行），未计入表三：")
    common = [(r, n) for r, n in Counter(p.reason for p in problems).most_common(5) if n > 1]
    if len(problems) > SUMMARY_FROM and common:
        for reason, count in common:
            print(f"  {count}行：{reason}")
        print("  逐行如下：")
    for problem in problems:
        print(f"  {problem}")
