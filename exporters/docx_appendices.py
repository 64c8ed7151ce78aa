"""The 审核签发单 and the 自查清单 as Word files of their own, beside the report (…_审核签发单.docx, …_自查清单.docx).

Neither belongs in the file that is published: the 审核签发单 is the agency's internal sign-off, the 自查清单 the
clerk's own check. By default the export writes them apart; appended to the report instead, the 自查清单 is an
附件 with its 附件说明 line under the body (GB/T 9704 §7.3.6) and the 审核签发单 an unnumbered first section.
"""

from __future__ import annotations

from pathlib import Path

from exporters import docx_styles
from exporters.docx_document import finish, new_document, place
from exporters.docx_extras import checklist_appendix, signoff_sheet
from exporters.docx_xml import parse_block
from exporters.fonts import FontSet
from exporters.selfcheck import checklist, previous_was_loaded
from layouts.docx_layout import CHECKLIST_TITLE, SIGNOFF_TITLE
from models.app_info import DRAFT_MARK
from models.findings import Finding
from models.report import Report


def companion_paths(path: Path, *, signoff_sheet: bool, checklist: bool) -> list[Path]:
    """The files written beside the report at `path`: …_审核签发单.docx first, then …_自查清单.docx."""
    names = [SIGNOFF_TITLE] * signoff_sheet + [CHECKLIST_TITLE] * checklist
    return [path.with_name(f"{path.stem}_{name}{path.suffix or '.docx'}") for name in names]


def build_signoff_docx(report: Report, findings: list[Finding], fonts: FontSet, draft: bool) -> bytes:
    """The 审核签发单 alone: one page, no page number."""
    document = new_document(fonts)
    place(document, parse_block(signoff_sheet(report, findings, fonts, draft)))
    docx_styles.blank_header_footer(document.sections[0])
    return finish(document, report, f"{report.title}{SIGNOFF_TITLE}")


def build_checklist_docx(report: Report, findings: list[Finding], previous: Report | None, fonts: FontSet,
                         draft: bool) -> bytes:
    """The 自查清单 alone, numbered, with the draft mark when the report has errors."""
    document = new_document(fonts)
    rows = checklist(report, findings, previous_was_loaded(previous, findings))
    place(document, parse_block(checklist_appendix(rows, findings, fonts, as_attachment=False)))
    docx_styles.fill_header_footer(document, fonts, DRAFT_MARK if draft else "")
    return finish(document, report, f"{report.title}{CHECKLIST_TITLE}")
