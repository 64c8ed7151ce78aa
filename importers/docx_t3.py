"""Table 三 of a Word report, possibly over several Word tables: rows by their labels, columns by their headings.

A row is named by its rightmost label cell (the leaf `1.属于国家秘密`, not the merged `（三）不予公开` or
`三、本年度办理结果` to its left). A row that names only a group is a single （六）其他处理 row (the 2019
format's, or a 2021 report's printed unsplit: kept as `Found.single_other` for the importer to place), or a subtotal row
some templates add; `finish` tells the two apart once every part has been read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from importers.docx_labels import CJK, norm
from importers.docx_reader import Box, WordTable
from importers.docx_tables import (
    T3_BAND,
    T3_COLUMNS,
    T3_GROUPS,
    T3_ROWS,
    Found,
    assign,
    has_number,
    header_columns,
    is_blank,
    is_label,
    where,
)
from models.format import format2019
from models.format import format2021 as fmt

COLUMN_KEYS = tuple(c.key for c in fmt.T3_COLUMNS)
_PREFIXES = tuple(norm(label) for label in (fmt.T3_RESULTS_BAND, *(g.label for g in fmt.T3_GROUPS)))
_OTHER_LEAVES = frozenset(r.key for r in fmt.T3_ROWS if r.group == format2019.T3_OTHER_GROUP)


def meaning(text: str) -> tuple[str, str] | None:
    """("row", row key), ("group", group key) or ("band", "") for a label of table 三, else None."""
    if not text:
        return None
    if (group := T3_GROUPS.match(text)) is not None:
        return ("group", group)
    if T3_BAND.match(text) is not None:
        return ("band", "")
    if (row := T3_ROWS.match(text)) is not None:
        return ("row", row)
    normed = norm(text)
    for prefix in _PREFIXES:  # a group label run together with its row's: （三）不予公开1.属于国家秘密
        rest = normed[len(prefix):] if normed.startswith(prefix) else ""
        if rest and (row := T3_ROWS.match(rest)) is not None:
            return ("row", row)
    return None


@dataclass
class T3Reader:
    found: Found
    colmap: dict[int, str] = field(default_factory=dict)  # grid column → column key, from the headings
    width: int = -1
    header_seen: bool = False
    rows_seen: set[str] = field(default_factory=set)
    group_rows: dict[str, list[tuple[str, dict[str, str]]]] = field(default_factory=dict)
    other_heads: dict[int, str] = field(default_factory=dict)  # grid column → a heading that is no official column
    skipped_columns: set[str] = field(default_factory=set)  # headings of added columns whose numbers were skipped
    # A row whose label was found but whose numbers were all blank: its numbers may be on the next, unlabelled row
    # (a label wrapped onto a second table row, as converters from PDF write it).
    waiting: tuple[str, str] | None = None

    def read(self, table: WordTable) -> None:
        """One Word table holding (part of) table 三. A part without headings keeps the previous part's columns."""
        if table.width != self.width:
            self.colmap, self.width, self.other_heads = {}, table.width, {}
        for r, row in enumerate(table.rows, start=1):
            headings = header_columns(row, T3_COLUMNS)
            if len(set(headings.values())) >= 2:
                self.colmap.update(headings)
                self.header_seen = True
                for box in row:
                    if not box.continued and CJK.search(box.text) and T3_COLUMNS.match(box.text) is None:
                        self.other_heads.update(dict.fromkeys(range(box.col, box.col + box.span), box.text.strip()))
                continue
            self._read_row(table, r, row)

    def _invented(self, box: Box) -> str | None:
        """The heading of a column the publisher added (a 小计 beside the official ones): a box in a column no
        official heading names, under a heading of its own."""
        columns = range(box.col, box.col + box.span)
        if not self.colmap or is_label(box.text) or any(c in self.colmap for c in columns):
            return None
        return next((self.other_heads[c] for c in columns if c in self.other_heads), None)

    def _read_row(self, table: WordTable, r: int, row: list[Box]) -> None:
        invented = [(b, head) for b in row if (head := self._invented(b)) is not None]
        if invented:
            self.skipped_columns.update(head for box, head in invented if not is_blank(box.text))
            row = [b for b in row if all(b is not box for box, _ in invented)]
        labelled = [(i, m) for i, b in enumerate(row) if (m := meaning(b.text)) is not None]
        if not labelled:
            if has_number(row):
                self._unlabelled(table, r, row)
            return
        i, (kind, key) = labelled[-1]
        texts, left = assign(row[i + 1:], COLUMN_KEYS, self.colmap)
        label = row[i].text.strip()
        self.waiting = None
        if kind == "row":
            self.rows_seen.add(key)
            for col, text in texts.items():
                self.found.put(fmt.t3(key, col), text)
            if all(is_blank(text) for text in texts.values()):
                self.waiting = (key, label)
            if len(texts) < len(COLUMN_KEYS):
                self.found.note(f"表三“{label}”一行只有{len(texts)}个数字单元格（应为{len(COLUMN_KEYS)}个），"
                                "缺少的单元格留空，请核对。")
        elif kind == "group":
            self.group_rows.setdefault(key, []).append((label, texts))
        elif has_number(row[i + 1:]):
            self.found.note(f"表三“{label}”一行的数字不属于任何单元格，未导入。")
        if left:
            self.found.note(f"表三“{label}”一行多出的内容未导入：{'、'.join(left)}。")

    def _unlabelled(self, table: WordTable, r: int, row: list[Box]) -> None:
        """Numbers without a label: those of the row above when its own were blank, else not imported."""
        if self.waiting is None:
            texts = " ".join(b.text.strip() for b in row if b.text.strip())
            self.found.note(f"表三{where(table, r)}（“{texts[:30]}”）没有可识别的行标题，其中的数字未导入。")
            return
        key, label = self.waiting
        self.waiting = None
        values = [b for b in row if not b.continued and not is_label(b.text)]
        texts, left = assign(values, COLUMN_KEYS, self.colmap)
        for col, text in texts.items():
            self.found.put(fmt.t3(key, col), text)
        self.found.note(f"表三“{label}”一行的数字写在下一行（{where(table, r)}），已按“{label}”导入，请核对。")
        if left:
            self.found.note(f"表三{where(table, r)}多出的内容未导入：{'、'.join(left)}。")

    def finish(self) -> None:
        """Settle group rows, and say which rows were not found."""
        found = self.found
        other = format2019.T3_OTHER_GROUP
        if other in self.group_rows and not (_OTHER_LEAVES & self.rows_seen):
            # One （六）其他处理 row: the 2019 format's row, or a 2021 report printing it unsplit. Which one is
            # decided by table 二 (importers/docx_import.py), not by this row.
            _, found.single_other = self.group_rows.pop(other)[0]
            self.rows_seen.add(format2019.T3_OTHER_ROW.key)
        for group, rows in self.group_rows.items():
            if any(not _all_blank(texts) for _, texts in rows):
                found.note(f"表三“{fmt.T3_GROUP_BY_KEY[group].label}”的小计行未导入（2021年版格式不设小计），"
                           "各分项以明细行为准。")
        for head in sorted(self.skipped_columns):
            found.note(f"表三的“{head}”一栏不是规定的栏目（原报告自行添加），其中的数字未导入；各栏以规定的栏目为准。")
        skip = _OTHER_LEAVES if format2019.T3_OTHER_ROW.key in self.rows_seen else frozenset()
        missing = [r for r in fmt.T3_ROWS if r.key not in self.rows_seen and r.key not in skip]
        if not self.rows_seen:
            found.note("表三的表格中没有可识别的行，表三留空，请手工填写。")
        elif missing:
            names = "、".join(f"“{r.name}”" for r in missing)
            found.note(f"表三中没有找到{names}这{len(missing)}行，相应单元格留空，请手工填写。")
        if self.rows_seen and not self.header_seen:
            found.note("表三没有可识别的列标题，已按“自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计”的"
                       "顺序读取数字，请核对。")


def _all_blank(texts: dict[str, str]) -> bool:
    return all(is_blank(t) for t in texts.values())
