"""Output names on the command line: an empty name is refused with exit 2 (never a traceback), `./` is the current
folder, and a report named after a very long agency is written under a shortened name that keeps the year."""

from __future__ import annotations

import docx
import pytest

from models.storage.drafts import load_draft, save_draft
from tests.cli_runner import run
from tests.ledger_builders import ledger_rows, make_cases, write_csv

pytestmark = pytest.mark.robustness


@pytest.mark.parametrize("command", [
    ["import", "{sample}", "-o", ""], ["new", "--previous", "{sample}", "-o", ""],
    ["export", "{sample}", "--docx", ""], ["infographic", "{sample}", "-o", ""],
    ["check", "{sample}", "--summary", ""], ["collect", "export", "--parts", "t3", "--year", "2024", "-o", ""],
    ["ledger", "{ledger}", "--year", "2024", "-o", ""], ["ledger", "{ledger}", "--year", "2024", "--into", ""],
    ["collect", "merge", "{sample}", "--into", ""], ["collect", "merge", "{sample}", "-o", ""],
])
def test_an_empty_output_name_is_refused_with_exit_two(tmp_path, sample_path, command):
    ledger = write_csv(tmp_path / "台账.csv", ledger_rows(make_cases(5, 2024), text_only=True))
    args = [a.format(sample=sample_path, ledger=ledger) for a in command]
    result = run(*args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_dot_slash_is_the_current_folder(tmp_path, sample_path):
    done = run("import", str(sample_path), "-o", "./", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [written] = tmp_path.glob("*.nianbao")
    assert written.name == "铜官区招商服务中心2023年度报告.nianbao"


@pytest.mark.parametrize("agency", ["长" * 100, "a" * 250, "某某" * 60 + "局"])
def test_a_very_long_agency_name_gives_files_named_with_their_year(tmp_path, sample_path, agency):
    report = load_draft(sample_path)
    report.meta.agency = agency
    source = tmp_path / "源.nianbao"
    save_draft(report, source)
    out = tmp_path / "输出"
    out.mkdir()
    for command in (["import", str(source), "-o", str(out)], ["new", "--previous", str(source), "-o", str(out)],
                    ["export", str(source), "--docx", str(out), "--xlsx", str(out)]):
        result = run(*command)
        assert result.returncode == 0, (command, result.stderr[-2000:])
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 4, names
    for name in names:
        assert len(name.encode("utf-8")) <= 215
        assert "2023年" in name or "2024年" in name
    [word] = out.glob("*.docx")
    assert agency[:50] in "".join(p.text for p in docx.Document(str(word)).paragraphs)
