"""The command line speaks Chinese — argparse's own texts included — and names itself as the clerk starts it
(`python3 bootstrap.py run …` from source, `gov-info-report …` frozen), in usage lines, --help and every hint."""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

import pytest

from cli import argparse_zh, commandline
from cli.main import COMMANDS, main
from models.storage.drafts import load_draft, save_draft
from tests.cli_runner import run, run_process
from tests.conftest import ROOT

ENGLISH = ("usage:", "the following arguments are required", "invalid int value", "positional arguments",
           "options", "show this help message and exit", "unrecognized arguments", "expected one argument",
           "invalid choice", "not allowed with argument", "one of the arguments", "is required", "error:",
           "show program's version number", "argument ", "expected at least one argument")
SUBCOMMANDS = [[c] for c in COMMANDS] + [["collect", "export"], ["collect", "merge"]]
RUN = commandline.launcher()  # `python3 bootstrap.py run` here (test_command_line_from_source_and_frozen: the forms)


def english_in(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text.lower()]


@pytest.fixture
def in_process(monkeypatch, capsys):
    """main() in this process; argparse's translation is put back afterwards."""
    monkeypatch.setattr(argparse, "_", argparse._)
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)

    def call(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 0
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def test_top_help_is_chinese_and_lists_the_commands():
    result = run("-h")
    assert result.returncode == 0
    assert english_in(result.stdout) == []
    assert result.stdout.startswith(f"用法：{RUN} ")
    assert "位置参数：" in result.stdout and "选项：" in result.stdout and "显示本说明并退出" in result.stdout
    for command in COMMANDS:
        assert f"{RUN} {command} …" in result.stdout


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=" ".join)
def test_help_of_every_command_is_chinese(in_process, words):
    code, out, err = in_process(*words, "-h")
    assert code == 0 and err == ""
    assert english_in(out) == []
    assert out.startswith(f"用法：{RUN} {' '.join(words)} ")
    assert "main.py" not in out
    if words != ["collect"]:
        assert f"\n示例：\n  {RUN} " in out and "退出码：" in out


@pytest.mark.parametrize("argv", [
    ["check"],                                                  # the following arguments are required
    ["infographic", "a.nianbao", "-o", "a.png", "--dpi", "x"],  # invalid int value
    ["export", "a.nianbao", "--docx"],                          # expected one argument
    ["check", "a.nianbao", "--bogus"],                          # unrecognized arguments (the sub-command's usage)
    ["collect", "nope"],                                        # invalid choice
    ["collect"],                                                # the following arguments are required
    ["ledger", "a.csv", "-o", "a", "--into", "b"],              # not allowed with argument
    ["ledger", "a.csv"],                                        # one of the arguments … is required
    ["collect", "merge", "--into", "d.nianbao"],                # the following arguments are required
    ["export", "a.nianbao", "--s"],                             # ambiguous option (--signoff, --stock-fonts)
])
def test_argument_mistakes_are_explained_in_chinese(in_process, argv):
    code, out, err = in_process(*argv)
    assert code == 2 and out == ""
    assert english_in(err) == [], err
    assert err.startswith(f"用法：{RUN} ") and "\n错误：" in err
    assert "查看说明" in err


def test_mistakes_in_a_subprocess_are_chinese_too():
    result = run_process("infographic", "a.nianbao", "-o", "a.png", "--dpi", "两百")
    assert result.returncode == 2
    assert "错误：参数 --dpi：“两百”不是有效的整数" in result.stderr and english_in(result.stderr) == []
    assert "Traceback" not in result.stderr


def argparse_msgids() -> set[str]:
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            found.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_every_text_of_this_pythons_argparse_is_translated():
    if not Path(argparse.__file__).is_file():
        pytest.skip(f"no argparse source in this Python ({argparse.__file__}: the embeddable CPython has .pyc only)")
    msgids = argparse_msgids()
    assert len(msgids) > 30
    assert sorted(msgids - set(argparse_zh.MESSAGES)) == []


@pytest.mark.parametrize("msgid", sorted(argparse_zh.MESSAGES))
def test_translations_keep_the_placeholders(msgid):
    def names(text: str) -> list[str]:
        return sorted(re.findall(r"%\((\w+)\)[rs]", text))

    def positional(text: str) -> int:
        return len(re.findall(r"%[rsd]", text))

    chinese = argparse_zh.MESSAGES[msgid]
    assert names(chinese) == names(msgid) and positional(chinese) == positional(msgid)
    if re.search(r"[a-z]{2,}", re.sub(r"%\(\w+\)[rs]", "", msgid)):  # words, not only a placeholder and a colon
        assert re.search(r"[\u4e00-\u9fff]", chinese)


def test_untranslated_texts_stay_english():
    assert argparse_zh.gettext("a text of a later Python") == "a text of a later Python"
    assert argparse_zh.gettext(None) is None
    assert argparse_zh.ngettext("expected %s argument", "expected %s arguments", 2) == "需要%s个值"


# --- the command as the clerk types it -------------------------------------------------------------------------------

def test_command_line_from_source_and_frozen(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert commandline.command_line("check", "草稿.nianbao") == "python3 bootstrap.py run check 草稿.nianbao"
    spaced = "我的 草稿.nianbao"
    assert commandline.command_line("check", spaced) == f"python3 bootstrap.py run check '{spaced}'"
    monkeypatch.setattr(sys, "platform", "win32")
    assert commandline.command_line("check", spaced) == f'py bootstrap.py run check "{spaced}"'
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", r"C:\Program Files\gov-info-report\gov-info-report-cli.exe")
    assert commandline.command_line("check", "a.docx") == "gov-info-report-cli check a.docx"
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "executable", "/opt/gov-info-report/gov-info-report")
    assert commandline.command_line("new") == "gov-info-report new"
    monkeypatch.setattr(sys, "executable", "/tmp/renamed")
    assert commandline.launcher() == "gov-info-report"


def test_frozen_usage_lines_name_the_installed_program(in_process, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/gov-info-report/gov-info-report")
    code, out, _ = in_process("export", "-h")
    assert code == 0 and out.startswith("用法：gov-info-report export ")
    assert "  gov-info-report export 草稿.nianbao --docx 报告.docx" in out
    code, _, err = in_process("check")
    assert code == 2 and "（运行 gov-info-report check -h 查看说明）" in err


def test_hints_name_the_command_as_typed(tmp_path, pingtan_path):
    report = load_draft(pingtan_path)
    report.set("t3.handled_total.natural", 71)
    broken = tmp_path / "有 错误.nianbao"
    save_draft(report, broken)
    result = run("import", str(broken), "-o", str(tmp_path / "我的 草稿"))
    assert result.returncode == 0, result.stderr
    expected = commandline.command_line("check", tmp_path / "我的 草稿.nianbao")
    assert f"运行 {expected} 查看详情。" in result.stdout and ("'" in expected or '"' in expected)
    assert "main.py" not in result.stdout


def test_no_message_of_the_command_line_mentions_main_py():
    """Strings in cli/ (docstrings aside) never tell the clerk to type `main.py` or `python …`."""
    offenders = []
    for path in sorted((ROOT / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
            if id(node) not in docstrings and ("main.py" in text or re.search(r"\bpython3? ", text)):
                offenders.append(f"{path.name}:{node.lineno}: {text}")
    assert offenders == []
