"""`collect export|merge`: 数据采集表 for the 业务科室, and summing the returned sheets.

    collect export --parts P[,P…] --year Y [--department NAME] [--prefill FILE] -o SHEET.xlsx|DIR [--force]
    collect merge SHEET.xlsx|DIR… (-o DRAFT|DIR [--force] | --into DRAFT) [--year Y] [--skip-conflicting]

export exit codes: 0 written; 2 unknown parts, the --prefill report cannot be read, or the sheet cannot be written
(it exists and --force is not given, it is the --prefill file, not .xlsx …).
merge exit codes: 0 written; 1 a sheet cannot be summed (another year, a department twice, a value that is not a
number, no numbers at all …; nothing written unless --skip-conflicting); 2 a file cannot be read as a 采集表, or
the draft cannot be read or written (the -o draft exists without --force or is one of the sheets, the --into draft
is open in the app or of another year than --year …). With --into, the departments merged before into that draft are
kept (a department that sends a new sheet has its numbers replaced).
"""

from __future__ import annotations

from pathlib import Path

from cli.outputs import EXIT_FILE, EXIT_FINDINGS, EXIT_OK, SHEET, Stop, backup_notice, ensure_writable, plan, safe_stem
from cli.target import checked_year, report_year, resolve, save
from exporters.collection_sheet import export_collection_sheet
from importers import load
from importers.collection_reader import CollectionReadError, read_collection_sheet
from models.format import format2021 as fmt
from models.report import Report
from models.tools.collection import SheetData, parse_parts
from models.tools.collection_merge import Merged, MergeRefused, apply_merged, merge, merge_year, stored_contributions
from models.values import CellValue, format_value, is_number


def run_collect_export(parts: list[str], year: int, department: str, prefill_file: str | None, out: str,
                       force: bool) -> int:
    checked_year(year)
    chosen = parse_parts(parts)
    department = department.strip()
    target = plan(out, SHEET).path(safe_stem(f"{department}{year}年度数据采集表"))
    ensure_writable(target, [prefill_file], force, SHEET)
    prefill: Report | None = None
    if prefill_file:
        prefill, _ = load(prefill_file)
    export_collection_sheet(target, chosen, year, department, prefill)
    who = department or "各科室通用（由科室填写名称）"
    print(f"已导出{year}年度数据采集表（{who}）：{target}")
    print(f"  填报内容：{'；'.join(p.title for p in chosen)}")
    if prefill is not None:
        filled = sum(1 for p in chosen for k in p.keys if is_number(prefill.cells.get(k)))
        source = f"{prefill.meta.year}年度报告" if prefill.meta.year else "所给报告"
        print(f"  已从“{Path(prefill_file or '').name}”（{source}）预填{filled}个数字。")
        if prefill.meta.year is not None and prefill.meta.year != year:
            print(f"  [提示] 预填的数字来自{prefill.meta.year}年度，请提醒科室逐项核对后改为{year}年度的数字。")
    return EXIT_OK



def sheet_files(inputs: list[str]) -> list[Path]:
    """The files named and the .xlsx files in the folders named (not Office's ~$ lock files), each once."""
    found: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.xlsx") if not p.name.startswith((".", "~$"))))
        else:
            found.append(path)
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def run_collect_merge(inputs: list[str], out: str | None, into: str | None, year: int | None, force: bool,
           skip_conflicting: bool) -> int:
    checked_year(year)
    files = sheet_files(inputs)
    target = resolve(out, into, force, "各科室的汇总数字", files)
    year = report_year(target, year)
    if not files:
        raise Stop(EXIT_FILE, "没有找到采集表（.xlsx）。")
    sheets: list[SheetData] = []
    unreadable: list[str] = []
    for path in files:
        try:
            sheets.append(read_collection_sheet(path))
        except CollectionReadError as exc:
            unreadable.append(exc.message)
    earlier, notices = [], []
    try:
        if sheets:
            year = merge_year(sheets, year)
        if year is not None and target.existing is not None:
            earlier, notices = stored_contributions(target.existing, year)
        merged = merge(sheets, year, earlier) if sheets else None
    except MergeRefused as exc:
        raise Stop(EXIT_FINDINGS, exc.message) from None
    if merged is not None:
        checked_year(merged.year, "采集表的")
        merged.notices[:0] = notices
        print_merged(merged)
    for message in unreadable:
        print(f"无法读取：{message}")
    if (unreadable or (merged and merged.rejected)) and not skip_conflicting:
        raise Stop(EXIT_FILE if unreadable else EXIT_FINDINGS,
                   "未写入草稿。请让相关科室改正后重新发回；如要先汇总其余的采集表，请加 --skip-conflicting。")
    if merged is None or not merged.contributions:
        raise Stop(EXIT_FINDINGS, "没有可汇总的采集表，未写入草稿。")
    if not merged.sources:
        raise Stop(EXIT_FINDINGS, "各采集表都没有填写数字，未写入草稿。")
    report = target.existing if target.existing is not None else Report()
    changes = apply_merged(report, merged)
    print_sources(merged, changes if target.existing is not None else {})
    backup = save(report, target)
    if target.existing is not None:
        print(f"已更新“{target.path}”：{len(changes)}个单元格有变化（其余内容未改动）。")
    else:
        print(f"已汇总到新草稿（{merged.year}年度，只含采集的数字）：{target.path}")
    if backup is not None:
        print(backup_notice(backup))
    return EXIT_OK


def print_merged(merged: Merged) -> None:
    print(f"汇总{merged.year}年度的数据采集表：")
    for i, c in enumerate(merged.contributions):
        earlier = "，此前已汇总，保留" if i < merged.kept else ""
        contact = f"，填报人：{c.contact}" if c.contact else ""
        print(f"  {c.department}（“{c.file}”{contact}{earlier}）：{len(c.values)}个数字")
    if merged.rejected:
        print(f"无法汇总的采集表（{len(merged.rejected)}份）：")
        for rejected in merged.rejected:
            print(f"  “{rejected.path.name}”（{rejected.department or '未填科室'}）：")
            for reason in rejected.reasons:
                print(f"    {reason}")
    for notice in merged.notices:
        print(f"  [提示] {notice}")


def _show(value: CellValue) -> str:
    return format_value(value) if value is not None else "空白"


def print_sources(merged: Merged, changes: dict[str, tuple[CellValue, CellValue]]) -> None:
    """Who supplied what: each cell with a number other than 0, as `sum ＝ department value ＋ …`."""
    sources, sums = merged.sources, merged.sums
    shown = {k: pairs for k, pairs in sources.items() if any(v for _, v in pairs)}
    print(f"各单元格的来源（{len(sources)}个单元格）：")
    for key, pairs in shown.items():
        total = sums[key]
        parts = " ＋ ".join(f"{department} {_show(value)}" for department, value in pairs)
        was = f"（原为{_show(changes[key][0])}）" if key in changes and changes[key][0] is not None else ""
        print(f"  {fmt.cell_label(key)}：{format_value(total)} ＝ {parts}{was}")
    if len(shown) < len(sources):
        print(f"  其余{len(sources) - len(shown)}个单元格各科室均填0。")
