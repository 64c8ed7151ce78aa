"""Pasting a block copied from Excel or WPS into an official table: parse it, map it onto input cells, check it.

Nothing is half-pasted: either every value of the block is valid for its target cell, or the whole block is refused
with the reasons. Pure Python (no Qt), so it is tested directly.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from importers.csv_rows import allow_long_fields
from models.format import format2021 as fmt
from models.values import CellValue, ValueRefused, parse

MAX_REPORTED = 5
#: A cell's pasted text longer than this is not a number (the longest a number may be written is far shorter); it is
#: refused by its length rather than quoted whole in the message.
MAX_CELL_TEXT = 100


@dataclass
class PastePlan:
    values: dict[str, CellValue] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: What the block gives for totals in 自动合计 mode: not pasted (the sum is), but compared with it.
    auto_values: dict[str, CellValue] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.values)


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated rows as Excel and WPS put them on the clipboard (quoted cells may hold line breaks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    allow_long_fields()  # one copied cell may be longer than csv's default limit of 131,072 characters
    rows = [row for row in csv.reader(io.StringIO(text), delimiter="\t")]
    # A trailing tab (some programs add one) is not a blank cell to the right.
    for row in rows:
        while row and not row[-1].strip():
            row.pop()
    return rows


def input_rows(grid: fmt.Grid) -> list[list[str]]:
    """The input keys of each grid row that has any, left to right."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for cell in grid.cells:
        if cell.key:
            rows.setdefault(cell.row, []).append((cell.col, cell.key))
    return [[key for _, key in sorted(rows[r])] for r in sorted(rows)]


def plan_paste(grid: fmt.Grid, start_key: str, block: list[list[str]], auto_keys: frozenset[str] = frozenset(),
               fill_keys: list[str] | None = None, label: Callable[[str], str] = fmt.cell_label) -> PastePlan:
    """Map `block` onto the table from `start_key` (or fill every key of `fill_keys` with a single value); `label`
    names a cell in messages (the report's format's `cell_label`)."""
    plan = PastePlan()
    if not block or not any(block):
        plan.problems.append("剪贴板中没有可粘贴的内容。")
        return plan
    filling = bool(fill_keys and len(block) == 1 and len(block[0]) == 1)
    if filling:
        targets = [(key, block[0][0]) for key in fill_keys]
    else:
        rows = input_rows(grid)
        r0, c0 = next((i, row.index(start_key)) for i, row in enumerate(rows) if start_key in row)
        targets = []
        for i, line in enumerate(block):
            for j, text in enumerate(line):
                if r0 + i >= len(rows) or c0 + j >= len(rows[r0 + i]):
                    if text.strip():
                        plan.problems.append(
                            f"粘贴区域超出表格（第{i + 1}行第{j + 1}列“{text.strip()}”没有对应的单元格）。")
                    continue
                targets.append((rows[r0 + i][c0 + j], text))
    skipped_auto = blanked = 0
    for key, text in targets:
        if len(text) > MAX_CELL_TEXT:
            plan.problems.append(f"{label(key)}：粘贴的内容有{len(text)}个字符，不是数字（只能粘贴数字）。")
            continue
        if key in auto_keys:
            skipped_auto += 1
            if not filling:
                with contextlib.suppress(ValueRefused):  # not a number: nothing to compare with the sum
                    plan.auto_values[key] = parse(key, text).value
            continue
        try:
            parsed = parse(key, text)
        except ValueRefused as refused:
            plan.problems.append(f"{label(key)}：{refused.message}")
            continue
        plan.values[key] = parsed.value
        blanked += parsed.value is None
        if parsed.notice:
            plan.notices.append(f"{label(key)}：{parsed.notice}")
    if skipped_auto:
        plan.notices.append(f"{skipped_auto}个总计单元格为自动合计，已按各项重新计算，未使用粘贴的数值。")
        if not plan.values and not plan.problems:
            plan.problems.append("所选单元格为自动合计，不能粘贴。如需手工填写，请在表格上方关闭自动合计。")
    if blanked:
        plan.notices.append(f"{blanked}个单元格在粘贴内容中为空，已清空。")
    return plan


def describe_problems(plan: PastePlan) -> str:
    shown = plan.problems[:MAX_REPORTED]
    more = len(plan.problems) - len(shown)
    return "\n".join(shown) + (f"\n……另有{more}处问题。" if more > 0 else "")
