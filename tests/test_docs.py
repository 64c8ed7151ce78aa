"""The README and docs/ stay true: every rule, every command and option, links that lead somewhere in the repository."""

from __future__ import annotations

import argparse
import re

import pytest

from cli.main import build_gui_parser, build_parser
from models.rules.rule_set import RULES
from tests.conftest import ROOT

README = ROOT / "README.md"
DOCS = [*sorted((ROOT / "docs").rglob("*.md")), README, ROOT / "packaging" / "README.md"]
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)]*)?\)")


def test_every_rule_is_documented_with_its_severity():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    heading = ""
    severity_of_row: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line
        match = re.match(r"\|\s*([A-Z][A-Z0-9]*-[A-Z0-9-]+)\s*\|", line)
        if match:
            cells = [c.strip() for c in line.strip("|").split("|")]
            labels = [c for c in cells if c in ("错误", "警告", "提示")]
            severity_of_row[match.group(1)] = labels[0] if labels else heading
    for rule in RULES:
        assert rule.id in severity_of_row, f"docs/rules.md lacks {rule.id}"
        assert rule.severity.label in severity_of_row[rule.id], (rule.id, severity_of_row[rule.id])
    assert set(severity_of_row) == {r.id for r in RULES}  # and no rule that no longer exists


def test_the_readme_rule_table_points_into_the_repository():
    text = README.read_text(encoding="utf-8")
    assert "docs/rules.md" in text
    for rule in ("T3-A", "T3-B", "T3-C", "V-1"):
        assert rule in text


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_lead_to_files_of_the_repository(doc):
    for target, _anchor in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+://", target):
            continue
        resolved = (doc.parent / target).resolve()
        assert resolved.is_relative_to(ROOT), f"{doc.name} links outside the repository: {target}"
        assert resolved.exists(), f"{doc.name} links to a missing file: {target}"


def _options(parser: argparse.ArgumentParser, path: str = "") -> dict[str, set[tuple[str, ...]]]:
    """{command path: the option strings of each of its options (-o and --output are one)}, every level of
    sub-commands included."""
    found = {path: {tuple(a.option_strings) for a in parser._actions if a.option_strings
                    and not set(a.option_strings) & {"-h", "--help"}}}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_options(sub, f"{path} {name}".strip()))
    return found


def test_the_readme_lists_every_command_and_option():
    text = README.read_text(encoding="utf-8")
    commands = _options(build_parser())
    for command, options in commands.items():
        if command:
            assert re.search(rf"bootstrap\.py run {re.escape(command)}\b", text), f"README lacks `{command}`"
        lines = [line for line in text.splitlines() if f"run {command}" in line] if command else text.splitlines()
        for spellings in options:
            assert any(re.search(rf"(?<![\w-]){re.escape(s)}\b", line) for s in spellings for line in lines), (
                f"README lacks {spellings[-1]} of `{command or 'main.py'}`")
    for spellings in _options(build_gui_parser())[""]:
        assert any(s in text for s in spellings), f"README lacks the GUI option {spellings[-1]}"


def test_the_readme_uses_one_command_form():
    text = README.read_text(encoding="utf-8")
    assert not re.search(r"(?<![./\w])python (main|bootstrap)\.py", text), "use `python3 bootstrap.py run …`"
    assert not re.search(r"^python3? main\.py", text, re.M)


def test_the_readme_screenshots_draft_is_shipped_and_shows_what_they_show():
    """README's screenshots are made with `--screenshots DIR docs/screenshots/pingtan-2022-with-errors.nianbao`."""
    from models.rules.rule_set import evaluate
    from models.storage.drafts import load_draft

    draft = ROOT / "docs" / "screenshots" / "pingtan-2022-with-errors.nianbao"
    assert draft.relative_to(ROOT).as_posix() in README.read_text(encoding="utf-8")
    found = [(f.rule, f.severity.label) for f in evaluate(load_draft(draft))]
    assert found == [("T3-A", "错误"), ("T3-C", "错误"), ("T3-B", "错误"), ("TXT-REVIEW", "警告")]
