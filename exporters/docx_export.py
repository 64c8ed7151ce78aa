"""The Word report: `build_docx` (bytes) and `export_docx` (an atomic write), with `DocxOptions`."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from exporters import docx_styles
from exporters.docx_body import BodyWriter
from exporters.docx_extras import checklist_appendix, signoff_sheet
from exporters.docx_package import tidy_package
from exporters.docx_tables import table_xml
from exporters.docx_xml import clean_text, parse_block, text_paragraph
from exporters.errors import ExportError
from exporters.fonts import font_set
from exporters.policy import draft_or_refuse
from exporters.selfcheck import checklist, previous_was_loaded
from layouts.docx_layout import LEVEL_PROPERTY
from models import format2021 as fmt
from models.app_info import DRAFT_MARK
from models.atomic import WriteFailed, atomic_write
from models.findings import Finding, error_count
from models.report import Report
from models.rules import evaluate


@dataclass(frozen=True)
class DocxOptions:
    """What the clerk ticks on the export page.

    allow_errors: export even though the report has errors; the document then carries 草稿（未通过校验）.
    official_fonts: the GB/T 9704 fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) or stock Windows ones (see fonts.py).
    checklist: append the 自查清单 (every rule, pass or fail, the 说明 of each warning).
    signoff_sheet: put a 审核签发单 (拟稿 / 审核 / 签发) before the report, in its own unnumbered section.
    """

    allow_errors: bool = False
    official_fonts: bool = True
    checklist: bool = False
    signoff_sheet: bool = False


def build_docx(report: Report, *, findings: list[Finding] | None = None, previous: Report | None = None,
               options: DocxOptions = DocxOptions(), path: Path | None = None) -> bytes:
    """The .docx file's bytes. Raises ExportRefused when the report has errors and drafts are not allowed."""
    if findings is None:
        findings = evaluate(report, previous)
    draft = draft_or_refuse(error_count(findings), options.allow_errors, path)
    fonts = font_set(options.official_fonts)
    document = Document()
    docx_styles.setup_page(document)
    docx_styles.apply_styles(document, fonts)
    writer = BodyWriter(fonts)
    xml: list[str] = []
    if options.signoff_sheet:
        xml.append(signoff_sheet(report, findings, fonts, draft))
        xml.append(docx_styles.section_break_before(document))
    if draft:
        xml.append(text_paragraph(DRAFT_MARK, docx_styles.DRAFT_MARK, writer.h1))
    xml.append(writer.title_block(report.meta.agency, report.title))
    xml.append(writer.body_text(report.text(fmt.PREAMBLE_KEY)))
    after_table = False
    for section in report.format.sections:
        xml.append(writer.section(report, section, after_table))
        after_table = bool(section.table)
        if after_table:
            xml.append(table_xml(section.table, report, fonts))
    blocks = parse_block("".join(xml))
    keep_with_next(blocks[-1])  # the report's last lines go to the next page with the 落款, never the 落款 alone
    blocks += parse_block(writer.signature(report))
    if options.checklist:
        rows = checklist(report, findings, previous_was_loaded(previous, findings))
        blocks += parse_block(checklist_appendix(rows, findings, fonts))
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)  # the template's empty paragraph
    sect_pr = body.find(qn("w:sectPr"))
    for block in blocks:
        sect_pr.addprevious(block)
    docx_styles.fill_header_footer(document, fonts, DRAFT_MARK if draft else "")
    if options.signoff_sheet:
        docx_styles.blank_header_footer(document.sections[0])
    _set_properties(document, report)
    tidy_package(document, company=_property(report.meta.agency))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def keep_with_next(block) -> None:
    """Keep a paragraph on the page of the block after it (a table keeps its rows together already)."""
    if block.tag == qn("w:p"):
        block.get_or_add_pPr().get_or_add_keepNext()


#: Word's document properties (title, author …) hold at most this many characters; python-docx refuses more.
MAX_PROPERTY_CHARS = 255


def _property(text: str) -> str:
    return clean_text(text)[:MAX_PROPERTY_CHARS]


def _set_properties(document, report: Report) -> None:
    props = document.core_properties
    props.title = _property(report.title)
    props.author = _property(report.meta.agency)
    props.last_modified_by = _property(report.meta.agency)
    props.comments = f"按{report.format.notice}格式生成"
    setattr(props, LEVEL_PROPERTY, _property(report.meta.level))  # read back by the Word importer
    props.revision = 1


def export_docx(report: Report, path: Path | str, *, findings: list[Finding] | None = None,
                previous: Report | None = None, options: DocxOptions = DocxOptions()) -> Path:
    """Write the Word report to `path` atomically. Raises ExportError (Chinese `.message`) on any failure."""
    path = Path(path)
    data = build_docx(report, findings=findings, previous=previous, options=options, path=path)
    try:
        atomic_write(path, data)
    except WriteFailed as exc:
        raise ExportError(path, exc.message) from exc
    return path
