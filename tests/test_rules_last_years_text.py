"""Last year's text does not go out as this year's: stale years (W-4), "no applications" against table 三 (TXT-NONE),
section 五 alike in wording to last year's (X-4), on reports carried over from real ones."""

from __future__ import annotations

import pytest

from models.findings import Severity
from models.rules.rule_set import evaluate
from models.rules.stale_years import stale_years
from models.storage.drafts import load_draft
from models.tools.carryover import new_year_from
from tests.builders import zero_report


def _rules(report, rule, previous=None):
    return [f for f in evaluate(report, previous) if f.rule == rule]


@pytest.mark.parametrize("sentence", [
    "统计期限自2024年1月1日至2024年12月31日。",
    "本报告中所列数据统计时限为2024年1月1日至2024年12月31日。",
    "报告所列统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。",
    "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，圆满完成了各项任务。",
    "截至2024年底，现行有效规范性文件66件。",
    "２０２４年，全市共受理政府信息公开申请3119件。",
    "2024年12月，我局印发了通知。",
    "2024年，我局建立健全了依申请公开工作制度。",  # the founding verb in another clause: last year's text
    "2022年7月正式开通政务微信公众号，2024年度共发送784条。",  # the history passes, the stale 2024年度 not
])
def test_an_earlier_year_written_as_this_years_is_stale(sentence):
    assert [named for _, named, _ in stale_years(sentence, 2025)] == [2024]


@pytest.mark.parametrize("sentence", [
    "较2024年增长12%。",
    "与2024年相比，申请量有所增加。",
    "2024年以来，我局持续推进。",
    "按照新修订的《中华人民共和国政府信息公开条例》（2019年修订），规范办理。",
    "根据2019年修订的条例办理。",
    "“十四五”规划（2021—2025年）实施情况良好。",
    "2021年至2025年规划期内任务全部完成。",
    "2024年结转的3件申请均已办结。",
    "针对2024年度报告中指出的问题，已全部整改。",
    "主动公开《2024年度政务公开工作要点》。",
    "2025年，我市坚持依法公开。",
    # history: a founding or an opening (issue 16 §4, a real 2023 report's sentence in a 2025 report)
    "2022年7月正式开通政务微信公众号，2025年度共发送784条。",
    "我局于2019年机构改革后成立，负责全县政务公开工作。",
    "自2018年政务公开平台上线以来，累计发布信息1.2万条。",
    "自2020年起建立依申请公开台账。",
    "政府信息公开专栏于2016年建成并投入使用。",
])
def test_an_earlier_year_plainly_about_that_year_is_not(sentence):
    assert stale_years(sentence, 2025) == ()


def test_a_report_carried_over_from_a_real_one_names_each_stale_sentence(huaian_path):
    report = new_year_from(load_draft(huaian_path))  # 2024 → 2025, the texts copied as a start
    found = _rules(report, "W-4")
    assert {f.span.text_key for f in found} >= {"preamble", "s1.intro", "s1.requests", "s6"}
    assert all(f.severity is Severity.WARNING for f in found)
    preamble = next(f for f in found if f.span.text_key == "preamble")
    assert "统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日" in preamble.message
    assert "本报告为2025年度" in preamble.message
    report.texts["preamble"] = report.texts["preamble"].replace("2024", "2025")
    assert "preamble" not in {f.span.text_key for f in _rules(report, "W-4")}


def test_the_real_reports_themselves_have_no_stale_year(huaian_path, pingtan_path, sample_path):
    for path in (huaian_path, pingtan_path, sample_path):
        assert _rules(load_draft(path), "W-4") == []


def test_no_applications_written_while_table_three_has_new_ones_is_an_error(sample_path):
    report = new_year_from(load_draft(sample_path))  # 2023 → 2024: "2023年，区招商服务中心无依申请公开事项。"
    assert _rules(report, "TXT-NONE") == []  # table 三 is still blank
    report.set("t3.new.natural", 6)
    report.set("t3.new.total", 6)
    [finding] = _rules(report, "TXT-NONE")
    assert finding.severity is Severity.ERROR and finding.span.text_key == "s1.requests"
    assert "无依申请公开事项" in finding.message and "6件" in finding.message
    assert finding.cells == ("t3.new.total",)
    report.set("t3.new.natural", 0)
    report.set("t3.new.total", 0)
    assert _rules(report, "TXT-NONE") == []


@pytest.mark.parametrize("text", ["全年无依申请公开逾期答复情况。", "未发生因政府信息公开引发的行政复议。",
                                  "未收到针对本机关的行政复议申请，收到政府信息公开申请6件。"])
def test_other_negations_are_not_taken_for_no_applications(text):
    report = zero_report()
    report.set("t3.new.natural", 6)
    report.set("t3.new.total", 6)
    report.texts["s1.requests"] = text
    assert _rules(report, "TXT-NONE") == []


def test_section_five_with_only_years_and_figures_changed_is_the_same_as_last_years():
    last = zero_report(year=2024)
    last.texts["s5.problems"] = ("2024年，我局政府信息公开工作存在以下问题：一是主动公开的及时性有待提高，"
                                 "3个部门更新不及时；二是政策解读形式较为单一。")
    last.texts["s5.improvements"] = "2025年，我们将丰富解读形式，加强培训2次。"
    now = zero_report(year=2025)
    now.texts["s5.problems"] = last.texts["s5.problems"].replace("2024", "2025").replace("3个", "5个")
    now.texts["s5.improvements"] = "2026年，我们将丰富解读形式，加强培训4次。"
    [finding] = _rules(now, "X-4", last)
    assert "基本相同" in finding.message
    now.texts.update(last.texts)
    [same] = _rules(now, "X-4", last)
    assert "完全相同" in same.message
    now.texts["s5.problems"] = "基层政务公开标准化规范化推进不平衡，依申请公开答复文书质量参差不齐。"
    now.texts["s5.improvements"] = "下一步将组织专题培训，统一答复文书模板，并开展交叉评查。"
    assert _rules(now, "X-4", last) == []
