"""What writers and readers agree on through layouts/: the Word level property and the Excel layout version."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from exporters import XlsxOptions, export_docx, export_xlsx
from importers import read_report
from importers.xlsx_reader import LAYOUT_READERS, XlsxReadError, read_xlsx
from layouts.docx_layout import LEVEL_PROPERTY
from layouts.xlsx_layout import DATA_SHEET, LAYOUT_VERSION, LAYOUT_VERSION_CELL, TABLE_SHEETS, key_ref
from models.storage.drafts import load_draft
from tests.builders import consistent_report


@pytest.mark.parametrize("level", ["设区的市级人民政府", "县级政府部门"])
def test_the_word_report_carries_the_level_in_its_core_property(level, tmp_path):
    report = consistent_report(3, level=level)
    path = export_docx(report, tmp_path / "报告.docx")
    with zipfile.ZipFile(path) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    assert f"<cp:{LEVEL_PROPERTY}>{level}</cp:{LEVEL_PROPERTY}>" in core
    imported = read_report(path)
    assert imported.report.meta.level == level
    assert not any("机关层级" in notice for notice in imported.notices)


def _exported(tmp_path, huaian_path, version: object = LAYOUT_VERSION):
    """The huaian report as an exported workbook whose hidden sheet records layout `version`, its 表三 edited."""
    report = load_draft(huaian_path)
    path = export_xlsx(report, tmp_path / "报告.xlsx", options=XlsxOptions(allow_errors=True))
    wb = openpyxl.load_workbook(path)
    assert wb[DATA_SHEET][LAYOUT_VERSION_CELL].value == LAYOUT_VERSION
    wb[DATA_SHEET][LAYOUT_VERSION_CELL] = version
    wb[TABLE_SHEETS["t3"]][key_ref("t3.new.natural")] = 777777  # where layout 1 puts it; another layout may not
    wb.save(path)
    return report, path


def test_the_workbook_records_the_layout_the_reader_knows(tmp_path, huaian_path):
    assert LAYOUT_VERSION in LAYOUT_READERS and max(LAYOUT_READERS) == LAYOUT_VERSION
    _, path = _exported(tmp_path, huaian_path)
    back, _ = read_xlsx(path)
    assert back.cells["t3.new.natural"] == 777777  # layout 1: the cells are read


def test_a_workbook_without_a_layout_version_is_layout_1(tmp_path, huaian_path):
    _, path = _exported(tmp_path, huaian_path, None)  # as exported before the version was written
    back, _ = read_xlsx(path)
    assert back.cells["t3.new.natural"] == 777777


@pytest.mark.parametrize("version", [LAYOUT_VERSION + 1, 99, "2.0-beta", True])
def test_an_unknown_layout_reads_from_the_snapshot_never_from_the_cells(version, tmp_path, huaian_path):
    report, path = _exported(tmp_path, huaian_path, version)
    back, notices = read_xlsx(path)
    assert back == report  # the JSON kept at export time; the edited cell was not read where layout 1 puts it
    assert len(notices) == 1 and "表格布局" in notices[0] and "没有读入" in notices[0]


def test_an_unknown_layout_without_a_readable_snapshot_is_refused(tmp_path, huaian_path):
    _, path = _exported(tmp_path, huaian_path, LAYOUT_VERSION + 1)
    wb = openpyxl.load_workbook(path)
    wb[DATA_SHEET]["A2"] = "{not json"
    wb.save(path)
    with pytest.raises(XlsxReadError) as refused:
        read_xlsx(path)
    message = refused.value.message
    assert "报告.xlsx" in message and f"第{LAYOUT_VERSION + 1}版" in message and "无法识别" in message
    assert "升级本软件" in message
