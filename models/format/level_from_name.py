"""The agency level (models.format.levels.LEVELS) read from the agency's name, for reports whose file does not carry
it (a Word report prints no level; issue 16 §5).

The name is read as a chain of administrative units (江苏省 · 淮安市 · 淮安区) followed by what the agency is: 人民政府
(the government of the last unit), 街道办事处 (a street office: the township level), or a department whose name ends
in 局/委员会/委/办公室/办/中心/厅 (a department of the government of the last unit). 国务院 and the ministries
(…部, 国家…局/委员会/署) are 国务院部门.

A 市 is the hard case: 淮安市 is a 设区的市, 昆山市 a 县级市, and nothing in the name tells them apart. Guessing
would be wrong for one of them (and the level decides the 规章 check, W-1), so a bare 市 stays unknown unless its
place in the chain says it: 北京/天津/上海/重庆 are 直辖市 (省级); a 市 under another 市, an 自治州, a 地区 or a 盟
(…州恩施市) is a 县级市. Whatever cannot be read stays unknown (None): unknown rather than wrong.
"""

from __future__ import annotations

import re

PROVINCE_GOV, CITY_GOV, COUNTY_GOV = "省级人民政府", "设区的市级人民政府", "县级人民政府"
TOWNSHIP_GOV = "乡镇人民政府（街道办事处）"
STATE_COUNCIL = "国务院部门"
#: The department level of each government level (a township has no department level in LEVELS).
DEPARTMENT_OF = {PROVINCE_GOV: "省级政府部门", CITY_GOV: "市级政府部门", COUNTY_GOV: "县级政府部门"}

MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})

#: Unit suffixes, longest first (自治区 before 区, 民族乡 before 乡), with the level of the unit's government.
#: "市" has no level of its own (see the module doc); None marks it.
_UNITS: tuple[tuple[str, str | None], ...] = (
    ("特别行政区", None),
    ("自治区", PROVINCE_GOV), ("省", PROVINCE_GOV),
    ("自治州", CITY_GOV), ("地区", CITY_GOV), ("盟", CITY_GOV),
    ("市", None),
    ("自治县", COUNTY_GOV), ("自治旗", COUNTY_GOV), ("县", COUNTY_GOV), ("旗", COUNTY_GOV),
    ("特区", COUNTY_GOV), ("林区", COUNTY_GOV), ("新区", COUNTY_GOV), ("区", COUNTY_GOV),
    ("民族乡", TOWNSHIP_GOV), ("苏木", TOWNSHIP_GOV), ("乡", TOWNSHIP_GOV), ("镇", TOWNSHIP_GOV),
    ("街道", TOWNSHIP_GOV),
)
#: Shortest and longest name before a unit suffix. Place names are short; autonomous ones (恩施土家族苗族自治州,
#: 长阳土家族自治县) are long and always carry 族 or are one of the five 自治区.
_SHORTEST = {"县": 1, "区": 1}
_LONGEST = 4
_LONGEST_AUTONOMOUS = 10
#: Words that mark the rest of a name as a department, not a place (住房和城乡建设局 holds 乡, 城市管理局 holds 市).
_NOT_A_PLACE = re.compile(r"[和与及、]|城$|开发$|高新$|工业$|园$|保税$|社$|景$|示范$|试验$|管理$|产业$")
DEPARTMENT_ENDINGS = ("委员会", "办公室", "中心", "局", "委", "办", "厅")
GOVERNMENT = "人民政府"
#: The government of a 地区 or 盟 is its 行政公署.
GOVERNMENTS = (GOVERNMENT, "行政公署")
STREET_OFFICE = "街道办事处"
_MINISTRY = re.compile(r"^(中华人民共和国)?[^部局厅省]{2,12}部$|^国家[^部局厅省]{2,12}(局|委员会|署)$")


def _units(chain: str) -> list[tuple[str, str]] | None:
    """`chain` split into (name, suffix) units from the left, or None when it is not wholly a chain of units."""
    units: list[tuple[str, str]] = []
    at = 0
    while at < len(chain):
        unit = _next_unit(chain, at)
        if unit is None:
            return None
        units.append(unit)
        at += len(unit[0]) + len(unit[1])
    return units


def _next_unit(text: str, at: int) -> tuple[str, str] | None:
    """The unit that starts at `at`: the shortest valid name followed by a unit suffix."""
    for end in range(at + 1, min(len(text), at + _LONGEST_AUTONOMOUS + 1)):
        name = text[at:end]
        for suffix, _ in _UNITS:
            if not text.startswith(suffix, end):
                continue
            if len(name) < _SHORTEST.get(suffix, 2) and name + suffix not in MUNICIPALITIES:
                continue
            autonomous = suffix.startswith("自治") or "族" in name
            if len(name) > (_LONGEST_AUTONOMOUS if autonomous else _LONGEST) or _NOT_A_PLACE.search(name):
                continue
            return name, suffix
    return None


def _longest_chain(text: str) -> tuple[list[tuple[str, str]], str]:
    """The units at the start of `text` and the rest (a department's own name)."""
    units: list[tuple[str, str]] = []
    at = 0
    while (unit := _next_unit(text, at)) is not None:
        units.append(unit)
        at += len(unit[0]) + len(unit[1])
    return units, text[at:]


def _government_level(units: list[tuple[str, str]]) -> str | None:
    """The level of the government of the last unit of the chain, or None when the chain does not tell it."""
    if not units:
        return None
    name, suffix = units[-1]
    level = dict(_UNITS)[suffix]
    if suffix != "市":
        return level
    if name + suffix in MUNICIPALITIES:
        return PROVINCE_GOV
    if len(units) >= 2 and (units[-2][1] in {"自治州", "地区", "盟"}
                            or (units[-2][1] == "市" and "".join(units[-2]) not in MUNICIPALITIES)):
        return COUNTY_GOV  # a 市 under a 市, 自治州, 地区 or 盟 is a 县级市
    return None  # 设区的市 or 县级市: the name does not say


def infer_level(agency: str) -> str | None:
    """The level of the agency named `agency`, or None when the name does not say it (see the module doc)."""
    name = "".join(agency.split())
    if not name:
        return None
    if name.startswith("国务院") or (
            _MINISTRY.match(name) and (name.startswith("国家") or not _longest_chain(name)[0])):
        return STATE_COUNCIL
    for government in GOVERNMENTS:
        if name.endswith(government):
            units = _units(name[: -len(government)])
            return _government_level(units) if units else None
    if name.endswith(STREET_OFFICE):
        units = _units(name[: -len("办事处")])
        return TOWNSHIP_GOV if units and units[-1][1] == "街道" else None
    units, rest = _longest_chain(name)
    for government in GOVERNMENTS:  # 淮安区人民政府办公室: a department of that government
        if rest.startswith(government):
            rest = rest[len(government):]
    if not units or not rest or not rest.endswith(DEPARTMENT_ENDINGS):
        return None
    government = _government_level(units)
    return DEPARTMENT_OF.get(government or "")
