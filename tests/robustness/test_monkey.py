"""The monkey run: 5,000 random actions on the main window with a fixed seed, as the attacker of issue 13 did by hand
(clicks, keys, Chinese text, pastes, undo/redo, page switches, auto-sum switches, findings jumps, autosave ticks).

Asserted: no exception anywhere (pytest-qt fails the test on one raised inside Qt's event loop), no action that
stalls the window (2 s), the findings and automatic totals always those of the report as it is, the report saved
and opened again unchanged, undoing everything brings back the cells and auto-sum switches of the start, and memory
that does not keep growing.
"""

from __future__ import annotations

import copy
import gc

import pytest

from tests.builders import consistent_report
from tests.robustness.monkey import Monkey, rss_mb
from ui.document import UNDO_LIMIT, ReportDocument
from ui.document_view import SaveAnswer

pytestmark = [pytest.mark.robustness, pytest.mark.slow, pytest.mark.timeout(600)]

SEED = 13
ACTIONS = 5000
WARM_UP = 500
MAX_GROWTH_MB = 40  # a leak of a few KB per action (the issue saw ~80 KB) would exceed it


def test_five_thousand_random_actions(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(window, "ask_save", lambda text: SaveAnswer.DISCARD)  # closing asks nothing
    window.controller.set_document(ReportDocument(consistent_report(SEED)))
    doc = window.doc
    start_cells, start_auto = dict(doc.report.cells), doc.auto_keys
    start_texts, start_meta = dict(doc.report.texts), copy.copy(doc.report.meta)
    monkey = Monkey(window, SEED, tmp_path)
    monkey.play(WARM_UP)  # pages built, caches and Qt's pools filled
    gc.collect()
    base = rss_mb()
    run = monkey.play(ACTIONS - WARM_UP)
    gc.collect()
    growth = rss_mb() - base
    print(f"\nmonkey: {run.actions} actions, slowest {run.slowest * 1000:.0f} ms ({run.slowest_action}), "
          f"RSS {base:.0f} → {base + growth:.0f} MB, undo steps {doc.undo_stack.count()}, {dict(run.kinds)}")
    assert run.slowest < 2.0, f"an action ({run.slowest_action}) stalled the window for {run.slowest:.1f} s"
    assert growth < MAX_GROWTH_MB, f"memory grew by {growth:.0f} MB over {run.actions} actions: {run.memory}"
    assert sum(run.kinds.values()) == ACTIONS
    assert min(run.kinds[k] for k in ("paste", "undo", "digits", "text", "auto", "page")) > 100

    assert doc.undo_stack.count() <= min(ACTIONS, UNDO_LIMIT)
    window.commit_pending()
    doc.undo_stack.setIndex(0)
    assert doc.auto_keys == start_auto
    assert doc.report.cells == start_cells
    assert doc.report.texts == start_texts and doc.report.meta == start_meta  # texts and 基本信息 are steps too
