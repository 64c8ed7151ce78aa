"""Which part of a web page is the report: the article, not the site around it.

A page saved from a portal carries the site's banner, menus, breadcrumbs, a box of 索引号/发布机构 facts, 上一篇/下一篇
links and the footer around the article, often laid out in nested tables. The article is found from what only it
holds: the six section headings (importers.docx_text.match_section, in order) and the report's tables. The smallest
element holding them all — and the title before the first of them — is the article; paragraphs outside it are dropped.
Inside it:

- it starts at the title (`××2024年政府信息公开工作年度报告`, maybe with the agency on the line before, and our own
  export's 草稿（未通过校验） before that); without one in the body, the page's <title> stands in for it;
- between the title and the first heading, the portal's lines about the page (发布时间、来源、浏览次数、字号、打印 …)
  are dropped — the preamble's sentences end in 。, those lines do not; the date of its 发布时间 is the report's
  publication date when the report has no 落款 date (the date a portal page shows is when it was published);
- after the last heading it ends at the first line of the site's furniture (上一篇、相关链接、版权所有、ICP备 …);
- paragraphs that are mostly link text (menus, lists of other articles) are dropped everywhere but in the sections.

A page without any heading or report table is given back whole (less its link lists): the Word pipeline then says
it does not look like a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml.etree import _Element as Element

from importers.docx_labels import norm
from importers.docx_reader import WordTable
from importers.docx_text import as_date, date_of, find_title, match_section
from importers.html_reader import Item, Para, TableItem
from models.app_info import DRAFT_MARK

#: A paragraph at least this much link text is a menu or a list of links.
LINK_SHARE = 0.6
#: A line of the portal about the page is short and has no full stop.
FURNITURE_MAX = 120
_FRONT = re.compile(
    r"发布时间|发布日期|发文日期|成文日期|生成日期|更新时间|信息来源|来源[:：]|作者[:：]|浏览次数|浏览量|阅读次数|访问次数|"
    r"点击[数率量次]|字号|字体[:：]|[【\[]\s*[大中小]\s*[】\]]|打印|关闭|分享到|索引号|发布机构|主题分类|文号|有效性|"
    r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?$")
_END = re.compile(
    r"上一篇|下一篇|上一条|下一条|相关链接|相关阅读|相关文章|相关新闻|相关文件|相关附件|附件下载|打印本页|打印此页|"
    r"[【\[]\s*打印|[【\[]\s*关闭|关闭窗口|版权所有|Copyright|©|主办单位|主办[:：]|承办单位|承办[:：]|ICP备|"
    r"网站标识码|网站地图|联系我们|技术支持|扫一扫|分享到|责任编辑|纠错", re.IGNORECASE)
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期)\s*[:：]?\s*"
                        r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_CRUMB = re.compile(r"[>›»＞]")
TITLE_LINE_MAX = 60
AGENCY_LINE_MAX = 40
_TITLE_SEPARATORS = re.compile(r"\s+[-_|—–]+\s+|[_|｜]")


@dataclass
class Article:
    blocks: list[str | WordTable]
    #: The date of the page's 发布时间 line, when it stands for the report's publication date (no 落款 date).
    published: date | None = None


def article(items: list[Item], page_title: str = "") -> Article:
    """The report's blocks among the page's items (module docstring), its tables numbered from 1."""
    anchors = _anchors(items)
    if not anchors:
        return Article(_blocks([i for i in items if not _is_links(i)]))
    first, last = anchors[0], anchors[-1]
    title = _title_start(items, first)
    elements = [items[i].element for i in anchors] + ([items[title].element] if title is not None else [])
    root = common_ancestor(elements)
    start = title if title is not None else 0
    if title and isinstance(items[title - 1], Para) and norm(items[title - 1].text) == norm(DRAFT_MARK):
        start = title - 1  # our own export's mark stands before the title; the Word pipeline reads it
    inside = set(root.iter())
    kept: list[Item] = []
    published: date | None = None
    front = 0  # how many of the kept items come before the first heading or table
    for index in range(start, len(items)):
        item = items[index]
        if item.element not in inside and index not in (start, title):
            continue
        if index > last and isinstance(item, Para) and _furniture(item.text, _END):
            break
        if index not in anchors and (index < first or index > last) and _is_links(item):
            continue
        if title is not None and title < index < first and isinstance(item, Para) and _furniture(item.text, _FRONT):
            published = published or _published(item.text)
            continue
        kept.append(item)
        front += index < first
    blocks = _blocks(kept)
    signed = any(isinstance(b, str) and as_date(b) for b in blocks[front:])
    if published and not signed:
        blocks.insert(front, f"{published.year}年{published.month}月{published.day}日")  # read as the preamble's date
    if title is None and (named := _title_from(page_title)):
        blocks.insert(0, named)
    return Article(blocks, published if published and not signed else None)


def _published(text: str) -> date | None:
    """The date of a `发布时间：2023-02-20 15:07` line, if it is one."""
    return date_of(_PUBLISHED.search(text))


def _anchors(items: list[Item]) -> list[int]:
    """Indices of the section headings (in order, as the Word importer finds them) and of the report's tables."""
    found: list[int] = []
    current = -1
    for index, item in enumerate(items):
        if isinstance(item, TableItem):
            if item.report:
                found.append(index)
            continue
        if item.link_share >= LINK_SHARE:
            continue
        heading = match_section(item.text, current)
        if heading is not None:
            current = heading[0]
            found.append(index)
    return found


def _title_start(items: list[Item], first: int) -> int | None:
    """Where the report's title starts: the last title line before the first heading, or the agency's line before it
    when the title line names no agency (`淮安市人民政府` / `2024年政府信息公开工作年度报告`)."""
    for index in range(first - 1, -1, -1):
        item = items[index]
        if not isinstance(item, Para) or len(item.text) > TITLE_LINE_MAX or _is_links(item):
            continue
        title = find_title([item.text], lines=1)
        if title is None:
            continue
        if not title.agency and index > 0 and isinstance(before := items[index - 1], Para):
            same_block = before.element is item.element
            plain = len(before.text) <= AGENCY_LINE_MAX and not _is_links(before) and not _CRUMB.search(before.text)
            if (same_block or plain) and (both := find_title([before.text, item.text])) and both.agency:
                return index - 1
        return index
    return None


def _title_from(page_title: str) -> str | None:
    """The report's title from the page's <title> (`…年度报告 - 某某市人民政府网站`), if it holds one."""
    for part in _TITLE_SEPARATORS.split(page_title):
        if find_title([part], lines=1) is not None:
            return part.strip()
    return None


def _furniture(text: str, pattern: re.Pattern[str]) -> bool:
    return len(text) <= FURNITURE_MAX and "。" not in text and pattern.search(text) is not None


def _is_links(item: Item) -> bool:
    return isinstance(item, Para) and item.link_share >= LINK_SHARE


def common_ancestor(elements: list[Element]) -> Element:
    """The deepest element holding all of `elements` (each counts as holding itself)."""
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {id(e): i for i, e in enumerate(chain)}
    lowest = 0
    for element in elements[1:]:
        for candidate in (element, *element.iterancestors()):
            if id(candidate) in depth:
                lowest = max(lowest, depth[id(candidate)])
                break
    return chain[lowest]


def _blocks(items: list[Item]) -> list[str | WordTable]:
    blocks: list[str | WordTable] = []
    number = 0
    for item in items:
        if isinstance(item, Para):
            blocks.append(item.text)
        else:
            number += 1
            item.table.number = number
            blocks.append(item.table)
    return blocks
