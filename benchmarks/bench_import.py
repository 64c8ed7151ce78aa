"""Word import against the floor of python-docx opening the same file and reading every cell's text, and the
batch check of 200 report files in files per second.

    .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT, median_ms, report_line

from cli.batch import check_files
from importers import read_report
from models.storage.drafts import load_draft
from tests.builders import consistent_report
from tests.docx_builders import write_report

MAX_RATIO = 2.0
MIN_FILES_PER_SECOND = 20.0
BATCH_FILES = 200
DISTINCT_FILES = 40


def floor(path: Path) -> int:
    """What any reader must do: open the package with python-docx and read the text of every table cell."""
    import docx

    document = docx.Document(str(path))
    return sum(len(cell.text) for table in document.tables for row in table.rows for cell in row.cells)


def batch(folder: Path, sample_texts: dict[str, str]) -> list[Path]:
    paths = []
    for i in range(DISTINCT_FILES):
        report = consistent_report(i, high=5000)
        report.texts.update(sample_texts)
        paths.append(write_report(folder / f"r{i:03d}.docx", report))
    for i in range(DISTINCT_FILES, BATCH_FILES):
        paths.append(Path(shutil.copyfile(paths[i % DISTINCT_FILES], folder / f"r{i:03d}.docx")))
    return paths


def files_per_second(paths: list[Path], workers: int) -> float:
    start = time.perf_counter()
    results = check_files(paths, workers=workers)
    elapsed = time.perf_counter() - start
    assert len(results) == len(paths) and not any(r.error for r in results)
    return len(paths) / elapsed


def cli_files_per_second(folder: Path) -> float:
    """`main.py check FOLDER --summary OUT.xlsx` end to end: start-up, process pool, summary written."""
    out = folder.parent / "summary.xlsx"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(folder), "--summary", str(out)],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    elapsed = time.perf_counter() - start
    assert result.returncode in (0, 1), result.stderr
    return BATCH_FILES / elapsed


def main() -> int:
    report = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    sample = load_draft(ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    report.texts.update(sample.texts)  # a full narrative with every sub-heading
    with tempfile.TemporaryDirectory() as name:
        path = write_report(Path(name) / "filled.docx", report)
        read_report(path)  # import python-docx and warm the label caches before timing either side
        open_ms = median_ms(lambda: __import__("docx").Document(str(path)), repeat=60)
        floor_ms = median_ms(lambda: floor(path), repeat=60)
        import_ms = median_ms(lambda: read_report(path), repeat=60)
        print(f"filled .docx: {path.stat().st_size / 1024:.1f} KiB, 3 tables, {len(report.cells)} cells; "
              f"python-docx open alone {open_ms:.1f} ms")
        ok = report_line("import .docx", import_ms, floor_ms, "python-docx open + every cell's text",
                         round(floor_ms * MAX_RATIO, 1))
        folder = Path(name) / "reports"
        folder.mkdir()
        paths = batch(folder, sample.texts)
        single = files_per_second(paths, workers=1)
        pooled = files_per_second(paths, workers=2)
        cli = cli_files_per_second(folder)
    ok_batch = cli >= MIN_FILES_PER_SECOND
    print(f"batch check of {BATCH_FILES} .docx files (import + every rule): {single:.0f} files/s in one process, "
          f"{pooled:.0f} files/s with 2 worker processes, {cli:.0f} files/s for `main.py check DIR --summary "
          f"OUT.xlsx` end to end  |  budget ≥ {MIN_FILES_PER_SECOND:.0f} files/s  {'OK' if ok_batch else 'UNDER'}")
    return 0 if ok and ok_batch else 1


if __name__ == "__main__":
    sys.exit(main())
