"""Optional pages of the Word document: the 审核签发单 cover sheet and the 自查清单 appendix (both off by default)."""

from __future__ import annotations

from exporters.docx_styles import APPENDIX_LABEL, BODY_PT, NORMAL, TABLE_CENTER, TABLE_LEFT, TABLE_PT, TITLE
from exporters.docx_xml import mm, rpr_xml, text_paragraph
from exporters.fonts import FontSet
from exporters.selfcheck import ChecklistRow, summary
from layouts.docx_layout import CHECKLIST_TITLE, SIGNOFF_TITLE
from models.findings import Finding, Severity
from models.format import format2021 as fmt
from models.report import Report

SIGNOFF_STEPS = ("拟稿", "审核", "签发")
#: An empty cell's paragraph: the table style, not Normal's two-character indent.
_EMPTY_CELL = f'<w:p><w:pPr><w:pStyle w:val="{TABLE_LEFT}"/></w:pPr></w:p>'
_SIGN_LINE = "签名：　　　　　　　　日期：　　　年　　月　　日"
_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _simple_table(widths_mm: tuple[float, ...], rows: list[tuple[list[str], float]], header_rows: int = 0) -> str:
    """A bordered table: each row is (cell contents as paragraph XML, minimum height in mm or 0)."""
    widths = [mm(w) for w in widths_mm]
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:left w:w="{mm(1.5)}" w:type="dxa"/><w:right w:w="{mm(1.5)}" w:type="dxa"/>'
           "</w:tblCellMar></w:tblPr><w:tblGrid>",
           *(f'<w:gridCol w:w="{w}"/>' for w in widths), "</w:tblGrid>"]
    for i, (cells, height) in enumerate(rows):
        tr_pr = "<w:cantSplit/>" if not height else ""
        if height:
            tr_pr += f'<w:trHeight w:val="{mm(height)}" w:hRule="atLeast"/>'
        if i < header_rows:
            tr_pr += "<w:tblHeader/>"
        out.append(f"<w:tr><w:trPr>{tr_pr}</w:trPr>")
        for width, content in zip(widths, cells, strict=True):
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                       f"{content or _EMPTY_CELL}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def signoff_sheet(report: Report, findings: list[Finding], fonts: FontSet, draft: bool) -> str:
    """The cover sheet: the report's title, agency and check summary, then 拟稿 / 审核 / 签发 with space to sign."""
    cell = rpr_xml(fonts.table, BODY_PT - 2)
    label = rpr_xml(fonts.heading1, BODY_PT - 2)
    result = summary(findings) + ("；草稿（未通过校验）" if draft else "")
    rows: list[tuple[list[str], float]] = [
        ([text_paragraph("文件标题", TABLE_CENTER, label), text_paragraph(report.title, TABLE_LEFT, cell)], 14),
        ([text_paragraph("发文机关", TABLE_CENTER, label), text_paragraph(report.meta.agency, TABLE_LEFT, cell)], 12),
        ([text_paragraph("公开方式", TABLE_CENTER, label), text_paragraph("主动公开", TABLE_LEFT, cell)], 12),
        ([text_paragraph("校验结果", TABLE_CENTER, label), text_paragraph(result, TABLE_LEFT, cell)], 12),
    ]
    for step in SIGNOFF_STEPS:
        sign = text_paragraph(_SIGN_LINE, TABLE_LEFT, cell, '<w:spacing w:before="600" w:after="0"/>')
        rows.append(([text_paragraph(step, TABLE_CENTER, label), sign], 42 if step == "签发" else 36))
    title = text_paragraph(SIGNOFF_TITLE, TITLE, rpr_xml(fonts.title, 22, bold=fonts.title_bold))
    return title + _simple_table((30, 126), rows)


def checklist_appendix(rows: list[ChecklistRow], findings: list[Finding], fonts: FontSet, *,
                       as_attachment: bool = True) -> str:
    """The 自查清单: every rule with its outcome, each finding's message and the 说明 written for it; as the report's
    附件, on a new page under the label 附件."""
    body = rpr_xml(fonts.body, BODY_PT)
    small = rpr_xml(fonts.table, TABLE_PT)
    head = rpr_xml(fonts.heading1, TABLE_PT)
    passed = sum(1 for r in rows if r.passed)
    lead = (f"本清单按《中华人民共和国政府信息公开工作年度报告格式》（{fmt.FORMAT_NOTICE}）及本软件的校验规则逐项核对，"
            f"共{len(rows)}项，通过{passed}项；{summary(findings)}。")
    table_rows: list[tuple[list[str], float]] = [(
        [text_paragraph(t, TABLE_CENTER, head) for t in ("序号", "检查内容", "结果", "问题及说明")], 0,
    )]
    for number, row in enumerate(rows, start=1):
        details = [text_paragraph(remark, TABLE_LEFT, small) for remark in row.remarks]
        for line in row.lines:
            details.append(text_paragraph(line.finding.message, TABLE_LEFT, small))
            if line.finding.severity is Severity.WARNING:
                note = f"说明：{line.note}" if line.note else "说明：（未填写）"
                details.append(text_paragraph(note, TABLE_LEFT, small))
            elif line.note:
                details.append(text_paragraph(f"说明：{line.note}", TABLE_LEFT, small))
        table_rows.append(([
            text_paragraph(str(number), TABLE_CENTER, small),
            text_paragraph(f"{row.rule.id} {row.rule.title}", TABLE_LEFT, small),
            text_paragraph(row.status, TABLE_CENTER, small),
            "".join(details),
        ], 0))
    label = text_paragraph("附件", APPENDIX_LABEL, rpr_xml(fonts.heading1, BODY_PT), "<w:pageBreakBefore/>")
    return ((label if as_attachment else "")
            + text_paragraph(CHECKLIST_TITLE, TITLE, rpr_xml(fonts.title, 22, bold=fonts.title_bold))
            + text_paragraph(lead, NORMAL, body)
            + _simple_table((12, 66, 16, 62), table_rows, header_rows=1))
