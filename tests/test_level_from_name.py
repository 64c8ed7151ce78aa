"""The agency level read from the agency's name (issue 16 §5): real names of every level, and the names that do not
say it (a bare 市 may be a 设区的市 or a 县级市) stay unknown."""

from __future__ import annotations

import pytest

from models.format.level_from_name import infer_level
from models.format.levels import LEVELS

PROVINCE, CITY, COUNTY, TOWNSHIP = "省级人民政府", "设区的市级人民政府", "县级人民政府", "乡镇人民政府（街道办事处）"
PROVINCE_DEPT, CITY_DEPT, COUNTY_DEPT = "省级政府部门", "市级政府部门", "县级政府部门"

REAL_NAMES = [
    # provinces, autonomous regions, municipalities
    ("江苏省人民政府", PROVINCE),
    ("黑龙江省人民政府", PROVINCE),
    ("广西壮族自治区人民政府", PROVINCE),
    ("新疆维吾尔自治区人民政府", PROVINCE),
    ("内蒙古自治区人民政府", PROVINCE),
    ("北京市人民政府", PROVINCE),
    ("重庆市人民政府", PROVINCE),
    ("上海市人民政府", PROVINCE),
    # their departments
    ("江苏省人民政府办公厅", PROVINCE_DEPT),
    ("福建省教育厅", PROVINCE_DEPT),
    ("浙江省发展和改革委员会", PROVINCE_DEPT),
    ("广东省住房和城乡建设厅", PROVINCE_DEPT),
    ("北京市财政局", PROVINCE_DEPT),
    ("天津市市场监督管理委员会", PROVINCE_DEPT),
    ("上海市卫生健康委员会", PROVINCE_DEPT),
    # cities that the name shows as 市级: 自治州, 地区, 盟
    ("恩施土家族苗族自治州人民政府", CITY),
    ("延边朝鲜族自治州人民政府", CITY),
    ("阿克苏地区行政公署", CITY),
    ("锡林郭勒盟行政公署", CITY),
    ("延边朝鲜族自治州教育局", CITY_DEPT),
    ("大兴安岭地区行政公署办公室", CITY_DEPT),
    # counties, districts, banners, county-level cities under a 州
    ("沛县人民政府", COUNTY),
    ("江苏省淮安市淮安区人民政府", COUNTY),
    ("北京市朝阳区人民政府", COUNTY),
    ("上海市浦东新区人民政府", COUNTY),
    ("济南市市中区人民政府", COUNTY),
    ("重庆市石柱土家族自治县人民政府", COUNTY),
    ("长阳土家族自治县人民政府", COUNTY),
    ("鄂尔多斯市达拉特旗人民政府", COUNTY),
    ("鄂伦春自治旗人民政府", COUNTY),
    ("六枝特区人民政府", COUNTY),
    ("神农架林区人民政府", COUNTY),
    ("西乡县人民政府", COUNTY),
    ("恩施土家族苗族自治州恩施市人民政府", COUNTY),
    ("福建省平潭县人民政府", COUNTY),
    # their departments
    ("淮安市淮安区住房和城乡建设局", COUNTY_DEPT),
    ("北京市海淀区市场监督管理局", COUNTY_DEPT),
    ("杭州市西湖区人民政府办公室", COUNTY_DEPT),
    ("沭阳县城市管理局", COUNTY_DEPT),
    ("宁乡县城乡规划局", COUNTY_DEPT),
    ("成都市武侯区卫生健康委员会", COUNTY_DEPT),
    ("平潭县政务服务中心", COUNTY_DEPT),
    ("西安市雁塔区民族宗教事务委员会", COUNTY_DEPT),
    ("广州市天河区政务服务数据管理局", COUNTY_DEPT),
    # townships and street offices
    ("淮安市淮安区车桥镇人民政府", TOWNSHIP),
    ("乡宁县西坡镇人民政府", TOWNSHIP),
    ("北京市朝阳区建外街道办事处", TOWNSHIP),
    ("长沙市岳麓区橘子洲街道办事处", TOWNSHIP),
    ("龙胜各族自治县泗水乡人民政府", TOWNSHIP),
    ("循化撒拉族自治县岗察藏族乡人民政府", TOWNSHIP),
    ("阿拉善左旗巴彦浩特镇人民政府", TOWNSHIP),
    ("新乡市牧野区王村镇人民政府", TOWNSHIP),
    # 国务院 and its departments
    ("国务院办公厅", "国务院部门"),
    ("中华人民共和国教育部", "国务院部门"),
    ("住房和城乡建设部", "国务院部门"),
    ("国家市场监督管理总局", "国务院部门"),
    ("国家发展和改革委员会", "国务院部门"),
]

UNKNOWN = [
    "淮安市人民政府",  # a 设区的市 …
    "昆山市人民政府",  # … and a 县级市: the name does not tell them apart
    "江苏省昆山市人民政府",
    "淮安市财政局",  # a department of either
    "宁乡市城市管理和综合执法局",
    "苏州工业园区管理委员会",  # not a level
    "淮安市经济技术开发区管理委员会",
    "国家税务总局江苏省税务局",  # vertically managed
    "车桥镇财政所",  # a township has no department level
    "某某单位",
    "",
]


def test_at_least_thirty_names_of_every_level():
    assert len(REAL_NAMES) >= 30
    assert {level for _, level in REAL_NAMES} == set(LEVELS) - {"其他"}


@pytest.mark.parametrize(("name", "level"), REAL_NAMES)
def test_level_of_a_real_agency(name, level):
    assert infer_level(name) == level


@pytest.mark.parametrize("name", UNKNOWN)
def test_unknown_stays_unknown(name):
    assert infer_level(name) is None


def test_spaces_in_the_name_do_not_matter():
    assert infer_level(" 沛县 人民政府 ") == COUNTY
