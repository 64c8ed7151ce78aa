"""The upgrade registry between draft schema versions."""

from __future__ import annotations

import pytest

from models.storage.migrations import CURRENT_SCHEMA_VERSION, UPGRADES, NoUpgradePath, upgrade


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


def test_an_older_draft_is_upgraded_and_its_original_kept(tmp_path, monkeypatch):
    """Pretend this app writes the schema after ours with a step to it: the v1 fixture loads upgraded through every
    step, the original stays."""
    import json
    import shutil

    from models.storage import migrations
    from models.storage.drafts import load_draft, original_copy, save_draft
    from tests.conftest import FIXTURES

    ours = migrations.CURRENT_SCHEMA_VERSION

    def to_next(doc):
        doc["texts"] = {**doc.get("texts", {}), "s6": doc.get("texts", {}).get("s6", "") + "（已升级）"}
        return doc

    monkeypatch.setattr(migrations, "CURRENT_SCHEMA_VERSION", ours + 1)
    monkeypatch.setitem(migrations.UPGRADES, ours, to_next)
    path = tmp_path / "old.nianbao"
    shutil.copy(FIXTURES / "drafts" / "v1.nianbao", path)
    original = path.read_bytes()
    report = load_draft(path)
    assert report.upgraded_from == 1 and report.texts["s6"] == "无。（已升级）"
    assert path.read_bytes() == original, "loading never writes"
    save_draft(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == ours + 1
    assert original_copy(path, 1).read_bytes() == original
    save_draft(load_draft(path), path)
    assert original_copy(path, 1).read_bytes() == original
