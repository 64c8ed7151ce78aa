"""The report formats as values, and the registry each report's `template` is looked up in.

A report is judged, stored and laid out by its own format: `FORMATS[report.template]`. New reports are of the 2021
format (models/format/format2021.py); reports imported from the superseded 2019 format (models/format/format2019.py)
are of "2019". A future format is a new entry here built from its own table parts, never an edit of the 2021 keys
(tests/fixtures/keys-2021.txt and keys-2019.txt freeze them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from models.format import format2019 as fmt2019
from models.format import format2021 as fmt

#: The format a new report is written in.
CURRENT_TEMPLATE = fmt.TEMPLATE_ID


@dataclass(frozen=True, eq=False)
class Format:
    """One report format: sections, table parts, and what follows from them (cells, grids, sums)."""

    id: str
    notice: str
    sections: tuple[fmt.Section, ...] = fmt.SECTIONS
    t2_blocks: tuple[fmt.T2Block, ...] = fmt.T2_BLOCKS
    t3_rows: tuple[fmt.Axis, ...] = fmt.T3_ROWS
    t3_columns: tuple[fmt.Axis, ...] = fmt.T3_COLUMNS
    t4_blocks: tuple[fmt.Axis, ...] = fmt.T4_BLOCKS
    t4_columns: tuple[fmt.Axis, ...] = fmt.T4_COLUMNS
    cells: tuple[fmt.Cell, ...] = field(default=())
    grids: dict[str, fmt.Grid] = field(default_factory=dict)
    sums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: A table 三 row of this format that holds what several 2021 rows hold (2019: （六） = 2021's three （六） rows),
    #: for the tools that count in 2021 rows (the ledger, the 采集表).
    t3_row_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.cells:
            object.__setattr__(self, "cells", fmt.build_cells(self.t2_blocks, self.t3_rows))
        if not self.grids:
            object.__setattr__(self, "grids", fmt.build_grids(self.t2_blocks, self.t3_rows))
        if not self.sums:
            object.__setattr__(self, "sums", fmt.sum_definitions(self.t3_rows))

    @cached_property
    def cell_by_key(self) -> dict[str, fmt.Cell]:
        return {c.key: c for c in self.cells}

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Every cell key in table order."""
        return tuple(c.key for c in self.cells)

    @cached_property
    def count_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.cells if c.kind is fmt.CellKind.COUNT)

    @cached_property
    def t3_leaf_rows(self) -> tuple[str, ...]:
        return fmt.leaf_rows(self.t3_rows)

    @cached_property
    def section_by_key(self) -> dict[str, fmt.Section]:
        return {s.key: s for s in self.sections}

    @cached_property
    def section_of_table(self) -> dict[str, fmt.Section]:
        """The section that holds each official table ("t2" → 二、主动公开政府信息情况 …)."""
        return {s.table: s for s in self.sections if s.table}

    def table_title(self, table: str) -> str:
        """An official table's title: the heading of the section that holds it."""
        return self.section_of_table[table].heading

    def cell_label(self, key: str) -> str:
        """A cell's human-readable location (表三·自然人·…), or the 2021 wording for meta fields and other keys."""
        cell = self.cell_by_key.get(key)
        return cell.label if cell else fmt.cell_label(key)


#: Today's format, wrapping the module-level data of models/format/format2021.py.
FORMAT_2021 = Format(fmt.TEMPLATE_ID, fmt.FORMAT_NOTICE, cells=fmt.CELLS, grids=fmt.GRIDS, sums=fmt.SUM_DEFINITIONS)

#: The superseded 2019 format (国办公开办函〔2019〕60号): its own table 二, table 三's （六） as one row.
FORMAT_2019 = Format(fmt2019.TEMPLATE_ID, fmt2019.FORMAT_NOTICE, t2_blocks=fmt2019.T2_BLOCKS, t3_rows=fmt2019.T3_ROWS,
                     t3_row_parts=fmt2019.T3_ROW_PARTS)

#: Every format this version of the app can judge, store and lay out, by template id.
FORMATS: dict[str, Format] = {FORMAT_2021.id: FORMAT_2021, FORMAT_2019.id: FORMAT_2019}


class UnknownTemplate(KeyError):
    """A report names a template this version does not know (saved by a newer version, or damaged)."""

    def __init__(self, template: object) -> None:
        super().__init__(template)
        self.template = template


def format_of(template: str) -> Format:
    """The registered format `template`; UnknownTemplate when there is none."""
    try:
        return FORMATS[template]
    except (KeyError, TypeError):
        raise UnknownTemplate(template) from None


def known_templates() -> str:
    """The registered templates for a message: 2021年版."""
    return "、".join(f"{t}年版" for t in FORMATS)


def find_cell(key: str) -> fmt.Cell | None:
    """Cell `key` as whichever registered format declares it (the 2021 format first), or None."""
    cell = fmt.CELL_BY_KEY.get(key)
    if cell is None:
        for format_ in FORMATS.values():
            cell = format_.cell_by_key.get(key)
            if cell is not None:
                break
    return cell


def cell_kind(key: str) -> fmt.CellKind:
    """The kind of cell `key` in whichever registered format declares it (KeyError when none does)."""
    cell = find_cell(key)
    if cell is None:
        raise KeyError(key)
    return cell.kind


def label_of(key: str) -> str:
    """A cell's human-readable location in whichever registered format declares it; meta fields as 基本信息·…."""
    cell = find_cell(key)
    return cell.label if cell else fmt.cell_label(key)
