"""Tables 二, 三 and 四 in Word, laid out from the report's own format (its `grids`) with the official merges.

Table 四 stays on the portrait page: its 15 columns of 10.4 mm hold each two-character-per-line label (结果/维持) at
10.5 pt, and it reads in place under its heading. A landscape section for a four-row table would cost a page of its
own and turn the page number sideways (checked by rendering both).

A merged block is one `w:tc` with `w:gridSpan` (columns) and `w:vMerge` restart/continue (rows), exactly as Word
writes it, so Word, WPS and LibreOffice show the same grid. Column widths are fixed so the table fits the type area.
"""

from __future__ import annotations

import re

from exporters.docx_styles import TABLE_CENTER, TABLE_LEFT, TABLE_PT, TEXT_WIDTH_MM
from exporters.docx_xml import mm, rpr_xml, run_xml
from exporters.fonts import FontSet
from models import format2021 as fmt
from models.report import Report
from models.values import format_value

#: Widths (mm) of the label columns; None takes what is left after the data columns.
LABEL_WIDTHS_MM: dict[str, tuple[float | None, ...]] = {"t2": (None,), "t3": (7, 17, None), "t4": ()}
#: Width (mm) of one data column; None shares the width left by the label columns equally.
DATA_WIDTH_MM: dict[str, float | None] = {"t2": 38, "t3": 11.5, "t4": None}
CELL_MARGIN_MM = 1.0
_GROUP_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")

_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def column_widths(grid: fmt.Grid, total_mm: float = TEXT_WIDTH_MM) -> list[int]:
    """Twips per grid column, adding up to the text width."""
    data_columns = grid.columns - grid.label_columns
    label_spec = LABEL_WIDTHS_MM[grid.table]
    data_mm = DATA_WIDTH_MM[grid.table]
    fixed_labels = sum(w for w in label_spec if w is not None)
    if data_mm is None:
        data_mm = (total_mm - fixed_labels) / data_columns
    rest = total_mm - fixed_labels - data_mm * data_columns
    widths_mm = [w if w is not None else rest for w in label_spec] + [data_mm] * data_columns
    twips = [mm(w) for w in widths_mm]
    twips[-1] += mm(total_mm) - sum(twips)  # rounding
    return twips


def _cell_text(cell: fmt.GridCell, report: Report) -> str:
    if cell.is_input:
        return format_value(report.cells.get(cell.key))
    return cell.text


def _paragraph_style(cell: fmt.GridCell) -> str:
    """Headings, numbers and labels spanning several rows are centred; other row labels read from the left."""
    if cell.header or cell.is_input or cell.rowspan > 1:
        return TABLE_CENTER
    return TABLE_LEFT


def _runs(cell: fmt.GridCell, text: str, rpr: str) -> str:
    """The cell's runs; a group label spanning rows (（三）不予公开) breaks after its number, as printed forms do."""
    if not text:
        return ""
    match = _GROUP_NUMBER.match(text)
    if match and cell.rowspan > 1 and not cell.header and match.end() < len(text):
        return run_xml(text[:match.end()], rpr) + f"<w:r>{rpr}<w:br/></w:r>" + run_xml(text[match.end():], rpr)
    return run_xml(text, rpr)


def table_xml(table: str, report: Report, fonts: FontSet) -> str:
    """The whole `w:tbl` for table `table` ("t2", "t3", "t4") with the report's values.

    Tables 二 and 四 are short and table 三 fits one page: each is kept on one page (keep-with-next on every row)
    rather than split, which would also cut the vertical 三、本年度办理结果 band in two.
    """
    grid = report.format.grids[table]
    widths = column_widths(grid)
    rpr = rpr_xml(fonts.table, TABLE_PT)
    margin = mm(CELL_MARGIN_MM)
    cover = grid.coverage
    keep_together = True
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
        parts.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header_row else "") + "</w:trPr>")
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
            keep = "<w:keepNext/>" if keep_together and r < grid.rows - 1 else ""
            parts.append(f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{_paragraph_style(cell)}"/>'
                         f"{keep}</w:pPr>{_runs(cell, text, rpr)}</w:p></w:tc>")
            c += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


