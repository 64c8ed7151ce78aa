"""The window lays a report out by its own format: a draft of the test-only "2099" format (tests/test_format_2099.py)
opens with its new table 三 row under its own label, and 自动合计 covers that row's total."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.format import format2021 as fmt
from models.format import formats
from models.storage.drafts import save_draft
from tests.test_format_2099 import FORMAT_2099, NEW_KEYS, NEW_ROW, RENAMED, _report_2099


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setitem(formats.FORMATS, "2099", FORMAT_2099)  # 自动合计 follows the report's own format
    return FORMAT_2099


def _opened(window, tmp_path, report):
    path = tmp_path / "2099.nianbao"
    save_draft(report, path)
    assert window.controller.open_draft(path)
    assert window.doc.report.template == "2099"
    return window.editor.pages


def test_a_2099_draft_opens_with_its_new_row_under_its_own_label(registered, window, tmp_path):
    report = _report_2099()
    report.set(NEW_KEYS[0], 7)
    report.set(fmt.t3(NEW_ROW, "total"), 7)
    report.set("t3.withheld_5.natural", 4321)  # the row after the new one keeps its own value under its own label
    pages = _opened(window, tmp_path, report)
    model = pages["t3"].model
    label_at = lambda key, col: model.index(model.index_of(key).row(), col).data()  # noqa: E731
    assert label_at(NEW_KEYS[0], 2) == "5.涉及个人隐私"
    assert model.index_of(NEW_KEYS[0]).row() == model.index_of("t3.withheld_4.natural").row() + 1
    assert model.index_of(NEW_KEYS[0]).data() == "7"
    assert label_at("t3.withheld_5.natural", 2) == "5.属于三类内部事务信息"
    assert model.index_of("t3.withheld_5.natural").data() == "4321"
    group = model.grid_cell(model.index(model.index_of(NEW_KEYS[0]).row(), 1))
    assert group.text == "（三）不予公开" and group.rowspan == 9
    assert model.index_of(NEW_KEYS[0]).data(Qt.ItemDataRole.ToolTipRole).startswith("表三·（三）不予公开5.涉及个人隐私")
    t2 = pages["t2"].model
    assert RENAMED in {t2.index(r, c).data() for r in range(t2.rowCount()) for c in range(t2.columnCount())}
    assert pages["t3"].view.rowSpan(model.index_of(NEW_KEYS[0]).row(), 1) == 9


def test_auto_sum_of_a_2099_draft_covers_the_new_row(registered, window, tmp_path):
    pages = _opened(window, tmp_path, _report_2099())
    page = pages["t3"]
    row_totals_box = page.switches[0][0]
    row_totals_box.click()
    doc = window.doc
    total = fmt.t3(NEW_ROW, "total")
    assert doc.is_auto(total)
    model = page.model
    assert model.setData(model.index_of(NEW_KEYS[0]), "5")
    assert doc.report.number(NEW_KEYS[0]) == 5 and doc.report.number(total) == 5
    assert not model.flags(model.index_of(total)) & Qt.ItemFlag.ItemIsEditable


def test_a_2019_report_opens_with_its_own_tables(window, tmp_path):
    from tests.test_format_2019 import report_2019

    pages = _opened_2019(window, tmp_path, report_2019())
    t3 = pages["t3"].model
    other = "t3.other_handling.natural"
    assert t3.index(t3.index_of(other).row(), 1).data() == "（六）其他处理"
    assert t3.rowCount() == fmt.GRIDS["t3"].rows - 2
    t2 = pages["t2"].model
    shown = {t2.index(r, c).data() for r in range(t2.rowCount()) for c in range(t2.columnCount())}
    assert {"本年新制作数量", "政府集中采购", "采购总金额"} <= shown and "本年制发件数" not in shown
    assert not [f for f in window.doc.findings if f.severity.name == "ERROR"]


def _opened_2019(window, tmp_path, report):
    path = tmp_path / "2020.nianbao"
    save_draft(report, path)
    assert window.controller.open_draft(path)
    assert window.doc.report.template == "2019"
    return window.editor.pages
