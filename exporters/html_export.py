"""The report as one web page for the government portal: `build_html` (text), `build_clipboard` (the page's article
and its plain-text twin for 复制网页内容), `build_text` and `export_html` (an atomic write), with `HtmlOptions`.

One self-contained UTF-8 file, `lang="zh-CN"`: the parts the Word report prints, in its order (layouts.report_outline)
— 草稿（未通过校验） first when errors were allowed (exporters.policy, as for Word), the title broken as in Word, the
preamble, the six headings with their narrative, the three tables (exporters.html_tables), the 落款. Styles are inline
on every element (a portal's editor strips `<style>` and classes), the fonts are the 公文 ones with what every
machine has after them; no script, no image, no link to anything outside. The agency level travels in a `<meta>`
(`LEVEL_META`), as the Word file carries it in a document property, for the importer to read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from exporters.errors import ExportError
from exporters.html_tables import table_html, table_text
from exporters.policy import draft_or_refuse
from layouts.html_layout import LEVEL_META
from layouts.report_outline import DraftMark, Heading, Paragraph, Part, Signature, TablePart, Title, outline
from models.app_info import APP_NAME, APP_VERSION
from models.findings import Finding, error_count
from models.report import Report
from models.rules.rule_set import evaluate
from models.storage.atomic import WriteFailed, atomic_write

_SERIF = "'Songti SC',SimSun,serif"
TITLE_FONT = f"'方正小标宋简体','方正小标宋_GBK','华文中宋',STZhongsong,'宋体',{_SERIF}"
BODY_FONT = f"'仿宋_GB2312','仿宋',FangSong,STFangsong,{_SERIF}"
HEADING1_FONT = "'黑体',SimHei,'Heiti SC','Microsoft YaHei',sans-serif"
HEADING2_FONT = f"'楷体_GB2312','楷体',KaiTi,STKaiti,{_SERIF}"

PAGE_STYLE = "max-width:1000px;margin:0 auto;padding:24px 16px;background:#fff;color:#000;"
MARK_STYLE = f"margin:0 0 12px;text-align:center;font-family:{HEADING1_FONT};font-size:18px;color:#c00000;"
TITLE_STYLE = (f"margin:0 0 24px;text-align:center;font-family:{TITLE_FONT};font-size:28px;font-weight:normal;"
               "line-height:1.5;color:#000;")
HEADING1_STYLE = f"margin:16px 0 0;font-family:{HEADING1_FONT};font-size:18px;font-weight:normal;line-height:1.9;"
HEADING2_STYLE = (f"margin:0;text-indent:2em;font-family:{HEADING2_FONT};font-size:18px;font-weight:normal;"
                  "line-height:1.9;")
BODY_STYLE = f"margin:0;text-indent:2em;text-align:justify;font-family:{BODY_FONT};font-size:18px;line-height:1.9;"
LEAD_STYLE = f"font-family:{HEADING2_FONT};"
SIGNATURE_STYLE = f"margin:0;text-align:right;font-family:{BODY_FONT};font-size:18px;line-height:1.9;"


@dataclass(frozen=True)
class HtmlOptions:
    """allow_errors: export even though the report has errors; the page then opens with 草稿（未通过校验）."""

    allow_errors: bool = False


def _draft(report: Report, findings: list[Finding] | None, previous: Report | None, options: HtmlOptions,
           path: Path | None) -> bool:
    """Whether the page is a marked draft; ExportRefused when errors block it (exporters.policy)."""
    if findings is None:
        findings = evaluate(report, previous)
    return draft_or_refuse(error_count(findings), options.allow_errors, path)


def build_html(report: Report, *, findings: list[Finding] | None = None, previous: Report | None = None,
               options: HtmlOptions = HtmlOptions(), path: Path | None = None) -> str:
    """The whole page. Raises ExportRefused when the report has errors and drafts are not allowed."""
    draft = _draft(report, findings, previous, options, path)
    level = f'<meta name="{LEVEL_META}" content="{escape(report.meta.level)}">\n' if report.meta.level else ""
    return ("<!DOCTYPE html>\n"
            '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{escape(APP_NAME)} {APP_VERSION}">\n{level}'
            f"<title>{escape(report.title)}</title>\n</head>\n"
            f'<body style="margin:0;background:#fff;">\n{_article(report, draft)}\n</body>\n</html>\n')


def build_clipboard(report: Report, *, findings: list[Finding] | None = None, previous: Report | None = None,
                    options: HtmlOptions = HtmlOptions()) -> tuple[str, str]:
    """复制网页内容: the page's article as HTML to paste into a portal's editor, and its plain text. The HTML is the
    page's `<div>` alone between the StartFragment/EndFragment marks (Windows' clipboard format takes what is
    between them; no <head> or <title> to end up in the editor). Refused as the page is."""
    draft = _draft(report, findings, previous, options, None)
    html = ('<html><head><meta charset="utf-8"></head><body>\n<!--StartFragment-->'
            f"{_article(report, draft)}<!--EndFragment-->\n</body></html>")
    return html, _plain(report, draft)


def build_text(report: Report, *, findings: list[Finding] | None = None, previous: Report | None = None,
               options: HtmlOptions = HtmlOptions()) -> str:
    """The page's plain text (for editors that take no HTML): paragraphs on lines of their own, a blank line before
    each heading and table, tables as tab-separated rows. Refused as the page is."""
    return _plain(report, _draft(report, findings, previous, options, None))


def _article(report: Report, draft: bool) -> str:
    body = "\n".join(_part_html(part, report) for part in outline(report, draft=draft))
    return f'<div lang="zh-CN" style="{PAGE_STYLE}">\n{body}\n</div>'


def _plain(report: Report, draft: bool) -> str:
    lines: list[str] = []
    for part in outline(report, draft=draft):
        if isinstance(part, Heading | TablePart | Signature) and lines:
            lines.append("")
        if isinstance(part, DraftMark):
            lines.append(part.text)
        elif isinstance(part, Title):
            lines.append("".join(part.lines))
        elif isinstance(part, Heading):
            lines.append(part.text)
        elif isinstance(part, Paragraph):
            lines.append(f"　　{part.lead}{part.text}")
        elif isinstance(part, TablePart):
            lines.append(table_text(part.table, report))
        else:
            lines += [line for line in (part.agency, part.date) if line]
    return "\n".join(lines) + "\n"


def export_html(report: Report, path: Path | str, *, findings: list[Finding] | None = None,
                previous: Report | None = None, options: HtmlOptions = HtmlOptions()) -> Path:
    """Write the page to `path` (UTF-8, atomically). Returns the path; raises ExportError (Chinese `.message`)."""
    path = Path(path)
    data = build_html(report, findings=findings, previous=previous, options=options, path=path).encode("utf-8")
    try:
        atomic_write(path, data)
    except WriteFailed as exc:
        raise ExportError(path, exc.message) from exc
    return path


def _part_html(part: Part, report: Report) -> str:
    if isinstance(part, DraftMark):
        return f'<p style="{MARK_STYLE}">{_text(part.text)}</p>'
    if isinstance(part, Title):
        return f'<h1 style="{TITLE_STYLE}">{"<br>".join(_text(line) for line in part.lines)}</h1>'
    if isinstance(part, Heading):
        tag, style = ("h2", HEADING1_STYLE) if part.level == 1 else ("h3", HEADING2_STYLE)
        return f'<{tag} style="{style}">{_text(part.text)}</{tag}>'
    if isinstance(part, Paragraph):
        lead = f'<span style="{LEAD_STYLE}">{_text(part.lead)}</span>' if part.lead else ""
        return f'<p style="{BODY_STYLE}">{lead}{_text(part.text)}</p>'
    if isinstance(part, TablePart):
        return table_html(part.table, report)
    return _signature_html(part)


def _signature_html(part: Signature) -> str:
    """落款: the agency and the date right-aligned, each as far in from the right as layouts.signature says, after
    a blank line's space."""
    lines = [(part.agency, part.indents.agency)] if part.agency else []
    lines.append((part.date, part.indents.date))
    out = []
    for i, (text, indent) in enumerate(lines):
        space = "margin-top:1.9em;" if i == 0 else ""
        out.append(f'<p style="{SIGNATURE_STYLE}{space}padding-right:{indent:g}em;">{_text(text)}</p>')
    return "\n".join(out)


def _text(text: str) -> str:
    """Escaped text whose runs of spaces survive HTML's collapsing (a space, then no-break spaces)."""
    escaped = escape(text, quote=False)
    if "  " not in escaped:
        return escaped
    out: list[str] = []
    run = 0
    for ch in escaped:
        if ch == " ":
            out.append(" " if run == 0 else "&nbsp;")
            run += 1
        else:
            out.append(ch)
            run = 0
    return "".join(out)
