"""The clerk's own wording of a sub-heading (issue 16 §4): `Report.headings`, written as the draft's `headings`
(schema 3) and used in the whole section texts; a draft of schema 2, which has none, opens as it did."""

from __future__ import annotations

import json
import shutil

import pytest

from models.report import Report
from models.storage import migrations
from models.storage.draft_format import from_document, to_document
from models.storage.drafts import DraftError, load_draft, original_copy, save_draft
from tests.builders import consistent_report
from tests.conftest import FIXTURES

PROBLEMS = "一是政策解读形式较为单一；二是答复规范性有待提高。"
IMPROVEMENTS = "丰富解读形式，加强业务培训。"


def _worded() -> Report:
    report = consistent_report(40)
    report.texts.update({"s5.problems": PROBLEMS, "s5.improvements": IMPROVEMENTS})
    report.set_heading("s5.problems", "（一）存在的主要问题：")
    return report


def test_the_wording_round_trips_and_the_whole_text_uses_it(tmp_path):
    report = _worded()
    path = tmp_path / "r.nianbao"
    save_draft(report, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema_version"] == migrations.CURRENT_SCHEMA_VERSION == 3
    assert doc["headings"] == {"s5.problems": "（一）存在的主要问题："}
    assert doc["texts"]["s5"] == f"（一）存在的主要问题：\n{PROBLEMS}\n（二）改进情况\n{IMPROVEMENTS}"
    loaded = load_draft(path)
    assert loaded.headings == report.headings and loaded.texts == report.texts and loaded == report
    assert loaded.heading("s5.problems") == "（一）存在的主要问题："
    assert loaded.heading("s5.improvements") == "（二）改进情况"


def test_the_official_wording_or_none_is_no_wording():
    report = Report()
    report.set_heading("s5.problems", "（一）存在的主要问题")
    report.set_heading("s5.problems", " （一）存在的问题 ")
    assert report.headings == {}
    report.set_heading("s1.active", "（一）主动公开方面")
    report.set_heading("s1.active", "")
    assert report.headings == {}
    with pytest.raises(KeyError):
        report.set_heading("s5.intro", "开头")  # not a sub-heading
    with pytest.raises(ValueError):
        report.set_heading("s5.problems", "（一）存在的\n主要问题")
    doc = to_document(Report(texts={"s5.problems": PROBLEMS}))
    doc["headings"] = {"s5.problems": "（一）存在的问题", "s5.improvements": ""}
    assert from_document(doc).headings == {}


def test_the_v3_fixture_loads_with_its_wording():
    report = load_draft(FIXTURES / "drafts" / "v3.nianbao")
    assert report.meta.agency == "版本三测试局" and report.upgraded_from is None
    assert report.headings == {"s1.active": "（一）主动公开方面", "s5.problems": "（一）存在的主要问题：",
                               "s5.improvements": "（二）改进措施："}
    assert report.texts["s5.problems"] == PROBLEMS and report.texts["s5.improvements"] == IMPROVEMENTS
    assert report.section_text("s5").startswith("（一）存在的主要问题：\n")


def test_a_schema_2_draft_opens_unchanged_and_keeps_its_original(tmp_path):
    """Written by the version before the wording: texts, whole sections with the official headings."""
    doc = json.loads((FIXTURES / "drafts" / "v2.nianbao").read_text(encoding="utf-8"))
    doc["texts"] = {"s1": "", "s5": f"（一）存在的问题\n{PROBLEMS}\n（二）改进情况\n{IMPROVEMENTS}",
                    "s5.problems": PROBLEMS, "s5.improvements": IMPROVEMENTS, "s6": "无。"}
    path = tmp_path / "old.nianbao"
    content = json.dumps(doc, ensure_ascii=False, indent=1)
    path.write_text(content, encoding="utf-8")
    report = load_draft(path)
    assert report.upgraded_from == 2 and report.headings == {}
    assert report.texts == {"s5.problems": PROBLEMS, "s5.improvements": IMPROVEMENTS, "s6": "无。"}
    assert report.heading("s5.problems") == "（一）存在的问题"
    save_draft(report, path)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["schema_version"] == 3 and again["headings"] == {} and again["texts"]["s5"] == doc["texts"]["s5"]
    assert original_copy(path, 2).read_text(encoding="utf-8") == content


def test_a_whole_section_rewritten_by_another_tool_says_the_wording(tmp_path):
    path = tmp_path / "r.nianbao"
    save_draft(_worded(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    # Another tool edits the text under the clerk's heading and writes back the whole section only.
    doc["texts"] = {"s5": f"（一）存在的主要问题：\n{PROBLEMS}补充。\n（二）改进情况\n{IMPROVEMENTS}"}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = load_draft(path)
    assert report.texts["s5.problems"] == PROBLEMS + "补充。"
    assert report.headings == {"s5.problems": "（一）存在的主要问题："}
    # … or goes back to the official heading: the wording goes with it.
    doc["texts"] = {"s5": f"（一）存在的问题\n{PROBLEMS}\n（二）改进情况\n{IMPROVEMENTS}"}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = load_draft(path)
    assert report.texts["s5.problems"] == PROBLEMS and report.headings == {}


def test_set_whole_section_reads_the_wording_too():
    report = _worded()
    report.set_whole_section("s5", f"（一）存在的主要问题：\n新问题。\n（二）改进情况\n{IMPROVEMENTS}")
    assert report.texts["s5.problems"] == "新问题。" and report.headings == {"s5.problems": "（一）存在的主要问题："}
    report.set_whole_section("s5", "不分小标题。")
    assert report.texts == {**{k: v for k, v in report.texts.items() if not k.startswith("s5")},
                            "s5.intro": "不分小标题。"}
    assert report.headings == {}


@pytest.mark.parametrize(("headings", "named"), [
    ([1], "“headings”"), ({"s5.problems": 3}, "headings.s5.problems"),
    ({"s5.problems": "（一）存在的\n主要问题"}, "headings.s5.problems")])
def test_damaged_wording_is_a_chinese_error_naming_it(tmp_path, headings, named):
    path = tmp_path / "bad.nianbao"
    content = json.dumps({"format": "gov-info-annual-report", "schema_version": 3, "headings": headings},
                         ensure_ascii=False)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert named in info.value.message and "未作任何改动" in info.value.message
    assert path.read_text(encoding="utf-8") == content


def test_wording_of_a_key_this_version_does_not_know_is_kept_untouched(tmp_path):
    path = tmp_path / "r.nianbao"
    shutil.copy(FIXTURES / "drafts" / "v3.nianbao", path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["headings"]["s7.future"] = "（一）将来的小标题"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = load_draft(path)
    assert report.headings["s7.future"] == "（一）将来的小标题"
    save_draft(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["headings"]["s7.future"] == "（一）将来的小标题"


def test_a_copy_keeps_its_own_wording():
    report = _worded()
    copied = report.copy()
    copied.set_heading("s5.problems", "")
    assert report.headings == {"s5.problems": "（一）存在的主要问题："} and copied.headings == {}
