"""Full evaluation of every rule on a filled report, against the floor of merely reading its 200 cells.

    .venv/bin/python benchmarks/bench_rules.py
"""

from __future__ import annotations

import sys

from _timing import ROOT, median_ms, report_line

from models import format2021 as fmt
from models.drafts import load_draft
from models.rules import evaluate
from tests.builders import consistent_report

BUDGET_MS = 1.0


def main() -> int:
    report = consistent_report(1)
    huaian = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    report.texts.update(huaian.texts)  # real narrative so the text rules have work to do
    previous = consistent_report(2, year=report.meta.year - 1)

    def read_cells() -> int:
        return sum(1 for key in fmt.ALL_CELL_KEYS if report.cells.get(key) is not None)

    floor = median_ms(read_cells, repeat=2000)
    this_year = median_ms(lambda: evaluate(report), repeat=500)
    with_previous = median_ms(lambda: evaluate(report, previous), repeat=500)
    ok = report_line("evaluate(report)", this_year, floor, "read 200 cells", BUDGET_MS)
    ok &= report_line("evaluate(report, previous)", with_previous, floor, "read 200 cells", BUDGET_MS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
