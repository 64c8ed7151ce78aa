"""Report pages in the shape government portals publish them, for the HTML importer's tests.

The pages are built here from a report (the fixtures hold the numbers and texts of the real published reports in
../shared/reports: 淮安市人民政府 2024, 平潭综合实验区 2022) in two hands portals commonly have:

- `TRS`: a content-management page in GB2312 — banner, search form, menu and breadcrumb, a sidebar of links, the
  article in a cell of nested layout tables under a title in `<font size="5">` and a line 发布时间/来源/浏览次数/字号,
  paragraphs in `<font face="仿宋_GB2312">` padded with &nbsp;, headings in `<strong>`, then 打印/关闭,
  上一篇/下一篇, 相关链接 and the footer (版权所有, ICP备, 网站标识码);
- `WORD`: a 信息公开 directory page whose article was pasted from Word — a 索引号/发布机构/生成日期 box above the title,
  the agency and the rest of the title on two lines, `class="MsoNormal"` paragraphs split into spans at every change
  of script, `<o:p>` tags, source lines wrapped inside Chinese text, sub-headings run on into their paragraph
  (`（一）主动公开情况。2024 年，…`), table cells in `<p><span>` with widths and Word's borders.

Both put the tables as the official ones with their merges (tests/docx_builders.grid_table) and scripts, styles and
a script holding heading-like words where no reader sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from models.format import format2021 as fmt
from models.report import Report
from tests.docx_builders import Table, grid_table, values_of

TRS, WORD = "trs", "word"


@dataclass(frozen=True)
class Portal:
    site: str
    hand: str = TRS
    published: str = ""                 # the page's 发布时间 line, e.g. "2023-02-20 15:07"
    wording: dict[str, str] = field(default_factory=dict)  # sub-heading key → heading as the page words it
    sections: dict[str, str] = field(default_factory=dict)  # section key → heading as the page prints it (typos too)
    signature: tuple[str, ...] = ()     # 落款 lines under the article
    charset: str = "gb2312"


def portal_page(report: Report, portal: Portal) -> str:
    """The page's HTML (as text; `write_portal` encodes it as the page declares)."""
    paragraph = _trs_paragraph if portal.hand == TRS else _word_paragraph
    body: list[str] = [paragraph(line) for line in _lines(report.text(fmt.PREAMBLE_KEY))]
    for section in fmt.SECTIONS:
        body.append(_heading(portal.sections.get(section.key, section.heading), portal.hand))
        if section.table:
            body.append(_table(grid_table(section.table, values_of(report)), portal.hand))
            continue
        if not section.subheadings:
            body += [paragraph(line) for line in _lines(report.text(section.key))]
            continue
        body += [paragraph(line) for line in _lines(report.text(section.intro_key))]
        for sub in section.subheadings:
            lines = _lines(report.text(sub.key))
            if not lines:
                continue
            heading = portal.wording.get(sub.key, sub.heading)
            if portal.hand == WORD:  # run on into the first paragraph, as the Huaian report prints it
                body.append(_word_paragraph(lines[0], lead=heading + "。"))
                body += [_word_paragraph(line) for line in lines[1:]]
            else:
                body.append(f'<p style="text-indent:2em;"><font face="楷体_GB2312" size="4"><b>{escape(heading)}'
                            "</b></font></p>")
                body += [_trs_paragraph(line) for line in lines]
    body += [f'<p align="right"><font face="仿宋_GB2312" size="4">{escape(line)}&nbsp;&nbsp;&nbsp;&nbsp;</font></p>'
             for line in portal.signature]
    return _frame(report, portal, "\n".join(body))


def write_portal(path: Path, report: Report, portal: Portal) -> Path:
    encoding = "gbk" if portal.charset.lower() in ("gb2312", "gbk") else portal.charset
    path.write_bytes(portal_page(report, portal).encode(encoding))
    return path


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _trs_paragraph(text: str) -> str:
    return (f'<p style="text-indent:2em; line-height:2;"><font face="仿宋_GB2312" size="4">&nbsp;&nbsp;'
            f"{escape(text)}</font></p>")


def _word_paragraph(text: str, lead: str = "") -> str:
    """A paragraph pasted from Word: a span per run of script (Chinese / Latin), the source wrapped every 40
    characters (inside Chinese text, where a browser shows no space), Word's empty `<o:p>`."""
    runs: list[str] = []
    current = ""
    for ch in text:
        if current and (ord(ch) < 0x2E80) != (ord(current[-1]) < 0x2E80):
            runs.append(current)
            current = ""
        current += ch
    runs.append(current)
    spans = []
    for run in runs:
        lang = ' lang="EN-US"' if ord(run[0]) < 0x2E80 else ""
        wrapped = "\n".join(escape(run[i:i + 40]) for i in range(0, len(run), 40))
        spans.append(f'<span{lang} style="font-size:16.0pt;font-family:仿宋_GB2312">{wrapped}</span>')
    head = f'<b><span style="font-family:楷体_GB2312">{escape(lead)}</span></b>' if lead else ""
    return (f'<p class="MsoNormal" style="text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt">'
            f'{head}{"".join(spans)}<span lang="EN-US"><o:p></o:p></span></p>')


def _heading(text: str, hand: str) -> str:
    if hand == TRS:
        return f'<p style="text-indent:2em;"><font face="黑体" size="4"><strong>{escape(text)}</strong></font></p>'
    return (f'<p class="MsoNormal" style="text-indent:32.0pt"><b><span style="font-family:黑体">{escape(text)}</span>'
            '</b><span lang="EN-US"><o:p></o:p></span></p>')


def _table(table: Table, hand: str) -> str:
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r, c, rowspan, colspan in table.merges:
        spans[(r, c)] = (rowspan, colspan)
        covered |= {(r + i, c + j) for i in range(rowspan) for j in range(colspan)} - {(r, c)}
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            cells.append(f"<td{attrs}{_cell_style(hand)}>{_cell_content(text, hand)}</td>")
        rows.append(f'<tr style="height:20px">{"".join(cells)}</tr>')
    if hand == TRS:
        return (f'<table border="1" cellspacing="0" cellpadding="0" width="96%" align="center">'
                f'<tbody>{"".join(rows)}</tbody></table><p>&nbsp;</p>')
    return (f'<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="604" '
            f'style="border-collapse:collapse;border:none"><tbody>{"".join(rows)}</tbody></table>'
            '<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>')


def _cell_style(hand: str) -> str:
    if hand == TRS:
        return ' align="center" valign="middle"'
    return ' width="60" valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"'


def _cell_content(text: str, hand: str) -> str:
    """A cell as the hand writes it: digits padded with &nbsp; (TRS), a label of two words broken where Word broke
    it (`结果<br>维持`), Word's `<p><span>` and `<o:p>` (WORD)."""
    two_words = len(text) == 4 and all(ord(ch) >= 0x4E00 for ch in text)
    shown = "<br>".join(escape(part) for part in ([text[:2], text[2:]] if two_words else [text]))
    if hand == TRS:
        padded = f"&nbsp;{shown}&nbsp;" if text.isdigit() else shown
        return f'<font face="宋体" size="2">{padded}</font>'
    return (f'<p class="MsoNormal" align="center" style="text-align:center"><span style="font-family:宋体">'
            f'{shown}</span><span lang="EN-US"><o:p></o:p></span></p>')


def _frame(report: Report, portal: Portal, article: str) -> str:
    """The site around the article: head with scripts and styles, banner, menu, breadcrumb, sidebar, footer."""
    title = report.title
    if portal.hand == WORD:
        shown_title = f"{escape(report.meta.agency)}<br />{escape(title[len(report.meta.agency):])}"
        above = ('<table class="xxgk_table" width="100%" border="1" cellspacing="0"><tr><td>索引号：</td>'
                 '<td>014118975/2025-00012</td><td>发布机构：</td>'
                 f"<td>{escape(report.meta.agency)}办公室</td></tr><tr><td>生成日期：</td><td>2025-03-28</td>"
                 "<td>文号：</td><td>&nbsp;</td></tr><tr><td>主题分类：</td><td>综合政务\\其他</td><td>有效性：</td>"
                 "<td>有效</td></tr></table>")
    else:
        shown_title = escape(title.replace("年政府", "年度政府"))  # as Pingtan titles it: 2022年度
        above = ""
    info = (f"发布时间：{portal.published}&nbsp;&nbsp;&nbsp;&nbsp;" if portal.published else "") + (
        f"来源：{escape(report.meta.agency)}&nbsp;&nbsp;&nbsp;&nbsp;浏览次数：<script>document.write(1234)</script>"
        '&nbsp;&nbsp;【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> '
        '<a href="javascript:doZoom(12)">小</a>】')
    menu = "".join(f'<td class="nav"><a href="/{i}/">{name}</a></td>'
                   for i, name in enumerate(("首页", "政务公开", "政务服务", "互动交流", "走进我区")))
    sidebar = "".join(f'<li><a href="/zfxxgk/{i}/">{name}</a></li>' for i, name in enumerate((
        "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开", "一、总体情况")))
    related = "".join(f'<li><a href="/nb/{year}.htm">{escape(report.meta.agency)}{year}年政府信息公开工作年度报告'
                      f"</a></li>" for year in (2021, 2020, 2019))
    meta_charset = (f'<meta charset="{portal.charset}">' if portal.hand == TRS else
                    f'<meta http-equiv="Content-Type" content="text/html; charset={portal.charset}" />')
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- saved from url=(0064)https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/t20230220_80629.htm -->
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
{meta_charset}
<title>{escape(title)}_{escape(portal.site)}</title>
<meta name="keywords" content="政府信息公开,年度报告" />
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<style type="text/css">.title {{ font-size: 22px; }} .content p {{ line-height: 2; }}</style>
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">var outline = "一、总体情况 二、主动公开政府信息情况 六、其他需要报告的事项";</script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
  <tr><td><img src="/images/logo.png" alt="{escape(portal.site)}" /></td>
  <td class="search"><form action="/search"><input type="text" name="q" value="请输入关键字" />
  <input type="submit" value="搜索" /></form></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr>{menu}</tr></table>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/nb/">政府信息公开年报</a> &gt; 正文</div>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
<tr>
<td width="220" valign="top" class="left">
  <div class="lm"><font color="#ffffff"><b>政府信息公开</b></font></div>
  <ul>{sidebar}</ul>
</td>
<td width="780" valign="top">
{above}
<table width="100%" border="0" cellpadding="0" cellspacing="0">
  <tr><td align="center" class="title" height="60"><font size="5" color="#0b4f9a"><b>{shown_title}</b></font></td></tr>
  <tr><td align="center" class="info" height="30"><font color="#666666">{info}</font></td></tr>
  <tr><td class="content"><div class="TRS_Editor"><div class="Custom_UnionStyle">
{article}
  </div></div></td></tr>
  <tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】
  【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
<div class="pre">上一篇：<a href="/nb/1.htm">关于做好政务公开工作的通知</a><br />
下一篇：<a href="/nb/3.htm">政府信息公开指南</a></div>
<div class="xglj"><b>相关链接</b><ul>{related}</ul></div>
</td>
</tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="foot"><tr><td align="center">
<a href="/map.htm">网站地图</a> | <a href="/lxwm.htm">联系我们</a> | <a href="/smsm.htm">网站声明</a><br />
版权所有：{escape(portal.site)}&nbsp;&nbsp;主办：{escape(report.meta.agency)}办公室<br />
ICP备12003405号&nbsp;&nbsp;网站标识码：3501280001
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script>
</td></tr></table>
</body>
</html>
"""
