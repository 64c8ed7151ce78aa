"""Table 四 of a Word report, possibly typed as several Word tables: 行政复议 | 行政诉讼, or 行政诉讼 cut again into
its two 起诉 blocks, in either order, each part with or without its own headings.

Each part is read by its labels: the block of each grid column from the block headings (行政复议, 未经复议直接起诉,
复议后起诉; 行政诉讼 spread over its two blocks), its result from the column headings. A part naming one block holds
that block's five numbers; one naming only 行政诉讼 holds ten, the two 起诉 blocks in the format's order. A part with no
block heading at all is placed by position in `finish`, and only where that is unambiguous; otherwise a notice says
its numbers were not imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from importers.docx_labels import CJK, norm
from importers.docx_reader import Box, WordTable
from importers.docx_tables import (
    SUIT,
    T4_BLOCKS,
    T4_COLUMNS,
    Found,
    assign,
    has_number,
    header_columns,
    is_blank,
    is_label,
    where,
)
from models.format import format2021 as fmt

BLOCK_KEYS = tuple(b.key for b in fmt.T4_BLOCKS)
COLUMN_KEYS = tuple(c.key for c in fmt.T4_COLUMNS)
SUIT_BLOCKS = BLOCK_KEYS[1:]  # 未经复议直接起诉, 复议后起诉: the two blocks of 行政诉讼, in this order
N = len(COLUMN_KEYS)
#: The orders in which blocks without a heading can only be meant: one block, the two 起诉 blocks, all three.
UNAMBIGUOUS = {(b,) for b in BLOCK_KEYS} | {SUIT_BLOCKS, BLOCK_KEYS}
_COLUMN_ORDER = "、".join(c.label for c in fmt.T4_COLUMNS)
_ALL_BY_ORDER = ("表四的列标题无法识别，已按“行政复议、未经复议直接起诉、复议后起诉”各“结果维持、结果纠正、其他结果、"
                 "尚未审结、总计”的顺序读取数字，请核对。")
_HEADING_MAX = 20  # a longer cell is a note, not a block heading


def block_of(text: str) -> str | None:
    """The block (or SUIT) a heading names; `行政诉讼（复议后起诉）` names the sub-block."""
    if not CJK.search(text):
        return None
    normed = norm(text)
    if len(normed) <= _HEADING_MAX:
        for block in fmt.T4_BLOCKS[1:]:
            if norm(block.label) in normed:
                return block.key
    return T4_BLOCKS.match(text)


def names(blocks: list[str] | tuple[str, ...]) -> str:
    return "".join(f"“{fmt.T4_BLOCK_BY_KEY[b].label}”" for b in blocks)


def numbers(tables: list[WordTable]) -> str:
    return "、".join(str(t.number) for t in tables)


class DataRow(NamedTuple):
    """A table row holding numbers; `label` is the block its own label names (then its numbers follow `at`)."""

    r: int
    boxes: list[Box]
    label: str | None = None
    at: int = -1


@dataclass
class Part:
    """One Word table of table 四: the headings over its grid columns and its rows of numbers."""

    table: WordTable
    blocks: dict[int, str] = field(default_factory=dict)   # grid column → block key or SUIT
    columns: dict[int, str] = field(default_factory=dict)  # grid column → column key
    named: list[str] = field(default_factory=list)         # the blocks its headings name, in reading order
    data: list[DataRow] = field(default_factory=list)

    def column_over(self, box: Box) -> str | None:
        return next((self.columns[c] for c in range(box.col, box.col + box.span) if c in self.columns), None)

    def block_over(self, box: Box) -> str | None:
        return next((self.blocks[c] for c in range(box.col, box.col + box.span) if c in self.blocks), None)


def scan(table: WordTable) -> Part:
    """The headings and rows of numbers of one Word table. A heading wrapped onto two table rows (`结果` over
    `维持`) is read joined; a row of numbers may carry its block's label before them (`行政复议 | 3 | 1 …`)."""
    part = Part(table)
    previous: list[Box] | None = None  # the row before, when it held no numbers
    for r, row in enumerate(table.rows, start=1):
        if has_number(row):
            labels = [(i, key) for i, b in enumerate(row)
                      if not b.continued and is_label(b.text) and (key := block_of(b.text)) is not None]
            if labels:
                at, label = labels[-1]
                part.data.append(DataRow(r, row, label, at))
                if label not in part.named:
                    part.named.append(label)
            else:
                part.data.append(DataRow(r, row))
            previous = None
            continue
        blocks, columns = _headings(row)
        if previous is not None:
            joined = [Box(b.col, b.span, _joined(_text_at(previous, b.col), b.text), b.continued) for b in row]
            more_blocks, more_columns = _headings(joined)
            before_blocks, before_columns = _headings(previous)
            if len(set(more_blocks.values())) > max(len(set(blocks.values())), len(set(before_blocks.values()))):
                blocks = more_blocks
            if len(set(more_columns.values())) > max(len(set(columns.values())), len(set(before_columns.values()))):
                columns = more_columns
        for c, key in sorted(blocks.items()):
            if key != SUIT or c not in part.blocks:
                part.blocks[c] = key
            if key not in part.named:
                part.named.append(key)
        part.columns.update(columns)
        previous = row
    return part


def _headings(row: list[Box]) -> tuple[dict[int, str], dict[int, str]]:
    found: dict[int, str] = {}
    current: str | None = None
    for box in row:  # header_columns(row, T4_BLOCKS, spread=True), with `block_of` for the sub-blocks
        key = block_of(box.text)
        if key is None and current is not None and not box.text.strip():
            key = current
        current = key
        if key is not None:
            found.update(dict.fromkeys(range(box.col, box.col + box.span), key))
    return found, header_columns(row, T4_COLUMNS)


def _text_at(row: list[Box], col: int) -> str:
    return next((b.text for b in row if b.col == col and not b.continued), "")


def _joined(above: str, text: str) -> str:
    """The two halves of a heading wrapped onto two table rows, when neither is a heading alone."""
    if not above.strip() or not text.strip() or _is_heading(above) or _is_heading(text):
        return text
    return above + text


def _is_heading(text: str) -> bool:
    return block_of(text) is not None or T4_COLUMNS.match(text) is not None


@dataclass
class Waiting:
    """The numbers of a part without block headings, kept for `finish`."""

    part: Part
    r: int
    boxes: list[Box]
    after_headings: bool  # a part with block headings came before it


@dataclass
class T4Reader:
    found: Found
    tables: list[WordTable] = field(default_factory=list)  # every Word table read as table 四
    used: set[int] = field(default_factory=set)             # the numbers of those whose headings or numbers were used
    seen: set[str] = field(default_factory=set)             # blocks imported
    refused: set[str] = field(default_factory=set)          # blocks found but not imported (a notice said why)
    by_order: list[str] = field(default_factory=list)       # blocks read in the official column order
    headed: bool = False                                    # a part with block headings has been read
    had_numbers: bool = False
    heads: Part | None = None                               # a part of headings only, for the numbers after it
    waiting: list[Waiting] = field(default_factory=list)

    def read(self, table: WordTable) -> None:
        """One Word table holding (part of) table 四."""
        self.tables.append(table)
        part = scan(table)
        if not part.data and not part.named and not part.columns:
            return  # neither headings nor numbers
        heads = self.heads
        if not part.named and heads is not None and heads.table.width == table.width and part.data:
            # The numbers of a table cut at a page break under its headings (its column headings perhaps repeated).
            part = Part(table, heads.blocks, part.columns or heads.columns, heads.named, part.data)
            self.used.add(heads.table.number)
        self.heads = None if part.data else part
        self.had_numbers = self.had_numbers or bool(part.data)
        # Rows that name their block themselves (行政复议 | 3 | 1 …), where no block heading stands over their numbers.
        labelled = [(row, row.label) for row in part.data if row.label is not None
                    and not any(part.block_over(b) for b in row.boxes[row.at + 1:])]
        rest: list[DataRow] = []
        if labelled:
            for row, label in labelled:
                self._place(part, {label: [b for b in row.boxes[row.at + 1:] if not b.continued]}, row.r)
            rest = [row for row in part.data if all(row is not done for done, _ in labelled)]
        elif part.data:
            first, *rest = part.data
            self._read_row(part, first.r, [b for b in first.boxes if not b.continued])
        for row in rest:
            self.found.note(f"表四{where(table, row.r)}是另一行数字，表四只有一行数据，这一行未导入。")
        self.headed = self.headed or bool(part.named)

    def _read_row(self, part: Part, r: int, boxes: list[Box]) -> None:
        """The numbers of a row, each under the block its grid column's heading names."""
        if not part.named:
            self.waiting.append(Waiting(part, r, boxes, self.headed))
            return
        groups: dict[str, list[Box]] = {}
        outside: list[Box] = []
        for box in boxes:
            block = part.block_over(box)
            if block is not None:
                groups.setdefault(block, []).append(box)
            elif groups or not is_label(box.text):
                outside.append(box)  # (a row label such as 件数 before the numbers is no number)
        if not groups:  # the block heading stands beside the numbers, not over them
            if len(part.named) != 1:
                self.found.note(f"表四（第{part.table.number}个表格）的数字无法对应到{names(BLOCK_KEYS)}，"
                                "未导入，请手工填写。")
                return
            block = part.named[0]
            groups, outside = {block: _trim(outside, 2 * N if block == SUIT else N)}, []
        self._place(part, groups, r)
        left = [b.text for b in outside if not is_blank(b.text)]
        if left:
            self.found.note(f"表四{where(part.table, r)}多出的内容未导入：{'、'.join(left)}。")

    def _place(self, part: Part, groups: dict[str, list[Box]], r: int) -> None:
        """Each block's boxes into its five cells; 行政诉讼's ten into its two blocks, in the format's order."""
        if SUIT in groups:
            boxes = groups.pop(SUIT)
            if len(boxes) == 2 * N and not set(SUIT_BLOCKS) & groups.keys():
                groups.update({SUIT_BLOCKS[0]: boxes[:N], SUIT_BLOCKS[1]: boxes[N:]})
            else:
                self.found.note(f"表四（第{part.table.number}个表格）“{fmt.T4_SUIT}”下有{len(boxes)}个数字单元格"
                                f"（应为{2 * N}个，{names(SUIT_BLOCKS)}各{N}个），未导入，请手工填写。")
                self.refused.update(SUIT_BLOCKS)
        for block, boxes in groups.items():
            if self._put(block, boxes, part, r):
                self.by_order.append(block)

    def _put(self, block: str, boxes: list[Box], part: Part, r: int) -> bool:
        """One block's five cells: by the column headings when they name all five, else in the official order
        (then True). A block with another number of cells is not imported."""
        if set(COLUMN_KEYS) <= {part.column_over(b) for b in boxes}:
            texts, left = assign(boxes, COLUMN_KEYS, part.columns)
            in_order = False
        elif len(boxes := _trim(boxes, N)) == N:
            texts, left = assign(boxes, COLUMN_KEYS, {})
            in_order = True
        else:
            self.found.note(f"表四{names([block])}下有{len(boxes)}个数字单元格（应为{N}个），这部分未导入，请手工填写。")
            self.refused.add(block)
            return False
        for col, text in texts.items():
            self.found.put(fmt.t4(block, col), text)
        self.seen.add(block)
        self.used.add(part.table.number)
        if left:
            self.found.note(f"表四{where(part.table, r)}多出的内容未导入：{'、'.join(left)}。")
        return in_order

    def finish(self) -> None:
        """Place the numbers without block headings, then say what was merged, read in order or not found."""
        found = self.found
        if not self.had_numbers:
            found.note(f"表四（第{numbers(self.tables)}个表格）中没有数字，表四留空。")
            return
        self._place_waiting()
        if len(self.used) > 1:
            found.note(f"表四分为{len(self.used)}个表格，已合并导入。")
        if set(self.by_order) == set(BLOCK_KEYS):
            found.note(_ALL_BY_ORDER)
        elif self.by_order:
            found.note(f"表四{names(self.by_order)}的列标题无法识别，已按“{_COLUMN_ORDER}”的顺序读取数字，请核对。")
        missing = [b for b in BLOCK_KEYS if b not in self.seen and b not in self.refused]
        if self.seen and missing:
            found.note(f"表四中没有找到{names(missing)}，相应单元格留空，请手工填写。")

    def _place_waiting(self) -> None:
        """Numbers without block headings: the whole table in the official order when no part had headings;
        after a part that had them, the blocks still missing, when only one order is possible."""
        total = len(BLOCK_KEYS) * N
        if not self.headed:
            parts = [(w, _whole_blocks(w.boxes)) for w in self.waiting]
            count = sum(len(boxes) for _, boxes in parts)
            if count == total:
                self._by_position(parts, BLOCK_KEYS)
                self.by_order = list(BLOCK_KEYS)
            elif len(parts) == 1:
                self.found.note(f"表四的列标题无法识别，且数字行有{count}格（应为{total}格），表四未导入，请手工填写。")
            elif parts:
                self.found.note(f"表四的列标题无法识别，且{len(parts)}个表格的数字共{count}格（应为{total}格），"
                                "表四未导入，请手工填写。")
            return
        unplaced = [w.part.table for w in self.waiting if not w.after_headings]
        after = [w for w in self.waiting if w.after_headings]
        candidates = tuple(b for b in BLOCK_KEYS if b not in self.seen and b not in self.refused)
        parts = [(w, _whole_blocks(w.boxes)) for w in after]
        if after and candidates in UNAMBIGUOUS and sum(len(b) for _, b in parts) == len(candidates) * N:
            self._by_position(parts, candidates)
            self.found.note(f"表四（第{numbers([w.part.table for w in after])}个表格）没有可识别的标题，"
                            f"已按位置读作{names(candidates)}（按“{_COLUMN_ORDER}”的顺序），请核对。")
        else:
            unplaced += [w.part.table for w in after]
        if unplaced:
            self.found.note(f"表四（第{numbers(unplaced)}个表格）没有可识别的标题，无法确定其中的数字属于"
                            f"{names(BLOCK_KEYS)}中的哪一部分，未导入，请手工填写。")

    def _by_position(self, parts: list[tuple[Waiting, list[Box]]], blocks: tuple[str, ...]) -> None:
        """The boxes of `parts` in order, five to each of `blocks`; each five by their column headings if any."""
        boxes = [(w, box) for w, chunk in parts for box in chunk]
        for i, block in enumerate(blocks):
            chunk = boxes[i * N:(i + 1) * N]
            first = chunk[0][0]
            part = first.part if all(w is first for w, _ in chunk) else Part(first.part.table)
            self._put(block, [box for _, box in chunk], part, first.r)
            self.used.update(w.part.table.number for w, _ in chunk)


def _trim(boxes: list[Box], size: int) -> list[Box]:
    """Without the row label (件数) or blank cells before the numbers, while there are more than `size` boxes."""
    while len(boxes) > size and (is_blank(boxes[0].text) or is_label(boxes[0].text)):
        boxes = boxes[1:]
    return boxes


def _whole_blocks(boxes: list[Box]) -> list[Box]:
    """Without the row label (件数) or blank cells before the numbers, while they are not whole blocks of five."""
    while len(boxes) % N and (is_blank(boxes[0].text) or is_label(boxes[0].text)):
        boxes = boxes[1:]
    return boxes
