"""Title lines (issue 17, point 2): the agency on its own line(s), a long name split only where a word ends, every
line a character short of the type area, and LibreOffice lays them out exactly so."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from exporters import docx_styles
from exporters.docx_body import TITLE_CHARS_PER_LINE, BodyWriter
from exporters.docx_xml import parse_block
from exporters.fonts import font_set
from layouts.title_lines import display_width, split_points, title_lines
from models.format import format2021 as fmt
from tests.office import convert, pdf_text, require_office

#: Real agencies, 3 to 29 characters: ministries, provinces, cities, districts, counties, autonomous prefectures and
#: counties, streets, development zones, free-trade zones, a tax bureau.
AGENCIES = (
    "外交部", "商务部", "海关总署", "国务院办公厅", "淮安市人民政府", "北京市人民政府", "铜官区招商服务中心",
    "广州市黄埔区人民政府", "杭州市市场监督管理局", "广东省人民政府办公厅", "国家发展和改革委员会",
    "上海市浦东新区人民政府", "苏州工业园区管理委员会", "河北雄安新区管理委员会", "国家税务总局广州市税务局",
    "中华人民共和国生态环境部", "延边朝鲜族自治州人民政府", "深圳市南山区粤海街道办事处", "江西省赣州市章贡区人民政府",
    "安徽省合肥市包河区人民政府", "山东省青岛市市北区人民政府", "江苏省镇江市人民政府", "重庆市渝中区解放碑街道办事处",
    "长沙市天心区城南路街道办事处", "天津经济技术开发区管理委员会", "北京经济技术开发区管理委员会",
    "黑龙江省哈尔滨市松北区人民政府", "西藏自治区拉萨市城关区人民政府", "江苏省南京市江北新区管理委员会",
    "四川省阿坝藏族羌族自治州人民政府", "云南省西双版纳傣族自治州人民政府", "福建省厦门市思明区鼓浪屿管理委员会",
    "广西壮族自治区南宁市青秀区人民政府", "宁夏回族自治区固原市原州区人民政府", "浙江省杭州市西湖区住房和城乡建设局",
    "贵州省黔东南苗族侗族自治州人民政府", "吉林省延边朝鲜族自治州珲春市人民政府",
    "新疆维吾尔自治区伊犁哈萨克自治州人民政府",
    "内蒙古自治区鄂尔多斯市伊金霍洛旗人民政府", "湖南省湘西土家族苗族自治州人民政府办公室",
    "湖北省恩施土家族苗族自治州利川市人民政府", "青海省海西蒙古族藏族自治州格尔木市人民政府",
    "中国（福建）自由贸易试验区平潭片区管理委员会", "中国（上海）自由贸易试验区临港新片区管理委员会",
    "甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县人民政府",
)
#: The long names, broken as a person setting the title would.
EXPECTED = {
    "中国（福建）自由贸易试验区平潭片区管理委员会": ["中国（福建）自由贸易试验区", "平潭片区管理委员会"],
    "中国（上海）自由贸易试验区临港新片区管理委员会": ["中国（上海）自由贸易试验区", "临港新片区管理委员会"],
    "新疆维吾尔自治区伊犁哈萨克自治州人民政府": ["新疆维吾尔自治区", "伊犁哈萨克自治州人民政府"],
    "内蒙古自治区鄂尔多斯市伊金霍洛旗人民政府": ["内蒙古自治区鄂尔多斯市", "伊金霍洛旗人民政府"],
    "青海省海西蒙古族藏族自治州格尔木市人民政府": ["青海省海西蒙古族藏族自治州", "格尔木市人民政府"],
    "甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县人民政府": [
        "甘肃省临夏回族自治州", "积石山保安族东乡族撒拉族自治县人民政府"],
}
LIMIT = TITLE_CHARS_PER_LINE - 1


def lines_of(agency: str, year: int = 2024) -> list[str]:
    return title_lines(agency, fmt.report_title(agency, year), TITLE_CHARS_PER_LINE)


def test_forty_real_agencies():
    assert len(AGENCIES) >= 40 and min(map(len, AGENCIES)) == 3 and max(map(len, AGENCIES)) >= 29


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_line_fits_with_a_character_to_spare_and_breaks_only_where_a_word_ends(agency):
    lines = lines_of(agency)
    assert "".join(lines) == fmt.report_title(agency, 2024)
    assert all(display_width(line) <= LIMIT for line in lines), lines
    if len(lines) == 1:
        return
    assert lines[-1] == "2024年政府信息公开工作年度报告"  # the agency never shares a line with the rest
    name = lines[:-1]
    assert "".join(name) == agency
    ends = [len("".join(name[:i + 1])) for i in range(len(name) - 1)]
    assert set(ends) <= set(split_points(agency)), name
    assert all(len(line) >= 2 for line in lines)
    if agency in EXPECTED:
        assert name == EXPECTED[agency]


def test_a_title_that_exactly_fills_a_line_is_broken_rather_than_left_with_one_character_over():
    agency = "苏州工业园区管理委员"  # 2024年…报告 is 15 wide: 10 + 15 = 20 + …
    title = fmt.report_title(agency, 2024)
    assert display_width(title) > LIMIT
    assert len(title_lines(agency, title, TITLE_CHARS_PER_LINE)) == 2


def test_no_split_inside_a_word():
    for name, not_after in (
            ("山东省青岛市市北区人民政府", "山东省青岛市市"), ("江苏省镇江市人民政府", "江苏省镇"),
            ("国家税务总局广州市税务局", "国家税务总局广州"), ("杭州市市场监督管理局", "杭州市市"),
            ("甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县", "甘肃省临夏回族自治州积石山保安族东乡")):
        assert len(not_after) not in split_points(name)


@pytest.mark.slow
@pytest.mark.parametrize("official", [True, False], ids=["official-fonts", "stock-fonts"])
def test_libreoffice_lays_every_title_out_on_exactly_these_lines(tmp_path: Path, official: bool):
    """All the titles in one document with the export's own styles, rendered: each PDF line is one title line."""
    require_office()
    fonts = font_set(official=official)
    document = Document()
    docx_styles.setup_page(document)
    docx_styles.apply_styles(document, fonts)
    writer = BodyWriter(fonts)
    body = document.element.body
    sect_pr = body[-1]
    for paragraph in list(body)[:-1]:
        body.remove(paragraph)
    expected: list[str] = []
    for agency in AGENCIES:
        for block in parse_block(writer.title_block(agency, fmt.report_title(agency, 2024))):
            sect_pr.addprevious(block)
        expected.extend(lines_of(agency))
    buffer = io.BytesIO()
    document.save(buffer)
    source = tmp_path / "titles.docx"
    source.write_bytes(buffer.getvalue())
    text = pdf_text(convert(source, "pdf", tmp_path))
    rendered = [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]
    assert rendered == expected
