"""The superseded 2019 report format (国办公开办函〔2019〕60号) as data (spec §6), registered as template "2019".

Reports for 2019 and 2020, and some late adopters, use it: the same six headings, table 三's columns and table 四, a
table 二 with other columns and rows (none of which means what a 2021 table 二 cell means, so every one has its own
key), and a table 三 whose （六）其他处理 is one row (its own key, `other_handling`: it holds what 2021 splits into
three rows). Every other table 三 row means what it means in 2021 and keeps its 2021 key, so carry-over from a 2019
report (上年结转 = last year's 结转下年度) works by key. The keys are frozen in tests/fixtures/keys-2019.txt.

models/format/formats.py builds `FORMAT_2019` from these parts; the Word importer also uses the markers below to
recognise the format.
"""

from __future__ import annotations

from models.format.format2021 import T3_ROWS as T3_ROWS_2021
from models.format.format2021 import Axis, T2Block

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

# ----- Table 二 (spec §6): every key declared literally ----------------------------------------------------------

_PRIOR = Axis("prior_items", "上一年项目数量")
_CHANGE = Axis("item_change", "本年增/减")
_DECIDED = Axis("decided", "处理决定数量")

T2_BLOCKS: tuple[T2Block, ...] = (
    T2Block(
        "第二十条第（一）项",
        (Axis("made", "本年新制作数量"), Axis("published", "本年新公开数量"), Axis("public_total", "对外公开总数量")),
        (Axis("rules", "规章"), Axis("normative", "规范性文件")),
    ),
    T2Block("第二十条第（五）项", (_PRIOR, _CHANGE, _DECIDED),
            (Axis("licensing", "行政许可"), Axis("other_services", "其他对外管理服务事项"))),
    T2Block("第二十条第（六）项", (_PRIOR, _CHANGE, _DECIDED),
            (Axis("penalty", "行政处罚"), Axis("coercion", "行政强制"))),
    T2Block("第二十条第（八）项", (_PRIOR, _CHANGE), (Axis("fee_items", "行政事业性收费"),)),
    T2Block("第二十条第（九）项", (Axis("purchases", "采购项目数量"), Axis("amount", "采购总金额")),
            (Axis("procurement", "政府集中采购"),)),
)

# ----- Table 三: the 2021 rows, with （六）其他处理 as one row ----------------------------------------------------

T3_OTHER_GROUP = "other"
#: The single （六）其他处理 row of the 2019 table 三.
T3_OTHER_ROW = Axis("other_handling", "（六）其他处理", short="（六）其他处理")


def _t3_rows() -> tuple[Axis, ...]:
    rows: list[Axis] = []
    for row in T3_ROWS_2021:
        if row.group == T3_OTHER_GROUP:
            if T3_OTHER_ROW not in rows:
                rows.append(T3_OTHER_ROW)
            continue
        rows.append(row)
    return tuple(rows)


T3_ROWS: tuple[Axis, ...] = _t3_rows()
#: The 2019 row that holds what the 2021 format splits into several rows (for tools that count in 2021 rows).
T3_ROW_PARTS: dict[str, tuple[str, ...]] = {
    T3_OTHER_ROW.key: tuple(r.key for r in T3_ROWS_2021 if r.group == T3_OTHER_GROUP),
}
