"""The sheets 表二, 表三, 表四: the official grid with its merges, live totals, checks, validation, protection."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.formatting.rule import CellIsRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters import xlsx_styles as st
from exporters.xlsx_rows import fit_row
from exporters.xlsx_styles import merge
from layouts.text_width import display_width
from layouts.xlsx_formulas import CONSISTENT, INCOMPLETE, INCONSISTENT, can_fail, check_formula, sum_formula
from layouts.xlsx_layout import GRID_TOP, CheckCell, check_cells, ref, sheet_col, sheet_row
from models.format import format2021 as fmt
from models.format.formats import Format
from models.report import Report
from models.rules.equations import Outcome
from models.rules.rule_set import RULE_BY_ID
from models.tools import autosum
from models.values import InvalidValue, is_number

#: The colour legend, the app's own (its table pages' legend): the same tint means the same thing in both.
GUIDE = ("颜色与本软件一致：白色填写数字（空白表示未填写，没有发生的填0）；灰色为自动合计（公式）；绿色为上年结转带入；"
         "浅蓝为标签。右侧和下方的勾稽关系检查：红色“不一致”为错误，黄色“未填完”为有空白、尚未核对。")
VERDICTS = {Outcome.HOLDS: CONSISTENT, Outcome.BROKEN: INCONSISTENT, Outcome.INCOMPLETE: INCOMPLETE}
#: Column widths (characters) of label columns and data columns per table.
LABEL_WIDTHS = {"t2": (18,), "t3": (4, 11, 46), "t4": ()}
DATA_WIDTH = {"t2": 16, "t3": 9, "t4": 9}
CHECK_WIDTH = 18


def formula_total(report: Report, key: str) -> bool:
    """Whether a sum cell is written as its live formula: when that formula shows what the report holds.

    A total the clerk typed that disagrees with its parts is written as the value it is, so the workbook shows the
    report as it stands (the check beside it says 不一致) and reads back unchanged.
    """
    parts = [report.cells.get(k) for k in report.format.sums[key]]
    value = report.cells.get(key)
    if all(is_number(p) for p in parts):
        return type(value) is int and value == sum(parts)  # type: ignore[arg-type]
    return value is None


def computed_totals(report: Report, keys: frozenset[str] | None = None) -> frozenset[str]:
    """The totals written as live formulas: those of `keys` (default: every sum of the format) whose formula shows
    what the report holds. The Excel copy passes the report's 自动合计 totals, so a total the clerk typed stays a
    typed value there, as in the app."""
    sums = report.format.sums
    return frozenset(k for k in (sums if keys is None else keys) if k in sums and formula_total(report, k))


def computed_line(format_: Format, table: str, computed: frozenset[str]) -> str:
    """One line saying which totals of `table` are computed, and that the checks that follow from them are left
    out; or that every total is typed."""
    groups = {"t3": ((autosum.row_totals(format_), "总计列"), (autosum.handled_totals(format_), "（七）总计行")),
              "t4": ((autosum.t4_total_keys(format_), "各总计"),)}.get(table, ())
    if not groups:
        return ""
    named: list[str] = []
    for keys, name in groups:
        inside = [k for k in keys if k in computed]
        if len(inside) == len(keys):
            named.append(name)
        else:
            named.extend(format_.cell_label(k) for k in inside)
    if not named:
        return "本表的合计均为填写的数字（本软件中未开启自动合计），检查核对其与各项之和是否一致。"
    return (f"自动合计（公式计算，随各项变化）：{'、'.join(named)}；"
            "公式合计与其各项恒等，只核对不恒等的关系，恒成立的检查不再列出。")


def amount_format(value: Decimal) -> str:
    """A number format that shows exactly the decimals the clerk wrote (96171.6 → 0.0, 9116.30 → 0.00)."""
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0" if not decimals else "0." + "0" * decimals


def _input_value(value: object) -> object:
    if isinstance(value, InvalidValue):
        return st.safe(value.raw)
    if isinstance(value, Decimal):
        return float(value)
    return value


def write_table_sheet(ws: Worksheet, table: str, report: Report,
                      computed: frozenset[str] | None = None) -> dict[str, object]:
    """Table `table` of the report's own format: its grid, totals, the checks that can fail, validation and
    protection. `computed`: the totals written as live formulas (default: every total that shows what the report
    holds, `computed_totals`); every other total is a typed value the checks compare. Returns what each formula
    cell shows for the report ({cell reference: value}), to be saved as the formulas' cached results."""
    format_ = report.format
    grid = format_.grids[table]
    if computed is None:
        computed = computed_totals(report)
    checks = tuple(c for c in check_cells(format_)[table] if can_fail(c, computed, format_))
    ws["A1"] = format_.table_title(table)
    st.apply(ws["A1"], st.TITLE)
    line = computed_line(format_, table, computed)
    ws["A2"] = GUIDE + ("\n" + line if line else "")
    st.apply(ws["A2"], st.NOTE)
    last_col = sheet_col(grid.columns) + (1 if table == "t3" else 0)
    merge(ws, start_row=2, start_column=1, end_row=2, end_column=last_col)
    counts: list[tuple[int, int]] = []
    amounts: list[tuple[int, int]] = []
    carried: list[tuple[int, int, object]] = []
    shown: dict[str, object] = {}
    for cell in grid.cells:
        row, col = sheet_row(cell.row), sheet_col(cell.col)
        target = ws.cell(row=row, column=col)
        if cell.is_input:
            if cell.key in computed:
                target.value = sum_formula(cell.key, format_)
                shown[target.coordinate] = _number(report.cells.get(cell.key))
                style = st.TOTAL
                st.apply(target, style)
            else:
                value = report.cells.get(cell.key)
                target.value = _input_value(value)
                st.as_text(target)
                style = st.INPUT
                st.apply(target, style)
                if cell.key in report.provenance and is_number(value):
                    carried.append((row, col, value))
                if format_.cell_by_key[cell.key].kind is fmt.CellKind.AMOUNT:
                    amounts.append((row, col))
                    if isinstance(value, Decimal):
                        target.number_format = amount_format(value)
                else:
                    counts.append((row, col))
                    target.number_format = "0"
        else:
            target.value = cell.text
            if cell.rowspan > 2 and cell.colspan == 1 and not cell.header and cell.col == 0:
                style = st.BAND
            elif cell.header or cell.rowspan > 1:
                style = st.LABEL
            else:
                style = st.LABEL_LEFT
            st.apply(target, style)
        if cell.rowspan > 1 or cell.colspan > 1:
            _style_block(ws, row, col, cell.rowspan, cell.colspan, style)
            merge(ws, start_row=row, start_column=col, end_row=row + cell.rowspan - 1,
                           end_column=col + cell.colspan - 1)
    _write_checks(ws, grid, format_, checks)
    shown.update({ref(c.row, c.col): VERDICTS[c.equation.outcome(report.cells)] for c in checks})
    _tint_carried(ws, carried)
    _validate(ws, counts, amounts)
    _size(ws, table, grid)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.freeze_panes = ref(GRID_TOP + grid.header_rows, 1 + grid.label_columns)
    ws.print_title_rows = f"{GRID_TOP}:{GRID_TOP + grid.header_rows - 1}"  # a table over two pages keeps its head
    return shown


def _number(value: object) -> object:
    """What a live total shows: its number, or "" (the formula's blank) while a part is not a number."""
    if isinstance(value, Decimal):
        return float(value)
    return value if is_number(value) else ""


def _style_block(ws: Worksheet, row: int, col: int, rowspan: int, colspan: int, style: str) -> None:
    """Give every cell under a merge the block's style, so its border is drawn all round."""
    for r in range(row, row + rowspan):
        for c in range(col, col + colspan):
            if (r, c) != (row, col):
                st.apply(ws.cell(row=r, column=c), style)


def _write_checks(ws: Worksheet, grid: fmt.Grid, format_: Format, checks: tuple[CheckCell, ...]) -> None:
    """The check cells of the report's equations (placed by `format_`'s grids), with each rule's label."""
    if not checks:
        return
    for check in checks:
        target = ws.cell(row=check.row, column=check.col, value=check_formula(check, format_))
        st.apply(target, st.CHECK)
        if check.colspan > 1:
            _style_block(ws, check.row, check.col, 1, check.colspan, st.CHECK)
            merge(ws, start_row=check.row, start_column=check.col, end_row=check.row,
                           end_column=check.col + check.colspan - 1)
    rule_label = {rid: f"{rid} {RULE_BY_ID[rid].title}" for rid in {c.rule for c in checks}}
    labelled: set[str] = set()
    # Each rule's label by its first check: a column rule's left of its sheet row, a row rule's above its column.
    for check in checks:
        if check.rule in labelled or check.equation.axis == "block":
            continue
        labelled.add(check.rule)
        if check.equation.axis == "column":
            label = ws.cell(row=check.row, column=1, value=f"检查：{rule_label[check.rule]}")
            _style_block(ws, check.row, 1, 1, grid.label_columns, st.LABEL_LEFT)
            st.apply(label, st.LABEL_LEFT)
            merge(ws, start_row=check.row, start_column=1, end_row=check.row, end_column=grid.label_columns)
        else:
            head = ws.cell(row=GRID_TOP, column=check.col, value=f"检查：{rule_label[check.rule]}")
            _style_block(ws, GRID_TOP, check.col, grid.header_rows, 1, st.LABEL)
            st.apply(head, st.LABEL)
            merge(ws, start_row=GRID_TOP, start_column=check.col, end_row=GRID_TOP + grid.header_rows - 1,
                  end_column=check.col)
    blocks = [c for c in checks if c.equation.axis == "block"]
    if blocks:
        row = blocks[0].row
        names = "；".join(rule_label[c.rule] for c in blocks)
        note = ws.cell(row=row + 1, column=1, value=f"上一行为检查：{names}")
        st.apply(note, st.NOTE)
        merge(ws, start_row=row + 1, start_column=1, end_row=row + 1, end_column=sheet_col(grid.columns - 1))
        ws.row_dimensions[row + 1].height = 30
    span = " ".join(ref(c.row, c.col) for c in checks)
    ws.conditional_formatting.add(span, CellIsRule(operator="equal", formula=[f'"{INCONSISTENT}"'],
                                                   fill=st.RED_FILL, font=st.RED_FONT))
    ws.conditional_formatting.add(span, CellIsRule(operator="equal", formula=[f'"{INCOMPLETE}"'],
                                                   fill=st.AMBER_FILL))


def _tint_carried(ws: Worksheet, carried: list[tuple[int, int, object]]) -> None:
    """上年结转带入 cells green while they hold the carried value, as in the app (an edit drops the provenance)."""
    for row, col, value in carried:
        number = value if isinstance(value, int) else float(value)  # type: ignore[arg-type]
        ws.conditional_formatting.add(ref(row, col), CellIsRule(operator="equal", formula=[str(number)],
                                                                fill=st.GREEN_FILL))


def _runs(cells: list[tuple[int, int]]) -> str:
    """Cells (row, column) as a space-separated list of ranges, joining neighbours within a row."""
    out: list[str] = []
    for row, col in sorted(cells):
        if out and out[-1][0] == row and out[-1][2] == col - 1:
            out[-1] = (row, out[-1][1], col)
        else:
            out.append((row, col, col))
    return " ".join(ref(r, a) if a == b else f"{ref(r, a)}:{ref(r, b)}" for r, a, b in out)


def _validate(ws: Worksheet, counts: list[tuple[int, int]], amounts: list[tuple[int, int]]) -> None:
    if counts:
        whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorTitle="数值无效",
                               error="请填写0或正整数。空白表示未填写；没有发生的请填0。")
        whole.sqref = MultiCellRange(_runs(counts))
        ws.add_data_validation(whole)
    if amounts:
        money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorTitle="金额无效",
                               error="请填写0或正数，单位为万元（最多6位小数）。")
        money.sqref = MultiCellRange(_runs(amounts))
        ws.add_data_validation(money)


def _size(ws: Worksheet, table: str, grid: fmt.Grid) -> None:
    for i, width in enumerate(LABEL_WIDTHS[table]):
        ws.column_dimensions[get_column_letter(1 + i)].width = width
    for c in range(grid.label_columns, grid.columns):
        ws.column_dimensions[get_column_letter(sheet_col(c))].width = DATA_WIDTH[table]
    if table == "t3":
        ws.column_dimensions[get_column_letter(sheet_col(grid.columns))].width = CHECK_WIDTH
    ws.row_dimensions[1].height = 24
    widths = [*LABEL_WIDTHS[table], *([DATA_WIDTH[table]] * (grid.columns - grid.label_columns))]
    guide_width = sum(widths) + (CHECK_WIDTH if table == "t3" else 0)
    fit_row(ws, 2, [(str(ws["A2"].value), guide_width)], size=9)
    lines: dict[int, int] = {}
    for cell in grid.cells:
        if cell.text and cell.rowspan == 1:
            # A column of width w holds about w/2 CJK characters of the 10 pt table font.
            room = max(1.0, sum(widths[cell.col:cell.col + cell.colspan]) / 2 - 1)
            needed = -(-display_width(cell.text) // room)
            lines[cell.row] = max(lines.get(cell.row, 1), int(needed))
    for grid_row, count in lines.items():
        if count > 1:
            ws.row_dimensions[sheet_row(grid_row)].height = 14 * count + 2
    ws.page_setup.orientation = "landscape" if table == "t4" else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
