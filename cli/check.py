"""`python main.py check FILE… [--previous FILE] [--json]`: print the findings of each report."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from importers import LoadError, load
from models.findings import Finding, Severity
from models.format2021 import TEMPLATE_ID
from models.report import Report
from models.rules import evaluate

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


@dataclass
class Checked:
    path: Path
    report: Report
    findings: list[Finding]
    notices: list[str] = field(default_factory=list)
    template: str = TEMPLATE_ID

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "format": self.template,
            "year": self.report.meta.year,
            "agency": self.report.meta.agency,
            "findings": [f.as_json() for f in self.findings],
            "notices": self.notices,
        }


def run_check(files: list[str], previous_file: str | None, as_json: bool) -> int:
    previous = None
    unreadable: list[LoadError] = []
    if previous_file:
        try:
            previous, _ = load(previous_file)
        except LoadError as exc:
            print(exc.message, file=sys.stderr)
            return EXIT_UNREADABLE
    results: list[Checked] = []
    for name in files:
        try:
            report, notices = load(name)
        except LoadError as exc:
            unreadable.append(exc)
            print(exc.message, file=sys.stderr)
            continue
        if previous is None:
            from models.carryover import embedded_previous

            embedded = embedded_previous(report)
            if embedded is not None:
                notices = [*notices, f"按草稿中保存的{embedded.meta.year or '上'}年度报告核对跨年度规则。"]
            results.append(Checked(Path(name), report, evaluate(report, embedded), notices))
            continue
        results.append(Checked(Path(name), report, evaluate(report, previous), notices))
    if as_json:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # JSON is UTF-8 whatever the console's code page
        out = {"reports": [r.as_json() for r in results]}
        if unreadable:
            out["unreadable"] = [{"file": str(e.path), "message": e.message} for e in unreadable]
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for result in results:
            print_text(result)
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(r.has_errors for r in results) else EXIT_OK


def print_text(result: Checked) -> None:
    meta = result.report.meta
    title = f"{meta.agency or '（未填机关名称）'} {meta.year or '？'}年度（{result.path}）"
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    if not result.findings:
        print(f"{title}：未发现问题。")
        return
    summary = "，".join(f"{counts[s]}个{s.label}" for s in Severity if counts[s])
    print(f"{title}：{summary}")
    for notice in result.notices:
        print(f"  [读取] {notice}")
    for finding in result.findings:
        print(f"  [{finding.severity.label}] {finding.rule} {finding.message}")
        note = result.report.notes.get(finding.fingerprint)
        if note:
            print(f"      说明：{note}")
