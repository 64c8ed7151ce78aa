"""Upgrade steps between draft schema versions: a registry from each old version to the next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_SCHEMA_VERSION = 1

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

#: UPGRADES[n] turns a version-n draft (as parsed JSON) into a version n+1 draft. Version 1 is the first.
UPGRADES: dict[int, Upgrade] = {}


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
