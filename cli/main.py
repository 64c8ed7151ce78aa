"""Argument parsing for main.py: sub-commands (check, import, new, export, infographic, ledger, collect) run the
command line; no sub-command opens the GUI (a draft FILE, --sample, --screenshots DIR).

A first argument that is neither a command, an option nor an existing file is a mistake, not a file for the GUI: it is
answered with "找不到文件" (when it looks like a file name) or "没有这个命令" and a suggestion, exit code 2, without
loading Qt. Messages and --help are Chinese (cli.argparse_zh), and name the program as the clerk starts it
(cli.commandline).

Exit codes of every command: 0 done; 1 only for what a report says — it has errors (check, export), rows of a ledger
cannot be classified (ledger), 采集表 cannot be summed (collect merge); 2 for everything else: a file that cannot be
read or written, an output that exists without --force, wrong arguments, no display or no Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from cli.argparse_zh import ChineseArgumentParser, gettext, whole_number
from cli.argparse_zh import install as install_chinese
from cli.commandline import command_line, launcher
from models.app_info import APP_NAME, APP_VERSION

DESCRIPTION = "政府信息公开工作年度报告助手：填写、校验（勾稽关系）、导出年度报告。"
COMMANDS = ("check", "import", "new", "export", "infographic", "ledger", "collect")
EXIT_USAGE = 2
#: What opens the window: (draft file, --sample, --screenshots folder, --window-size) → exit code.
WindowEntry = Callable[[Path | None, bool, Path | None, tuple[int, int]], int]
#: The window size of `--screenshots` (logical pixels): the commonest office laptop screen.
SCREENSHOT_SIZE = (1366, 768)
#: Imports the window's code and returns its entry (main.py's load_window); called only once Qt is known to load.
WindowLoader = Callable[[], WindowEntry]
NO_WINDOW_MESSAGE = "此处只能运行命令（check、import、new、export 等）；要打开窗口，请直接启动本软件（不带命令）。"
VERSION = f"{APP_NAME} {APP_VERSION}（2021年版格式）"
VERSION_HELP = "显示版本号并退出"
FORCE_HELP = "覆盖已存在的文件（要读取的文件在任何情况下都不会被覆盖）"


def _examples(*lines: tuple[str, ...], exits: str = "") -> str:
    text = "示例：\n" + "\n".join(f"  {command_line(*words)}" for words in lines)
    return f"{text}\n{exits}" if exits else text


EXITS_FILES = "退出码：0 完成；2 文件无法读取或写入（已存在的文件未加 --force 等），或参数有误。"


def _parser(sub: argparse._SubParsersAction, name: str, help: str, epilog: str,
            description: str | None = None) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=help, description=description or help, epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    install_chinese()
    parser = ChineseArgumentParser(prog=launcher(), description=DESCRIPTION, epilog=commands_epilog(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=VERSION,
                        help=VERSION_HELP)
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令")
    check = _parser(sub, "check", "检查报告的勾稽关系，列出问题", _examples(
        ("check", "草稿.nianbao"), ("check", "本年报告.docx", "--previous", "上年报告.docx"),
        ("check", "各部门报告", "--summary", "汇总.xlsx"), ("check", "网站上的报告.html"),
        exits="退出码：0 没有错误；1 有报告存在错误；2 有文件无法读取或检查（原因写在标准错误输出），"
              "或汇总表无法写入。"))
    check.add_argument("files", nargs="+", metavar="FILE",
                       help="报告文件（草稿 .nianbao、Word .docx、Excel .xlsx、网页 .html/.htm）"
                            "或文件夹（检查其中全部报告文件）")
    check.add_argument("--previous", metavar="FILE",
                       help="上年度报告，用于跨年度核对（X-1…X-4）；须早于所查报告的年度。不给出时，同批检查的文件中"
                            "同一机关上一年度的报告自动用于核对")
    check.add_argument("--json", action="store_true", help="以JSON输出（UTF-8）")
    check.add_argument("--summary", metavar="OUT",
                       help="批量检查：把每份报告一行的汇总表写入 OUT.xlsx 或 OUT.csv（给出文件夹时写入其中的"
                            "“年度报告检查汇总.xlsx”）")
    check.add_argument("--force", action="store_true", help="覆盖已存在的汇总表")
    imp = _parser(sub, "import", "把 Word/Excel/网页报告导入为草稿", _examples(
        ("import", "报告.docx", "-o", "草稿.nianbao"), ("import", "报告.xlsx", "-o", "草稿文件夹"),
        ("import", "网站上的报告.html", "-o", "草稿.nianbao"),
        exits=EXITS_FILES))
    imp.add_argument("source", metavar="FILE", help="报告文件（Word .docx、Excel .xlsx、网页 .html/.htm 或草稿）")
    imp.add_argument("-o", "--output", required=True, metavar="DRAFT",
                     help="草稿文件（.nianbao，不写扩展名时自动加上）；给出已有的文件夹时以报告命名")
    imp.add_argument("--force", action="store_true", help=FORCE_HELP)
    new = _parser(sub, "new", "从上年度报告生成本年度草稿（结转上年数据）", _examples(
        ("new", "--previous", "2024年度报告.docx", "-o", "2025年度草稿.nianbao"), exits=EXITS_FILES))
    new.add_argument("--previous", required=True, metavar="FILE", help="上年度报告（草稿、Word .docx 或 Excel .xlsx）")
    new.add_argument("-o", "--output", required=True, metavar="DRAFT",
                     help="新草稿文件（.nianbao）；给出已有的文件夹时以报告命名")
    new.add_argument("--force", action="store_true", help=FORCE_HELP)
    _add_export(sub)
    graphic = _parser(sub, "infographic", "导出“一图读懂”（A4 竖版 PNG 图片或 PDF）", _examples(
        ("infographic", "草稿.nianbao", "-o", "一图读懂.png"),
        ("infographic", "草稿.nianbao", "-o", "一图读懂.pdf", "--previous", "上年报告.docx"), exits=EXITS_FILES))
    graphic.add_argument("file", metavar="FILE", help="报告文件（草稿 .nianbao、Word .docx 或 Excel .xlsx）")
    graphic.add_argument("-o", "--output", required=True, metavar="OUT",
                         help="OUT.png 或 OUT.pdf；给出已有的文件夹时以报告命名（PNG）")
    graphic.add_argument("--previous", metavar="FILE",
                         help="上年度报告，用于同比增减（不指定时使用草稿中保存的上年报告，如有）")
    graphic.add_argument("--dpi", type=whole_number, metavar="N", help="PNG 的分辨率（72–600，默认200）")
    graphic.add_argument("--force", action="store_true", help=FORCE_HELP)
    _add_ledger(sub)
    _add_collect(sub)
    return parser


def _add_export(sub: argparse._SubParsersAction) -> None:
    from exporters.registry import command_exporters

    export = _parser(sub, "export", "导出领导签发用的 Word 报告、Excel 副本、PDF 和供网站发布的网页", _examples(
        ("export", "草稿.nianbao", "--docx", "报告.docx", "--xlsx", "报告.xlsx"),
        ("export", "草稿.nianbao", "--html", "报告.html"),
        ("export", "草稿.nianbao", "--docx", "导出文件夹", "--stock-fonts"),
        ("export", "草稿.nianbao", "--pdf", "报告.pdf"),
        exits="退出码：0 已导出；1 报告有错误，未导出（可加 --allow-errors）；2 文件无法读取或写入，或参数有误。"))
    export.add_argument("file", metavar="FILE", help="报告文件（草稿 .nianbao、Word .docx、Excel .xlsx 或网页 .html）")
    for exporter in command_exporters():  # --docx, --xlsx, --html: one option per kind of the exporter table
        export.add_argument(exporter.flag, metavar=f"OUT{exporter.suffix}",
                            help=f"{exporter.name}（{exporter.description}）；给出已有的文件夹时以报告命名")
    export.add_argument("--allow-errors", action="store_true",
                        help="报告有错误时仍导出（Word、PDF 和网页标注“草稿（未通过校验）”）")
    export.add_argument("--previous", metavar="FILE", help="上年度报告，用于跨年度核对（X-1…X-4）；须早于报告的年度")
    export.add_argument("--checklist", action="store_true", help="另存自查清单（报告名_自查清单.docx）")
    export.add_argument("--signoff", action="store_true", help="另存审核签发单（报告名_审核签发单.docx）")
    export.add_argument("--appendices-inline", action="store_true",
                        help="自查清单作为附件放在 Word 报告文末、审核签发单放在报告之前，而不另存为单独文件")
    export.add_argument("--force", action="store_true", help=FORCE_HELP)
    export.add_argument("--stock-fonts", action="store_true",
                        help="使用 Windows 自带字体（宋体、仿宋、黑体、楷体），"
                             "而非方正小标宋简体、仿宋_GB2312、楷体_GB2312")


def _add_ledger(sub: argparse._SubParsersAction) -> None:
    ledger = _parser(
        sub, "ledger", "根据依申请公开台账（.xlsx/.csv，每件申请一行）计算表三", _examples(
            ("ledger", "台账.xlsx", "--year", "2024", "-o", "草稿.nianbao"),
            ("ledger", "台账.csv", "--into", "草稿.nianbao", "--mapping", "列对应.json"),
            exits="退出码：0 已写入；1 台账有无法归类的行，未写入（可加 --allow-unclassified）；"
                  "2 文件无法读取或写入，或参数有误。"),
        description="根据依申请公开台账（.xlsx/.csv，每件申请一行）计算表三。\n"
                    "台账须有收到日期、申请人类型、办理结果、办结日期四列（表头名称不同时用 --mapping 指定）。\n"
                    "无法归类的行逐行列出；有这样的行时不写入草稿（退出码1），除非加 --allow-unclassified。")
    ledger.add_argument("source", metavar="LEDGER", help="台账文件（Excel .xlsx 或 CSV）")
    ledger.add_argument("--year", type=whole_number, metavar="Y", help="报告年度（用 --into 时默认取草稿的年度）")
    ledger.add_argument("--mapping", metavar="MAP.json",
                        help='列对应关系（JSON）：{"columns": {"台账表头": "收到日期", …}, '
                             '"results": {"同意公开": "予以公开"}, "applicants": {"公民": "自然人"}}')
    where = ledger.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="DRAFT",
                       help="新草稿文件（.nianbao，只填表三）；给出已有的文件夹时以报告命名")
    where.add_argument("--into", metavar="DRAFT", help="已有的草稿：只替换其表三，其余内容保留（原文件先备份）")
    ledger.add_argument("--force", action="store_true", help="覆盖已存在的 -o 文件")
    ledger.add_argument("--allow-unclassified", action="store_true", help="有无法归类的行时仍写入（这些行不计入）")


def _add_collect(sub: argparse._SubParsersAction) -> None:
    from models.tools.collection import part_names

    collect = _parser(sub, "collect", "数据采集表：导出给业务科室填写，汇总发回的采集表", _examples(
        ("collect", "export", "-h"), ("collect", "merge", "-h")))
    actions = collect.add_subparsers(dest="action", metavar="export|merge", required=True, title="操作")
    export = actions.add_parser(
        "export", help="导出一份数据采集表（.xlsx）", formatter_class=argparse.RawDescriptionHelpFormatter,
        description=f"导出一份数据采集表（.xlsx）。\n填报内容（--parts，可用逗号分隔多项）：{part_names()}；"
                    "或 t2（表二全部）、all（全部）。",
        epilog=_examples(("collect", "export", "--parts", "licensing,t3", "--year", "2024", "--department", "审批科",
                          "-o", "审批科采集表.xlsx"), exits=EXITS_FILES))
    export.add_argument("--parts", action="append", required=True, metavar="P[,P…]", help="填报内容")
    export.add_argument("--year", type=whole_number, required=True, metavar="Y", help="报告年度")
    export.add_argument("--department", default="", metavar="NAME", help="填报科室（不填则由科室自己填写）")
    export.add_argument("--prefill", metavar="FILE", help="用这份报告（草稿、Word 或 Excel）中的数字预填")
    export.add_argument("-o", "--output", required=True, metavar="SHEET.xlsx",
                        help="采集表文件（.xlsx）；给出已有的文件夹时以年度和科室命名")
    export.add_argument("--force", action="store_true", help=FORCE_HELP)
    merge = actions.add_parser(
        "merge", help="汇总发回的采集表，列出每个数字由哪个科室填报",
        description="汇总发回的采集表，列出每个数字由哪个科室填报。",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_examples(("collect", "merge", "采集表文件夹", "--into", "草稿.nianbao"),
                         exits="退出码：0 已写入；1 有采集表无法汇总（年度不符、科室重复、数值无效等），未写入"
                               "（可加 --skip-conflicting）；2 文件无法读取或写入，或参数有误。"))
    merge.add_argument("sheets", nargs="+", metavar="SHEET", help="发回的采集表（.xlsx）或存放它们的文件夹")
    where = merge.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="DRAFT",
                       help="新草稿文件（.nianbao，只含汇总的数字）；给出已有的文件夹时以报告命名")
    where.add_argument("--into", metavar="DRAFT", help="已有的草稿：填入汇总的数字，其余内容保留（原文件先备份）")
    merge.add_argument("--year", type=whole_number, metavar="Y", help="报告年度（默认取草稿或采集表的年度）")
    merge.add_argument("--force", action="store_true", help="覆盖已存在的 -o 文件")
    merge.add_argument("--skip-conflicting", action="store_true",
                       help="有无法汇总的采集表时，仍汇总其余的（这些表不计入）")


COMMAND_HELP = {
    "check": "检查报告的勾稽关系，列出问题",
    "import": "把 Word/Excel/网页报告导入为草稿",
    "new": "从上年度报告生成本年度草稿",
    "export": "导出 Word 报告、Excel 副本、PDF 和网页",
    "infographic": "导出“一图读懂”",
    "ledger": "根据依申请公开台账计算表三",
    "collect": "导出、汇总数据采集表",
}


def commands_epilog() -> str:
    lines = ["命令行（不打开窗口）："]
    lines += [f"  {command_line(name, '…'):<40}{COMMAND_HELP[name]}" for name in COMMANDS]
    lines.append(f"每个命令加 -h 查看说明，如 {command_line('check', '-h')}。")
    lines.append("退出码：0 完成；1 报告有错误（check、export）、台账有无法归类的行（ledger）或采集表无法汇总"
                 "（collect merge）；2 文件无法读取或写入、已存在的文件未加 --force、参数有误。")
    return "\n".join(lines)


def build_gui_parser() -> argparse.ArgumentParser:
    install_chinese()
    parser = ChineseArgumentParser(prog=launcher(), description=DESCRIPTION, epilog=commands_epilog(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=VERSION,
                        help=VERSION_HELP)
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="要打开的草稿文件")
    parser.add_argument("--sample", action="store_true", help="打开内置的示例报告（铜官区招商服务中心2023年度）")
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="把每个页面截图保存到 DIR 后退出（无需显示器）")
    parser.add_argument("--window-size", type=window_size, metavar="宽x高", default=SCREENSHOT_SIZE,
                        help="截图的窗口大小（逻辑像素，默认 1366x768；150%% 缩放用 QT_SCALE_FACTOR=1.5 和 1280x720）")
    return parser


def window_size(text: str) -> tuple[int, int]:
    """`1366x768` (or 1366×768, 1366*768) as (width, height)."""
    parts = text.lower().replace("×", "x").replace("*", "x").split("x")
    try:
        width, height = (int(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"窗口大小应写成 宽x高，例如 1366x768，而不是“{text}”") from None
    if not (640 <= width <= 8000 and 480 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"窗口大小 {text} 超出范围（宽 640–8000，高 480–8000）")
    return width, height


def unknown_command(word: str) -> str | None:
    """The message for a first argument that is neither a command, an option nor an existing file; None if it is
    one of those."""
    if word in COMMANDS or word.startswith("-") or Path(word).exists():
        return None
    separators = tuple(s for s in (os.sep, os.altsep, "/") if s)
    if any(s in word for s in separators) or Path(word).suffix:  # 报告.docx, 文件夹/草稿: a file name
        return f"找不到文件“{word}”。"
    message = f"没有这个命令“{word}”，可用的命令：{'、'.join(COMMANDS)}"
    guess = suggest(word)
    return f"{message}（您是不是要输入 {guess}？）" if guess else message


def suggest(word: str) -> str | None:
    """The command `word` was probably meant to be: the same but for case, or a close spelling."""
    lowered = word.lower()
    for command in COMMANDS:
        if command == lowered:
            return command
    import difflib  # only for a mistyped command: not on the way to the window

    close = difflib.get_close_matches(lowered, COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def main(argv: list[str] | None = None, load_window: WindowLoader | None = None) -> int:
    """Run a command, or open the window through `load_window` (main.py passes the one that imports ui/: the command
    line never imports the window itself)."""
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    from cli.qt import prefer_offscreen

    if argv:
        mistake = unknown_command(argv[0])
        if mistake:
            print(mistake, file=sys.stderr)
            return EXIT_USAGE
    if argv and argv[0] in COMMANDS:
        prefer_offscreen()  # a command that draws (infographic) never needs a display
        return run_command(parse_command(argv))
    args = build_gui_parser().parse_args(argv)
    return open_gui(args.file, args.sample, args.screenshots, load_window, args.window_size)


def parse_command(argv: list[str]) -> argparse.Namespace:
    """The command's arguments; mistakes are reported with the usage of the (sub-)command they belong to."""
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        innermost(parser, argv).error(gettext("unrecognized arguments: %s") % " ".join(extras))
    return args


def innermost(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.ArgumentParser:
    """The parser of the deepest sub-command named in `argv` (`collect merge …` → the merge parser)."""
    for word in argv:
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subparsers:
            break
        if word in subparsers[0].choices:
            parser = subparsers[0].choices[word]
    return parser


def open_gui(file: Path | None, sample: bool, screenshots: Path | None, load_window: WindowLoader | None,
             size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """The window (or, with `screenshots`, its pages saved as images), or a message and exit code 2 when Qt cannot
    show it here."""
    from cli.qt import (
        QtMissing,
        has_display,
        import_qt,
        is_qt_failure,
        no_display_message,
        platform_chosen,
        prefer_offscreen,
        qt_missing_message,
    )

    if screenshots is not None:
        prefer_offscreen()
    elif not has_display() and not platform_chosen():
        print(no_display_message(), file=sys.stderr)
        return EXIT_USAGE
    if load_window is None:
        print(NO_WINDOW_MESSAGE, file=sys.stderr)
        return EXIT_USAGE
    try:
        import_qt()
        run_gui = load_window()
    except QtMissing as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_USAGE
    except ImportError as exc:  # a Qt module the window needs beyond the common ones
        if not is_qt_failure(exc):
            raise
        print(qt_missing_message(exc), file=sys.stderr)
        return EXIT_USAGE

    return run_gui(file, sample, screenshots, size)


def run_command(args: argparse.Namespace) -> int:
    """Run the command. The one place a command's failure becomes what the clerk sees: any UserError (a file that
    cannot be read or written, a refused argument …) prints its Chinese message on stderr and ends with exit code 2;
    cli.outputs.Stop, a UserError of the command itself, carries its own exit code (1 for what a report says)."""
    from cli.outputs import EXIT_FILE, Stop
    from models.errors import UserError

    try:
        return _dispatch(args)
    except UserError as error:
        print(error.message, file=sys.stderr)
        return error.code if isinstance(error, Stop) else EXIT_FILE


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "check":
        from cli.check import run_check

        return run_check(args.files, args.previous, args.json, args.summary, args.force)
    if args.command == "import":
        from cli.import_report import run_import

        return run_import(args.source, args.output, args.force)
    if args.command == "export":
        from cli.export import run_export
        from exporters.registry import command_exporters

        return run_export(args.file, **{e.kind: getattr(args, e.kind) for e in command_exporters()},
                          allow_errors=args.allow_errors,
                          previous_file=args.previous, checklist=args.checklist, signoff=args.signoff,
                          appendices_inline=args.appendices_inline, stock_fonts=args.stock_fonts, force=args.force)
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
