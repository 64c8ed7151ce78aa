"""Agency levels and publication deadlines (spec §1). Part of the format; re-exported by models.format.format2021.

Kept in its own small module so that the start page can show the deadline without loading the whole format.
"""

FORMAT_NOTICE = "国办公开办函〔2021〕30号"

LEVELS: tuple[str, ...] = (
    "国务院部门",
    "省级人民政府",
    "设区的市级人民政府",
    "县级人民政府",
    "乡镇人民政府（街道办事处）",
    "省级政府部门",
    "市级政府部门",
    "县级政府部门",
    "其他",
)
#: Only these levels can make 规章 (W-1).
LEVELS_THAT_MAKE_RULES = frozenset({"国务院部门", "省级人民政府", "设区的市级人民政府"})
#: 县级以上地方人民政府 publish their summary report by 3月31日; departments by 1月31日 (spec §1).
LEVELS_DUE_END_OF_MARCH = frozenset({"省级人民政府", "设区的市级人民政府", "县级人民政府"})


def default_deadline(year: int, level: str | None) -> tuple[int, int, int]:
    """(year, month, day) the report for `year` is due by, per spec §1 (configurable in the UI)."""
    if level in LEVELS_DUE_END_OF_MARCH:
        return (year + 1, 3, 31)
    return (year + 1, 1, 31)
