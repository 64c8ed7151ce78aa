"""工具 menu: table 三 from a ledger (with the column dialog when the headers are unusual) and 数据采集表."""

from __future__ import annotations

from models.format import format2021 as fmt
from models.report import Meta, Report
from models.tools.collection import PARTS
from models.tools.ledger_fields import load_saved_mapping
from tests.collection_builders import filled_sheet
from tests.ledger_builders import HEADER, expected_cells, ledger_rows, make_cases, write_csv
from tests.ui.gui import menu_action
from ui.document import ReportDocument


def _blank(window, year=2024):
    window.controller.set_document(ReportDocument(Report(meta=Meta("测试局", year, "县级政府部门"))))


def test_table_three_from_a_ledger_is_one_undo_step(window, tmp_path):
    _blank(window)
    cases = make_cases(300, 2024, seed=3)
    path = write_csv(tmp_path / "台账.csv", ledger_rows(cases, seed=3))
    assert window.tools.ledger_to_table3(path)
    report = window.doc.report
    assert {k: v for k, v in report.cells.items() if k.startswith("t3.")} == expected_cells(cases)
    assert not [f for f in window.doc.findings if f.rule in ("T3-A", "T3-B", "T3-C")]
    assert window.editor.current_key == "t3"
    window.undo_action.trigger()
    assert not [k for k in report.cells if k.startswith("t3.")]


def test_unusual_headers_ask_for_the_columns_and_are_remembered(window, tmp_path, monkeypatch):
    _blank(window)
    cases = make_cases(40, 2024, seed=4)
    renamed = {"收到日期": "来件时间", "申请人类型": "申请人身份", "办理结果": "答复情况", "办结日期": "结案时间"}
    header = tuple(renamed.get(h, h) for h in HEADER)
    path = write_csv(tmp_path / "台账.csv", ledger_rows(cases, seed=4, text_only=True), header=header)
    asked = []

    def choose(headers):
        asked.append(headers)
        from models.tools.ledger_fields import ColumnMapping

        return ColumnMapping(columns=dict(zip(renamed.values(), ("received", "applicant", "result", "closed"),
                                              strict=True)))

    monkeypatch.setattr(window.tools, "ask_mapping", choose)
    monkeypatch.setattr(window.tools, "ask_continue", lambda text: True)
    assert window.tools.ledger_to_table3(path)
    assert asked and asked[0] == list(header)
    assert window.doc.report.number(fmt.t3("new", "total")) == expected_cells(cases)[fmt.t3("new", "total")]
    assert load_saved_mapping() is not None


def test_collection_sheets_export_and_merge(window, tmp_path, monkeypatch):
    _blank(window)
    target = tmp_path / "审批科.xlsx"
    assert window.tools.export_collection(target, ("licensing",), "审批科")
    assert target.exists()
    sheets = [filled_sheet(tmp_path, f"{name}.xlsx", name, "licensing", seed)[0]
              for seed, name in enumerate(("审批科", "执法科", "综合科"))]
    shown = []
    monkeypatch.setattr(window.tools, "ask_continue", lambda text: shown.append(text) or True)
    assert window.tools.merge_collection(sheets)
    assert "审批科" in shown[0] and "执法科" in shown[0]
    assert window.doc.report.number("t2.licensing.decisions") is not None
    assert (window.doc.report.workspace.collection or {}).get("year") == 2024
    assert PARTS


def test_the_tools_menu_follows_the_open_report(window):
    tools = [menu_action(window, text) for text in ("从依申请公开台账计算表三", "导出数据采集表", "汇总数据采集表")]
    assert not any(action.isEnabled() for action in tools)  # the start page: no report to work on
    _blank(window)
    assert all(action.isEnabled() for action in tools)
    window.go_home()
    assert not any(action.isEnabled() for action in tools)
