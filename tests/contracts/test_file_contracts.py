"""Contracts every registered exporter (exporters/registry.py EXPORTERS), the draft file and every registered format
(models/format/formats.py FORMATS, plus the test-only 2099) keep: an official export refuses a report with errors
unless a draft is allowed; a failed write leaves the old file and no partial one; the error names the file in Chinese;
and what a reader exists for reads back as written (half a web page is read as far as it goes, with a notice).

A new exporter or format inherits every test here by being registered (a format also needs its report in
tests/contracts/reports.py).
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from exporters import ExportRefused
from exporters.registry import EXPORTERS, Exporter
from importers import read_report
from models.errors import UserError
from models.findings import error_count
from models.format import formats
from models.rules.rule_set import evaluate
from tests.conftest import QT_PROBLEM
from tests.contracts.reports import BUILDERS, with_an_error, word_cells, write_draft
from tests.test_format_2099 import FORMAT_2099

CJK = re.compile(r"[\u4e00-\u9fff]")
WRITERS = (*EXPORTERS, "draft")


def test_every_registered_format_is_covered():
    assert set(formats.FORMATS) <= set(BUILDERS)


@pytest.fixture(params=sorted(BUILDERS))
def report(request, monkeypatch):
    """A report without errors, of each format."""
    if request.param not in formats.FORMATS:
        monkeypatch.setitem(formats.FORMATS, request.param, FORMAT_2099)
    built = BUILDERS[request.param]()
    assert built.template == request.param and error_count(evaluate(built)) == 0
    return built


def _writer(kind: str, request) -> Exporter | None:
    """The registered exporter `kind` (None for the draft file); the 一图读懂 needs Qt (QtGui) and a Chinese font."""
    if kind == "draft":
        return None
    exporter = EXPORTERS[kind]
    if exporter.build.startswith("render."):
        if QT_PROBLEM:
            pytest.skip(f"Qt cannot be loaded here: {QT_PROBLEM}")
        request.getfixturevalue("chinese_font")
        request.getfixturevalue("qapp")
    return exporter


def _write(exporter: Exporter | None, report, path: Path, *, allow_errors: bool = False) -> Path:
    if exporter is None:
        return write_draft(report, path, allow_errors=allow_errors)
    options = {"allow_errors": True} if allow_errors else {}
    return exporter.export(report, path, findings=None, previous=None, options=options)


def _path(tmp_path: Path, exporter: Exporter | None) -> Path:
    return tmp_path / ("年度报告" + (exporter.suffix if exporter else ".nianbao"))


@pytest.mark.parametrize("kind", list(EXPORTERS))
def test_a_report_with_errors_is_refused_unless_a_draft_is_allowed(kind, report, tmp_path, request):
    exporter = _writer(kind, request)
    broken = with_an_error(report)
    path = _path(tmp_path, exporter)
    if exporter.official:
        with pytest.raises(ExportRefused) as refused:
            _write(exporter, broken, path)
        assert isinstance(refused.value, UserError)
        assert f"{error_count(evaluate(broken))}个错误" in refused.value.message
        assert not path.exists() and list(tmp_path.iterdir()) == []
    written = _write(exporter, broken, path, allow_errors=True)
    assert written == path and path.stat().st_size > 0


@pytest.mark.parametrize("existing", [True, False], ids=["over-an-old-file", "new-file"])
@pytest.mark.parametrize("kind", WRITERS)
def test_a_failed_write_leaves_no_partial_file_and_names_the_file_in_chinese(kind, existing, report, tmp_path,
                                                                            request, monkeypatch):
    exporter = _writer(kind, request)
    path = _path(tmp_path, exporter)
    if existing:
        path.write_bytes(b"last good version")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the data is written to the temporary file, then the disk is full
    with pytest.raises(UserError) as failed:
        _write(exporter, report, path)
    message = failed.value.message
    assert path.name in message and CJK.search(message) and "磁盘空间已满" in message
    left = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert left == ([path.name] if existing else [])  # no temporary file stays behind, none replaced the old one
    if existing:
        assert path.read_bytes() == b"last good version"


#: The writers whose files importers.read_report reads back, and those it never reads (pictures, printed pages: the
#: PDF report is the Word file's pages, and the Word file is what is read back).
READ_BACK = ("docx", "xlsx", "html", "draft")
#: What the importer reads of the Word report's and the web page's body: the same pipeline (importers.docx_import).
BODY_READERS = ("docx", "html")
NO_READER = ("infographic", "pdf")


def test_every_writer_is_read_back_or_declared_a_picture():
    assert set(WRITERS) == set(READ_BACK) | set(NO_READER)


@pytest.mark.parametrize("kind", READ_BACK)
def test_what_is_written_reads_back(kind, report, tmp_path, request):
    exporter = _writer(kind, request)
    read_cells = word_cells(report.template) if kind in BODY_READERS else (lambda key: True)
    path = _write(exporter, report, _path(tmp_path, exporter))
    imported = read_report(path)
    back = imported.report
    if read_cells is None:
        # A Word file of a format the importer has no reader for (the test-only 2099): read as today's format,
        # its extra row named in a notice, every cell the two formats share unchanged — nothing shifts.
        current = formats.format_of(formats.CURRENT_TEMPLATE)
        shared = [key for key in report.cells if key in current.cell_by_key]
        assert back.template == formats.CURRENT_TEMPLATE and len(shared) < len(report.cells)
        assert {k: back.cells.get(k) for k in shared} == {k: report.cells[k] for k in shared}
        assert any("未导入" in notice for notice in imported.notices)
        return
    assert imported.template == back.template == report.template
    if kind in BODY_READERS:  # what Word holds: the tables the importer reads, the agency and year, the texts
        assert {k: v for k, v in back.cells.items() if read_cells(k)} == \
               {k: v for k, v in report.cells.items() if read_cells(k)}
        assert (back.meta.agency, back.meta.year) == (report.meta.agency, report.meta.year)
        assert {k: v for k, v in back.texts.items() if v} == {k: v for k, v in report.texts.items() if v}
    else:
        assert back == report


@pytest.mark.parametrize("kind", READ_BACK)
def test_a_damaged_file_is_refused_naming_it_in_chinese(kind, report, tmp_path, request):
    exporter = _writer(kind, request)
    path = _write(exporter, report, _path(tmp_path, exporter))
    whole = path.read_bytes()
    damaged = path.with_name("损坏的" + path.name)
    damaged.write_bytes(whole[: len(whole) // 2])
    if kind == "html":  # half a web page is still a web page: read as far as it goes, and the clerk is told
        [notice, *_] = read_report(damaged).notices
        assert damaged.name in notice and "不完整" in notice
        return
    with pytest.raises(UserError) as refused:
        read_report(damaged)
    assert damaged.name in refused.value.message and CJK.search(refused.value.message)
    assert damaged.read_bytes() == whole[: len(whole) // 2]
