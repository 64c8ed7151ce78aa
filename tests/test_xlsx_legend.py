"""Issue 17 point 14: one legend for the app and the workbook. A tint means in the workbook what it means on the
app's table pages (ui/theme.py): grey 自动合计, green 上年结转带入, red an error (不一致), yellow a warning (未填完),
pale blue labels; the sheets say so, and LibreOffice prints those colours."""

from __future__ import annotations

import io
import subprocess

import openpyxl
import pytest

from exporters import XlsxOptions, build_xlsx, export_xlsx
from exporters import xlsx_styles as st
from exporters.xlsx_tables import GUIDE
from layouts.xlsx_layout import COVER_SHEET, TABLE_SHEETS, key_ref
from models.report import Provenance, Report
from models.storage.drafts import load_draft
from models.tools import autosum
from tests.office import convert_all, require_office
from ui import theme


def _hex(colour) -> str:
    return colour.name()[1:].upper()


def test_the_workbook_tints_are_the_apps():
    assert _hex(theme.LABEL_BACKGROUND) == st.LABEL_COLOUR
    assert _hex(theme.AUTO_BACKGROUND) == st.AUTO_COLOUR
    assert _hex(theme.CARRIED_BACKGROUND) == st.CARRIED_COLOUR
    assert _hex(theme.ERROR_BACKGROUND) == st.ERROR_COLOUR
    assert _hex(theme.WARNING_BACKGROUND) == st.WARNING_COLOUR
    assert _hex(theme.SEVERITY_COLOR["error"]) == st.ERROR_TEXT


def _report(huaian_path) -> Report:
    """Table 三's 总计 column in 自动合计, the rest typed, one number carried over from last year."""
    report = load_draft(huaian_path)
    report.workspace.auto_sum = frozenset(autosum.row_totals(report.format))
    report.provenance["t3.carried_in.natural"] = Provenance(2023, "t3.carried_out.natural")
    return report


def _fill(cell) -> str:
    return (cell.fill.fgColor.rgb or "")[-6:] if cell.fill.fill_type == "solid" else ""


def test_cells_take_the_apps_tints_and_the_sheets_say_what_they_mean(huaian_path):
    report = _report(huaian_path)
    wb = openpyxl.load_workbook(io.BytesIO(build_xlsx(report)))
    ws = wb["表三"]
    assert _fill(ws[key_ref("t3.new.total")]) == st.AUTO_COLOUR  # 自动合计
    assert _fill(ws[key_ref("t3.handled_total.natural")]) == ""  # typed: white, as an input
    assert _fill(ws[key_ref("t3.new.natural")]) == ""
    assert _fill(ws["A3"]) == st.LABEL_COLOUR
    rules = {(str(cf.sqref), r.formula[0], (r.dxf.fill.fgColor.rgb or "")[-6:])
             for cf in ws.conditional_formatting for r in cf.rules}
    carried = key_ref("t3.carried_in.natural")
    assert (carried, str(report.cells["t3.carried_in.natural"]), st.CARRIED_COLOUR) in rules  # while unchanged
    assert {(f, c) for _, f, c in rules} >= {('"不一致"', st.ERROR_COLOUR), ('"未填完"', st.WARNING_COLOUR)}
    for name in TABLE_SHEETS.values():
        legend = wb[name]["A2"].value
        assert legend.startswith(GUIDE)
    for words in ("灰色为自动合计", "绿色为上年结转带入", "红色“不一致”为错误", "黄色“未填完”", "颜色与本软件一致"):
        assert words in GUIDE
    everything = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert "绿色为自动" not in everything and "绿色的合计" not in everything
    assert "灰色" in wb[COVER_SHEET]["A9"].value and "与本软件相同" in wb[COVER_SHEET]["A9"].value


def _colours(ppm: bytes) -> set[str]:
    """The colours of a binary PPM (P6) image, as RRGGBB."""
    parts = ppm.split(maxsplit=4)
    assert parts[0] == b"P6" and parts[3] == b"255"
    pixels = parts[4]
    return {pixels[i:i + 3].hex().upper() for i in range(0, len(pixels) - 2, 3)}


@pytest.mark.slow
def test_libreoffice_prints_the_apps_colours(tmp_path, huaian_path):
    require_office()
    (tmp_path / "in").mkdir()
    report = _report(huaian_path)
    report.set("t3.handled_total.natural", report.number("t3.handled_total.natural") + 1)  # a check says 不一致
    path = export_xlsx(report, tmp_path / "in" / "r.xlsx", options=XlsxOptions(allow_errors=True))
    pdf = convert_all([path], "pdf", tmp_path / "pdf")[0]
    table3 = 3  # 封面, 表二, 表三
    ppm = subprocess.run(["pdftoppm", "-r", "40", "-f", str(table3), "-l", str(table3), str(pdf)],
                         capture_output=True, check=True).stdout
    colours = _colours(ppm)
    for colour in (st.AUTO_COLOUR, st.CARRIED_COLOUR, st.LABEL_COLOUR, st.ERROR_COLOUR):
        assert colour in colours, colour
    assert "E2EFDA" not in colours  # the old green of automatic sums
