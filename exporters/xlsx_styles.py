"""Cell styles of the workbook, registered once as named styles (fast to assign, consistent, protected or not)."""

from __future__ import annotations

from copy import copy

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

LABEL, LABEL_LEFT, BAND, INPUT, TOTAL, CHECK, TITLE, NOTE, BODY = (
    "报告标签", "报告标签左", "报告竖排标签", "报告填写", "报告合计", "报告检查", "报告标题", "报告说明", "报告正文",
)
FONT = "宋体"

#: The app's tints (ui/theme.py), so that a colour means the same in the window and in the workbook:
#: labels, 自动合计, 上年结转带入, an error (不一致), a warning (未填完), and the error text colour.
LABEL_COLOUR, AUTO_COLOUR, CARRIED_COLOUR = "EEF2F7", "ECECEC", "D9F0E3"
ERROR_COLOUR, WARNING_COLOUR, ERROR_TEXT = "F7C6C6", "FBE3A8", "B42318"
RED_FILL = PatternFill("solid", fgColor=ERROR_COLOUR)
RED_FONT = Font(name=FONT, color=ERROR_TEXT, bold=True)
AMBER_FILL = PatternFill("solid", fgColor=WARNING_COLOUR)
GREEN_FILL = PatternFill("solid", fgColor=CARRIED_COLOUR)

_thin = Side(style="thin", color="000000")
_box = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_label = PatternFill("solid", fgColor=LABEL_COLOUR)
_auto = PatternFill("solid", fgColor=AUTO_COLOUR)
_locked, _unlocked = Protection(locked=True), Protection(locked=False)


def _style(name: str, *, font: Font | None = None, fill: PatternFill | None = None, border: Border | None = _box,
           alignment: Alignment | None = None, locked: bool = True) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = font or Font(name=FONT, size=10)
    if fill:
        style.fill = fill
    if border:
        style.border = border
    style.alignment = alignment or Alignment(horizontal="center", vertical="center", wrap_text=True)
    style.protection = _locked if locked else _unlocked
    return style


def safe(value: object) -> object:
    """Text without the control characters a worksheet cannot hold (pasted from other documents)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def as_text(cell: Cell) -> Cell:
    """Text a clerk typed that starts with "=" stays text: a spreadsheet must never run it as a formula."""
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def apply(cell: Cell, name: str) -> None:
    """Give a cell one of our named styles; later cells copy the first one's style array (a dozen times faster)."""
    workbook = cell.parent.parent
    protos: dict[str, StyleArray] = workbook.__dict__.setdefault("_report_style_arrays", {})
    proto = protos.get(name)
    if proto is None:
        cell.style = name
        protos[name] = copy(cell._style)
    else:
        cell._style = copy(proto)


def merge(ws: Worksheet, range_string: str = "", *, start_row: int = 0, start_column: int = 0, end_row: int = 0,
          end_column: int = 0) -> None:
    """Merge cells whose every cell already carries the block's style.

    openpyxl's own `merge_cells` redraws the border of each edge cell one style object at a time, which costs more
    than the rest of the workbook together; our blocks are styled whole beforehand, so the range is only recorded.
    """
    if not range_string:
        range_string = f"{get_column_letter(start_column)}{start_row}:{get_column_letter(end_column)}{end_row}"
    ws.merged_cells.add(_StyledMerge(ws, range_string))


class _StyledMerge(MergedCellRange):
    """A merged range recorded as is: its cells are styled already, so the edge borders are not collected."""

    def __init__(self, ws: Worksheet, coord: str) -> None:
        CellRange.__init__(self, coord)
        self.ws = ws
        self.start_cell = ws.cell(row=self.min_row, column=self.min_col)


def register(workbook: Workbook) -> None:
    """Add the named styles: pale blue locked labels, white unlocked inputs, grey locked 自动合计, plain checks."""
    for style in (
        _style(LABEL, fill=_label),
        _style(LABEL_LEFT, fill=_label, alignment=Alignment(horizontal="left", vertical="center", wrap_text=True)),
        _style(BAND, fill=_label, alignment=Alignment(horizontal="center", vertical="center", wrap_text=True,
                                                     text_rotation=255)),
        _style(INPUT, font=Font(name=FONT, size=11), locked=False),
        _style(TOTAL, font=Font(name=FONT, size=11), fill=_auto),
        _style(CHECK),
        _style(BODY, alignment=Alignment(horizontal="left", vertical="top", wrap_text=True)),
        _style(TITLE, font=Font(name="黑体", size=14), border=None,
               alignment=Alignment(horizontal="left", vertical="center")),
        _style(NOTE, font=Font(name=FONT, size=9, color="595959"), border=None,
               alignment=Alignment(horizontal="left", vertical="center", wrap_text=True)),
    ):
        workbook.add_named_style(style)
