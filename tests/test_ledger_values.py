"""What a ledger cell means (dates, 申请人类型, 办理结果) and the column mapping, its file and the remembered one."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.ledger_reader import LedgerReadError, read_ledger
from models.format import format2021 as fmt
from models.tools.ledger import compute_table3
from models.tools.ledger_fields import (
    ColumnMapping,
    MappingError,
    load_mapping,
    load_saved_mapping,
    mapping_from_json,
    save_mapping,
    saved_mapping_path,
)
from models.tools.ledger_values import BadValue, match_applicant, match_result, parse_date, why_not_result
from tests.ledger_builders import applicant_texts, result_texts, write_csv, write_xlsx


@pytest.mark.parametrize("key", fmt.T3_LEAF_ROWS)
def test_every_result_is_recognised_however_it_is_written(key):
    for text in result_texts(key):
        assert match_result(text) == key, text


@pytest.mark.parametrize("key", fmt.T3_PART_COLUMNS)
def test_every_applicant_kind_is_recognised(key):
    for text in applicant_texts(key):
        assert match_applicant(text) == key, text


_FULL_WIDTH = str.maketrans("0123456789.()\"", "０１２３４５６７８９．（）＂")


@given(st.sampled_from(fmt.T3_LEAF_ROWS), st.lists(st.integers(min_value=0, max_value=40), max_size=4),
       st.booleans())
def test_spaces_and_full_width_do_not_matter(key, cuts, full_width):
    text = fmt.T3_ROW_BY_KEY[key].label
    for cut in sorted(set(cuts), reverse=True):
        text = text[:cut] + " \u3000"[cut % 2] + text[cut:]
    if full_width:
        text = text.translate(_FULL_WIDTH)
    assert match_result(text) == key


@pytest.mark.parametrize("text", ["同意公开", "2.属于国家秘密", "予以公开；部分公开", "公开", "（七）总计",
                                  "本年新收", "不予公开", "其他处理"])
def test_what_is_not_a_result_is_not_guessed(text):
    assert match_result(text) is None
    assert f"办理结果“{text}”" in why_not_result(text)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-01-05", date(2024, 1, 5)), ("2024/1/5", date(2024, 1, 5)), ("2024年1月5日", date(2024, 1, 5)),
    ("２０２４年１月５日", date(2024, 1, 5)), ("2024.01.05", date(2024, 1, 5)), ("20240105", date(2024, 1, 5)),
    ("2024-01-05 14:30", date(2024, 1, 5)), ("2024/1/5 14:30:00", date(2024, 1, 5)), ("45296", date(2024, 1, 5)),
    (45296, date(2024, 1, 5)), (45296.6, date(2024, 1, 5)), (20240105, date(2024, 1, 5)), ("", None), (None, None),
    ("—", None), ("/", None),
])
def test_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(("value", "fragment"), [
    ("2024-02-30", "没有这一天"), ("2024年1月", "不是可识别的日期"), ("24-1-5", "不是可识别的日期"),
    ("1024-01-05", "早于2000年"), (12, "不是日期"), (True, "不是日期"), ("明天", "不是可识别的日期"),
    ("2030-01-01", "晚于今天"),
])
def test_bad_dates(value, fragment):
    with pytest.raises(BadValue) as info:
        parse_date(value, today=date(2025, 1, 1))
    assert fragment in info.value.reason


def test_a_mapping_file_names_columns_and_the_clerks_own_words(tmp_path):
    header = ("编号", "来件日期", "申请人", "答复结论", "回复日期")
    rows = [(1, "2024-01-05", "公民", "同意公开", "2024-01-09"),
            (2, "2024-02-05", "企业", "信息不存在", "2024-02-20"),
            (3, "2024-03-05", "科研机构", "（三）不予公开 1.属于国家秘密", "2024-03-20")]
    path = write_xlsx(tmp_path / "台账.xlsx", rows, header=header)
    mapping_file = tmp_path / "map.json"
    mapping_file.write_text(json.dumps({
        "columns": {"来件日期": "收到日期", "申请人": "申请人类型", "答复结论": "result", "回复日期": "办结日期"},
        "results": {"同意公开": "予以公开", "信息不存在": "1.本机关不掌握相关政府信息"},
        "applicants": {"公民": "自然人", "企业": "法人或其他组织-商业企业"},
    }, ensure_ascii=False), encoding="utf-8-sig")
    mapping = load_mapping(mapping_file)
    result = compute_table3(read_ledger(path, mapping).sheets, 2024, mapping, today=date(2025, 1, 1))
    assert result.problems == []
    assert {k: v for k, v in result.cells.items() if v and not k.startswith(("t3.new", "t3.handled"))
            and not k.endswith(".total")} == {"t3.granted.natural": 1, "t3.unavailable_1.commercial": 1,
                                              "t3.withheld_1.research": 1}
    with pytest.raises(LedgerReadError, match="没有找到台账的表头"):
        read_ledger(path)


def test_a_flat_mapping_of_headers_is_enough(tmp_path):
    path = write_csv(tmp_path / "a.csv", [("2024-01-05", "自然人", "予以公开", "2024-01-09")],
                     header=("收件", "申请人类型", "办理结果", "办结日期"))
    mapping = mapping_from_json({"收件": "收到日期"})
    assert mapping.columns == {"收件": "received"}
    result = compute_table3(read_ledger(path, mapping).sheets, 2024, mapping, today=date(2025, 1, 1))
    assert result.cells["t3.granted.natural"] == 1


@pytest.mark.parametrize(("data", "fragment"), [
    ([1, 2], "应为 JSON 对象"),
    ({"收件": "日期"}, "“收件”对应的“日期”不是台账的字段"),
    ({"columns": {}, "results": {"同意": "同意公开"}}, "“同意”对应的“同意公开”不是表三的办理结果"),
    ({"columns": {}, "applicants": {"公民": "个人"}}, "“公民”对应的“个人”不是表三的申请人类型"),
    ({"columns": {}, "other": {}}, "无法识别的项：other"),
    ({"columns": {"收件": 3}}, "应对应一段文字"),
])
def test_bad_mappings_are_refused(data, fragment):
    with pytest.raises(MappingError) as info:
        mapping_from_json(data, "map.json")
    assert fragment in info.value.message


def test_unreadable_mapping_files(tmp_path):
    with pytest.raises(MappingError, match="找不到列对应关系文件"):
        load_mapping(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(MappingError, match=r"“bad\.json”无法读取"):
        load_mapping(tmp_path / "bad.json")


def test_the_mapping_is_remembered_in_the_config_folder(app_home):
    assert load_saved_mapping() is None
    mapping = ColumnMapping({"来件日期": "received"}, {"同意公开": "予以公开"}, {"公民": "自然人"})
    path = save_mapping(mapping)
    assert path == saved_mapping_path() and path.is_relative_to(app_home)
    assert json.loads(path.read_text(encoding="utf-8"))["ledger_mapping"]["columns"] == {"来件日期": "收到日期"}
    assert load_saved_mapping() == mapping
