"""Which report of a batch is last year's report of another: the same agency (its name normalised) and year − 1.

A report pairs only when the batch holds exactly one such report; when it holds several (two files of one agency and
year), it pairs with none of them, and the caller says why.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from models.report import Report


@dataclass(frozen=True)
class LastYear:
    """Last year's report of one report of the batch: `previous` (its index), or `twins` when there are several."""

    agency: str
    year: int
    previous: int = -1
    twins: tuple[int, ...] = ()


def agency_key(name: str) -> str:
    """One spelling of an agency's name: NFKC (full-width brackets and letters as half-width), no whitespace."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def last_years(reports: Sequence[Report | None], paths: Sequence[Path]) -> list[LastYear | None]:
    """For each report (None: not read), last year's report among `reports`, or None when there is none. Two entries
    of one file (a file named and found in its folder too) count once."""
    by_year: dict[tuple[str, int], dict[Path, int]] = {}
    for index, report in enumerate(reports):
        key = _key(report)
        if key is not None:
            by_year.setdefault(key, {}).setdefault(_same(paths[index]), index)
    found: list[LastYear | None] = []
    for report in reports:
        key = _key(report)
        before = by_year.get((key[0], key[1] - 1)) if key is not None else None
        if report is None or key is None or not before:
            found.append(None)
            continue
        agency, year, indexes = report.meta.agency.strip(), key[1] - 1, tuple(before.values())
        if len(indexes) == 1:
            found.append(LastYear(agency, year, previous=indexes[0]))
        else:
            found.append(LastYear(agency, year, twins=indexes))
    return found


def _key(report: Report | None) -> tuple[str, int] | None:
    if report is None or report.meta.year is None:
        return None
    agency = agency_key(report.meta.agency)
    return (agency, report.meta.year) if agency else None


def _same(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
