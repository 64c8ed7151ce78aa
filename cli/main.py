"""Argument parsing for main.py: check, import, new."""

from __future__ import annotations

import argparse
import sys

from models.drafts import APP_VERSION

DESCRIPTION = "政府信息公开工作年度报告助手：填写、校验（勾稽关系）、导出年度报告。"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {APP_VERSION}（2021年版格式）")
    parser.add_argument("--sample", action="store_true", help="打开内置的示例报告（铜官区招商服务中心2023年度）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    check = sub.add_parser("check", help="检查报告的勾稽关系，列出问题")
    check.add_argument("files", nargs="+", metavar="FILE",
                       help="报告文件（草稿 .nianbao、Word .docx、Excel .xlsx）或文件夹（检查其中全部报告文件）")
    check.add_argument("--previous", metavar="FILE", help="上年度报告，用于跨年度核对（X-1…X-4）")
    check.add_argument("--json", action="store_true", help="以JSON输出")
    check.add_argument("--summary", metavar="OUT", help="批量检查：把每份报告一行的汇总表写入 OUT.xlsx 或 OUT.csv")
    imp = sub.add_parser("import", help="把 Word/Excel 报告导入为草稿")
    imp.add_argument("source", metavar="FILE", help="报告文件（Word .docx、Excel .xlsx 或草稿）")
    imp.add_argument("-o", "--output", required=True, metavar="DRAFT", help="草稿文件")
    imp.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    new = sub.add_parser("new", help="从上年度报告生成本年度草稿（结转上年数据）")
    new.add_argument("--previous", required=True, metavar="FILE", help="上年度报告（草稿、Word .docx 或 Excel .xlsx）")
    new.add_argument("-o", "--output", required=True, metavar="OUT", help="新草稿文件")
    new.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        from cli.check import run_check

        return run_check(args.files, args.previous, args.json, args.summary)
    if args.command == "import":
        from cli.import_report import run_import

        return run_import(args.source, args.output, args.force)
    if args.command == "new":
        from cli.new import run_new

        return run_new(args.previous, args.output, args.force)
    if args.sample:
        # Until the wizard exists, "opening" the sample shows what the checker says about it.
        from cli.check import run_check
        from resources import SAMPLE_REPORT

        print("图形界面（向导）尚未完成；以下是对内置示例报告的检查结果：")
        return run_check([str(SAMPLE_REPORT)], None, False)
    parser.print_help()
    return 0
