"""The exporter table (exporters.registry) and the one export policy (exporters.policy): the four kinds with their
suffixes, the command line derived from the table, and every case of "errors block an official export unless a
marked draft is allowed"."""

from __future__ import annotations

import argparse

import pytest

from cli.main import build_parser
from cli.outputs import EXPORTS, Stop, plan
from exporters import DocxOptions, ExportRefused, XlsxOptions, build_docx, build_xlsx
from exporters.html_export import HtmlOptions, build_html
from exporters.policy import Verdict, draft_or_refuse, export_verdict
from exporters.registry import EXPORTERS, command_exporters
from models.findings import Finding, Severity
from models.report import Report
from tests.conftest import QT_PROBLEM

ALL_SUFFIXES = [(kind, suffix) for kind, exporter in EXPORTERS.items() for suffix in exporter.suffixes]


def test_the_table_lists_word_excel_pdf_the_web_page_and_the_infographic_with_their_suffixes():
    assert {kind: e.suffixes for kind, e in EXPORTERS.items()} == {
        "docx": (".docx",), "xlsx": (".xlsx",), "pdf": (".pdf",), "html": (".html", ".htm"),
        "infographic": (".png", ".pdf")}
    assert [e.name for e in EXPORTERS.values()] == ["Word 报告", "Excel 副本", "PDF 报告", "网页", "一图读懂"]
    assert [e.kind for e in EXPORTERS.values() if e.official] == ["docx", "xlsx", "pdf", "html"]
    assert [e.flag for e in command_exporters()] == ["--docx", "--xlsx", "--pdf", "--html"]
    assert EXPORTERS["infographic"].file_filter == "PNG 图片 (*.png);;PDF 文件 (*.pdf)"
    for kind in ("pdf", "infographic"):
        assert EXPORTERS[kind].build.startswith("render.")  # drawn by render/, loaded only when used


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html"])
def test_word_excel_and_web_page_builds_load_without_qt(kind):
    assert callable(EXPORTERS[kind].load())


@pytest.mark.skipif(bool(QT_PROBLEM), reason="Qt cannot be loaded here")
@pytest.mark.parametrize("kind", ["pdf", "infographic"])
def test_the_drawn_builds_load(kind):
    assert callable(EXPORTERS[kind].load())


@pytest.mark.parametrize(("kind", "suffix"), ALL_SUFFIXES)
def test_the_command_line_accepts_every_registered_suffix(kind, suffix, tmp_path):
    for name in (f"输出{suffix}", f"输出{suffix.upper()}"):
        planned = plan(str(tmp_path / name), EXPORTS[kind])
        assert planned.file == tmp_path / name and planned.kind.label == EXPORTERS[kind].name
    assert plan(str(tmp_path / "输出"), EXPORTS[kind]).file == tmp_path / f"输出{EXPORTERS[kind].suffix}"


@pytest.mark.parametrize("kind", list(EXPORTERS))
def test_the_command_line_refuses_any_other_suffix_naming_the_registered_ones(kind, tmp_path):
    with pytest.raises(Stop) as refused:
        plan(str(tmp_path / "输出.txt"), EXPORTS[kind])
    assert EXPORTERS[kind].name in refused.value.message
    assert all(suffix in refused.value.message for suffix in EXPORTERS[kind].suffixes)


def test_the_export_command_has_one_option_per_flagged_kind(monkeypatch):
    monkeypatch.setattr(argparse, "_", argparse._)  # build_parser translates argparse: put it back afterwards
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    parser = build_parser()
    argv = ["export", "草稿.nianbao"]
    for exporter in command_exporters():
        argv += [exporter.flag, f"出{exporter.suffix}"]
    args = parser.parse_args(argv)
    assert {e.kind: getattr(args, e.kind) for e in command_exporters()} == {
        "docx": "出.docx", "xlsx": "出.xlsx", "pdf": "出.pdf", "html": "出.html"}
    export_help = parser._subparsers._group_actions[0].choices["export"].format_help()
    for exporter in command_exporters():
        assert f"{exporter.flag} OUT{exporter.suffix}" in export_help and exporter.name in export_help


# ----- the policy ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("errors", "allow_draft", "official", "verdict"), [
    (0, False, True, Verdict.WRITE),
    (0, True, True, Verdict.WRITE),      # nothing wrong: an official file even when a draft was allowed
    (3, False, True, Verdict.REFUSE),
    (3, True, True, Verdict.DRAFT),
    (3, False, False, Verdict.WRITE),    # the 一图读懂 is not the official report: errors do not block it
    (3, True, False, Verdict.WRITE),
    (0, False, False, Verdict.WRITE),
])
def test_export_verdict(errors, allow_draft, official, verdict):
    assert export_verdict(errors, allow_draft, official=official) is verdict


def test_draft_or_refuse():
    assert draft_or_refuse(0, False, None) is False
    assert draft_or_refuse(0, True, None) is False
    assert draft_or_refuse(2, True, None) is True
    with pytest.raises(ExportRefused) as refused:
        draft_or_refuse(2, False, "报告.docx")
    assert refused.value.error_count == 2 and "2个错误" in refused.value.message and "导出草稿" in refused.value.message
    assert refused.value.path is not None and refused.value.path.name == "报告.docx"


def _error() -> Finding:
    return Finding("T3-1", Severity.ERROR, (), "表三不平衡")


@pytest.mark.parametrize(("build", "options"), [(build_docx, DocxOptions), (build_xlsx, XlsxOptions),
                                                (build_html, HtmlOptions)], ids=["docx", "xlsx", "html"])
def test_every_official_exporter_follows_the_policy(build, options):
    report = Report()
    with pytest.raises(ExportRefused):
        build(report, findings=[_error()], options=options())
    assert build(report, findings=[_error()], options=options(allow_errors=True))  # a marked draft
    assert build(report, findings=[], options=options())
