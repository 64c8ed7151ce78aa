"""A total in 自动合计 mode cannot hold more than 9 digits: a change whose total would overflow is refused whole,
with a Chinese reason, before anything is written (the report, the undo stack and the findings stay as they were)."""

from __future__ import annotations

from models.format import format2021 as fmt
from models.values import MAX_COUNT
from tests.builders import consistent_report
from ui.document import ReportDocument

TOTAL = fmt.t3("new", "total")
PARTS = fmt.SUM_DEFINITIONS[TOTAL]


def _doc_with_auto_total() -> ReportDocument:
    doc = ReportDocument(consistent_report(3))
    doc.set_auto_sum(frozenset({TOTAL}), True)
    doc.undo_stack.clear()
    return doc


def test_a_part_whose_total_would_overflow_is_refused_whole():
    doc = _doc_with_auto_total()
    refused = []
    doc.refused.connect(refused.append)
    before, findings, generation = dict(doc.report.cells), list(doc.findings), doc.generation
    assert not doc.set_cells({PARTS[0]: MAX_COUNT}, "修改")
    assert doc.report.cells == before and doc.findings == findings and doc.generation == generation
    assert doc.undo_stack.count() == 0
    [message] = refused
    assert fmt.cell_label(TOTAL) in message and "9位数" in message and "未作修改" in message


def test_switching_auto_sum_on_over_parts_that_overflow_is_refused():
    doc = ReportDocument(consistent_report(3))
    doc.set_cells({PARTS[0]: MAX_COUNT, PARTS[1]: MAX_COUNT}, "修改")
    refused = []
    doc.refused.connect(refused.append)
    before = dict(doc.report.cells)
    assert not doc.set_auto_sum(frozenset({TOTAL}), True)
    assert doc.report.cells == before and TOTAL not in doc.auto_keys and refused


def test_a_paste_into_the_table_that_would_overflow_a_total_says_why(window, answers):
    window.controller.set_document(_doc_with_auto_total())
    window.editor.go_to("t3")
    view = window.editor.pages["t3"].view
    view.select_key(PARTS[0])
    before = dict(window.doc.report.cells)
    view.paste(f"{MAX_COUNT}")
    assert window.doc.report.cells == before
    assert any("9位数" in str(text) for _kind, text in answers["asked"])


def test_the_auto_sum_box_stays_off_when_switching_it_on_is_refused(window, answers):
    doc = ReportDocument(consistent_report(3))
    doc.set_cells({PARTS[0]: MAX_COUNT, PARTS[1]: MAX_COUNT}, "修改")
    window.controller.set_document(doc)
    window.editor.go_to("t3")
    page = window.editor.pages["t3"]
    box = next(box for box, keys in page.switches if TOTAL in keys)
    box.setChecked(False)
    box.click()
    assert not box.isChecked() and TOTAL not in doc.auto_keys
    assert any("9位数" in str(text) for _kind, text in answers["asked"])


def test_a_pasted_block_with_a_total_whose_parts_overflow_is_refused(window, answers):
    window.controller.set_document(_doc_with_auto_total())
    window.editor.go_to("t3")
    view = window.editor.pages["t3"].view
    view.select_key(PARTS[-1])
    before = dict(window.doc.report.cells)
    assert not view.paste(f"{MAX_COUNT}\t5")  # the last part, then the total itself
    assert window.doc.report.cells == before and answers["asked"]
