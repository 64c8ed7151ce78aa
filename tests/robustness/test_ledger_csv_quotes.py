"""A ledger CSV never loses applications to a stray quote: what a spreadsheet wrote reads back row for row, and a quote
that would merge rows (`"十四五”规划…`: half-width opening, full-width closing quote) is refused with its line number,
never read as fewer applications."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.csv_rows import CsvShapeError, strict_rows
from importers.ledger_reader import LedgerReadError, read_ledger, read_raw
from models.storage.drafts import load_draft
from tests.cli_runner import run
from tests.ledger_builders import HEADER

pytestmark = pytest.mark.robustness

#: Free text as clerks write it: Chinese, half- and full-width quotes and punctuation, commas, line breaks, tabs.
TEXT = st.text(alphabet=st.sampled_from(list('十四五规划申请公开关于的文件ab1 "“”‘’\'，。；：、（）,;:\n\t—…')),
               max_size=40)


def _ten(stray: str = '"十四五”规划编制情况') -> str:
    """Ten applications as a clerk's hand-made CSV holds them; the third one's 申请内容 is `stray`, the seventh has a
    properly quoted 备注."""
    lines = [",".join(HEADER)]
    for i in range(1, 11):
        content = stray if i == 3 else f"申请公开第{i}号文件"
        note = '"有附件"' if i == 7 else ""
        lines.append(f"{i},2024-{i:02d}-01,自然人,{content},予以公开,2024-{i:02d}-10,{note}")
    return "\r\n".join(lines) + "\r\n"


def test_the_ten_applications_with_a_stray_quote_are_never_read_as_four(tmp_path):
    ledger = tmp_path / "台账.csv"
    ledger.write_text(_ten(), encoding="utf-8-sig", newline="")
    out = tmp_path / "表三.nianbao"
    result = run("ledger", str(ledger), "--year", "2024", "-o", str(out))
    if result.returncode == 0:  # read it all, or refuse it: never fewer applications
        assert "共10件申请" in result.stdout, result.stdout
        assert load_draft(out).cells["t3.new.total"] == 10
    else:
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "第4行" in result.stderr and "十四五" in result.stderr, result.stderr
        assert not out.exists()


def test_quotes_inside_a_cell_are_text_and_all_ten_read(tmp_path):
    ledger = tmp_path / "台账.csv"
    ledger.write_text(_ten('关于"十四五”规划和“十四五"纲要'), encoding="utf-8-sig", newline="")
    [sheet] = read_ledger(ledger).sheets
    contents = [row[3] for row in sheet.rows[1:]]
    assert len(contents) == 10 and contents[2] == '关于"十四五”规划和“十四五"纲要'


@pytest.mark.parametrize(("text", "line"), [
    ('a,b\r\n1,"x\r\n2,y\r\n3,z"\r\n4,w\r\n', 2),        # two stray quotes: rows 2–4 would become one
    ('a,b\n1,2\n3,"没有结束\n4,5\n', 3),                  # a quote left open to the end of the file
    ('a,b\n1,"x"y,2\n', 2),                               # text after the closing quote
])
def test_a_quote_that_would_merge_rows_is_refused_with_its_line(text, line):
    with pytest.raises(CsvShapeError) as refused:
        strict_rows(text, ",")
    assert refused.value.line == line and f"第{line}行" in refused.value.message


def test_three_thousand_rows_with_a_stray_quote_are_refused_not_halved(tmp_path):
    lines = [",".join(HEADER)]
    for i in range(1, 3001):
        content = '"十四五”规划' if i % 2 else "申请公开文件"
        lines.append(f"{i},2024-03-01,自然人,{content},予以公开,2024-03-10,\"备注{i}\"")
    ledger = tmp_path / "台账.csv"
    ledger.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    with pytest.raises(LedgerReadError) as refused:
        read_ledger(ledger)
    assert "第2行" in refused.value.message


def test_a_cell_beyond_the_csv_modules_default_limit_is_read(tmp_path):
    long = "依申请公开" * 30_000  # 150,000 characters: over csv's default field limit of 131,072
    ledger = tmp_path / "台账.csv"
    ledger.write_text(_ten(f'"{long}"'), encoding="utf-8-sig", newline="")
    out = tmp_path / "表三.nianbao"
    result = run("ledger", str(ledger), "--year", "2024", "-o", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "共10件申请" in result.stdout


ENCODINGS = [("utf-8-sig", ","), ("utf-8", ","), ("gb18030", ","), ("utf-16", "\t")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=12), form=st.sampled_from(ENCODINGS),
       terminator=st.sampled_from(["\r\n", "\n"]))
def test_any_ledger_a_spreadsheet_wrote_reads_back_row_for_row(tmp_path: Path, rows, form, terminator):
    encoding, delimiter = form
    table = [HEADER] + [(str(i), "2024-03-01", "自然人", content, "予以公开", "2024-03-10", note)
                        for i, (content, note) in enumerate(rows, start=1)]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator=terminator).writerows(table)
    path = tmp_path / "台账.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    [sheet] = read_raw(path)
    assert sheet.rows == table
