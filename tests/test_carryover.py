"""Carry-over: next year's report seeded from last year's."""

from __future__ import annotations

from models.format import format2021 as fmt
from models.rules.rule_set import evaluate
from models.storage.drafts import load_draft, save_draft
from models.tools.carryover import new_year_from


def test_new_year_from_huaian(huaian_path, tmp_path):
    previous = load_draft(huaian_path)
    report = new_year_from(previous)
    assert (report.meta.agency, report.meta.year, report.meta.level) == ("淮安市人民政府", 2025, "设区的市级人民政府")
    assert report.meta.publish_date is None
    for col in fmt.T3_COLUMNS:
        key = fmt.t3("carried_in", col.key)
        assert report.number(key) == previous.number(fmt.t3("carried_out", col.key))
        assert report.provenance[key].year == 2024 and report.provenance[key].describe() == "来自2024年度报告"
    assert report.number("t3.carried_in.natural") == 103
    others = [k for k in fmt.ALL_CELL_KEYS if not k.startswith("t3.carried_in.")]
    assert all(report.is_blank(k) for k in others)
    assert report.notes == {}
    assert report.section_text("s1") == previous.section_text("s1")
    assert "text:s5" in report.provenance
    # X-1 passes by construction, X-4 warns until 五 is rewritten; both survive a save and load.
    path = tmp_path / "2025.nianbao"
    save_draft(report, path)
    again = load_draft(path)
    rules = {f.rule for f in evaluate(again, previous)}
    assert "X-1" not in rules and "X-4" in rules
    assert again.provenance == report.provenance


def test_editing_a_carried_cell_drops_its_provenance(huaian_path):
    report = new_year_from(load_draft(huaian_path))
    report.set("t3.carried_in.natural", 103)
    assert "t3.carried_in.natural" in report.provenance
    report.set("t3.carried_in.natural", 100)
    assert "t3.carried_in.natural" not in report.provenance


def test_last_years_report_travels_with_the_new_draft(huaian_path, tmp_path):
    from models.tools.carryover import PREVIOUS_KEY, embedded_previous

    previous = load_draft(huaian_path)
    report = new_year_from(previous)
    path = tmp_path / "2025.nianbao"
    save_draft(report, path)
    again = load_draft(path)
    embedded = embedded_previous(again)
    assert embedded is not None and embedded.cells == previous.cells and embedded.meta.year == 2024
    assert PREVIOUS_KEY not in (embedded.extra or {})
    again.set("t3.carried_in.natural", 1)
    assert "X-1" in {f.rule for f in evaluate(again, embedded)}
    # A new year from that draft does not nest the year before.
    assert PREVIOUS_KEY not in new_year_from(again).extra[PREVIOUS_KEY]
