"""Tables 二, 三 and 四 as HTML, from the report's own format (its `grids`): one cell per merged block with the
official colspan/rowspan, `<th scope="col">` on column headings and `<th scope="row">` on row labels, a `<caption>`,
widths in % of the table, and the borders inline on every cell, so a portal's rich-text editor keeps them when the
page is pasted in (editors strip `<style>` and classes, rarely a cell's own style).

The widths are the Word table's (layouts.table_widths at the type area's width) as shares of the whole; a vertical
label (三、本年度办理结果) and a group label spanning rows (（三）不予公开) break where the Word table breaks them.
"""

from __future__ import annotations

import re
from html import escape

from layouts.page_geometry import TEXT_WIDTH_MM
from layouts.table_widths import band_lines, layout, text_width_mm
from models.format import format2021 as fmt
from models.format.format2021 import Grid, GridCell
from models.report import Report
from models.values import format_value

TABLE_STYLE = ("border-collapse:collapse;border:1px solid #000;width:100%;margin:8px 0 16px;"
               "font-family:'宋体',SimSun,'Songti SC',serif;font-size:14px;line-height:1.5;color:#000;")
CAPTION_STYLE = "caption-side:top;text-align:center;font-weight:bold;font-size:14px;padding:4px 0;"
CELL_STYLE = "border:1px solid #000;padding:3px 4px;vertical-align:middle;font-weight:normal;"
_GROUP_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")


def caption(table: str) -> str:
    """表二　主动公开政府信息情况: the table's name and its section's heading without the ordinal."""
    heading = fmt.TABLE_TITLES[table]
    return f"{fmt.TABLE_NAMES[table]}　{heading.split('、', 1)[-1]}"


def cell_text(cell: GridCell, report: Report) -> str:
    """A label's text, or the value of an input cell as the report holds it ('' when blank)."""
    return format_value(report.cells.get(cell.key)) if cell.is_input else cell.text


def percentages(grid: Grid, report: Report) -> list[float]:
    """Each grid column's share of the table's width (%, one decimal, adding up to 100)."""
    texts = {cell.key: format_value(report.cells.get(cell.key)) for cell in grid.cells if cell.is_input}
    widths = layout(grid, texts, TEXT_WIDTH_MM).widths_mm
    total = sum(widths)
    shares = [round(w * 100 / total, 1) for w in widths]
    shares[-1] = round(100 - sum(shares[:-1]), 1)
    return shares


def cell_lines(cell: GridCell, text: str, width_mm: float, font_pt: float) -> list[str]:
    """The lines of a label as the Word table sets them: down a column too narrow for two characters one character
    per line, a group label spanning rows broken after its number; any other text on one line."""
    if not text or cell.header or cell.rowspan == 1:
        return [text]
    if width_mm < text_width_mm("三、三", font_pt):
        return band_lines(text)
    match = _GROUP_NUMBER.match(text)
    if match and match.end() < len(text):
        return [text[:match.end()], text[match.end():]]
    return [text]


def table_html(table: str, report: Report) -> str:
    """The whole `<table>` for table `table` ("t2", "t3", "t4") with the report's values."""
    grid = report.format.grids[table]
    shares = percentages(grid, report)
    texts = {cell.key: format_value(report.cells.get(cell.key)) for cell in grid.cells if cell.is_input}
    fitted = layout(grid, texts, TEXT_WIDTH_MM)
    rows: dict[int, list[GridCell]] = {}
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(cell.row, []).append(cell)
    parts = [f'<table width="100%" border="1" cellspacing="0" cellpadding="3" style="{TABLE_STYLE}">',
             f'<caption style="{CAPTION_STYLE}">{escape(caption(table))}</caption>', "<colgroup>",
             *(f'<col style="width:{share}%">' for share in shares), "</colgroup>"]
    for r in range(grid.rows):
        if r == 0 and grid.header_rows:
            parts.append("<thead>")
        elif r == grid.header_rows:
            parts.append("<tbody>")
        parts.append("<tr>")
        for cell in rows.get(r, []):
            width_mm = sum(fitted.widths_mm[cell.col:cell.col + cell.colspan])
            lines = cell_lines(cell, cell_text(cell, report), width_mm, fitted.font_pt)
            parts.append(_cell(cell, lines, sum(shares[cell.col:cell.col + cell.colspan])))
        parts.append("</tr>")
        if grid.header_rows and r == grid.header_rows - 1:
            parts.append("</thead>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _cell(cell: GridCell, lines: list[str], share: float) -> str:
    """One `<td>` (a number) or `<th>` (a heading or a row label) with its spans and inline style."""
    centred = cell.header or cell.is_input or cell.rowspan > 1
    style = f"{CELL_STYLE}text-align:{'center' if centred else 'left'};width:{share:.1f}%;"
    spans = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
        f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
    content = "<br>".join(escape(line) for line in lines)
    if cell.is_input:  # a number never breaks over two lines, however narrow the portal's column
        return f'<td{spans} nowrap style="{style}white-space:nowrap;">{content}</td>'
    scope = "col" if cell.header else "row"
    return f'<th scope="{scope}"{spans} style="{style}">{content}</th>'


def table_text(table: str, report: Report) -> str:
    """The table as plain text: its caption, then each row's cells separated by tabs (a merged cell's text in its
    first grid cell, the cells it covers left empty), as spreadsheets and editors paste tab-separated text."""
    grid = report.format.grids[table]
    lines = [caption(table)]
    for r in range(grid.rows):
        row = []
        for c in range(grid.columns):
            cell = grid.coverage[(r, c)]
            row.append(cell_text(cell, report) if (cell.row, cell.col) == (r, c) else "")
        lines.append("\t".join(row).rstrip("\t"))
    return "\n".join(lines)
