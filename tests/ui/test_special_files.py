"""A named pipe chosen in the open dialogs (草稿, 上年度报告, 台账, 采集表): refused at once with a message naming
it — the window never hangs on it."""

from __future__ import annotations

import os

import pytest

from models.report import Meta, Report
from ui.document import ReportDocument

pytestmark = [pytest.mark.timeout(30),
              pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")]


def test_every_open_dialog_refuses_a_named_pipe(window, answers, tmp_path):
    fifo = tmp_path / "共享.nianbao"
    os.mkfifo(fifo)
    assert not window.controller.open_draft(fifo)
    assert not window.controller.import_previous(fifo)
    window.controller.set_document(ReportDocument(Report(meta=Meta("测试局", 2024, "县级政府部门"))))
    assert not window.tools.ledger_to_table3(fifo)
    assert not window.tools.merge_collection([fifo])
    shown = [text for kind, text in answers["asked"] if kind in ("critical", "warning")]
    assert len(shown) >= 3, answers["asked"]
    assert all("命名管道" in text and fifo.name in text for text in shown), shown
