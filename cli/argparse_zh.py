"""argparse in Chinese: its usage lines, help headings and error messages.

argparse looks its texts up through the module globals `_` (gettext) and `ngettext` each time it needs one, so
replacing those two with a lookup in `MESSAGES` translates every text without a compiled catalogue. Texts not listed
(a later Python's new ones) stay English rather than break. The list covers every msgid of argparse in Python 3.11,
3.12 and 3.13; tests/test_cli_chinese.py checks it against the running Python's argparse.

A translation must keep the original's %-placeholders (names and count), since argparse formats it afterwards;
`%r` may become `%s` (the value without Python's quotes, inside Chinese quotation marks).
"""

from __future__ import annotations

import argparse
import re

MESSAGES: dict[str, str] = {
    # help
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",  # Python ≤ 3.9
    "subcommands": "子命令",
    "show this help message and exit": "显示本说明并退出",
    "show program's version number and exit": "显示版本号并退出",
    " (default: %(default)s)": "（默认：%(default)s）",
    "%(heading)s:": "%(heading)s：",
    # errors in what was typed
    "%(prog)s: error: %(message)s\n": "错误：%(message)s\n（运行 %(prog)s -h 查看说明）\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s：警告：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "ignored explicit argument %r": "选项不接受值“%s”",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要%s个值",
    "expected %s arguments": "需要%s个值",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的%(type)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "“%(value)s”无效（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有命令“%(parser_name)s”（可用的命令：%(choices)s）",
    "argument \"-\" with mode %r": "参数“-”不能用于模式 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "option '%(option)s' is deprecated": "选项“%(option)s”已弃用",
    "argument '%(argument_name)s' is deprecated": "参数“%(argument_name)s”已弃用",
    "command '%(parser_name)s' is deprecated": "命令“%(parser_name)s”已弃用",
    # mistakes in building a parser (the program's, never the clerk's; translated all the same)
    "%r is not callable": "%r 不可调用",
    "'required' is an invalid argument for positionals": "位置参数不能设置 required",
    ".__call__() not defined": "未定义 .__call__()",
    "cannot have multiple subparser arguments": "不能有多组子命令",
    "cannot merge actions - two groups are named %r": "无法合并：两个参数组都名为 %r",
    "conflicting option string: %s": "选项冲突：%s",
    "conflicting option strings: %s": "选项冲突：%s",
    "conflicting subparser: %s": "子命令冲突：%s",
    "conflicting subparser alias: %s": "子命令别名冲突：%s",
    "dest= is required for options like %r": "像 %r 这样的选项必须指定 dest=",
    "invalid conflict_resolution value: %r": "无效的 conflict_resolution 值：%r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "无效的选项 %(option)r：必须以字符 %(prefix_chars)r 开头",
    "mutually exclusive arguments must be optional": "互斥的参数必须是选项",
}


def gettext(message: str) -> str:
    """argparse's `_`: the Chinese text, else the English (also for None, which argparse passes for no text)."""
    return MESSAGES.get(message, message) if isinstance(message, str) else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


class ChineseArgumentParser(argparse.ArgumentParser):
    """ArgumentParser whose help headings end with a Chinese colon (argparse ≤ 3.12 writes `heading:` itself).

    Sub-commands' parsers are of the same class (argparse makes them with type(parent))."""

    def format_help(self) -> str:
        return _HEADING.sub(r"\1：", super().format_help())


_HEADING = re.compile(r"^(\S[^\n:：]*):$", re.MULTILINE)


def install() -> None:
    """Make argparse speak Chinese in this process (idempotent). Call before building parsers: some headings are
    looked up when a parser is made."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def whole_number(text: str) -> int:
    """An argparse `type` for whole numbers whose name in error messages is Chinese (int's would be “int”)."""
    return int(text.strip())


whole_number.__name__ = "整数"
