"""What writers and readers agree on through layouts/: the Word level property and the Excel layout version."""

from __future__ import annotations

import zipfile

import pytest

from exporters import export_docx
from importers import read_report
from layouts.docx_layout import LEVEL_PROPERTY
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
