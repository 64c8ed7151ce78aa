"""The 2021 national report format (国办公开办函〔2021〕30号) as data.

This module is the single source of truth for section headings, table labels, merges and canonical cell keys
(spec §1–4). The UI, the rules, the importers and the exporters read it; nothing else spells a label or a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

TEMPLATE_ID = "2021"


# ---------------------------------------------------------------------------------------------------------------
# Sections and narrative texts
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SubHeading:
    """A conventional sub-heading of a narrative section and the text key that holds its body."""

    key: str
    heading: str
    hint: str


@dataclass(frozen=True)
class Section:
    """A section of the report: its heading, sub-headings, the official table it holds, and heading variants."""

    key: str
    heading: str
    subheadings: tuple[SubHeading, ...] = ()
    table: str = ""  # "t2" | "t3" | "t4" for the sections that hold an official table
    aliases: tuple[str, ...] = ()  # headings of real reports (old or variant wording) an importer still recognises

    @property
    def intro_key(self) -> str:
        """Text before the first sub-heading (or the whole text of a section without sub-headings)."""
        return f"{self.key}.intro" if self.subheadings else self.key


SECTIONS: tuple[Section, ...] = (
    Section(
        "s1",
        "一、总体情况",
        (
            SubHeading("s1.active", "（一）主动公开情况", "本年主动公开的重点内容、渠道和数量。"),
            SubHeading("s1.requests", "（二）依申请公开情况", "收到、办理和答复申请的情况，数字须与表三一致。"),
            SubHeading("s1.management", "（三）政府信息管理情况", "公开属性认定、保密审查、动态更新等制度。"),
            SubHeading("s1.platform", "（四）政府信息公开平台建设情况", "政府网站、政务新媒体、公报等平台建设。"),
            SubHeading("s1.oversight", "（五）监督保障情况", "考核、社会评议、培训和责任追究情况。"),
        ),
    ),
    Section("s2", "二、主动公开政府信息情况", table="t2"),
    Section("s3", "三、收到和处理政府信息公开申请情况", table="t3", aliases=("三、收到和处理政府信息公开的申请情况",)),
    Section("s4", "四、政府信息公开行政复议、行政诉讼情况", table="t4",
            aliases=("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                     "四、政府信息公开行政法复议、行政诉讼情况")),
    Section(
        "s5",
        "五、存在的主要问题及改进情况",
        (
            SubHeading("s5.problems", "（一）存在的问题", "本年工作中实际存在的问题，不得与上年雷同。"),
            SubHeading("s5.improvements", "（二）改进情况", "上年问题的整改结果和下一步的改进措施。"),
        ),
        aliases=("五、政府信息公开工作存在的主要问题及改进情况",),
    ),
    Section("s6", "六、其他需要报告的事项"),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}
#: The section that holds each official table ("t2" -> s2 …), from `Section.table`.
SECTION_OF_TABLE = {s.table: s for s in SECTIONS if s.table}

#: Narrative sections whose text the draft file must always carry whole.
NARRATIVE_SECTIONS = ("s1", "s5", "s6")
#: The opening paragraph before 一、总体情况 (本报告根据……编制).
PREAMBLE_KEY = "preamble"
#: Sections whose numbers must agree with the tables (TXT-* rules).
TEXT_CHECKED_SECTIONS = ("s1", "s6")


def text_keys(section_key: str) -> tuple[str, ...]:
    """Every text key that makes up a section, in reading order."""
    section = SECTION_BY_KEY[section_key]
    if not section.subheadings:
        return (section.key,)
    return (section.intro_key, *(sub.key for sub in section.subheadings))


ALL_TEXT_KEYS: tuple[str, ...] = (PREAMBLE_KEY, *(k for s in SECTIONS for k in text_keys(s.key)))
#: Every conventional sub-heading by its text key ("s5.problems" → （一）存在的问题).
SUBHEADING_BY_KEY: dict[str, SubHeading] = {sub.key: sub for s in SECTIONS for sub in s.subheadings}


# ---------------------------------------------------------------------------------------------------------------
# Meta fields (基本信息) as findings name them: keys like cell keys, so that a finding can point at a field
# ---------------------------------------------------------------------------------------------------------------

META_AGENCY, META_YEAR, META_LEVEL, META_PUBLISH_DATE = "meta.agency", "meta.year", "meta.level", "meta.publish_date"
META_LABELS: dict[str, str] = {META_AGENCY: "机关名称", META_YEAR: "报告年度", META_LEVEL: "机关层级",
                               META_PUBLISH_DATE: "发布日期"}
#: The report years the app accepts as typed: old reports exist (2008 is the first year of the 条例); the 2019 format
#: covers 2019 and 2020, this one 2021 onward.
YEAR_MIN, YEAR_MAX = 2008, 2100


def report_title(agency: str, year: int | None) -> str:
    """`<机关名称><年份>年政府信息公开工作年度报告`."""
    year_text = f"{year}年" if year else ""
    return f"{agency}{year_text}政府信息公开工作年度报告"


# ---------------------------------------------------------------------------------------------------------------
# Agency levels and deadlines
# ---------------------------------------------------------------------------------------------------------------

# They live in models/format/levels.py (small, for the start page) and are part of the format: re-exported here.
from models.format.levels import FORMAT_NOTICE as FORMAT_NOTICE  # noqa: E402
from models.format.levels import LEVELS as LEVELS  # noqa: E402
from models.format.levels import LEVELS_DUE_END_OF_MARCH as LEVELS_DUE_END_OF_MARCH  # noqa: E402
from models.format.levels import LEVELS_THAT_MAKE_RULES as LEVELS_THAT_MAKE_RULES  # noqa: E402
from models.format.levels import default_deadline as default_deadline  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------------------------------------------

class CellKind(Enum):
    COUNT = "count"    # whole number >= 0, up to 9 digits
    AMOUNT = "amount"  # 万元, Decimal >= 0, up to 6 decimals


@dataclass(frozen=True)
class Axis:
    """A row or column of a table: its key, its verbatim label and a short name for messages."""

    key: str
    label: str
    short: str = ""
    group: str = ""  # key of the group (e.g. "withheld") for rows inside （三）–（六）
    aliases: tuple[str, ...] = ()  # labels of real reports (old or variant wording) an importer still recognises

    @property
    def name(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Cell:
    key: str
    table: str   # "t2" | "t3" | "t4"
    row: str
    column: str
    kind: CellKind
    label: str   # human-readable location, e.g. "表三·自然人·（一）予以公开"


TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_TITLES = {table: section.heading for table, section in SECTION_OF_TABLE.items()}

# ----- Table 二 -----------------------------------------------------------------------------------------------

T2_ITEM_LABEL = "信息内容"


@dataclass(frozen=True)
class T2Block:
    """One 第二十条第（N）项 block: a title row, a header row and its item rows."""

    title: str
    columns: tuple[Axis, ...]
    rows: tuple[Axis, ...]


T2_BLOCKS: tuple[T2Block, ...] = (
    T2Block(
        "第二十条第（一）项",
        (Axis("issued", "本年制发件数"), Axis("repealed", "本年废止件数"), Axis("in_force", "现行有效件数")),
        (Axis("rules", "规章"), Axis("normative", "行政规范性文件")),
    ),
    T2Block("第二十条第（五）项", (Axis("decisions", "本年处理决定数量"),), (Axis("licensing", "行政许可"),)),
    T2Block(
        "第二十条第（六）项",
        (Axis("decisions", "本年处理决定数量"),),
        (Axis("penalty", "行政处罚"), Axis("coercion", "行政强制")),
    ),
    T2Block("第二十条第（八）项", (Axis("amount", "本年收费金额（单位：万元）"),), (Axis("fees", "行政事业性收费"),)),
)
T2_GRID_COLUMNS = 4
AMOUNT_KEY = "t2.fees.amount"  # == t2("fees", "amount"), defined before the helper

# ----- Table 三 -----------------------------------------------------------------------------------------------

T3_CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"
T3_RESULTS_BAND = "三、本年度办理结果"

T3_COLUMNS: tuple[Axis, ...] = (
    Axis("natural", "自然人"),
    Axis("commercial", "商业企业", group="legal"),
    Axis("research", "科研机构", group="legal"),
    Axis("nonprofit", "社会公益组织", group="legal"),
    Axis("legal_service", "法律服务机构", group="legal"),
    Axis("other", "其他", group="legal"),
    Axis("total", "总计"),
)
T3_PART_COLUMNS = tuple(c.key for c in T3_COLUMNS if c.key != "total")
T3_LEGAL_COLUMNS = tuple(c.key for c in T3_COLUMNS if c.group == "legal")
T3_COLUMN_BY_KEY = {c.key: c for c in T3_COLUMNS}


@dataclass(frozen=True)
class T3Group:
    """（三）不予公开 … （六）其他处理: a label spanning its leaf rows."""

    key: str
    label: str


T3_GROUPS: tuple[T3Group, ...] = (
    T3Group("withheld", "（三）不予公开"),
    T3Group("unavailable", "（四）无法提供"),
    T3Group("declined", "（五）不予处理"),
    T3Group("other", "（六）其他处理"),
)
T3_GROUP_BY_KEY = {g.key: g for g in T3_GROUPS}


def _leaf(key: str, group: str, label: str) -> Axis:
    """A leaf row inside （三）–（六）; its key is declared literally, never derived from its position."""
    return Axis(key, label, short=f"{T3_GROUP_BY_KEY[group].label}{label}", group=group)


T3_ROWS: tuple[Axis, ...] = (
    Axis("new", "一、本年新收政府信息公开申请数量", short="本年新收"),
    Axis("carried_in", "二、上年结转政府信息公开申请数量", short="上年结转"),
    Axis("granted", "（一）予以公开", short="（一）予以公开"),
    Axis("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", short="（二）部分公开"),
    _leaf("withheld_1", "withheld", "1.属于国家秘密"),
    _leaf("withheld_2", "withheld", "2.其他法律行政法规禁止公开"),
    _leaf("withheld_3", "withheld", "3.危及“三安全一稳定”"),
    _leaf("withheld_4", "withheld", "4.保护第三方合法权益"),
    _leaf("withheld_5", "withheld", "5.属于三类内部事务信息"),
    _leaf("withheld_6", "withheld", "6.属于四类过程性信息"),
    _leaf("withheld_7", "withheld", "7.属于行政执法案卷"),
    _leaf("withheld_8", "withheld", "8.属于行政查询事项"),
    _leaf("unavailable_1", "unavailable", "1.本机关不掌握相关政府信息"),
    _leaf("unavailable_2", "unavailable", "2.没有现成信息需要另行制作"),
    _leaf("unavailable_3", "unavailable", "3.补正后申请内容仍不明确"),
    _leaf("declined_1", "declined", "1.信访举报投诉类申请"),
    _leaf("declined_2", "declined", "2.重复申请"),
    _leaf("declined_3", "declined", "3.要求提供公开出版物"),
    _leaf("declined_4", "declined", "4.无正当理由大量反复申请"),
    _leaf("declined_5", "declined", "5.要求行政机关确认或重新出具已获取信息"),
    _leaf("other_1", "other", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    _leaf("other_2", "other", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    _leaf("other_3", "other", "3.其他"),
    Axis("handled_total", "（七）总计", short="办理结果总计",
         aliases=("（七）合计", "（七）小计", "三、本年度办理结果总计")),
    Axis("carried_out", "四、结转下年度继续办理", short="结转下年度"),
)
T3_ROW_BY_KEY = {r.key: r for r in T3_ROWS}
#: The 21 leaf outcomes `granted` … `other_3` (the spec says 20 but lists 2 + 8 + 3 + 5 + 3 = 21 rows):
#: each application handled this year has exactly one.
T3_FRAME_ROWS = ("new", "carried_in", "handled_total", "carried_out")


def leaf_rows(rows: tuple[Axis, ...]) -> tuple[str, ...]:
    """The leaf outcomes among table 三's rows: every row but the four that frame them."""
    return tuple(r.key for r in rows if r.key not in T3_FRAME_ROWS)


T3_LEAF_ROWS: tuple[str, ...] = leaf_rows(T3_ROWS)
T3_HEADER_ROWS = 3
T3_LABEL_COLUMNS = 3

# ----- Table 四 -----------------------------------------------------------------------------------------------

T4_REVIEW = "行政复议"
T4_SUIT = "行政诉讼"
T4_BLOCKS: tuple[Axis, ...] = (
    Axis("review", T4_REVIEW, short="行政复议"),
    Axis("suit_direct", "未经复议直接起诉", short="行政诉讼·未经复议直接起诉"),
    Axis("suit_after_review", "复议后起诉", short="行政诉讼·复议后起诉"),
)
T4_BLOCK_BY_KEY = {b.key: b for b in T4_BLOCKS}
T4_COLUMNS: tuple[Axis, ...] = (
    Axis("upheld", "结果维持"),
    Axis("corrected", "结果纠正"),
    Axis("other", "其他结果"),
    Axis("pending", "尚未审结"),
    Axis("total", "总计"),
)
T4_PART_COLUMNS = tuple(c.key for c in T4_COLUMNS if c.key != "total")
T4_COLUMN_BY_KEY = {c.key: c for c in T4_COLUMNS}

# ----- All cells ----------------------------------------------------------------------------------------------


def t2(row: str, col: str) -> str:
    return f"t2.{row}.{col}"


def t3(row: str, col: str) -> str:
    return f"t3.{row}.{col}"


def t4(block: str, col: str) -> str:
    return f"t4.{block}.{col}"


def build_cells(t2_blocks: tuple[T2Block, ...] = T2_BLOCKS, t3_rows: tuple[Axis, ...] = T3_ROWS) -> tuple[Cell, ...]:
    """Every cell of a format built from these table parts, in table order."""
    cells: list[Cell] = []
    for block in t2_blocks:
        for row in block.rows:
            for col in block.columns:
                kind = CellKind.AMOUNT if col.key == "amount" else CellKind.COUNT
                label = f"表二·{row.label}" + (f"·{col.label}" if len(block.columns) > 1 else "")
                cells.append(Cell(t2(row.key, col.key), "t2", row.key, col.key, kind, label))
    for row in t3_rows:
        for col in T3_COLUMNS:
            cells.append(Cell(f"t3.{row.key}.{col.key}", "t3", row.key, col.key, CellKind.COUNT,
                              f"表三·{row.name}·{col.label}"))
    for block in T4_BLOCKS:
        for col in T4_COLUMNS:
            cells.append(Cell(f"t4.{block.key}.{col.key}", "t4", block.key, col.key, CellKind.COUNT,
                              f"表四·{block.name}·{col.label}"))
    return tuple(cells)


CELLS: tuple[Cell, ...] = build_cells()
CELL_BY_KEY: dict[str, Cell] = {c.key: c for c in CELLS}
ALL_CELL_KEYS: tuple[str, ...] = tuple(c.key for c in CELLS)
COUNT_KEYS: tuple[str, ...] = tuple(c.key for c in CELLS if c.kind is CellKind.COUNT)
#: Position of each key in table order, for sorting findings.
CELL_ORDER: dict[str, int] = {k: i for i, k in enumerate(ALL_CELL_KEYS)}


def cell_label(key: str) -> str:
    cell = CELL_BY_KEY.get(key)
    if cell:
        return cell.label
    if key in META_LABELS:
        return f"基本信息·{META_LABELS[key]}"
    return key


# ---------------------------------------------------------------------------------------------------------------
# Sums: the cells that are, by the format, the sum of others (auto-sum and rules T3-B, T3-C, T4-*)
# ---------------------------------------------------------------------------------------------------------------

def sum_definitions(t3_rows: tuple[Axis, ...] = T3_ROWS) -> dict[str, tuple[str, ...]]:
    """Every total cell and the cells it adds up. Row totals first, then （七）总计, then 表四 总计.

    （七）总计·总计 is both its row's total and its column's; it is defined here as the sum of the leaves' 总计 column,
    which equals the row's sum whenever T3-B holds for every leaf row.
    """
    sums: dict[str, tuple[str, ...]] = {}
    for row in t3_rows:
        sums[t3(row.key, "total")] = tuple(t3(row.key, c) for c in T3_PART_COLUMNS)
    for col in T3_COLUMNS:
        # The （七）总计 row: each column is the sum of its 21 leaf rows (for `total` the 总计 column of the leaves).
        sums[t3("handled_total", col.key)] = tuple(t3(r, col.key) for r in leaf_rows(t3_rows))
    for block in T4_BLOCKS:
        sums[t4(block.key, "total")] = tuple(t4(block.key, c) for c in T4_PART_COLUMNS)
    return sums


SUM_DEFINITIONS: dict[str, tuple[str, ...]] = sum_definitions()


# ---------------------------------------------------------------------------------------------------------------
# Grid layout: where each label and input sits in the official table, with its merges
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GridCell:
    """One cell of the official table's grid. Either a label (`text`) or an input (`key`)."""

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    key: str = ""
    header: bool = False  # part of the column headings (as opposed to a row label)

    @property
    def is_input(self) -> bool:
        return bool(self.key)


@dataclass(frozen=True)
class Grid:
    table: str
    rows: int
    columns: int
    cells: tuple[GridCell, ...]
    header_rows: int      # rows at the top that are column headings
    label_columns: int    # columns at the left that are row labels

    def at(self, row: int, col: int) -> GridCell | None:
        """The grid cell whose top-left corner is (row, col), if any."""
        return self._corners.get((row, col))

    def covering(self, row: int, col: int) -> GridCell | None:
        """The grid cell that covers (row, col), merged or not."""
        return self.coverage.get((row, col))

    def position(self, key: str) -> tuple[int, int]:
        """(row, column) of the input cell `key`; KeyError when the table has no such cell."""
        return self.positions[key]

    @cached_property
    def coverage(self) -> dict[tuple[int, int], GridCell]:
        """Every (row, column) of the grid and the cell covering it, merged or not (computed once)."""
        index: dict[tuple[int, int], GridCell] = {}
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    index[(r, c)] = cell
        return index

    @cached_property
    def positions(self) -> dict[str, tuple[int, int]]:
        """Each input key's (row, column)."""
        return {c.key: (c.row, c.col) for c in self.cells if c.key}

    @cached_property
    def _corners(self) -> dict[tuple[int, int], GridCell]:
        return {(c.row, c.col): c for c in self.cells}


def _t2_grid(t2_blocks: tuple[T2Block, ...]) -> Grid:
    cells: list[GridCell] = []
    r = 0
    for block in t2_blocks:
        cells.append(GridCell(r, 0, colspan=T2_GRID_COLUMNS, text=block.title, header=True))
        r += 1
        cells.append(GridCell(r, 0, text=T2_ITEM_LABEL, header=True))
        span = (T2_GRID_COLUMNS - 1) // len(block.columns)
        # The last column takes what is left over (a block of two columns: 1 + 2).
        spans = [span] * (len(block.columns) - 1) + [T2_GRID_COLUMNS - 1 - span * (len(block.columns) - 1)]
        for i, col in enumerate(block.columns):
            cells.append(GridCell(r, 1 + i * span, colspan=spans[i], text=col.label, header=True))
        r += 1
        for row in block.rows:
            cells.append(GridCell(r, 0, text=row.label))
            for i, col in enumerate(block.columns):
                cells.append(GridCell(r, 1 + i * span, colspan=spans[i], key=t2(row.key, col.key)))
            r += 1
    return Grid("t2", r, T2_GRID_COLUMNS, tuple(cells), header_rows=0, label_columns=1)


def _t3_grid(t3_rows: tuple[Axis, ...]) -> Grid:
    lc = T3_LABEL_COLUMNS
    cells: list[GridCell] = [
        GridCell(0, 0, rowspan=3, colspan=lc, text=T3_CORNER_NOTE, header=True),
        GridCell(0, lc, colspan=len(T3_COLUMNS), text=T3_APPLICANTS, header=True),
        GridCell(1, lc, rowspan=2, text=T3_COLUMNS[0].label, header=True),
        GridCell(1, lc + 1, colspan=len(T3_LEGAL_COLUMNS), text=T3_LEGAL_PERSONS, header=True),
        GridCell(1, lc + len(T3_COLUMNS) - 1, rowspan=2, text=T3_COLUMNS[-1].label, header=True),
    ]
    for i, col in enumerate(T3_COLUMNS[1:-1], start=1):
        cells.append(GridCell(2, lc + i, text=col.label, header=True))
    first = T3_HEADER_ROWS
    results = [r for r in t3_rows if r.key not in ("new", "carried_in", "carried_out")]
    seen_groups: set[str] = set()
    for i, row in enumerate(t3_rows):
        r = first + i
        if row.key in ("new", "carried_in", "carried_out"):
            cells.append(GridCell(r, 0, colspan=lc, text=row.label))
        else:
            if row.key == results[0].key:
                cells.append(GridCell(r, 0, rowspan=len(results), text=T3_RESULTS_BAND))
            if row.group:
                if row.group not in seen_groups:
                    seen_groups.add(row.group)
                    size = sum(1 for x in t3_rows if x.group == row.group)
                    cells.append(GridCell(r, 1, rowspan=size, text=T3_GROUP_BY_KEY[row.group].label))
                cells.append(GridCell(r, 2, text=row.label))
            else:
                cells.append(GridCell(r, 1, colspan=2, text=row.label))
        for j, col in enumerate(T3_COLUMNS):
            cells.append(GridCell(r, lc + j, key=t3(row.key, col.key)))
    return Grid("t3", first + len(t3_rows), lc + len(T3_COLUMNS), tuple(cells),
                header_rows=T3_HEADER_ROWS, label_columns=lc)


def _t4_grid() -> Grid:
    n = len(T4_COLUMNS)
    _, direct, after = T4_BLOCKS
    cells: list[GridCell] = [
        GridCell(0, 0, colspan=n, text=T4_REVIEW, header=True),
        GridCell(0, n, colspan=2 * n, text=T4_SUIT, header=True),
        GridCell(1, n, colspan=n, text=direct.label, header=True),
        GridCell(1, 2 * n, colspan=n, text=after.label, header=True),
    ]
    for j, col in enumerate(T4_COLUMNS):
        cells.append(GridCell(1, j, rowspan=2, text=col.label, header=True))
        cells.append(GridCell(2, n + j, text=col.label, header=True))
        cells.append(GridCell(2, 2 * n + j, text=col.label, header=True))
    for b, block in enumerate(T4_BLOCKS):
        for j, col in enumerate(T4_COLUMNS):
            cells.append(GridCell(3, b * n + j, key=t4(block.key, col.key)))
    return Grid("t4", 4, 3 * n, tuple(cells), header_rows=3, label_columns=0)


def build_grids(t2_blocks: tuple[T2Block, ...] = T2_BLOCKS, t3_rows: tuple[Axis, ...] = T3_ROWS) -> dict[str, Grid]:
    """The three official tables' grids of a format built from these table parts."""
    return {"t2": _t2_grid(t2_blocks), "t3": _t3_grid(t3_rows), "t4": _t4_grid()}


GRIDS: dict[str, Grid] = build_grids()
