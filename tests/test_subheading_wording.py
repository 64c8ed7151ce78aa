"""The clerk's own wording of a sub-heading (issue 16 §4): read from Word as written, printed in the Word export as
written, read back the same from our Word and Excel files, and carried to next year with its text."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from exporters import DocxOptions, build_docx
from importers import read_report
from models.format import format2021 as fmt
from models.report import Report
from models.tools.carryover import new_year_from
from tests.builders import consistent_report
from tests.docx_builders import grid_table, report_blocks, values_of, write_docx

PROBLEMS = "一是政策解读形式较为单一；二是依申请公开答复规范性有待提高。"
IMPROVEMENTS = "一是丰富解读形式，推出图解、视频解读；二是加强业务培训。"


def _report() -> Report:
    report = consistent_report(21)
    report.texts.update({"s1.active": "本年主动公开信息254条。", "s5.problems": PROBLEMS,
                         "s5.improvements": IMPROVEMENTS, "s6": "本年未收取信息处理费。"})
    return report


def _clerks_word_file(path: Path, report: Report) -> Path:
    """A clerk's Word report: 五's sub-headings worded their own way, run on into their text after a colon."""
    blocks = [report.title]
    for section in fmt.SECTIONS:
        blocks.append(section.heading)
        if section.table:
            blocks.append(grid_table(section.table, values_of(report)))
        elif section.key == "s5":
            blocks += [f"（一）存在的主要问题：{PROBLEMS}", f"（二）改进措施：{IMPROVEMENTS}"]
        elif report.section_text(section.key):
            blocks.extend(report.section_text(section.key).split("\n"))
    return write_docx(path, blocks)


def _exported(report: Report, path: Path) -> tuple[Document, Path]:
    data = build_docx(report, options=DocxOptions(allow_errors=True))
    path.write_bytes(data)
    return Document(io.BytesIO(data)), path


def test_the_word_importer_keeps_the_wording_and_says_so(tmp_path):
    imported = read_report(_clerks_word_file(tmp_path / "clerk.docx", _report()))
    report = imported.report
    assert report.headings == {"s5.problems": "（一）存在的主要问题：", "s5.improvements": "（二）改进措施："}
    assert report.texts["s5.problems"] == PROBLEMS and report.texts["s5.improvements"] == IMPROVEMENTS
    assert "“（一）存在的主要问题”按原文保留，对应“（一）存在的问题”。" in imported.notices
    assert "“（二）改进措施”按原文保留，对应“（二）改进情况”。" in imported.notices
    assert report.section_text("s5") == f"（一）存在的主要问题：\n{PROBLEMS}\n（二）改进措施：\n{IMPROVEMENTS}"


def test_the_word_export_prints_the_wording_and_reads_back_the_same(tmp_path):
    report = read_report(_clerks_word_file(tmp_path / "clerk.docx", _report())).report
    document, path = _exported(report, tmp_path / "exported.docx")
    headings = [(p.text, p.style.style_id) for p in document.paragraphs if p.text.startswith("（")]
    assert ("（一）存在的主要问题：", "Heading2") in headings and ("（二）改进措施：", "Heading2") in headings
    assert "（一）存在的问题" not in [text for text, _ in headings]
    assert ("（一）主动公开情况", "Heading2") in headings  # not reworded: the official heading
    again = read_report(path)
    assert again.report.headings == report.headings and again.report.texts == report.texts
    assert _exported(again.report, tmp_path / "again.docx")[0].paragraphs[-1].text == document.paragraphs[-1].text


def test_wording_without_an_ordinal_gets_the_official_one_and_round_trips(tmp_path):
    """Word's automatic numbering keeps （三） out of the text: printed with it, so that the number is not lost."""
    report = _report()
    blocks = report_blocks(report)
    at = blocks.index("本年主动公开信息254条。") + 1
    blocks[at:at] = ["政府信息管理", "健全保密审查制度。"]
    imported = read_report(write_docx(tmp_path / "numbered.docx", blocks)).report
    assert imported.headings == {"s1.management": "（三）政府信息管理"}
    document, path = _exported(imported, tmp_path / "exported.docx")
    assert "（三）政府信息管理" in [p.text for p in document.paragraphs]
    assert read_report(path).report.headings == imported.headings


def test_a_report_without_wording_exports_and_imports_as_before(tmp_path):
    report = _report()
    document, path = _exported(report, tmp_path / "plain.docx")
    assert "（一）存在的问题" in [p.text for p in document.paragraphs]
    imported = read_report(path)
    assert imported.report.headings == {} and not any("按原文保留" in n for n in imported.notices)


def test_the_wording_carries_to_next_year_with_the_text():
    previous = _report()
    previous.meta.year = 2024
    previous.set_heading("s5.problems", "（一）存在的主要问题：")
    report = new_year_from(previous)
    assert report.headings == previous.headings and report.texts["s5.problems"] == PROBLEMS
    assert report.section_text("s5") == previous.section_text("s5")  # X-4 compares the same text
