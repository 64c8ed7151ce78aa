"""The draft file: exact round trip, the core other tools rely on, atomic save with backups, careful load."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal

import pytest

from models.format import format2021 as fmt
from models.report import Provenance
from models.storage import migrations
from models.storage.drafts import DraftError, DraftNewerError, backups_of, load_draft, save_draft
from models.values import InvalidValue
from tests.builders import consistent_report
from tests.conftest import FIXTURES, ROOT


def _same(a, b):
    assert a.meta == b.meta
    assert a.cells == b.cells
    assert {k: type(v) for k, v in a.cells.items()} == {k: type(v) for k, v in b.cells.items()}
    assert a.texts == b.texts and a.notes == b.notes and a.provenance == b.provenance
    assert a.extra == b.extra and a.extra_meta == b.extra_meta and a.extra_cells == b.extra_cells


def test_round_trip_keeps_every_value_exactly(tmp_path):
    report = consistent_report(30)
    report.set("t2.fees.amount", Decimal("24252.310080"))
    report.set("t3.withheld_1.total", None)
    report.set("t3.new.research", InvalidValue("12abc", "“12abc”不是有效的数字。"))
    report.texts.update({"s1.active": "主动公开。\n第二段", "s1.intro": "开头", "s5.problems": "问题",
                         "s6": "无其他事项。", "preamble": "根据……编制。"})
    report.notes["X-2#abc"] = "本年集中清理规范性文件"
    report.provenance["t3.carried_in.natural"] = Provenance(2023, "t3.carried_out.natural")
    path = tmp_path / "r.nianbao"
    save_draft(report, path)
    loaded = load_draft(path)
    _same(report, loaded)
    assert str(loaded.cells["t2.fees.amount"]) == "24252.310080"
    assert loaded.is_blank("t3.withheld_1.total")


def test_core_document_shape(tmp_path):
    report = consistent_report(31)
    report.texts["s1.requests"] = "依申请公开。"
    path = tmp_path / "r.nianbao"
    save_draft(report, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert (doc["format"], doc["schema_version"], doc["template"]) == ("gov-info-annual-report", 3, "2021")
    assert doc["workspace"] == {"auto_sum": [], "deadline": None, "collection": None}
    assert set(doc["meta"]) >= {"agency", "year", "level", "publish_date"}
    assert doc["meta"]["level"] == "设区的市级人民政府" and isinstance(doc["meta"]["year"], int)
    assert set(doc["cells"]) == set(fmt.ALL_CELL_KEYS)
    assert isinstance(doc["cells"]["t3.new.natural"], int) and isinstance(doc["cells"]["t2.fees.amount"], str)
    assert doc["texts"]["s1"] == "（二）依申请公开情况\n依申请公开。"
    assert doc["texts"]["s5"] == "" and doc["texts"]["s6"] == ""
    assert doc["notes"] == {} and doc["headings"] == {}


def test_a_draft_with_only_whole_sections_loads(tmp_path):
    """Other tools write only s1, s5, s6; they must read back whole after our load/save."""
    s1 = "总体情况开头。\n（一）主动公开情况\n主动公开。\n（五）监督保障情况\n监督。"
    s5 = "问题和改进，不分小标题。"
    doc = {"format": "gov-info-annual-report", "schema_version": 1, "template": "2021",
           "meta": {"agency": "某局", "year": 2024, "level": "市级政府部门", "publish_date": "2025-01-20",
                    "contact": "张三"},
           "cells": {"t3.new.natural": 3, "t3.new.total": None},
           "texts": {"s1": s1, "s5": s5, "s6": "无。"}, "notes": {},
           "reviewer": {"name": "李四", "ok": True}}
    path = tmp_path / "other.nianbao"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = load_draft(path)
    assert report.texts["s1.active"] == "主动公开。" and report.texts["s1.intro"] == "总体情况开头。"
    assert report.section_text("s1") == s1 and report.section_text("s5") == s5
    assert report.meta.publish_date.isoformat() == "2025-01-20"
    save_draft(report, path)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["texts"]["s1"] == s1 and again["texts"]["s5"] == s5 and again["texts"]["s6"] == "无。"
    assert again["reviewer"] == {"name": "李四", "ok": True}, "unknown keys survive a round trip"
    assert again["meta"]["contact"] == "张三"


def test_whole_section_rewritten_by_another_tool_wins(tmp_path):
    path = tmp_path / "r.nianbao"
    report = consistent_report(32)
    report.texts["s5.problems"] = "旧问题。"
    save_draft(report, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["texts"]["s5"] = "另一个工具改写的第五部分。"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert load_draft(path).section_text("s5") == "另一个工具改写的第五部分。"


def test_saving_keeps_the_previous_version_as_a_backup(tmp_path):
    path = tmp_path / "r.nianbao"
    backups = tmp_path / "backups"
    first = consistent_report(33)
    assert save_draft(first, path, backup_dir=backups) is None
    second = first.copy()
    second.set("t3.new.natural", 1)
    backup = save_draft(second, path, backup_dir=backups)
    assert backup is not None and backups_of(path, backups) == [backup]
    assert load_draft(backup).cells == first.cells
    assert load_draft(path).cells == second.cells
    for _ in range(12):
        save_draft(second, path, backup_dir=backups, keep_backups=3)
    assert len(backups_of(path, backups)) == 3


@pytest.mark.parametrize(("content", "why"), [
    (b"", "空的"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "cells": {"t3.new', "不完整"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
    (b'{"hello": "world"}', "不是政府信息公开年度报告的草稿文件"),
    (b"name,year\n", "不是政府信息公开年度报告的草稿文件"),
    (b'{"format": "gov-info-annual-report", "schema_version": "x"}', "版本"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "template": "2018"}', "2021"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "meta": {"year": "2024"}}', "年份"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "cells": [1, 2]}', "cells"),
    (b'{"format": ' + b"[" * 100000, "损坏"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "cells": {"t3.new.natural": ' + b"9" * 5000 + b"}}",
     "损坏"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "cells": {"t3.new.natural": NaN}}', "损坏"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "texts": {"s1": "\\ud800"}}', "无效的字符"),
    (b'{"format": "gov-info-annual-report", "schema_version": 1, "meta": {"publish_date": "20240101"}}', "YYYY"),
])
def test_bad_files_raise_a_clear_error_and_are_not_touched(tmp_path, content, why):
    path = tmp_path / "坏文件.nianbao"
    path.write_bytes(content)
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert why in info.value.message and "坏文件.nianbao" in info.value.message
    assert path.read_bytes() == content


def test_amount_in_any_decimal_form_saves_as_plain_digits(tmp_path):
    report = consistent_report(37)
    report.set("t2.fees.amount", Decimal("1E+2"))
    path = tmp_path / "r.nianbao"
    save_draft(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["cells"]["t2.fees.amount"] == "100"
    assert load_draft(path).cells["t2.fees.amount"] == Decimal("100")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_saving_keeps_the_file_permissions(tmp_path):
    path = tmp_path / "shared.nianbao"
    save_draft(consistent_report(38), path)
    os.chmod(path, 0o644)
    save_draft(consistent_report(39), path)
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_backup_that_cannot_be_written_does_not_block_the_save(tmp_path):
    path = tmp_path / "r.nianbao"
    save_draft(consistent_report(40), path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    assert save_draft(consistent_report(41), path, backup_dir=blocked) is None
    assert load_draft(path).cells == consistent_report(41).cells


def test_missing_file(tmp_path):
    with pytest.raises(DraftError, match="找不到"):
        load_draft(tmp_path / "nope.nianbao")


def test_newer_version_refused_or_read_only(tmp_path):
    path = tmp_path / "newer.nianbao"
    content = json.dumps({"format": "gov-info-annual-report", "schema_version": 99, "template": "2021",
                          "meta": {"agency": "某局", "year": 2030}, "cells": {"t3.new.natural": 1}})
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftNewerError) as info:
        load_draft(path)
    assert "更新版本" in info.value.message and info.value.version == 99
    report = load_draft(path, allow_newer=True)
    assert report.read_only and report.number("t3.new.natural") == 1
    with pytest.raises(DraftError, match="只能查看"):
        save_draft(report, path)
    assert path.read_text(encoding="utf-8") == content


def test_version_fixtures_load():
    """One fixture per schema version ever released; each must load with the current code (v1-workspace.nianbao,
    schema 1 with the keys schema 2 moved into `workspace`, is tested in test_draft_workspace.py; v3.nianbao, with
    the clerk's sub-heading wording, in test_draft_headings.py)."""
    fixtures = sorted((FIXTURES / "drafts").glob("v*.nianbao"))
    assert [p.name for p in fixtures] == ["v1-workspace.nianbao", "v1.nianbao", "v2.nianbao", "v3.nianbao"]
    versions = {json.loads(p.read_text(encoding="utf-8"))["schema_version"] for p in fixtures}
    assert versions == set(range(1, migrations.CURRENT_SCHEMA_VERSION + 1))
    report = load_draft(FIXTURES / "drafts" / "v1.nianbao")
    assert report.meta.agency == "版本一测试局" and report.number("t3.new.natural") == 5
    assert report.cells["t2.fees.amount"] == Decimal("1.50")
    report = load_draft(FIXTURES / "drafts" / "v2.nianbao")
    assert report.meta.agency == "版本二测试局" and report.upgraded_from == 2 and report.headings == {}
    assert report.workspace.auto_sum == {"t3.new.total", "t4.review.total"}
    assert report.workspace.deadline == date(2025, 3, 15) and report.workspace.collection["year"] == 2024


def test_failed_save_leaves_previous_file_and_report(tmp_path, monkeypatch):
    path = tmp_path / "r.nianbao"
    report = consistent_report(34)
    save_draft(report, path)
    before = path.read_bytes()
    changed = report.copy()
    changed.set("t3.new.natural", 0)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(DraftError) as info:
        save_draft(changed, path)
    assert "磁盘空间已满" in info.value.message
    assert path.read_bytes() == before
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert changed.number("t3.new.natural") == 0


_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from models.storage.drafts import load_draft, save_draft
a = load_draft(sys.argv[3]); b = load_draft(sys.argv[4])
print("ready", flush=True)
while True:
    for r in (b, a):
        save_draft(r, sys.argv[2], keep_backups=0)
"""


@pytest.mark.slow
def test_a_draft_killed_mid_save_stays_loadable(tmp_path):
    a, b = consistent_report(35), consistent_report(36)
    for report in (a, b):  # big enough that a kill often lands inside a write
        report.texts["s1.active"] = "主动公开" * 200_000
    b.texts["s1.active"] += "乙"
    paths = []
    for name, report in (("a", a), ("b", b)):
        paths.append(tmp_path / f"{name}.nianbao")
        save_draft(report, paths[-1])
    target = tmp_path / "target.nianbao"
    save_draft(a, target)
    rng = random.Random(7)
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", _CHILD, str(ROOT), str(target), *map(str, paths)],
                                 stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        child.wait()
        loaded = load_draft(target)
        assert loaded.texts["s1.active"] in (a.texts["s1.active"], b.texts["s1.active"])
        assert loaded.cells in (a.cells, b.cells)
    # The next successful save clears the temporary files that the killed writers left behind.
    save_draft(b, target, keep_backups=0)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".target")] == []
