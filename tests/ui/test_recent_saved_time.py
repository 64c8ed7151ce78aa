"""The start page's 上次保存 is when the draft's file was saved, not when it was last opened."""

from __future__ import annotations

import os
import shutil
from datetime import datetime

from tests.ui.gui import menu_action


def _shown(window, path) -> str:
    [item] = [window.start.recent.topLevelItem(i) for i in range(window.start.recent.topLevelItemCount())
              if window.start.recent.topLevelItem(i).text(3) == str(path)]
    return item.text(2)


def test_opening_an_old_draft_shows_when_it_was_saved(window, tmp_path, huaian_path):
    draft = tmp_path / "淮安2024.nianbao"
    shutil.copyfile(huaian_path, draft)
    saved = datetime(2025, 1, 5, 10, 30).timestamp()
    os.utime(draft, (saved, saved))
    assert window.controller.open_draft(draft)
    menu_action(window, "返回开始页").trigger()
    assert window.stack.currentWidget() is window.start
    assert _shown(window, draft) == "2025-01-05 10:30"  # not today, the day it was opened

    assert window.controller.open_draft(draft)
    window.doc.set_cells({"t4.review.upheld": 7}, "test")
    assert window.controller.save()
    menu_action(window, "返回开始页").trigger()
    written = datetime.fromtimestamp(draft.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    assert _shown(window, draft) == written and written.startswith(str(datetime.now().year))
