"""No command writes a draft whose year the app then refuses: `ledger`, `collect` and `new` check the year against
the one range of the 报告年度 box (models.format.format2021.YEAR_MIN–YEAR_MAX) before writing anything — exit 2, a
Chinese message, the clerk's draft untouched, never a traceback."""

from __future__ import annotations

import openpyxl
import pytest

from layouts.collection_layout import INFO_SHEET
from models.format.format2021 import YEAR_MAX, YEAR_MIN
from models.report import Meta, Report
from models.storage.drafts import load_draft, save_draft
from tests.cli_runner import run
from tests.collection_builders import filled_sheet
from tests.ledger_builders import ledger_rows, make_cases, write_csv

pytestmark = pytest.mark.robustness

BAD_YEARS = ["0", "202", "3000", "5000", "-1"]


def _refused(result, *paths) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert f"报告年度应在{YEAR_MIN}至{YEAR_MAX}年之间" in result.stderr, result.stderr
    for path in paths:
        assert not path.exists()


@pytest.mark.parametrize("year", BAD_YEARS)
def test_ledger_refuses_a_year_out_of_range(tmp_path, year):
    ledger = write_csv(tmp_path / "台账.csv", ledger_rows(make_cases(5, 2024), text_only=True))
    out = tmp_path / "表三.nianbao"
    _refused(run("ledger", str(ledger), "--year", year, "-o", str(out)), out)


def test_ledger_into_leaves_the_clerks_draft_as_it_was(tmp_path):
    ledger = write_csv(tmp_path / "台账.csv", ledger_rows(make_cases(5, 2024), text_only=True))
    draft = tmp_path / "草稿.nianbao"
    save_draft(Report(meta=Meta("测试局", None, "县级政府部门")), draft)  # no year yet: --year decides it
    before = draft.read_bytes()
    _refused(run("ledger", str(ledger), "--year", "5000", "--into", str(draft)))
    assert draft.read_bytes() == before


@pytest.mark.parametrize("year", ["202", "3000"])
def test_collect_export_and_merge_refuse_a_year_out_of_range(tmp_path, year):
    sheet = tmp_path / "采集表.xlsx"
    _refused(run("collect", "export", "--parts", "t3", "--year", year, "-o", str(sheet)), sheet)
    good, _ = filled_sheet(tmp_path, "审批科.xlsx", "审批科", "licensing", seed=1)
    out = tmp_path / "汇总.nianbao"
    _refused(run("collect", "merge", str(good), "--year", year, "-o", str(out)), out)


def test_collect_merge_refuses_the_year_a_sheet_says_when_out_of_range(tmp_path):
    path, _ = filled_sheet(tmp_path, "审批科.xlsx", "审批科", "licensing", seed=1)
    workbook = openpyxl.load_workbook(path)
    workbook[INFO_SHEET]["B3"] = 5000  # the year the sheet was exported for
    workbook.save(path)
    out = tmp_path / "汇总.nianbao"
    result = run("collect", "merge", str(path), "-o", str(out))
    _refused(result, out)
    assert "采集表的报告年度" in result.stderr


def test_new_refuses_to_start_a_year_past_the_range(tmp_path):
    previous = tmp_path / "上年.nianbao"
    save_draft(Report(meta=Meta("测试局", 2999, "县级政府部门")), previous)
    out = tmp_path / "新草稿.nianbao"
    _refused(run("new", "--previous", str(previous), "-o", str(out)), out)


def test_every_year_in_range_gives_a_draft_the_app_opens(tmp_path):
    ledger = write_csv(tmp_path / "台账.csv", ledger_rows(make_cases(5, 2024), text_only=True))
    for year in (YEAR_MIN, YEAR_MAX):
        out = tmp_path / f"{year}.nianbao"
        result = run("ledger", str(ledger), "--year", str(year), "-o", str(out), "--allow-unclassified")
        assert result.returncode == 0, result.stderr
        assert load_draft(out).meta.year == year
