"""One user-facing error type (models.errors.UserError): every error of ours that carries a Chinese `message`
derives from it, and the command line turns any of them into its message on stderr and exit code 2 in one place
(cli.main.run_command)."""

from __future__ import annotations

import argparse
import ast
import importlib
import subprocess
import sys

import pytest

from cli import main as cli_main
from cli.outputs import EXIT_FILE, EXIT_FINDINGS, Stop
from models.errors import UserError
from tests.conftest import QT_PROBLEM, ROOT

PACKAGES = ("models", "layouts", "importers", "exporters", "cli", "render", "ui")
QT_PACKAGES = ("render", "ui")


def _sets_message(node: ast.ClassDef) -> bool:
    """Whether a method of the class assigns `self.message`."""
    for child in ast.walk(node):
        targets = child.targets if isinstance(child, ast.Assign) else \
            [child.target] if isinstance(child, ast.AnnAssign) else []
        for target in targets:
            if (isinstance(target, ast.Attribute) and target.attr == "message"
                    and isinstance(target.value, ast.Name) and target.value.id == "self"):
                return True
    return False


def classes_with_a_message() -> list[tuple[str, str]]:
    """(module, class) of every class in our packages that sets `self.message`."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and _sets_message(node):
                    found.append((module, node.name))
    return found


def test_the_scan_finds_the_errors_we_know():
    found = {name for _module, name in classes_with_a_message()}
    assert {"DraftError", "LoadError", "ExportError", "LedgerReadError", "MergeRefused", "WriteFailed", "Stop",
            "QtMissing", "InfographicError", "Explained", "ValueRefused", "InputRefused"} <= found
    assert len(found) >= 20


@pytest.mark.parametrize(("module", "name"), classes_with_a_message(), ids=lambda v: v)
def test_every_error_with_a_chinese_message_is_a_user_error(module, name):
    if module.split(".")[0] in QT_PACKAGES and QT_PROBLEM:
        pytest.skip(f"Qt cannot be loaded here: {QT_PROBLEM}")
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, UserError), f"{module}.{name} sets a message but is not a models.errors.UserError"


def test_kinds_kept_for_callers_that_catch_them():
    """Errors that were ValueErrors or OSErrors still are (callers catch them as such)."""
    from models.meta_input import InputRefused
    from models.storage.atomic import WriteFailed
    from models.values import ValueRefused

    assert issubclass(ValueRefused, ValueError) and issubclass(InputRefused, ValueError)
    failed = WriteFailed(ROOT / "报告.docx", OSError(28, "No space left on device"))
    assert isinstance(failed, OSError) and failed.errno == 28
    assert isinstance(failed, UserError) and "报告.docx" in failed.message and failed.path == ROOT / "报告.docx"


def test_a_user_error_says_its_message_and_names_its_file():
    error = UserError("无法读取“报告.docx”。", "报告.docx")
    assert error.message == str(error) == "无法读取“报告.docx”。"
    assert error.path is not None and error.path.name == "报告.docx"
    assert UserError("没有文件").path is None


def _run(monkeypatch, error: BaseException) -> int:
    def dispatch(_args: argparse.Namespace) -> int:
        raise error

    monkeypatch.setattr(cli_main, "_dispatch", dispatch)
    return cli_main.run_command(argparse.Namespace(command="check"))


@pytest.mark.parametrize("error", [
    UserError("无法读取“甲.docx”：文件已损坏。"),
    pytest.param("load", id="LoadError"),
    pytest.param("draft", id="DraftError"),
    pytest.param("export", id="ExportError"),
], ids=lambda e: type(e).__name__ if isinstance(e, BaseException) else e)
def test_any_user_error_from_a_command_is_its_message_and_exit_code_2(monkeypatch, capsys, error):
    from exporters import ExportError
    from importers import LoadError
    from models.storage.drafts import DraftError

    made = {"load": lambda: LoadError(ROOT / "甲.docx", "无法读取“甲.docx”：文件已损坏。"),
            "draft": lambda: DraftError(ROOT / "甲.nianbao", "无法保存“甲.nianbao”：磁盘已满。"),
            "export": lambda: ExportError(ROOT / "甲.xlsx", "无法保存“甲.xlsx”：没有写入权限。")}
    error = made[error]() if isinstance(error, str) else error
    assert _run(monkeypatch, error) == EXIT_FILE
    captured = capsys.readouterr()
    assert captured.err == error.message + "\n" and captured.out == ""


def test_a_stop_keeps_its_own_exit_code(monkeypatch, capsys):
    assert _run(monkeypatch, Stop(EXIT_FINDINGS, "未写入草稿。")) == EXIT_FINDINGS
    assert capsys.readouterr().err == "未写入草稿。\n"


def test_other_errors_are_not_swallowed(monkeypatch):
    with pytest.raises(RuntimeError):
        _run(monkeypatch, RuntimeError("a bug of ours"))


def test_a_file_that_cannot_be_read_ends_a_real_command_with_exit_code_2(tmp_path, capsys, monkeypatch):
    """Through the whole command, no except clause of its own: the report cannot be read (a LoadError)."""
    monkeypatch.setattr(argparse, "_", argparse._)  # main() translates argparse: put it back afterwards
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    code = cli_main.main(["import", str(broken), "-o", str(tmp_path / "草稿.nianbao")])
    assert code == EXIT_FILE
    err = capsys.readouterr().err
    assert "坏.docx" in err and "Traceback" not in err
    assert not (tmp_path / "草稿.nianbao").exists()


def test_the_command_line_loads_no_exporter_to_parse_its_arguments():
    """The exporter table is read to build `export`'s options; python-docx and openpyxl wait for an export."""
    code = ("import sys; from cli.main import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'openpyxl')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
