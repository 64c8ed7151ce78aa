"""The report's text in Word: title, preamble, the six headings, narrative paragraphs with their sub-headings.

A narrative text is split into paragraphs at line breaks; the indentation a clerk typed (spaces, 　) is dropped
because the style indents every paragraph by two characters. A line that is a （一）-style sub-heading becomes a
level-two heading; a paragraph that opens with one (`（一）主动公开情况。本年……`) keeps its heading in 楷体. A
sub-heading is printed as the report words it (`Report.heading`): the clerk's own wording, or the official one.
"""

from __future__ import annotations

from exporters.docx_styles import (
    BODY_PT,
    BODY_SPACING,
    HEADING1,
    HEADING2,
    LINE_PT,
    NORMAL,
    SIGNATURE,
    TITLE,
    TITLE_PT,
)
from exporters.docx_xml import paragraph_xml, rpr_xml, run_xml, text_paragraph
from exporters.fonts import FontSet
from layouts.page_geometry import TITLE_CHARS_PER_LINE
from layouts.report_text import DATE_PLACEHOLDER, paragraphs, split_heading
from layouts.signature import signature_indents
from layouts.title_lines import title_lines
from models.format import format2021 as fmt
from models.meta_input import format_date
from models.report import Report


class BodyWriter:
    """Builds the XML of the report's text, one block at a time, with the run fonts of a FontSet."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.body = rpr_xml(fonts.body, BODY_PT, spacing=BODY_SPACING)
        self.h1 = rpr_xml(fonts.heading1, BODY_PT, spacing=BODY_SPACING)
        self.h2 = rpr_xml(fonts.heading2, BODY_PT, spacing=BODY_SPACING)
        self.title = rpr_xml(fonts.title, TITLE_PT, bold=fonts.title_bold)

    def title_block(self, agency: str, title: str) -> str:
        """The title, on as many lines as layouts.title_lines breaks it into (agency above the rest, long names
        split only at word boundaries)."""
        lines = title_lines(agency, title, TITLE_CHARS_PER_LINE)
        breaks = f"<w:r>{self.title}<w:br/></w:r>"
        return paragraph_xml(breaks.join(run_xml(line, self.title) for line in lines), TITLE)

    def heading1(self, text: str, after_table: bool = False) -> str:
        """A 一、 heading; half a line of space above it when it follows a table."""
        return text_paragraph(text, HEADING1, self.h1, f'<w:spacing w:before="{LINE_PT * 10}"/>' if after_table else "")

    def heading2(self, text: str) -> str:
        return text_paragraph(text, HEADING2, self.h2)

    def body_text(self, text: str) -> str:
        """Paragraphs of a narrative text (sub-heading lines as level-two headings)."""
        out: list[str] = []
        for line in paragraphs(text):
            heading = split_heading(line)
            if heading and not heading[1]:
                out.append(self.heading2(line))
            elif heading:
                out.append(paragraph_xml(run_xml(heading[0], self.h2) + run_xml(heading[1], self.body), NORMAL))
            else:
                out.append(text_paragraph(line, NORMAL, self.body))
        return "".join(out)

    def section(self, report: Report, section: fmt.Section, after_table: bool = False) -> str:
        """A narrative section: its intro, then each sub-heading that has text (as the report words it), with its
        body."""
        out = [self.heading1(section.heading, after_table)]
        if not section.subheadings:
            out.append(self.body_text(report.text(section.key)))
            return "".join(out)
        out.append(self.body_text(report.text(section.intro_key)))
        for sub in section.subheadings:
            body = report.text(sub.key)
            if body:
                out.append(self.heading2(report.heading(sub.key)))
                out.append(self.body_text(body))
        return "".join(out)

    def attachment_note(self, text: str) -> str:
        """附件说明 (附件：自查清单): one blank line under the body, two characters in; kept with the 落款."""
        keep = "<w:keepNext/><w:keepLines/>"
        return text_paragraph("", NORMAL, self.body, keep) + text_paragraph(text, NORMAL, self.body, keep)

    def signature(self, report: Report) -> str:
        """落款: the agency and the publication date (2025年1月20日) placed as layouts.signature says, after a blank
        line; a date line to fill in by hand when the date is not set yet. The blank line and the agency keep with
        the next line, so the 落款 never stands alone on a page (build_docx ties the paragraph before it too)."""
        published = report.meta.publish_date
        date_text = format_date(published) if published else DATE_PLACEHOLDER
        agency = report.meta.agency
        indents = signature_indents(agency, date_text)
        keep = "<w:keepNext/><w:keepLines/>"
        lines = [text_paragraph("", NORMAL, self.body, keep)]
        if agency:
            lines.append(text_paragraph(agency, SIGNATURE, self.body, keep + _right_indent(indents.agency)))
        lines.append(text_paragraph(date_text, SIGNATURE, self.body, "<w:keepLines/>" + _right_indent(indents.date)))
        return "".join(lines)


def _right_indent(chars: float) -> str:
    """A right indent in characters: in character units (Word scales them) and in twips of 3号 (others)."""
    return (f'<w:ind w:right="{round(chars * BODY_PT * 20)}" w:rightChars="{round(chars * 100)}" '
            f'w:firstLine="0" w:firstLineChars="0"/>')
