"""Issue 17 point 13: formula cells carry their results, so a reader that does not calculate (a previewer, pandas,
openpyxl's data_only) shows the totals and checks; LibreOffice, recalculating, agrees with them."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from exporters import XlsxOptions, build_xlsx, export_xlsx
from exporters.xlsx_cached import with_cached_values
from layouts.xlsx_formulas import CONSISTENT, INCOMPLETE, INCONSISTENT
from layouts.xlsx_layout import TABLE_SHEETS, check_cells, key_ref
from models.report import Report
from models.rules.equations import Outcome
from models.storage.drafts import load_draft
from models.tools import autosum
from models.values import InvalidValue
from tests.office import convert_all, require_office

_VERDICT = {Outcome.HOLDS: CONSISTENT, Outcome.BROKEN: INCONSISTENT, Outcome.INCOMPLETE: INCOMPLETE}


def _reports(huaian_path) -> dict[str, Report]:
    auto = load_draft(huaian_path)
    auto.workspace.auto_sum = autosum.auto_sum_keys(auto.format)
    broken = auto.copy()
    broken.set("t3.new.natural", 3002)
    broken.set("t3.granted.research", None)  # a blank part: its totals show "" and its checks 未填完
    broken.set("t3.partial.other", InvalidValue("十二", "“十二”不是数字。"))
    autosum.apply(broken, autosum.all_totals(broken, broken.workspace.auto_sum, blank_incomplete=True))
    typed = load_draft(huaian_path)
    typed.set("t4.review.total", 350)
    return {"auto": auto, "broken": broken, "typed": typed}


def _expected(report: Report) -> dict[tuple[str, str], object]:
    """(sheet, cell) → what each formula shows, by the models: a 自动合计 total its sum ("" when incomplete), a
    check its equation's outcome."""
    wanted: dict[tuple[str, str], object] = {}
    for key in report.workspace.auto_sum:
        value = report.cells.get(key)
        wanted[(TABLE_SHEETS[report.format.cell_by_key[key].table], key_ref(key))] = "" if value is None else value
    for table, checks in check_cells(report.format).items():
        for check in checks:
            wanted[(TABLE_SHEETS[table], f"{openpyxl.utils.get_column_letter(check.col)}{check.row}")] = \
                _VERDICT[check.equation.outcome(report.cells)]
    return wanted


def _formula_values(data: bytes) -> dict[tuple[str, str], object]:
    """Every formula cell's cached value, read from the XML (no spreadsheet library)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = re.findall(r'<sheet [^>]*name="([^"]+)"', archive.read("xl/workbook.xml").decode())
    found: dict[tuple[str, str], object] = {}
    for index, name in enumerate(names, start=1):
        xml = archive.read(f"xl/worksheets/sheet{index}.xml").decode()
        for coord, attributes, value in re.findall(r'<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*</f><v>([^<]*)</v>', xml):
            found[(name, coord)] = value if 't="str"' in attributes else int(value)
        assert "<v/>" not in xml, name
    return found


@pytest.mark.parametrize("which", ["auto", "broken", "typed"])
def test_every_formula_holds_its_result_in_the_xml_and_for_data_only(which, huaian_path):
    report = _reports(huaian_path)[which]
    data = build_xlsx(report, options=XlsxOptions(allow_errors=True))
    in_xml = _formula_values(data)
    formulas = openpyxl.load_workbook(io.BytesIO(data))
    values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    written = {(ws.title, c.coordinate) for ws in formulas.worksheets for row in ws.iter_rows() for c in row
               if c.data_type == "f"}
    assert set(in_xml) == written
    for (sheet, coord), value in _expected(report).items():
        if (sheet, coord) in written:
            assert in_xml[(sheet, coord)] == value, (sheet, coord)
            assert values[sheet][coord].value == (value if value != "" else None), (sheet, coord)
    if which == "auto":
        assert values["表三"][key_ref("t3.handled_total.total")].value == report.cells["t3.handled_total.total"]
    if which == "broken":
        assert INCONSISTENT in in_xml.values() and INCOMPLETE in in_xml.values()


def test_a_cell_that_is_not_a_formula_is_refused(huaian_path):
    data = build_xlsx(load_draft(huaian_path))
    with pytest.raises(RuntimeError):
        with_cached_values(data, {"表三": {"A1": 1}})


@pytest.mark.slow
def test_libreoffice_recalculates_to_the_cached_values(tmp_path, huaian_path):
    require_office()
    reports = _reports(huaian_path)
    (tmp_path / "in").mkdir()
    paths = [export_xlsx(r, tmp_path / "in" / f"{name}.xlsx", options=XlsxOptions(allow_errors=True))
             for name, r in reports.items()]
    for path, recalculated in zip(paths, convert_all(paths, "xlsx", tmp_path / "out"), strict=True):
        cached = openpyxl.load_workbook(path, data_only=True)
        fresh = openpyxl.load_workbook(recalculated, data_only=True)
        formulas = openpyxl.load_workbook(path)
        compared = 0
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        now = fresh[ws.title][cell.coordinate].value
                        assert cached[ws.title][cell.coordinate].value == (None if now == "" else now), \
                            (path.name, ws.title, cell.coordinate)
                        compared += 1
        assert compared > 0
