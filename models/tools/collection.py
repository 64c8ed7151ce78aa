"""数据采集表: the parts of the report a 业务科室 can be asked to fill, and what one returned sheet holds.

A part is a set of input cells of the report, derived from `models.format.format2021`: each row of table 二 (规章,
行政规范性文件, 行政许可, 行政处罚, 行政强制, 行政事业性收费), table 三 (a department's share of the applications)
and table 四. Totals are never asked for: they are sums of the parts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import UserError
from models.format import format2021 as fmt
from models.values import CellValue


@dataclass(frozen=True)
class Part:
    key: str                 # a table 二 row key (licensing …), or "t3" / "t4"
    table: str               # "t2" | "t3" | "t4"
    title: str               # 表二·行政许可
    keys: tuple[str, ...]    # the cells the department fills


def _parts() -> tuple[Part, ...]:
    parts = [
        Part(row.key, "t2", f"{fmt.TABLE_NAMES['t2']}·{row.label}",
             tuple(fmt.t2(row.key, col.key) for col in block.columns))
        for block in fmt.T2_BLOCKS for row in block.rows
    ]
    for table in ("t3", "t4"):
        heading = fmt.TABLE_TITLES[table].split("、", 1)[1]
        keys = tuple(c.key for c in fmt.CELLS if c.table == table and c.key not in fmt.SUM_DEFINITIONS)
        parts.append(Part(table, table, f"{fmt.TABLE_NAMES[table]}·{heading}", keys))
    return tuple(parts)


PARTS: tuple[Part, ...] = _parts()
PART_BY_KEY = {p.key: p for p in PARTS}
#: Names that stand for several parts: a whole table, or everything.
PART_GROUPS: dict[str, tuple[str, ...]] = {
    "t2": tuple(p.key for p in PARTS if p.table == "t2"),
    fmt.TABLE_NAMES["t2"]: tuple(p.key for p in PARTS if p.table == "t2"),
    "all": tuple(p.key for p in PARTS),
    "全部": tuple(p.key for p in PARTS),
}


class PartsError(UserError, ValueError):
    """A part name that is not known; `message` (Chinese) lists the names that are."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def part_names() -> str:
    """`licensing（表二·行政许可）、…` for help texts and messages."""
    return "、".join(f"{p.key}（{p.title}）" for p in PARTS)


def parse_parts(names: Iterable[str]) -> tuple[Part, ...]:
    """Parts named by key (licensing), title (表二·行政许可), row label (行政许可) or table (表三, t2, all), each name
    possibly a comma-separated list. In the format's order, each once. Raises PartsError."""
    lookup: dict[str, tuple[str, ...]] = {_fold(k): v for k, v in PART_GROUPS.items()}
    for part in PARTS:
        for name in (part.key, part.title, part.title.split("·", 1)[1], fmt.TABLE_NAMES[part.table]):
            lookup.setdefault(_fold(name), (part.key,))
    chosen: set[str] = set()
    for name in names:
        for piece in unicodedata.normalize("NFKC", name).replace("、", ",").split(","):
            if not piece.strip():
                continue
            keys = lookup.get(_fold(piece))
            if keys is None:
                raise PartsError(f"“{piece.strip()}”不是采集表的内容。可选：{part_names()}；"
                                 "或 t2（表二全部）、all（全部）。")
            chosen.update(keys)
    if not chosen:
        raise PartsError(f"请选择采集表的内容：{part_names()}。")
    return tuple(p for p in PARTS if p.key in chosen)


def normalize_department(name: str) -> str:
    """A department name as compared (两份“办公室 ”与“办公室”是同一科室)."""
    return _fold(name)


@dataclass
class SheetData:
    """What one returned 采集表 holds. `problems` are reasons not to sum it (values that are not numbers …)."""

    path: Path
    department: str
    year: int | None
    template: str
    parts: tuple[str, ...]
    values: dict[str, CellValue] = field(default_factory=dict)   # cells filled with a number
    blanks: tuple[str, ...] = ()                                  # cells left blank
    problems: list[str] = field(default_factory=list)
    filler: str = ""
    phone: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(k for p in self.parts for k in PART_BY_KEY[p].keys)
