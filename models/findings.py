"""Findings: what a rule reports, with a stable fingerprint so that the clerk's 说明 survives re-checking."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from models.format.format2021 import CELL_ORDER, META_LABELS


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self]


SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

Number = int | Decimal
#: 基本信息 comes first in the wizard: its fields sort before every table cell.
_META_ORDER = {key: i - len(META_LABELS) for i, key in enumerate(META_LABELS)}


@dataclass(frozen=True)
class TextSpan:
    """Where in the narrative a TXT or W-4 finding points: the text key and a character range."""

    text_key: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    cells: tuple[str, ...]
    message: str
    left: Number | None = None
    right: Number | None = None
    span: TextSpan | None = None
    # What, besides the rule and the cells, tells this finding apart from another of the same rule (e.g. the
    # number written in the text); part of the fingerprint, never a position that shifts while typing.
    detail: str = ""
    # The cells most likely wrong, among `cells` (not part of the fingerprint): where a row's and a column's sums
    # both fail, the cell they share; else the total. Only these are painted strongly; empty means all of `cells`.
    focus: tuple[str, ...] = ()
    # What the views need to know, so that they never branch on rule ids (none is part of the fingerprint):
    # `page`, the wizard page of a finding with neither cells nor a text span (W-3, X-4: "s5"); `blank`, it only
    # says something is not filled in yet (a blank row, a required field, the publication date), not a wrong value;
    # `swing`, a year-on-year change worth a second look (shown in 对比上年).
    page: str = ""
    blank: bool = False
    swing: bool = False

    @property
    def likeliest(self) -> tuple[str, ...]:
        """The cells to paint strongly and to jump to."""
        return self.focus or self.cells

    @property
    def difference(self) -> Number | None:
        if self.left is None or self.right is None:
            return None
        return self.left - self.right

    @property
    def fingerprint(self) -> str:
        basis = "|".join((self.rule, ",".join(sorted(self.cells)), self.detail))
        return f"{self.rule}#{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:10]}"

    def sort_key(self) -> tuple[int, int, str]:
        first = min((CELL_ORDER.get(c, _META_ORDER.get(c, len(CELL_ORDER))) for c in self.cells),
                    default=len(CELL_ORDER))
        return (self.severity.rank, first, self.rule)

    def as_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "cells": list(self.cells),
            "message": self.message,
            "fingerprint": self.fingerprint,
        }


def error_count(findings: Iterable[Finding]) -> int:
    """How many of `findings` are errors (the one count: export blocking, the review page, the CLI, the exports)."""
    return sum(1 for f in findings if f.severity is Severity.ERROR)


def num(value: Number | None) -> str:
    """A number as written in messages."""
    return "" if value is None else str(value)
