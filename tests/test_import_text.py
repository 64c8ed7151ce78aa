"""Headings, sub-headings, titles and labels as real reports write them (spec §1, §7)."""

from __future__ import annotations

from datetime import date

import pytest

from importers import read_report
from importers.docx_labels import LabelIndex, core, norm
from importers.docx_text import (
    as_date,
    find_title,
    match_section,
    match_subheading,
    split_narrative,
    year_from_period,
)
from models.format import format2021 as fmt
from tests.builders import consistent_report
from tests.docx_builders import grid_table, values_of, write_docx

S1 = fmt.SECTION_BY_KEY["s1"]
S5 = fmt.SECTION_BY_KEY["s5"]


@pytest.mark.parametrize(("text", "after", "expected"), [
    ("一、总体情况", -1, 0),
    ("一、 总体情况", -1, 0),
    ("总体情况", -1, 0),                                                    # Word's automatic numbering
    ("三、收到和处理政府信息公开的申请情况", 1, 2),
    ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", 2, 3),
    ("四、政府信息公开行政法复议、行政诉讼情况", 2, 3),                     # the typo of the Pingtan report
    ("四、因政府信息公开工作被申请行政法复议、提起行政诉讼情况", 2, 3),     # a typo in a variant
    ("五、政府信息公开工作存在的主要问题及改进情况", 3, 4),
    ("五、存在的主要问题及改进措施", 3, 4),
    ("六、其他需要报告的事项。", 4, 5),
    ("二、规范依申请公开工作", 0, None),                                    # a numbered point inside the text
    ("一、总体情况", 0, None),                                              # only forward
    ("三、主动公开政府信息情况", 0, None),                                  # ordinal and words disagree
])
def test_section_headings(text, after, expected):
    found = match_section(text, after)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(("text", "section", "expected"), [
    ("（一）主动公开情况", S1, (0, "", "")),
    ("(一) 主动公开情况", S1, (0, "", "")),
    ("主动公开情况", S1, (0, "", "")),
    ("（一）主动公开方面", S1, (0, "", "（一）主动公开方面")),
    ("（一）主动公开情况。2024年，本机关主动公开信息254条。", S1, (0, "2024年，本机关主动公开信息254条。", "")),
    ("（二）依申请公开情况：全年无申请。", S1, (1, "全年无申请。", "")),
    ("（五）政府信息公开监督保障情况。全年检查4次。", S1, (4, "全年检查4次。", "（五）政府信息公开监督保障情况")),
    ("（四）平台建设情况", S1, (3, "", "（四）平台建设情况")),
    ("（一）主要问题", S5, (0, "", "（一）主要问题")),
    ("（一）存在的主要问题：", S5, (0, "", "（一）存在的主要问题：")),            # the wording keeps its colon
    ("（一）存在的主要问题：一是解读单一。", S5, (0, "一是解读单一。", "（一）存在的主要问题：")),
    ("(一)主要问题:", S5, (0, "", "(一)主要问题:")),                               # as typed, half-width
    ("政府信息管理", S1, (2, "", "（三）政府信息管理")),  # Word's numbering: the official ordinal goes in front
    ("（二）改进措施", S5, (1, "", "（二）改进措施")),
    ("（二）强化信息管理", S1, None),           # 信息管理 is （三）, not （二）
    ("（一）加强组织领导", S1, None),
    ("（二）下一步工作打算", S5, None),
    ("（一）主动公开情况方面的工作还有很多很多要说的内容需要写在这里面", S1, None),  # too long for a heading
])
def test_subheadings(text, section, expected):
    found = match_subheading(text, section, -1)
    assert ((found.index, found.rest, found.typed) if found else None) == expected


def test_unconventional_sub_headings_stay_in_the_intro_verbatim():
    paragraphs = ["（一）加强组织领导", "成立领导小组。", "（二）完善工作机制", "健全制度。"]
    texts, headings, notices = split_narrative(S1, paragraphs)
    assert texts == {"s1.intro": "\n".join(paragraphs)} and headings == {} and notices == []


def test_sub_headings_only_go_forward_and_the_rest_is_kept():
    paragraphs = ["本年工作概述。", "（一）主动公开情况", "主动公开254条。", "（一）主动公开情况",
                  "重复的标题留在正文里。", "（三）政府信息管理情况。制度健全。", "（五）监督保障情况", "开展培训。"]
    texts, headings, _ = split_narrative(S1, paragraphs)
    assert headings == {}
    assert texts == {
        "s1.intro": "本年工作概述。",
        "s1.active": "主动公开254条。\n（一）主动公开情况\n重复的标题留在正文里。",
        "s1.management": "制度健全。",
        "s1.oversight": "开展培训。",
    }


def test_inline_sub_heading_after_a_sentence_starts_its_part():
    """Issue 16 §4: （二）改进措施：… typed inside the problems paragraph stayed in 存在的问题."""
    paragraphs = ["（一）存在的主要问题：一是政策解读形式较为单一；二是依申请公开答复规范性有待提高。"
                  "（二）改进措施：一是丰富解读形式，推出图解、视频解读；二是加强业务培训。",
                  "2025年，我局将继续做好政务公开工作。"]
    texts, headings, notices = split_narrative(S5, paragraphs)
    assert texts == {
        "s5.problems": "一是政策解读形式较为单一；二是依申请公开答复规范性有待提高。",
        "s5.improvements": "一是丰富解读形式，推出图解、视频解读；二是加强业务培训。\n"
                           "2025年，我局将继续做好政务公开工作。",
    }
    assert headings == {"s5.problems": "（一）存在的主要问题：", "s5.improvements": "（二）改进措施："}
    assert notices == ["“（一）存在的主要问题”按原文保留，对应“（一）存在的问题”。",
                       "“（二）改进措施”按原文保留，对应“（二）改进情况”。"]


@pytest.mark.parametrize("paragraph", [
    "主动公开254条。（二）加强政策解读：发布解读18篇。",  # a numbered point of the text, not a sub-heading
    "主动公开254条（二）依申请公开情况：收到申请5件。",  # not after a sentence
    "主动公开254条。（一）主动公开情况：重复的标题。",  # not after the current one
])
def test_numbered_points_inside_a_paragraph_are_not_split(paragraph):
    texts, _, _ = split_narrative(S1, ["（一）主动公开情况", paragraph])
    assert texts == {"s1.active": paragraph}


@pytest.mark.parametrize(("paragraphs", "agency", "year", "used"), [
    (["淮安市人民政府2024年政府信息公开工作年度报告"], "淮安市人民政府", 2024, 1),
    (["淮安市人民政府", "2024 年政府信息公开工作年度报告", "本报告由……"], "淮安市人民政府", 2024, 2),
    (["2024年淮安市人民政府政府信息公开工作年度报告"], "淮安市人民政府", 2024, 1),
    (["平潭综合实验区2022年度政府信息公开工作年度报告"], "平潭综合实验区", 2022, 1),
    (["《铜官区招商服务中心2023年政府信息公开工作年度报告》"], "铜官区招商服务中心", 2023, 1),
    (["某县人民政府二〇二三年政府信息公开年度报告"], "某县人民政府", 2023, 1),
    (["某县委办公室（县政府办公室）２０２４年政府信息公开工作年度报告"], "某县委办公室（县政府办公室）", 2024, 1),
])
def test_titles(paragraphs, agency, year, used):
    title = find_title(paragraphs)
    assert title is not None and (title.agency, title.year, title.paragraphs) == (agency, year, used)


def test_no_title():
    assert find_title(["会议纪要", "2024年第3次主任办公会"]) is None


def test_period_and_dates():
    assert year_from_period("报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。") == 2024
    assert year_from_period("2024年1月1日至2023年12月31日") is None
    assert as_date("2025年1月20日") == date(2025, 1, 20)
    assert as_date("（2025年1月20日）") == date(2025, 1, 20)
    assert as_date("2025年2月30日") is None
    assert as_date("2025年1月20日印发") is None


def test_labels_are_normalised():
    assert norm(" 1、属于\n国家秘密 ") == "1.属于国家秘密"
    assert norm("3.危及“三安全一稳定”") == norm('3.危及"三安全一稳定"') == "3.危及三安全一稳定"
    assert norm("（二）部分公开") == "(二)部分公开"
    assert core(norm("（三）不予公开")) == "不予公开"
    assert core(norm("一、本年新收政府信息公开申请数量")) == "本年新收政府信息公开申请数量"
    assert core("2019年") == "2019年"


def test_label_index():
    index = LabelIndex((r.label, r.key) for r in fmt.T3_ROWS)
    assert index.match("1、属于国家秘密") == "withheld_1"
    assert index.match("（二）部分公开") == "partial"                      # shortened
    assert index.match("2.其他法律、行政法规禁止公开") == "withheld_2"     # typed slightly differently
    assert index.match("其他") == "other_3"
    assert index.match("12") is None and index.match("124件") is None and index.match("") is None
    assert index.match("其他需要说明的情况") is None


def test_word_numbering_headings_and_lead_text(tmp_path):
    """Headings without their ordinal (Word numbering), a lead sentence above table 二, a date under the title."""
    report = consistent_report(21)
    blocks = [
        "测试市人民政府2024年政府信息公开工作年度报告", "（2025年1月25日）", "本报告依据条例编制。",
        "总体情况", "主动公开情况", "全年主动公开信息100条。",
        "主动公开政府信息情况", "本年度主动公开情况如下表。", grid_table("t2", values_of(report)),
        "收到和处理政府信息公开申请情况", grid_table("t3", values_of(report)),
        "政府信息公开行政复议、行政诉讼情况", grid_table("t4", values_of(report)),
        "存在的主要问题及改进情况", "解读形式单一。", "其他需要报告的事项", "无。",
    ]
    imported = read_report(write_docx(tmp_path / "numbering.docx", blocks))
    assert imported.report.texts == {"preamble": "本报告依据条例编制。", "s1.active": "全年主动公开信息100条。",
                                     "s5.intro": "解读形式单一。", "s6": "无。"}
    assert imported.report.meta.publish_date == date(2025, 1, 25)
    assert imported.notices == [
        "机关层级无法从 Word 文件中读出，请在基本信息中选择（用于检查规章一栏）。",
        "“二、主动公开政府信息情况”中表格以外的文字未导入（共13字）：“本年度主动公开情况如下表。”。",
    ]
    assert imported.report.number("t3.new.total") == report.number("t3.new.total")
