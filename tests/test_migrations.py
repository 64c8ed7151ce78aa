"""The upgrade registry between draft schema versions."""

from __future__ import annotations

import pytest

from models.migrations import CURRENT_SCHEMA_VERSION, UPGRADES, NoUpgradePath, upgrade


def test_current_version_needs_no_step():
    assert upgrade({"schema_version": CURRENT_SCHEMA_VERSION, "x": 1}) == {"schema_version": CURRENT_SCHEMA_VERSION,
                                                                            "x": 1}
    assert all(v < CURRENT_SCHEMA_VERSION for v in UPGRADES)


def test_steps_are_chained_in_order():
    steps = {1: lambda d: {**d, "a": "1→2"}, 2: lambda d: {**d, "b": d["a"] + ",2→3"}}
    result = upgrade({"schema_version": 1}, current=3, steps=steps)
    assert result == {"schema_version": 3, "a": "1→2", "b": "1→2,2→3"}


def test_a_missing_step_is_reported():
    with pytest.raises(NoUpgradePath) as info:
        upgrade({"schema_version": 1}, current=3, steps={1: dict})
    assert info.value.version == 2
