"""Word reports for tests and benchmarks, written with python-docx from the format module, in several hands.

A document is a list of blocks: a string is a paragraph (a `\\n` in it is a line break), a `Table` is a table given
as a matrix of cell texts plus the merges to apply (`\\n\\n` in a cell starts a second paragraph).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document

from models.format import format2021 as fmt
from models.report import Report
from models.values import format_value


@dataclass
class Table:
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row, col, rowspan, colspan)


Block = str | Table


def values_of(report: Report) -> Callable[[str], str]:
    return lambda key: format_value(report.cells.get(key))


def grid_table(table: str, value: Callable[[str], str], *, merged: bool = True) -> Table:
    """The official table from fmt.GRIDS. Unmerged, a label stands in its first row/column only (a hand-made table)."""
    grid = fmt.GRIDS[table]
    rows = [[""] * grid.columns for _ in range(grid.rows)]
    merges = []
    for cell in grid.cells:
        rows[cell.row][cell.col] = value(cell.key) if cell.key else cell.text
        if merged and (cell.rowspan > 1 or cell.colspan > 1):
            merges.append((cell.row, cell.col, cell.rowspan, cell.colspan))
    return Table(rows, merges)


def report_blocks(report: Report, *, tables: bool = True, merged: bool = True) -> list[Block]:
    """The report in the official layout: title, preamble, six headings, sub-headings, the three tables."""
    blocks: list[Block] = [report.title]
    if report.texts.get(fmt.PREAMBLE_KEY):
        blocks.extend(report.texts[fmt.PREAMBLE_KEY].split("\n"))
    for section in fmt.SECTIONS:
        blocks.append(section.heading)
        if section.table:
            if tables:
                blocks.append(grid_table(section.table, values_of(report), merged=merged))
        elif report.section_text(section.key):
            blocks.extend(report.section_text(section.key).split("\n"))
    return blocks


def write_docx(path: Path, blocks: list[Block]) -> Path:
    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            _add_table(document, block)
            document.add_paragraph("")  # Word needs a paragraph between two tables, or it joins them
    document.save(str(path))
    return path


def _add_table(document: object, table: Table) -> None:
    columns = max(len(row) for row in table.rows)
    word_table = document.add_table(rows=len(table.rows), cols=columns)  # type: ignore[attr-defined]
    cells = [list(row.cells) for row in word_table.rows]
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if text:
                first, *more = text.split("\n\n")
                cells[r][c].text = first
                for paragraph in more:
                    cells[r][c].add_paragraph(paragraph)
    for r, c, rowspan, colspan in table.merges:
        cells[r][c].merge(cells[r + rowspan - 1][c + colspan - 1])


def write_report(path: Path, report: Report, **options: bool) -> Path:
    return write_docx(path, report_blocks(report, **options))


def split_table(table: Table, at: int) -> tuple[Table, Table]:
    """The table cut before row `at` into two Word tables, as at a page break; merges across the cut are cut too."""
    first: list[tuple[int, int, int, int]] = []
    second: list[tuple[int, int, int, int]] = []
    for r, c, rowspan, colspan in table.merges:
        end = r + rowspan
        if end <= at:
            first.append((r, c, rowspan, colspan))
        elif r >= at:
            second.append((r - at, c, rowspan, colspan))
        else:
            first.append((r, c, at - r, colspan))
            second.append((0, c, end - at, colspan))
    return Table(table.rows[:at], first), Table(table.rows[at:], second)


def t3_row(key: str) -> int:
    """The grid row of table 三 that holds the row `key`."""
    return fmt.T3_HEADER_ROWS + [r.key for r in fmt.T3_ROWS].index(key)
