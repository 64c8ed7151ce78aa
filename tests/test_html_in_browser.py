"""The exported web page in a real browser (issue 18 §2): Chromium, headless, lays the page out in a 1000 px column,
as a portal's article column is; a script measures it. No table is wider than the column, and every cell covers
exactly the columns and rows its official merge spans (its edges meet the edges of the single cells below and beside
it), so the tables look as the official ones do, not only parse as them."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from exporters.html_export import HtmlOptions, build_html
from models.format import format2021 as fmt
from models.report import Report
from models.storage.drafts import load_draft
from tests.environment import require_program

ROOT = Path(__file__).parent.parent
#: Measures every table: its width, its column's inner width, and each cell's spans and edges (in DOM order).
MEASURE = """<script>
const out = [];
for (const t of document.querySelectorAll('table')) {
  const column = t.parentElement, style = getComputedStyle(column);
  const inner = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const cells = [...t.querySelectorAll('td,th')].map(c => { const r = c.getBoundingClientRect();
    return [c.colSpan, c.rowSpan, r.left, r.right, r.top, r.bottom]; });
  out.push({width: t.getBoundingClientRect().width, column: inner, cells});
}
document.body.setAttribute('data-result', JSON.stringify(out));
</script>"""
EDGE_PX = 1.5  # borders collapse: edges meet within a pixel or so


def _six_digits() -> Report:
    """The biggest counts a real report has (a province's table 三 totals): six digits in every cell."""
    report = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    for grid in fmt.GRIDS.values():
        for n, cell in enumerate(c for c in grid.cells if c.is_input):
            report.cells[cell.key] = 999990 + n % 10
    return report


REPORTS = {
    "sample": lambda: load_draft(ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"),
    "huaian": lambda: load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao"),
    "pingtan": lambda: load_draft(ROOT / "tests" / "fixtures" / "pingtan-2022.nianbao"),
    "six-digits": _six_digits,
}


def _measure(page: str, folder: Path) -> list[dict]:
    chromium = require_program("chromium", "browser")
    path = folder / "page.html"
    path.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    done = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                           f"--user-data-dir={folder / 'profile'}", "--dump-dom", path.as_uri()],
                          capture_output=True, text=True, encoding="utf-8", timeout=180, check=False)
    found = re.search(r'data-result="([^"]*)"', done.stdout)
    assert found, f"Chromium laid out nothing (exit {done.returncode}): {done.stderr[-500:]}"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REPORTS))
def test_the_tables_fit_the_column_and_span_as_the_official_ones(name: str, tmp_path: Path):
    report = REPORTS[name]()
    tables = _measure(build_html(report, options=HtmlOptions(allow_errors=True)), tmp_path)
    assert len(tables) == 3
    for table, measured in zip(("t2", "t3", "t4"), tables, strict=True):
        assert measured["width"] <= measured["column"] + 0.5, f"{name} {table}: {measured['width']} px wide"
        grid = report.format.grids[table]
        cells = sorted(grid.cells, key=lambda c: (c.row, c.col))  # the page writes them in this order
        assert len(cells) == len(measured["cells"]), f"{name} {table}"
        lefts: dict[int, float] = {}
        rights: dict[int, float] = {}
        tops: dict[int, float] = {}
        bottoms: dict[int, float] = {}
        for cell, (colspan, rowspan, left, right, top, bottom) in zip(cells, measured["cells"], strict=True):
            assert (colspan, rowspan) == (cell.colspan, cell.rowspan), f"{name} {table} {cell}"
            if cell.colspan == 1:
                lefts.setdefault(cell.col, left)
                rights.setdefault(cell.col, right)
            if cell.rowspan == 1:
                tops.setdefault(cell.row, top)
                bottoms.setdefault(cell.row, bottom)
        for cell, (_, _, left, right, top, bottom) in zip(cells, measured["cells"], strict=True):
            last_col, last_row = cell.col + cell.colspan - 1, cell.row + cell.rowspan - 1
            where = f"{name} {table} row {cell.row} col {cell.col} ({cell.text or cell.key})"
            if cell.col in lefts:
                assert abs(left - lefts[cell.col]) <= EDGE_PX, where
            if last_col in rights:
                assert abs(right - rights[last_col]) <= EDGE_PX, where
            if cell.row in tops:
                assert abs(top - tops[cell.row]) <= EDGE_PX, where
            if last_row in bottoms:
                assert abs(bottom - bottoms[last_row]) <= EDGE_PX, where
