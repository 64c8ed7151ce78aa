"""The Word report: `build_docx` (bytes) and `export_docx` (atomic writes), with `DocxOptions`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporters import docx_styles
from exporters.docx_appendices import build_checklist_docx, build_signoff_docx, companion_paths
from exporters.docx_body import BodyWriter
from exporters.docx_document import finish, keep_with_next, new_document, place
from exporters.docx_extras import checklist_appendix, signoff_sheet
from exporters.docx_tables import table_layout, table_xml
from exporters.docx_xml import parse_block, text_paragraph
from exporters.errors import ExportError
from exporters.fonts import font_set
from exporters.policy import draft_or_refuse
from exporters.selfcheck import checklist, previous_was_loaded
from layouts.docx_layout import ATTACHMENT_NOTE
from models.app_info import DRAFT_MARK
from models.findings import Finding, error_count
from models.format import format2021 as fmt
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.atomic import WriteFailed, atomic_write


@dataclass(frozen=True)
class DocxOptions:
    """What the clerk ticks on the export page.

    allow_errors: export even though the report has errors; the document then carries 草稿（未通过校验）.
    official_fonts: the GB/T 9704 fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) or stock Windows ones (see fonts.py).
    checklist: the 自查清单 (every rule, pass or fail, the 说明 of each warning).
    signoff_sheet: a 审核签发单 (拟稿 / 审核 / 签发).
    separate_files: the two as files of their own beside the report (…_审核签发单.docx, …_自查清单.docx), as the
        window and the command line export them unless told otherwise; else inside the report: the 审核签发单 as
        an unnumbered first section, the 自查清单 as its 附件 with the 附件说明 line under the body.
    """

    allow_errors: bool = False
    official_fonts: bool = True
    checklist: bool = False
    signoff_sheet: bool = False
    separate_files: bool = False

    def companions(self, path: Path) -> list[Path]:
        """The files written beside the report at `path` (none when the appendices go inside it)."""
        if not self.separate_files:
            return []
        return companion_paths(path, signoff_sheet=self.signoff_sheet, checklist=self.checklist)


def build_docx(report: Report, *, findings: list[Finding] | None = None, previous: Report | None = None,
               options: DocxOptions = DocxOptions(), path: Path | None = None) -> bytes:
    """The report's .docx bytes (with the 审核签发单/自查清单 inside it when they are ticked and not separate
    files). Raises ExportRefused when the report has errors and drafts are not allowed."""
    if findings is None:
        findings = evaluate(report, previous)
    draft = draft_or_refuse(error_count(findings), options.allow_errors, path)
    fonts = font_set(options.official_fonts)
    signoff = options.signoff_sheet and not options.separate_files
    appended = options.checklist and not options.separate_files
    document = new_document(fonts)
    writer = BodyWriter(fonts)
    xml: list[str] = []
    if signoff:
        xml.append(signoff_sheet(report, findings, fonts, draft))
        xml.append(docx_styles.section_break_before(document))
    if draft:
        xml.append(text_paragraph(DRAFT_MARK, docx_styles.DRAFT_MARK, writer.h1))
    xml.append(writer.title_block(report.meta.agency, report.title))
    xml.append(writer.body_text(report.text(fmt.PREAMBLE_KEY)))
    after_table = False
    for section in report.format.sections:
        # A table too wide for the portrait page goes, with its heading, on a landscape page of its own.
        landscape = bool(section.table) and table_layout(report.format.grids[section.table], report).landscape
        if landscape:
            xml.append(docx_styles.section_end(document, landscape=False))
        xml.append(writer.section(report, section, after_table))
        after_table = bool(section.table)
        if after_table:
            xml.append(table_xml(section.table, report, fonts))
        if landscape:
            xml.append(docx_styles.section_end(document, landscape=True))
            after_table = False
    blocks = parse_block("".join(xml))
    if appended:
        blocks += parse_block(writer.attachment_note(ATTACHMENT_NOTE))
    keep_with_next(blocks[-1])  # the report's last lines go to the next page with the 落款, never the 落款 alone
    blocks += parse_block(writer.signature(report))
    if appended:
        rows = checklist(report, findings, previous_was_loaded(previous, findings))
        blocks += parse_block(checklist_appendix(rows, findings, fonts))
    place(document, blocks)
    docx_styles.fill_header_footer(document, fonts, DRAFT_MARK if draft else "")
    docx_styles.share_page_furniture(document, first=1 if signoff else 0)
    if signoff:
        docx_styles.blank_header_footer(document.sections[0])
    return finish(document, report, report.title)


def export_docx(report: Report, path: Path | str, *, findings: list[Finding] | None = None,
                previous: Report | None = None, options: DocxOptions = DocxOptions()) -> Path:
    """Write the Word report to `path`, and its 审核签发单/自查清单 beside it when they are separate files, each
    atomically; every file is built before the first is written. Returns the report's path. Raises ExportError
    (Chinese `.message`, naming the file) on any failure."""
    path = Path(path)
    if findings is None:
        findings = evaluate(report, previous)
    files = [(path, build_docx(report, findings=findings, previous=previous, options=options, path=path))]
    if options.separate_files:
        draft = bool(error_count(findings))
        fonts = font_set(options.official_fonts)
        built = []
        if options.signoff_sheet:
            built.append(build_signoff_docx(report, findings, fonts, draft))
        if options.checklist:
            built.append(build_checklist_docx(report, findings, previous, fonts, draft))
        files += list(zip(options.companions(path), built, strict=True))
    for target, data in files:
        try:
            atomic_write(target, data)
        except WriteFailed as exc:
            raise ExportError(target, exc.message) from exc
    return path
