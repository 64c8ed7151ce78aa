"""Word and Excel export against the floor of the bare library writing the same tables.

    .venv/bin/python benchmarks/bench_export.py

Word floor: python-docx writing the three tables (same grid, same texts, no merges, no styling) and saving.
Excel floor: openpyxl writing the same cells — every value, label and formula the export writes, on sheets of
the same names — with no style, merge, validation, conditional format or protection, and saving.
Each export must stay within 3× its floor and under 0.5 s.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from _timing import ROOT, median_ms, report_line
from docx import Document
from openpyxl import Workbook, load_workbook

from exporters import build_docx, build_xlsx, export_docx, export_xlsx
from models.format import format2021 as fmt
from models.storage.drafts import load_draft
from models.values import format_value

BUDGET_MS = 500.0
MAX_RATIO = 3.0


def bare_docx(report) -> bytes:
    document = Document()
    for grid in fmt.GRIDS.values():
        table = document.add_table(rows=grid.rows, cols=grid.columns)
        rows = [row.cells for row in table.rows]
        for cell in grid.cells:
            rows[cell.row][cell.col].text = format_value(report.cells.get(cell.key)) if cell.is_input else cell.text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def same_cells(report) -> list[tuple[str, list[tuple[int, int, object]]]]:
    """Every non-empty cell of the exported workbook, per sheet: what the floor writes."""
    exported = load_workbook(io.BytesIO(build_xlsx(report)))
    return [(ws.title, [(c.row, c.column, c.value) for row in ws.iter_rows() for c in row if c.value is not None])
            for ws in exported.worksheets]


def bare_xlsx(sheets) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, cells in sheets:
        ws = workbook.create_sheet(name)
        for row, column, value in cells:
            ws.cell(row=row, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main() -> int:
    report = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    sample = load_draft(ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    # A full narrative (the sample's), but 淮安's own 依申请公开 paragraph: the sample's says there were none.
    report.texts.update({key: text for key, text in sample.texts.items() if key != "s1.requests"})
    ok = True
    sheets = same_cells(report)
    with tempfile.TemporaryDirectory() as folder:
        for name, build, export, floor_fn, floor_name, suffix in (
            ("Word export (build_docx)", build_docx, export_docx, lambda: bare_docx(report),
             "python-docx bare tables", "docx"),
            ("Excel export (build_xlsx)", build_xlsx, export_xlsx, lambda: bare_xlsx(sheets),
             "openpyxl same cells", "xlsx"),
        ):
            floor = median_ms(floor_fn, repeat=31, warmup=3)
            built = median_ms(lambda b=build: b(report), repeat=31, warmup=3)
            target = Path(folder) / f"bench.{suffix}"
            written = median_ms(lambda e=export, t=target: e(report, t), repeat=31, warmup=3)
            ok &= report_line(name, built, floor, floor_name, BUDGET_MS)
            ok &= report_line("  … written to disk (atomic, fsync)", written, floor, floor_name, BUDGET_MS)
            if built > MAX_RATIO * floor:
                print(f"  ratio {built / floor:.1f}× exceeds {MAX_RATIO}×")
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
