"""Each rule declared once: its id and its severity are written in one place in models/, and only a rule object
builds findings (`Rule.finding`), so no finding can carry an id or a severity its rule does not have."""

from __future__ import annotations

import ast
from collections import Counter

from models.findings import Severity
from models.rules.rule_set import RULES
from tests.conftest import ROOT

FINDINGS_MODULE = "findings.py"  # where Finding and Severity are defined


def _sources() -> dict[str, str]:
    models = ROOT / "models"
    return {p.relative_to(models).as_posix(): p.read_text(encoding="utf-8") for p in sorted(models.rglob("*.py"))}


def _severity(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Severity"
            and node.attr in Severity.__members__)


def _called(node: ast.Call, name: str) -> bool:
    func = node.func
    return (isinstance(func, ast.Name) and func.id == name) or (isinstance(func, ast.Attribute) and func.attr == name)


def problems(sources: dict[str, str], rule_ids: set[str]) -> list[str]:
    """Every place in `sources` (file name → Python source) that writes a rule's id or severity a second time, or
    builds a Finding other than through Rule.finding."""
    found: list[str] = []
    ids: Counter[str] = Counter()
    for name, source in sources.items():
        tree = ast.parse(source)
        declared: set[int] = set()  # ids of the Severity nodes that are a Rule(...) declaration's severity
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in rule_ids:
                ids[node.value] += 1
            if isinstance(node, ast.Call) and _called(node, "Rule"):
                declared.update(id(a) for a in (*node.args[1:2], *(k.value for k in node.keywords
                                                                    if k.arg == "severity")))
            if isinstance(node, ast.Call) and _called(node, "Finding") and name != FINDINGS_MODULE:
                inside = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "finding"
                          and f.lineno <= node.lineno <= (f.end_lineno or f.lineno)]
                if not inside:
                    found.append(f"{name}:{node.lineno}: a Finding built outside Rule.finding")
        if name != FINDINGS_MODULE:
            for node in ast.walk(tree):
                if _severity(node) and id(node) not in declared:
                    found.append(f"{name}:{node.lineno}: Severity.{node.attr} outside a Rule declaration")
    found.extend(f"rule id {rule!r} written {n} times in models/" for rule, n in ids.items() if n > 1)
    found.extend(f"rule id {rule!r} not written in models/" for rule in rule_ids - set(ids))
    return found


def test_each_rule_id_and_severity_is_written_once_in_models():
    assert problems(_sources(), {r.id for r in RULES}) == []


def test_the_scan_finds_a_second_id_a_stray_severity_and_a_finding_built_by_hand():
    sources = {
        "rules.py": 'T = Rule("T9-Z", Severity.ERROR, "t", check)\n'
                    'class Rule:\n    def finding(self):\n        return Finding(self.id, self.severity)\n',
        "other.py": 'def check(rule, report):\n    if rule.id == "T9-Z":\n'
                    '        yield Finding("T9-Z", Severity.WARNING, (), "m")\n',
        "findings.py": "RANK = {Severity.ERROR: 0}\n",
    }
    assert sorted(problems(sources, {"T9-Z", "T9-Y"})) == sorted([
        "other.py:3: a Finding built outside Rule.finding",
        "other.py:3: Severity.WARNING outside a Rule declaration",
        "rule id 'T9-Z' written 3 times in models/",
        "rule id 'T9-Y' not written in models/",
    ])
    assert problems({"rules.py": sources["rules.py"]}, {"T9-Z"}) == []


def test_every_rule_is_declared_with_a_distinct_id():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
