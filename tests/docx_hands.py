"""Word reports as people really write them, for the importer tests: every hazard of spec §7, the 2019 format.

Each builder returns the document's blocks and what the importer must make of it (the expected cell values).
"""

from __future__ import annotations

from decimal import Decimal

from models.format import format2021 as fmt
from models.report import Report
from models.values import CellValue, format_value
from tests.docx_builders import Block, Table, grid_table, split_table, t3_row

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
IDEOGRAPHIC_SPACE = "\u3000"

#: How the hazardous document writes some cells, and what each must read as (None: blank).
HAZARD_CELLS: dict[str, tuple[str, CellValue]] = {
    "t2.rules.issued": ("１２", 12),
    "t2.rules.repealed": (IDEOGRAPHIC_SPACE, None),
    "t2.rules.in_force": ("124件", 124),
    "t2.normative.issued": (" 0 ", 0),
    "t2.normative.repealed": ("—", None),
    "t2.normative.in_force": ("/", None),
    "t2.licensing.decisions": ("1,234,567", 1234567),
    "t2.fees.amount": ("96171.6", Decimal("96171.6")),
    "t3.new.natural": ("1,234件", 1234),
    "t3.carried_in.total": (f"{IDEOGRAPHIC_SPACE}7{IDEOGRAPHIC_SPACE}", 7),
    "t3.granted.total": ("３０５", 305),
    "t3.withheld_3.research": (IDEOGRAPHIC_SPACE * 2, None),
    "t3.declined_2.other": ("—", None),
    "t3.other_1.nonprofit": ("/", None),
    "t3.carried_out.natural": ("0 ", 0),
    "t4.review.upheld": ("3件", 3),
}


def hazard_report(base: Report) -> Report:
    """`base` with the hazard cells' own numbers written in (so that the sums still hold where a value is kept)."""
    report = base.copy()
    for key, (_, value) in HAZARD_CELLS.items():
        if value is not None:
            report.set(key, value)
    return report


def _hazard_value(report: Report) -> object:
    def value(key: str) -> str:
        if key in HAZARD_CELLS:
            return HAZARD_CELLS[key][0]
        return format_value(report.cells.get(key))

    return value


def _hand_label(text: str) -> str:
    """A label as typed by hand: `1、` for `1.`, straight quotes, line breaks inside long labels."""
    if len(text) > 2 and text[0].isdigit() and text[1] == ".":
        text = f"{text[0]}、{text[2:]}"
    text = text.replace("“", '"').replace("”", '"')
    if text.startswith("（二）部分公开"):
        text = text.replace("这一情", "这一情\n")
    return text


_WRAPPED_HEADINGS = {"商业企业": "商业\n企业", "科研机构": "科研\n\n机构", "法律服务机构": "法律服务\n机构"}


def hazard_t3(report: Report) -> list[Table]:
    """Table 三 made by hand: no merges, hand labels, a blank row, the header repeated, split over two tables."""
    table = grid_table("t3", _hazard_value(report), merged=False)
    header = [list(row) for row in table.rows[: fmt.T3_HEADER_ROWS]]
    rows = [[_WRAPPED_HEADINGS.get(text, _hand_label(text)) for text in row] for row in table.rows]
    blank_after = t3_row("granted") + 1
    rows.insert(blank_after, [""] * len(rows[0]))                       # an extra blank row
    repeat_at = t3_row("declined_1") + 1
    rows[repeat_at:repeat_at] = [list(row) for row in header]          # the header typed again mid-table
    cut = t3_row("withheld_5") + 1
    first, second = split_table(Table(rows), cut)                      # a page break: two Word tables …
    second.rows[:0] = [list(row) for row in header]                     # … the second with the header again
    return [first, second]


def hazard_blocks(report: Report) -> list[Block]:
    """The whole report in a careless hand, with every hazard of spec §7."""
    blocks: list[Block] = [f"{report.meta.agency}", f"{report.meta.year}年政府信息公开工作年度报告"]
    blocks.append(report.texts.get(fmt.PREAMBLE_KEY, "本报告依据《中华人民共和国政府信息公开条例》编制。"))
    blocks += ["一、总体情况", report.texts.get("s1.intro", "")]
    blocks += ["（一）主动公开方面", report.texts.get("s1.active", "")]
    blocks += [f"（二）依申请公开情况。{report.texts.get('s1.requests', '')}"]
    blocks += ["二、主动公开政府信息情况", grid_table("t2", _hazard_value(report))]
    blocks += ["三、收到和处理政府信息公开的申请情况", *hazard_t3(report)]
    blocks += ["四、政府信息公开行政法复议、行政诉讼情况", grid_table("t4", _hazard_value(report))]
    blocks += ["五、存在的主要问题及改进情况", "（一）主要问题", report.texts.get("s5.problems", ""),
               "（二）改进措施", report.texts.get("s5.improvements", "")]
    blocks += ["六、其他需要报告的事项", report.texts.get("s6", "无。"), report.meta.agency, "2025年1月20日"]
    return blocks


# ----- the 2019 format ------------------------------------------------------------------------------------------

#: Table 二 of the 2019 format (国办公开办函〔2019〕60号), as a fixture: other columns, other rows.
T2_2019 = [
    ["第二十条第（一）项", "", "", ""],
    ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
    ["规章", "0", "0", "0"],
    ["规范性文件", "5", "5", "40"],
    ["第二十条第（五）项", "", "", ""],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "10", "2", "300"],
    ["其他对外管理服务事项", "0", "0", "0"],
    ["第二十条第（六）项", "", "", ""],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政处罚", "4", "0", "87"],
    ["行政强制", "1", "0", "3"],
    ["第二十条第（八）项", "", "", ""],
    ["信息内容", "上一年项目数量", "本年增/减", ""],
    ["行政事业性收费", "3", "0", ""],
    ["第二十条第（九）项", "", "", ""],
    ["信息内容", "采购项目数量", "采购总金额", ""],
    ["政府集中采购", "4", "120.5", ""],
]

#: What T2_2019 holds, by the 2019 format's keys.
T2_2019_CELLS = {
    "t2.rules.made": 0, "t2.rules.published": 0, "t2.rules.public_total": 0,
    "t2.normative.made": 5, "t2.normative.published": 5, "t2.normative.public_total": 40,
    "t2.licensing.prior_items": 10, "t2.licensing.item_change": 2, "t2.licensing.decided": 300,
    "t2.other_services.prior_items": 0, "t2.other_services.item_change": 0, "t2.other_services.decided": 0,
    "t2.penalty.prior_items": 4, "t2.penalty.item_change": 0, "t2.penalty.decided": 87,
    "t2.coercion.prior_items": 1, "t2.coercion.item_change": 0, "t2.coercion.decided": 3,
    "t2.fee_items.prior_items": 3, "t2.fee_items.item_change": 0,
    "t2.procurement.purchases": 4, "t2.procurement.amount": Decimal("120.5"),
}


def t3_2019(report: Report) -> Table:
    """Table 三 with the single （六）其他处理 row of the 2019 format, holding the sum of the three 2021 rows."""
    table = grid_table("t3", lambda key: format_value(report.cells.get(key)), merged=False)
    first = t3_row("other_1")
    other_row = ["", fmt.T3_GROUP_BY_KEY["other"].label, ""]
    for col in fmt.T3_COLUMNS:
        other_row.append(str(sum(report.number(fmt.t3(f"other_{i}", col.key)) or 0 for i in (1, 2, 3))))
    rows = [*table.rows[:first], other_row, *table.rows[first + 3:]]
    return Table(rows, [(first, 1, 1, 2)])


def as_2019(report: Report) -> Report:
    """What `blocks_2019(report)` holds, as a 2019 report: T2_2019's table 二, the three （六） rows as one row."""
    base = report.copy()
    old = Report(meta=base.meta, texts=base.texts, template="2019")
    for key in old.format.keys:
        if key.startswith("t2."):
            old.set(key, T2_2019_CELLS[key])
        elif key.startswith("t3.other_handling."):
            column = key.rsplit(".", 1)[1]
            old.set(key, sum(report.number(fmt.t3(f"other_{i}", column)) or 0 for i in (1, 2, 3)))
        else:
            old.set(key, report.cells.get(key))
    return old


def blocks_2019(report: Report) -> list[Block]:
    return [
        f"{report.meta.agency}{report.meta.year}年政府信息公开工作年度报告",
        "一、总体情况", report.texts.get("s1.intro", "本年度政府信息公开工作有序开展。"),
        "二、主动公开政府信息情况", Table(T2_2019, [(0, 0, 1, 4), (4, 0, 1, 4), (8, 0, 1, 4), (12, 0, 1, 4),
                                                 (15, 0, 1, 4)]),
        "三、收到和处理政府信息公开申请情况", t3_2019(report),
        "四、政府信息公开行政复议、行政诉讼情况", grid_table("t4", lambda key: format_value(report.cells.get(key))),
        "五、存在的主要问题及改进情况", report.texts.get("s5.problems", "政策解读形式较为单一。"),
        "六、其他需要报告的事项", "无。",
    ]
