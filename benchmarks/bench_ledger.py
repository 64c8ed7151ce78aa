"""Table 三 from a ledger of 10,000 applications, against the floor of merely reading its rows.

    .venv/bin/python benchmarks/bench_ledger.py

For .xlsx the floor is openpyxl (read-only, values only) iterating every row; for .csv, decoding the file and
csv.reader splitting every row. The ledger has date cells, serial numbers and text dates, and every way of writing
a 办理结果 that tests/ledger_builders.py knows. Reading a CSV costs little, so there the ratio is mostly the
classifying itself (a few microseconds a row: dates, 申请人类型 and 办理结果 each looked up once per distinct text).
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from datetime import date
from pathlib import Path

from _timing import median_ms, report_line

from importers.ledger_reader import read_ledger
from models.tools.ledger import compute_table3
from tests.ledger_builders import expected_cells, ledger_rows, make_cases, write_csv, write_xlsx

ROWS = 10_000
YEAR = 2024
TODAY = date(YEAR + 1, 6, 30)
MAX_RATIO_XLSX = 1.5
MAX_RATIO_CSV = 8.0


def xlsx_floor(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for ws in workbook.worksheets for _ in ws.iter_rows(values_only=True))
    workbook.close()
    return count


def csv_floor(path: Path) -> int:
    return sum(1 for _ in csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def ledger(path: Path) -> dict[str, int]:
    result = compute_table3(read_ledger(path).sheets, YEAR, today=TODAY)
    assert not result.problems
    return result.cells


def main() -> int:
    cases = make_cases(ROWS, YEAR, seed=10)
    expected = expected_cells(cases)
    ok = True
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        xlsx = write_xlsx(folder / "ledger.xlsx", ledger_rows(cases, seed=10))
        text = write_csv(folder / "ledger.csv", ledger_rows(cases, seed=10, text_only=True))
        assert ledger(xlsx) == expected and ledger(text) == expected
        print(f"ledger of {ROWS} applications: .xlsx {xlsx.stat().st_size / 1024:.0f} KiB, "
              f".csv {text.stat().st_size / 1024:.0f} KiB")
        for path, floor, floor_name, ratio in (
            (xlsx, xlsx_floor, "openpyxl read-only reading every row", MAX_RATIO_XLSX),
            (text, csv_floor, "decode + csv.reader every row", MAX_RATIO_CSV),
        ):
            floor_ms = median_ms(lambda p=path, f=floor: f(p), repeat=7, warmup=1)
            value_ms = median_ms(lambda p=path: ledger(p), repeat=7, warmup=1)
            ok &= report_line(f"ledger {path.suffix} → table 三", value_ms, floor_ms, floor_name,
                              round(floor_ms * ratio, 1))
        sheets = read_ledger(xlsx).sheets
        count_ms = median_ms(lambda: compute_table3(sheets, YEAR, today=TODAY), repeat=7, warmup=1)
        print(f"of which classifying and counting the {ROWS} rows already read: {count_ms:.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
