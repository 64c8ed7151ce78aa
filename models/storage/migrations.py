"""Upgrade steps between draft schema versions: a registry from each old version to the next.

Version 2 gathered what the app keeps beside the report into one typed `workspace` object: the 自动合计 switches,
the 公开截止日期 override and the 汇总数据采集表 store, which version 1 wrote as top-level keys (`autosum`,
`deadline`, `collection`) that the window and the tools defined. A value version 1 held that the typed field cannot
take is left where it was (an unknown key, kept as it is), so an old draft opens as it did and loses nothing.

Version 3 keeps the clerk's own wording of a sub-heading (`headings`, `Report.headings`), and writes the whole section
texts (`texts.s1`, `texts.s5`) with that wording. A version-2 draft has no wording: every sub-heading is official, and
its texts mean what they meant, so the step changes nothing. The version number still rises, so that an app of
version 2 opens a draft with wording read-only instead of reading its whole texts as rewritten by another tool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_SCHEMA_VERSION = 3

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

#: UPGRADES[n] turns a version-n draft (as parsed JSON) into a version n+1 draft. Version 1 is the first.
UPGRADES: dict[int, Upgrade] = {}

#: Version 1's top-level key → the `workspace` field that holds it from version 2.
V1_WORKSPACE_KEYS = {"autosum": "auto_sum", "deadline": "deadline", "collection": "collection"}


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Move the version-1 top-level `autosum`, `deadline` and `collection` into `workspace` when they fit it."""
    raw = doc.get("workspace")
    if raw is not None and not isinstance(raw, dict):
        return doc  # a foreign key of that name: left alone (reading it names the field)
    workspace = dict(raw or {})
    for old, new in V1_WORKSPACE_KEYS.items():
        if old in doc and new not in workspace:
            value = _fitted(new, doc[old])
            if value is not None:
                workspace[new] = value
                del doc[old]
    doc["workspace"] = workspace
    return doc


def _fitted(field: str, value: object) -> object | None:
    """`value` as the typed field holds it, or None when it does not fit (then it stays where it was)."""
    if field == "auto_sum":
        return value if isinstance(value, list) and all(isinstance(k, str) for k in value) else None
    if field == "deadline":
        return _v1_date(value)
    return value if isinstance(value, dict) else None  # collection: models/tools/collection_merge.py reads its content


def _v1_date(value: object) -> str | None:
    """Version 1 read the deadline as three numbers joined by "-" (2025-2-28 too): the same date as YYYY-MM-DD."""
    from datetime import date

    if not isinstance(value, str):
        return None
    try:
        year, month, day = (int(part) for part in value.split("-"))
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """Nothing to move: a version-2 draft words every sub-heading officially (see the module's docstring)."""
    return doc


UPGRADES[1] = _v1_to_v2
UPGRADES[2] = _v2_to_v3


class NoUpgradePath(ValueError):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def upgrade(data: dict[str, Any], current: int = CURRENT_SCHEMA_VERSION,
            steps: dict[int, Upgrade] | None = None) -> dict[str, Any]:
    """Apply every step from the draft's schema_version up to `current`."""
    steps = UPGRADES if steps is None else steps
    version = data["schema_version"]
    while version < current:
        step = steps.get(version)
        if step is None:
            raise NoUpgradePath(version)
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data
