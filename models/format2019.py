"""The superseded 2019 report format (国办公开办函〔2019〕60号), only as far as an importer must recognise it (spec §6).

Reports for 2019 and 2020, and some late adopters, use it: the same six headings and table 四, a table 二 with other
columns and rows that map onto nothing in the 2021 table, and a table 三 whose （六）其他处理 is one row.
"""

from __future__ import annotations

TEMPLATE_ID = "2019"
FORMAT_NOTICE = "国办公开办函〔2019〕60号"

#: Labels that occur only in the 2019 table 二 (spec §6); any one of them identifies the format.
T2_MARKERS: tuple[str, ...] = (
    "本年新制作数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第（九）项",
)

#: The 2019 table 三 has （六）其他处理 as one row; the importer puts it into this 2021 row.
T3_OTHER_ROW_TARGET = "other_3"
T3_OTHER_GROUP = "other"
