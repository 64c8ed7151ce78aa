"""The real-layout corpus (tests/truth_corpus.py) through the batch check: imported exactly, real errors found of
those present, false errors, false warnings; and files per second against the floor of python-docx opening each
file and reading every cell's text (the README's measure table for issue 16).

    .venv/bin/python benchmarks/bench_truth.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from _timing import ROOT  # noqa: F401 - puts the project on sys.path

from cli.batch import check_files
from tests.truth_corpus import build, measure

COPIES = 10  # the corpus is small: time it over this many copies of each file


def floor(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    return sum(len(cell.text) for table in document.tables for row in table.rows for cell in row.cells)


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus, paths = build(folder)
        result = measure(corpus, check_files(paths, workers=1))
        print(f"files {result.files}; imported exactly {result.exact}/{result.files}; real errors found "
              f"{result.errors_found}/{result.errors_present}; false errors {len(result.false_errors)}; "
              f"false warnings {len(result.false_warnings)}")
        for line in (*result.inexact, *result.missed, *result.false_errors, *result.false_warnings):
            print("  ", line)
        many = [Path(shutil.copyfile(p, folder / f"copy{i}-{p.name}")) for i in range(COPIES) for p in paths]
        floor(many[0])  # import python-docx before timing
        start = time.perf_counter()
        for path in many:
            floor(path)
        floor_rate = len(many) / (time.perf_counter() - start)
        start = time.perf_counter()
        check_files(many, workers=1)
        one = len(many) / (time.perf_counter() - start)
        start = time.perf_counter()
        check_files(many)
        pooled = len(many) / (time.perf_counter() - start)
        print(f"batch check, one process: {one:.0f} files/s; process pool: {pooled:.0f} files/s; "
              f"floor (python-docx open + every cell, one process): {floor_rate:.0f} files/s; "
              f"ratio one process / floor {one / floor_rate:.2f}")
    clean = not (result.inexact or result.missed or result.false_errors or result.false_warnings)
    return 0 if clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
