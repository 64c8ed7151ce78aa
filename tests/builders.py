"""Reports for tests and benchmarks, built to satisfy (or deliberately break) the rules."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from models.format import format2021 as fmt
from models.report import Meta, Report


def consistent_report(seed: int = 0, *, level: str = "设区的市级人民政府", year: int = 2024,
                      high: int = 50) -> Report:
    """A report that satisfies every sum of tables 三 and 四, filled with pseudo-random counts."""
    rng = random.Random(seed)
    report = Report(meta=Meta("测试市人民政府", year, level, date(year + 1, 1, 20)))
    for block in fmt.T2_BLOCKS:
        for row in block.rows:
            for col in block.columns:
                key = f"t2.{row.key}.{col.key}"
                if col.key == "amount":
                    report.set(key, Decimal(f"{rng.randint(0, 99999)}.{rng.randint(0, 99):02d}"))
                else:
                    report.set(key, rng.randint(0, high))
    fill_t3(report, {(r, c): rng.randint(0, high) for r in fmt.T3_LEAF_ROWS for c in fmt.T3_PART_COLUMNS},
            {c: rng.randint(0, high) for c in fmt.T3_PART_COLUMNS},
            {c: rng.randint(0, high) for c in fmt.T3_PART_COLUMNS})
    for block in fmt.T4_BLOCKS:
        parts = [rng.randint(0, high) for _ in fmt.T4_PART_COLUMNS]
        for col, value in zip(fmt.T4_PART_COLUMNS, parts, strict=True):
            report.set(fmt.t4(block.key, col), value)
        report.set(fmt.t4(block.key, "total"), sum(parts))
    return report


def fill_t3(report: Report, leaves: dict[tuple[str, str], int], carried_out: dict[str, int],
            carried_in_wish: dict[str, int]) -> None:
    """Fill table 三 from its leaf outcomes and carried numbers; derive every total and 本年新收 to balance."""
    for col in fmt.T3_PART_COLUMNS:
        handled = sum(leaves[(r, col)] for r in fmt.T3_LEAF_ROWS)
        for r in fmt.T3_LEAF_ROWS:
            report.set(fmt.t3(r, col), leaves[(r, col)])
        report.set(fmt.t3("handled_total", col), handled)
        carried_in = min(carried_in_wish[col], handled + carried_out[col])
        report.set(fmt.t3("carried_in", col), carried_in)
        report.set(fmt.t3("carried_out", col), carried_out[col])
        report.set(fmt.t3("new", col), handled + carried_out[col] - carried_in)
    for row in fmt.T3_ROWS:
        report.set(fmt.t3(row.key, "total"), sum(report.number(fmt.t3(row.key, c)) for c in fmt.T3_PART_COLUMNS))


def zero_report(year: int = 2023, level: str = "县级政府部门") -> Report:
    report = Report(meta=Meta("测试单位", year, level, date(year + 1, 1, 20)))
    for key in fmt.ALL_CELL_KEYS:
        report.set(key, 0)
    report.texts["s5.problems"] = "政策解读形式较为单一。"
    return report


def long_narrative(length: int, paragraph: int = 0) -> str:
    """`length` characters of 依申请公开 narrative whose every number disagrees with the tables and whose every
    other sentence names an earlier year: about 53 findings per 1,000 characters (855 at 16,000, as in issue 13).
    One paragraph, or a line break after every `paragraph` sentences."""
    parts, size, i = [], 0, 0
    while size < length:
        n = 100 + i
        sentence = (f"{2023 - i % 3}年，本机关新收政府信息公开申请{n}件，办结{n + 1}件。各承办单位依法依规按时答复。"
                    if i % 2 == 0 else f"其中予以公开{n + 2}件，部分公开若干件，工作人员逐件登记跟踪。")
        if paragraph and i % paragraph == paragraph - 1:
            sentence += "\n"
        parts.append(sentence)
        size += len(sentence)
        i += 1
    return "".join(parts)[:length]
