"""The draft's typed workspace (schema 2): 自动合计 switches, the deadline override and the 汇总数据采集表 store are
fields of `Report.workspace`, written as `workspace`; a schema-1 draft, which kept them as top-level keys, opens as it
did and loses nothing."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from models.report import Report, Workspace
from models.storage import migrations
from models.storage.draft_format import DraftContentError, from_document, lift_v1_workspace, to_document
from models.storage.drafts import DraftError, load_draft, original_copy, save_draft
from models.tools import autosum
from models.tools.carryover import embedded_previous, new_year_from
from models.tools.collection_merge import stored_contributions
from tests.builders import consistent_report
from tests.conftest import FIXTURES

V1 = FIXTURES / "drafts" / "v1-workspace.nianbao"
V1_AUTO = frozenset({"t3.handled_total.natural", "t3.new.total", "t4.review.total"})


def test_a_draft_of_the_previous_schema_opens_with_its_workspace_typed(tmp_path):
    """The fixture was written by the version before the workspace (schema 1, keys `autosum`, `deadline`,
    `collection` at the top)."""
    assert json.loads(V1.read_text(encoding="utf-8"))["schema_version"] == 1
    report = load_draft(V1)
    assert report.upgraded_from == 1
    assert report.workspace.auto_sum == V1_AUTO and V1_AUTO <= autosum.AUTO_SUM_KEYS
    assert report.workspace.deadline == date(2025, 2, 28)
    contributions, notices = stored_contributions(report, 2024)
    assert [c.department for c in contributions] == ["审批科"] and notices == []
    assert report.extra == {"reviewer": {"name": "李四"}}  # a key of another tool: kept as it was

    path = tmp_path / "old.nianbao"
    shutil.copy(V1, path)
    save_draft(report, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema_version"] == migrations.CURRENT_SCHEMA_VERSION
    assert not {"autosum", "deadline", "collection"} & set(document)
    assert document["workspace"]["auto_sum"] == sorted(V1_AUTO) and document["workspace"]["deadline"] == "2025-02-28"
    assert document["workspace"]["collection"]["departments"][0]["contact"] == "王五 12345"
    assert document["reviewer"] == {"name": "李四"}
    assert original_copy(path, 1).read_bytes() == V1.read_bytes()  # the schema-1 file is kept for an older app
    again = load_draft(path)
    assert again.workspace == report.workspace and again.cells == report.cells and again.texts == report.texts


def test_the_workspace_round_trips(tmp_path):
    report = consistent_report(3)
    report.workspace = Workspace(frozenset({"t3.new.total"}), date(2025, 3, 1),
                                 {"year": 2024, "departments": []}, {"future_switch": [1, 2]})
    path = tmp_path / "r.nianbao"
    save_draft(report, path)
    loaded = load_draft(path)
    assert loaded.workspace == report.workspace and loaded.extra == {}
    copied = report.copy()
    copied.workspace.collection["departments"].append("x")
    assert report.workspace.collection["departments"] == []  # a copy never aliases the store


def test_v1_values_that_do_not_fit_stay_where_they_were():
    doc = {"format": "gov-info-annual-report", "schema_version": 1, "autosum": "t3.new.total",
           "deadline": "2025-02-30", "collection": ["审批科"]}
    report = from_document(doc)
    assert report.workspace == Workspace()
    assert report.extra == {"autosum": "t3.new.total", "deadline": "2025-02-30", "collection": ["审批科"]}
    assert {k: to_document(report)[k] for k in ("autosum", "deadline", "collection")} == {
        "autosum": "t3.new.total", "deadline": "2025-02-30", "collection": ["审批科"]}


def test_a_v1_deadline_without_leading_zeros_keeps_its_date():
    report = from_document({"format": "gov-info-annual-report", "schema_version": 1, "deadline": "2025-2-8"})
    assert report.workspace.deadline == date(2025, 2, 8) and report.extra == {}


def test_last_years_report_embedded_in_a_v1_draft_is_read_with_its_workspace():
    previous = {"format": "gov-info-annual-report", "schema_version": 1, "template": "2021",
                "meta": {"agency": "上年局", "year": 2023}, "autosum": ["t3.new.total"], "deadline": "2024-03-01"}
    report = Report(extra={"previous_report": previous})
    embedded = embedded_previous(report)
    assert embedded is not None and embedded.meta.agency == "上年局"
    assert embedded.workspace.auto_sum == {"t3.new.total"} and embedded.workspace.deadline == date(2024, 3, 1)
    carried = new_year_from(embedded)
    assert embedded_previous(carried).workspace.deadline == date(2024, 3, 1)


@pytest.mark.parametrize(("workspace", "named"), [
    ([1], "“workspace”"), ({"auto_sum": "t3.new.total"}, "auto_sum"), ({"deadline": "明年"}, "公开截止日期"),
    ({"deadline": "2025-02-30"}, "公开截止日期"), ({"collection": "x"}, "collection")])
def test_a_damaged_workspace_is_a_chinese_error_naming_it(tmp_path, workspace, named):
    path = tmp_path / "bad.nianbao"
    content = json.dumps({"format": "gov-info-annual-report", "schema_version": 2, "workspace": workspace},
                         ensure_ascii=False)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert named in info.value.message and "未作任何改动" in info.value.message
    assert path.read_text(encoding="utf-8") == content


def test_a_report_built_with_v1_keys_has_them_moved_into_the_workspace():
    report = Report(extra={"autosum": sorted(autosum.AUTO_SUM_KEYS), "deadline": "2025-01-31", "other": 1})
    lift_v1_workspace(report)
    assert report.workspace.auto_sum == autosum.AUTO_SUM_KEYS and report.workspace.deadline == date(2025, 1, 31)
    assert report.extra == {"other": 1}


def test_unsplit_cells_round_trip_and_a_wrong_value_is_named():
    report = consistent_report(4)
    report.workspace.unsplit = frozenset({"t3.other_1.total", "t3.other_2.total"})
    doc = to_document(report)
    assert doc["workspace"]["unsplit"] == ["t3.other_1.total", "t3.other_2.total"]
    assert from_document(doc).workspace.unsplit == report.workspace.unsplit
    assert "unsplit" not in to_document(consistent_report(4))["workspace"], "written only when there are some"
    doc["workspace"]["unsplit"] = "t3.other_1.total"
    with pytest.raises(DraftContentError, match=r"workspace\.unsplit"):
        from_document(doc)
