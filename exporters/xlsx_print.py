"""How every sheet prints: A4, fit to the page's width, and the same header and footer (agency, year, 第N页/共M页)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from models.app_info import DRAFT_MARK
from models.report import Report

PAGE_FOOTER = "第&P页/共&N页"
_HEADER_FONT = "宋体,常规"


def _escaped(text: str) -> str:
    """Text in a header: "&" starts a code there, so a literal one is doubled."""
    return text.replace("&", "&&")


def header_text(report: Report) -> tuple[str, str]:
    """(left, right) of the header: the agency, and the report's year."""
    meta = report.meta
    year = f"{meta.year}年度" if meta.year else ""
    return _escaped(meta.agency.strip()[:100]), f"{year}政府信息公开工作年度报告"


def set_up_page(ws: Worksheet, report: Report, *, landscape: bool = False, one_page: bool = False,
                draft: bool = False) -> None:
    """A4 (landscape or portrait), one page wide (`one_page`: and one page high), 15 mm side margins, the
    header (agency left, year right, 草稿 in the centre of a draft) and the footer 第N页/共M页."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1 if one_page else 0
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    left, right = header_text(report)
    for header in (ws.oddHeader,):
        for part, text in ((header.left, left), (header.right, right)):
            part.text, part.size, part.font = text, 9, _HEADER_FONT
        if draft:
            header.center.text, header.center.size, header.center.font = DRAFT_MARK, 9, _HEADER_FONT
            header.center.color = "B42318"
    ws.oddFooter.center.text, ws.oddFooter.center.size, ws.oddFooter.center.font = PAGE_FOOTER, 9, _HEADER_FONT
