"""Reading a Word table's layout from its XML, independently of the exporter: spans, vertical merges and text."""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.table import Table


@dataclass
class Block:
    """One merged block of the table as Word sees it: top-left corner, size and text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


def blocks(table: Table) -> dict[tuple[int, int], Block]:
    """Every block keyed by its top-left corner, reconstructed from w:gridSpan and w:vMerge."""
    found: dict[tuple[int, int], Block] = {}
    origin_at: dict[tuple[int, int], tuple[int, int]] = {}
    for r, tr in enumerate(table._tbl.tr_lst):
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc_pr = tc.tcPr
            merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            continues = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
            if continues:
                origin = origin_at[(r - 1, c)]
                block = found[origin]
                assert block.col == c and block.colspan == span, "a vertical merge must keep its columns"
                block.rowspan = r - block.row + 1
                assert not text.strip(), "a merged-away cell must be empty"
            else:
                origin = (r, c)
                found[origin] = Block(r, c, 1, span, text)
            for k in range(span):
                origin_at[(r, c + k)] = origin
            c += span
    return found


def grid_columns(table: Table) -> int:
    return len(table._tbl.tblGrid.findall(qn("w:gridCol")))
