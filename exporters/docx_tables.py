"""Tables 二, 三 and 四 in Word, laid out from the report's own format (its `grids`) with the official merges.

Table 四 stays on the portrait page: its 15 columns of 10.4 mm hold each two-character-per-line label (结果/维持) at
10.5 pt, and it reads in place under its heading. A landscape section for a four-row table would cost a page of its
own and turn the page number sideways (checked by rendering both), so it is only the last resort: numbers of seven
digits and more, which no type size fits in 15 portrait columns (layouts.table_widths.page_layout).

A merged block is one `w:tc` with `w:gridSpan` (columns) and `w:vMerge` restart/continue (rows), exactly as Word
writes it, so Word, WPS and LibreOffice show the same grid. Column widths are fixed so the table fits the type area;
layouts/table_widths.py sizes them (and, for very large numbers, the type) so that no number wraps.
"""

from __future__ import annotations

import re

from exporters.docx_styles import LANDSCAPE_TEXT_WIDTH_MM, TABLE_CENTER, TABLE_LEFT, TEXT_WIDTH_MM
from exporters.docx_xml import mm, rpr_xml, run_xml
from exporters.fonts import FontSet
from layouts.table_widths import TableLayout, band_lines, page_layout, text_width_mm
from models.format import format2021 as fmt
from models.report import Report
from models.values import format_value

_GROUP_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")

_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def table_layout(grid: fmt.Grid, report: Report) -> TableLayout:
    """Widths, type size, one-page-or-not and orientation of the table with this report's numbers
    (layouts.table_widths)."""
    texts = {cell.key: format_value(report.cells.get(cell.key)) for cell in grid.cells if cell.is_input}
    return page_layout(grid, texts, TEXT_WIDTH_MM, LANDSCAPE_TEXT_WIDTH_MM)


def twips(widths_mm: tuple[float, ...], total_mm: float = TEXT_WIDTH_MM) -> list[int]:
    """Twips per grid column, adding up to the text width (`total_mm`)."""
    result = [mm(w) for w in widths_mm]
    result[-1] += mm(total_mm) - sum(result)  # rounding
    return result


def _cell_text(cell: fmt.GridCell, report: Report) -> str:
    if cell.is_input:
        return format_value(report.cells.get(cell.key))
    return cell.text


def _paragraph_style(cell: fmt.GridCell) -> str:
    """Headings, numbers and labels spanning several rows are centred; other row labels read from the left."""
    if cell.header or cell.is_input or cell.rowspan > 1:
        return TABLE_CENTER
    return TABLE_LEFT


def _runs(cell: fmt.GridCell, text: str, rpr: str, width_mm: float, font_pt: float) -> str:
    """The cell's runs; a group label spanning rows (（三）不予公开) breaks after its number, as printed forms do; a
    label in a column too narrow for two characters runs down it, punctuation kept with the character before."""
    if not text:
        return ""
    brk = f"<w:r>{rpr}<w:br/></w:r>"
    if cell.rowspan > 1 and not cell.header and width_mm < text_width_mm("三、三", font_pt):
        return brk.join(run_xml(line, rpr) for line in band_lines(text))
    match = _GROUP_NUMBER.match(text)
    if match and cell.rowspan > 1 and not cell.header and match.end() < len(text):
        return run_xml(text[:match.end()], rpr) + brk + run_xml(text[match.end():], rpr)
    return run_xml(text, rpr)


def table_xml(table: str, report: Report, fonts: FontSet) -> str:
    """The whole `w:tbl` for table `table` ("t2", "t3", "t4") with the report's values.

    A table that fits one page is kept on one page (keep-with-next on every row) rather than split, which would
    also cut the vertical 三、本年度办理结果 band in two. One that does not (very large numbers in small type) runs
    over pages: only its header rows keep with the first data row, and they repeat on every page.
    """
    grid = report.format.grids[table]
    fitted = table_layout(grid, report)
    widths = twips(fitted.widths_mm, LANDSCAPE_TEXT_WIDTH_MM if fitted.landscape else TEXT_WIDTH_MM)
    rpr = rpr_xml(fonts.table, fitted.font_pt)
    margin = mm(fitted.margin_mm)
    cover = grid.coverage
    keep_together = fitted.keep_together
    row_min = mm(fitted.row_min_mm)
    # The paragraph mark of an empty cell at the table's size too, or it would make its row taller.
    mark = f'<w:rPr><w:sz w:val="{round(fitted.font_pt * 2)}"/><w:szCs w:val="{round(fitted.font_pt * 2)}"/></w:rPr>'
    parts = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{_BORDERS}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
        'w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for r in range(grid.rows):
        header_row = all(cover[(r, c)].header for c in range(grid.columns))
        # Header rows repeat on the next page; no row is split across pages.
        parts.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{row_min}" w:hRule="atLeast"/>'
                     + ("<w:tblHeader/>" if header_row else "") + "</w:trPr>")
        c = 0
        while c < grid.columns:
            cell = cover[(r, c)]
            span = cell.colspan
            width = sum(widths[cell.col:cell.col + span])
            props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                props += f'<w:gridSpan w:val="{span}"/>'
            if cell.rowspan > 1:
                props += '<w:vMerge w:val="restart"/>' if cell.row == r else "<w:vMerge/>"
            props += '<w:vAlign w:val="center"/>'
            text = _cell_text(cell, report) if cell.row == r else ""
            runs = _runs(cell, text, rpr, sum(fitted.widths_mm[cell.col:cell.col + span]), fitted.font_pt)
            keep = "<w:keepNext/>" if (keep_together or r < grid.header_rows) and r < grid.rows - 1 else ""
            parts.append(f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{_paragraph_style(cell)}"/>'
                         f"{keep}{mark}</w:pPr>{runs}</w:p></w:tc>")
            c += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


