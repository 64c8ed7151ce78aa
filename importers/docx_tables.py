"""What the tables of a Word report hold: which official table each one is, and the raw text of each cell.

Rows and columns are found by their labels (from models.format.format2021), never by position, so extra blank rows, a
repeated header, a table split over two Word tables and wrapped labels land in the right cell. Only where a table has
no recognisable column headings are the numbers read in the official column order, and the notices say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from importers.docx_labels import CJK, LabelIndex, norm
from importers.docx_reader import Box, WordTable
from models.format import format2019
from models.format import format2021 as fmt
from models.format.formats import label_of
from models.values import ValueRefused, parse_count

# ----- the labels of each table, from the format module ---------------------------------------------------------

# Each row's official label and the labels real reports write besides it (its aliases: （七）合计 for （七）总计 …).
T3_ROWS = LabelIndex((label, r.key) for r in fmt.T3_ROWS for label in (r.label, *r.aliases))
T3_GROUPS = LabelIndex(((g.label, g.key) for g in fmt.T3_GROUPS), fuzzy=False)
T3_BAND = LabelIndex([(fmt.T3_RESULTS_BAND, "band")], fuzzy=False)
T3_COLUMNS = LabelIndex(((c.label, c.key) for c in fmt.T3_COLUMNS), fuzzy=False)
T2_2019_MARKERS = tuple(norm(m) for m in format2019.T2_MARKERS)


@dataclass(frozen=True)
class T2Labels:
    """The labels of one format's table 二: item rows (with their block), column headings, heading-only words."""

    rows: LabelIndex[tuple[fmt.T2Block, str]]
    columns: LabelIndex[str]
    header_words: frozenset[str]

    @classmethod
    def of(cls, blocks: tuple[fmt.T2Block, ...]) -> T2Labels:
        return cls(LabelIndex((row.label, (block, row.key)) for block in blocks for row in block.rows),
                   LabelIndex((col.label, col.key) for block in blocks for col in block.columns),
                   frozenset({norm(fmt.T2_ITEM_LABEL), *(norm(b.title) for b in blocks)}))


T2_LABELS = T2Labels.of(fmt.T2_BLOCKS)
T2_LABELS_2019 = T2Labels.of(format2019.T2_BLOCKS)
T2_ROWS = T2_LABELS.rows
T2_HEADER_WORDS = T2_LABELS.header_words
SUIT = "suit"
T4_BLOCKS = LabelIndex([*((b.label, b.key) for b in fmt.T4_BLOCKS), (fmt.T4_SUIT, SUIT)])
T4_COLUMNS = LabelIndex(((c.label, c.key) for c in fmt.T4_COLUMNS), fuzzy=False)

@dataclass
class Found:
    """The raw text found for each cell key, and what reading the tables noticed."""

    raw: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    format2019: bool = False  # table 二 is of the 2019 format (its own markers): the report is
    #: The texts of a single （六）其他处理 row by column (2019 layout, also printed by some 2021 reports), if any.
    single_other: dict[str, str] | None = None
    tables: set[str] = field(default_factory=set)  # "t2", "t3", "t4": the official tables seen

    def put(self, key: str, text: str) -> None:
        """Keep the first text of a cell; a later one replaces it only when the first was blank."""
        old = self.raw.get(key)
        if old is None or (is_blank(old) and not is_blank(text)):
            self.raw[key] = text
        elif not is_blank(text) and norm(text) != norm(old):
            self.note(f"{label_of(key)}出现了两次（“{old.strip()}”和“{text.strip()}”），"
                      f"已采用第一次的“{old.strip()}”，请核对。")

    def note(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)


def is_blank(text: str) -> bool:
    """Empty, spaces, — or / (a number or anything unreadable is not blank)."""
    try:
        return parse_count(text).value is None
    except ValueRefused:
        return False


def is_label(text: str) -> bool:
    """Text that is neither blank nor a number (a number with a unit such as 124件 is a number)."""
    try:
        parse_count(text)
    except ValueRefused:
        return True
    return False


def has_number(boxes: Iterable[Box]) -> bool:
    """Whether any of the boxes holds a number (with or without a unit)."""
    for box in boxes:
        try:
            if parse_count(box.text).value is not None:
                return True
        except ValueRefused:
            continue
    return False


def where(table: WordTable, row: int) -> str:
    return f"第{table.number}个表格第{row}行"


# ----- which table is which --------------------------------------------------------------------------------------

def classify(table: WordTable) -> str | None:
    """"t2", "t3" or "t4" when the labels in the table say so clearly, else None."""
    t3_rows: set[str] = set()
    t3_cols: set[str] = set()
    t2_rows: set[str] = set()
    t4_labels: set[str] = set()
    texts = {box.text for row in table.rows for box in row if box.text and not box.continued}
    everything = "\n".join(norm(text) for text in texts)
    t2_rows.update(marker for marker in T2_2019_MARKERS if marker in everything)
    for text in texts:
        if not CJK.search(text):
            continue  # a number or a blank mark: no label
        if (key := T3_ROWS.match(text)) is not None:
            t3_rows.add(key)
        if (key := T3_COLUMNS.match(text)) is not None:
            t3_cols.add(key)
        if (item := T2_ROWS.match(text)) is not None:
            t2_rows.add(item[1])
        if norm(text) in T2_HEADER_WORDS:
            t2_rows.add(norm(text))
        t4_labels.update(t4_labels_of(text))
    for text in wrapped_headings(table):  # table 四's short headings are often cut: 结果 over 维持
        t4_labels.update(t4_labels_of(text))
    scores = {"t3": len(t3_rows) + len(t3_cols) - 2 * (len(t3_rows) < 2), "t2": len(t2_rows),
              "t4": len(t4_labels)}
    kind, score = max(scores.items(), key=lambda item: item[1])
    return kind if score >= 2 else None


def t4_labels_of(text: str) -> set[str]:
    """The block and column headings of table 四 that `text` is, told apart."""
    return {f"{index is T4_BLOCKS}{key}" for index in (T4_BLOCKS, T4_COLUMNS) if (key := index.match(text)) is not None}


WRAP_ROWS = 6  # headings stand in the first rows of a table


def wrapped_headings(table: WordTable) -> set[str]:
    """The texts of the cells of the first rows joined to the cell below: a heading cut over two table rows."""
    joined: set[str] = set()
    for above, below in zip(table.rows[:WRAP_ROWS], table.rows[1:WRAP_ROWS + 1], strict=False):
        texts = {box.col: box.text for box in above if not box.continued and CJK.search(box.text)}
        joined.update(texts[box.col] + box.text for box in below
                      if box.col in texts and not box.continued and CJK.search(box.text))
    return joined


# ----- numbers of a row, by column ------------------------------------------------------------------------------

def assign(values: list[Box], columns: tuple[str, ...], colmap: dict[int, str]) -> tuple[dict[str, str], list[str]]:
    """The text under each of `columns`, and the non-blank texts that are under none.

    By the column headings (`colmap`: grid column → column key) when they name every one of `columns`, else in order.
    """
    texts: dict[str, str] = {}
    left: list[str] = []
    if colmap and set(columns) <= set(colmap.values()):
        for box in values:
            key = next((colmap[c] for c in range(box.col, box.col + box.span) if colmap.get(c) in columns), None)
            if key is not None and (key not in texts or is_blank(texts[key])):
                texts[key] = box.text
            elif not is_blank(box.text):
                left.append(box.text)
        return texts, left
    if len(columns) == 1:
        filled = [b for b in values if not is_blank(b.text)]
        chosen = filled[0] if filled else (values[0] if values else None)
        if chosen is not None:
            texts[columns[0]] = chosen.text
        return texts, [b.text for b in filled[1:]]
    while len(values) > len(columns) and is_blank(values[0].text):
        values = values[1:]  # the blank cells a label would span if it were merged
    for key, box in zip(columns, values, strict=False):
        texts[key] = box.text
    left = [b.text for b in values[len(columns):] if not is_blank(b.text)]
    return texts, left


def header_columns(row: list[Box], index: LabelIndex[str], *, spread: bool = False) -> dict[int, str]:
    """Grid column → column key for the boxes of `row` that are column headings.

    With `spread`, a heading also covers the empty boxes to its right, as if merged over them (a heading over
    several columns in a table made without merging cells).
    """
    found: dict[int, str] = {}
    current: str | None = None
    for box in row:
        key = index.match(box.text)
        if key is None and spread and current is not None and not box.text.strip():
            key = current
        current = key
        if key is not None:
            for c in range(box.col, box.col + box.span):
                found[c] = key
    return found


# ----- table 二 -------------------------------------------------------------------------------------------------

def read_t2(table: WordTable, found: Found) -> None:
    """Table 二: item rows found by their label, each block's columns by the heading row above them. A table with
    any of the 2019 format's own labels (in this part or an earlier one) is read by the 2019 format's labels."""
    if any(marker in norm(box.text) for row in table.rows for box in row for marker in T2_2019_MARKERS):
        found.format2019 = True
    labels = T2_LABELS_2019 if found.format2019 else T2_LABELS
    colmap: dict[int, str] = {}
    for r, row in enumerate(table.rows, start=1):
        heading = header_columns(row, labels.columns)
        if heading or any(norm(b.text) in labels.header_words for b in row):
            colmap = heading or colmap
            continue
        position = next(((i, item) for i, b in enumerate(row) if (item := labels.rows.match(b.text)) is not None),
                        None)
        if position is None:
            if has_number(row):
                found.note(f"表二{where(table, r)}（“{_row_text(row)}”）不是表二的项目，其中的数字未导入。")
            continue
        i, (block, item) = position
        texts, left = assign(row[i + 1:], tuple(c.key for c in block.columns), colmap)
        for col, text in texts.items():
            found.put(fmt.t2(item, col), text)
        if left:
            found.note(f"表二“{row[i].text.strip()}”一行多出的内容未导入：{'、'.join(left)}。")


def _row_text(row: list[Box], limit: int = 30) -> str:
    text = " ".join(b.text.strip() for b in row if b.text.strip() and not b.continued)
    return text if len(text) <= limit else text[:limit] + "…"
