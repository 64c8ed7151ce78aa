"""One wrong number, one red cell: typed by the clerk, a wrong 1363 paints only itself strongly; the other cells
of the failing sums get a faint tint and a tooltip saying they are only involved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.storage.drafts import load_draft
from tests.ui.gui import type_into_cell
from ui import theme
from ui.document import ReportDocument


def test_a_single_wrong_number_paints_one_strong_red_cell(window, qtbot, huaian_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    window.editor.go_to("t3")
    view = window.editor.pages["t3"].view
    model = view.model()
    type_into_cell(qtbot, view, "t3.granted.total", "1363")  # should be 1362
    colours = {key: model.index_of(key).data(Qt.ItemDataRole.BackgroundRole) for key in model.input_keys()}
    strong = [k for k, brush in colours.items() if brush is not None and brush.color() == theme.ERROR_BACKGROUND]
    faint = [k for k, brush in colours.items() if brush is not None
             and brush.color() == theme.SEVERITY_FAINT["error"]]
    assert strong == ["t3.granted.total"]
    assert len(faint) > 20 and "t3.granted.natural" in faint and "t3.handled_total.total" in faint
    involved = model.index_of("t3.handled_total.total").data(Qt.ItemDataRole.ToolTipRole)
    assert "与此格有关" in involved and "最可能填错的是“表三·（一）予以公开·总计”（1363）" in involved
    culprit = model.index_of("t3.granted.total").data(Qt.ItemDataRole.ToolTipRole)
    assert "与此格有关" not in culprit
    finding = next(f for f in window.doc.findings if f.rule == "T3-C")
    window.show_finding(finding)  # 上一个/下一个问题 and the list jump to the likeliest cell
    assert model.key_at(view.currentIndex()) == "t3.granted.total"


def test_the_jump_goes_to_the_likeliest_cell_not_the_rows_total(window, qtbot, huaian_path):
    window.controller.set_document(ReportDocument(load_draft(huaian_path)))
    window.editor.go_to("t3")
    view = window.editor.pages["t3"].view
    type_into_cell(qtbot, view, "t3.granted.natural", "1289")  # should be 1288: its row and column break
    row_finding = next(f for f in window.doc.findings if f.rule == "T3-B")
    window.editor.go_to("t2")
    window.show_finding(row_finding)
    assert window.editor.current_key == "t3" and view.model().key_at(view.currentIndex()) == "t3.granted.natural"
