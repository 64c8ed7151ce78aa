"""Argument parsing for main.py: sub-commands (check, import, new, export, infographic, ledger, collect) run the
command line; anything else opens the GUI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.app_info import APP_VERSION

DESCRIPTION = "政府信息公开工作年度报告助手：填写、校验（勾稽关系）、导出年度报告。"
PROG = "gov-info-report" if getattr(sys, "frozen", False) else "main.py"  # the installed app's name
COMMANDS = ("check", "import", "new", "export", "infographic", "ledger", "collect")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {APP_VERSION}（2021年版格式）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    check = sub.add_parser("check", help="检查报告的勾稽关系，列出问题")
    check.add_argument("files", nargs="+", metavar="FILE",
                       help="报告文件（草稿 .nianbao、Word .docx、Excel .xlsx）或文件夹（检查其中全部报告文件）")
    check.add_argument("--previous", metavar="FILE", help="上年度报告，用于跨年度核对（X-1…X-4）")
    check.add_argument("--json", action="store_true", help="以JSON输出")
    check.add_argument("--summary", metavar="OUT", help="批量检查：把每份报告一行的汇总表写入 OUT.xlsx 或 OUT.csv")
    check.add_argument("--force", action="store_true", help="覆盖已存在的汇总表")
    imp = sub.add_parser("import", help="把 Word/Excel 报告导入为草稿")
    imp.add_argument("source", metavar="FILE", help="报告文件（Word .docx、Excel .xlsx 或草稿）")
    imp.add_argument("-o", "--output", required=True, metavar="DRAFT", help="草稿文件")
    imp.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    new = sub.add_parser("new", help="从上年度报告生成本年度草稿（结转上年数据）")
    new.add_argument("--previous", required=True, metavar="FILE", help="上年度报告（草稿、Word .docx 或 Excel .xlsx）")
    new.add_argument("-o", "--output", required=True, metavar="OUT", help="新草稿文件")
    new.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    export = sub.add_parser("export", help="导出领导签发用的 Word 报告和 Excel 副本")
    export.add_argument("file", metavar="FILE", help="报告文件（草稿 .nianbao、Word .docx 或 Excel .xlsx）")
    export.add_argument("--docx", metavar="OUT.docx", help="Word 报告（公文格式）")
    export.add_argument("--xlsx", metavar="OUT.xlsx", help="Excel 副本（合计为公式，带勾稽关系检查）")
    export.add_argument("--allow-errors", action="store_true",
                        help="报告有错误时仍导出（Word 标注“草稿（未通过校验）”）")
    export.add_argument("--previous", metavar="FILE", help="上年度报告，用于跨年度核对（X-1…X-4）")
    export.add_argument("--checklist", action="store_true", help="Word 报告后附自查清单")
    export.add_argument("--signoff", action="store_true", help="Word 报告前加审核签发单")
    export.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    export.add_argument("--stock-fonts", action="store_true",
                        help="使用 Windows 自带字体（宋体、仿宋、黑体、楷体），"
                             "而非方正小标宋简体、仿宋_GB2312、楷体_GB2312")
    graphic = sub.add_parser("infographic", help="导出“一图读懂”（A4 竖版 PNG 图片或 PDF）")
    graphic.add_argument("file", metavar="FILE", help="报告文件（草稿 .nianbao、Word .docx 或 Excel .xlsx）")
    graphic.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.png 或 OUT.pdf")
    graphic.add_argument("--previous", metavar="FILE",
                         help="上年度报告，用于同比增减（不指定时使用草稿中保存的上年报告，如有）")
    graphic.add_argument("--dpi", type=int, metavar="N", help="PNG 的分辨率（72–600，默认200）")
    graphic.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    _add_ledger(sub)
    _add_collect(sub)
    return parser


def _add_ledger(sub: argparse._SubParsersAction) -> None:
    ledger = sub.add_parser(
        "ledger", help="根据依申请公开台账（.xlsx/.csv，每件申请一行）计算表三",
        description="台账须有收到日期、申请人类型、办理结果、办结日期四列（表头名称不同时用 --mapping 指定）。"
                    "无法归类的行逐行列出；有这样的行时不写入草稿（退出码1），除非加 --allow-unclassified。")
    ledger.add_argument("source", metavar="LEDGER", help="台账文件（Excel .xlsx 或 CSV）")
    ledger.add_argument("--year", type=int, metavar="Y", help="报告年度（用 --into 时默认取草稿的年度）")
    ledger.add_argument("--mapping", metavar="MAP.json",
                        help='列对应关系（JSON）：{"columns": {"台账表头": "收到日期", …}, '
                             '"results": {"同意公开": "予以公开"}, "applicants": {"公民": "自然人"}}')
    where = ledger.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="DRAFT", help="新草稿文件（只填表三）")
    where.add_argument("--into", metavar="DRAFT", help="已有的草稿：只替换其表三，其余内容保留")
    ledger.add_argument("--force", action="store_true", help="覆盖已存在的 -o 文件")
    ledger.add_argument("--allow-unclassified", action="store_true", help="有无法归类的行时仍写入（这些行不计入）")


def _add_collect(sub: argparse._SubParsersAction) -> None:
    from models.collection import part_names

    collect = sub.add_parser("collect", help="数据采集表：导出给业务科室填写，汇总发回的采集表")
    actions = collect.add_subparsers(dest="action", metavar="export|merge", required=True)
    export = actions.add_parser("export", help="导出一份数据采集表（.xlsx）",
                                description=f"填报内容（--parts，可用逗号分隔多项）：{part_names()}；"
                                            "或 t2（表二全部）、all（全部）。")
    export.add_argument("--parts", action="append", required=True, metavar="P[,P…]", help="填报内容")
    export.add_argument("--year", type=int, required=True, metavar="Y", help="报告年度")
    export.add_argument("--department", default="", metavar="NAME", help="填报科室（不填则由科室自己填写）")
    export.add_argument("--prefill", metavar="FILE", help="用这份报告（草稿、Word 或 Excel）中的数字预填")
    export.add_argument("-o", "--output", required=True, metavar="SHEET.xlsx", help="采集表文件")
    export.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    merge = actions.add_parser("merge", help="汇总发回的采集表，列出每个数字由哪个科室填报")
    merge.add_argument("sheets", nargs="+", metavar="SHEET", help="发回的采集表（.xlsx）或存放它们的文件夹")
    where = merge.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="DRAFT", help="新草稿文件（只含汇总的数字）")
    where.add_argument("--into", metavar="DRAFT", help="已有的草稿：填入汇总的数字，其余内容保留")
    merge.add_argument("--year", type=int, metavar="Y", help="报告年度（默认取草稿或采集表的年度）")
    merge.add_argument("--force", action="store_true", help="覆盖已存在的 -o 文件")
    merge.add_argument("--skip-conflicting", action="store_true",
                       help="有无法汇总的采集表时，仍汇总其余的（这些表不计入）")


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION,
        epilog=f"命令行用法：main.py {{{','.join(COMMANDS)}}} …（main.py check -h 查看说明）")
    parser.add_argument("--version", action="version", version=f"%(prog)s {APP_VERSION}（2021年版格式）")
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="要打开的草稿文件")
    parser.add_argument("--sample", action="store_true", help="打开内置的示例报告（铜官区招商服务中心2023年度）")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="把每个页面截图保存到 DIR 后退出")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if argv and argv[0] in COMMANDS:
        return run_command(build_parser().parse_args(argv))
    args = build_gui_parser().parse_args(argv)
    from ui.app import run_gui

    return run_gui(args.file, args.sample, args.screenshots)


def run_command(args: argparse.Namespace) -> int:
    if args.command == "check":
        from cli.check import run_check

        return run_check(args.files, args.previous, args.json, args.summary, args.force)
    if args.command == "import":
        from cli.import_report import run_import

        return run_import(args.source, args.output, args.force)
    if args.command == "export":
        from cli.export import run_export

        return run_export(args.file, args.docx, args.xlsx, allow_errors=args.allow_errors,
                          previous_file=args.previous, checklist=args.checklist, signoff=args.signoff,
                          stock_fonts=args.stock_fonts, force=args.force)
    if args.command == "infographic":
        from cli.infographic import run_infographic

        return run_infographic(args.file, args.output, args.previous, args.dpi, args.force)
    if args.command == "ledger":
        from cli.ledger import run_ledger

        return run_ledger(args.source, args.year, args.mapping, args.output, args.into, force=args.force,
                          allow_unclassified=args.allow_unclassified)
    if args.command == "collect":
        from cli.collect import run_collect_export, run_collect_merge

        if args.action == "export":
            return run_collect_export(args.parts, args.year, args.department, args.prefill, args.output, args.force)
        return run_collect_merge(args.sheets, args.output, args.into, year=args.year, force=args.force,
                                 skip_conflicting=args.skip_conflicting)
    from cli.new import run_new

    return run_new(args.previous, args.output, args.force)
