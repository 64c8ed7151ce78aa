"""Full evaluation of every rule on a filled report, against the floor of merely reading its 200 cells.

A full-length narrative (about 8,000 characters in 一) is used. "typing" changes one text before every evaluation,
as a keystroke does; "all texts new" changes every text each time (nothing can be reused from the last run).

    .venv/bin/python benchmarks/bench_rules.py
"""

from __future__ import annotations

import itertools
import sys

from _timing import ROOT, median_ms, report_line

from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft
from tests.builders import consistent_report

BUDGET_MS = 1.0


def full_report():
    report = consistent_report(1)
    huaian = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    sample = load_draft(ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    for key in fmt.ALL_TEXT_KEYS:
        text = (huaian.texts.get(key, "") + sample.texts.get(key, "")) or sample.texts.get("s1.active", "")
        report.texts[key] = text * 3
    return report


def main() -> int:
    report = full_report()
    previous = consistent_report(2, year=report.meta.year - 1)
    size = sum(len(report.texts.get(k, "")) for k in fmt.text_keys("s1"))
    print(f"section 一: {size} characters; all texts: {sum(len(t) for t in report.texts.values())}")
    counter = itertools.count()

    def read_cells() -> int:
        return sum(1 for key in fmt.ALL_CELL_KEYS if report.cells.get(key) is not None)

    def typing() -> object:
        report.texts["s1.requests"] = report.texts["s1.requests"][:-1] + str(next(counter) % 10)
        return evaluate(report, previous)

    def all_new() -> object:
        mark = str(next(counter))
        for key in list(report.texts):
            report.texts[key] = report.texts[key][:-len(mark)] + mark
        return evaluate(report, previous)

    floor = median_ms(read_cells, repeat=2000)
    ok = report_line("evaluate, cells only changed", median_ms(lambda: evaluate(report, previous), repeat=500),
                     floor, "read 200 cells", BUDGET_MS)
    ok &= report_line("evaluate, typing in one text", median_ms(typing, repeat=500), floor, "read 200 cells",
                      BUDGET_MS)
    cold = median_ms(all_new, repeat=200)
    print(f"evaluate, all texts new (no cache): median {cold:.3f} ms  |  ratio {cold / floor:.1f}×  (reported only)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
