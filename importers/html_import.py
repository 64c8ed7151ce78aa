"""Import a report published as a web page (.html/.htm, as saved from a portal): the page's article as the Word
importer's blocks (importers.html_reader, importers.html_article), then the Word importer's own pipeline
(importers.docx_import.read_blocks): the same label matching, the same notices.

`read_html(path)` returns an `Imported` (source "html") or raises LoadError. A file larger than any report page is
refused before it is parsed.
"""

from __future__ import annotations

from pathlib import Path

from importers.docx_import import read_blocks
from importers.html_article import article
from importers.html_reader import parse_page
from importers.result import Imported, LoadError
from layouts.html_layout import LEVEL_META
from models.meta_input import format_date
from models.storage.userfiles import FileTooLarge, describe_size, read_limited

#: A report page is 50–500 KB; a page saved with its images inlined a few MB. Larger is not a report page.
MAX_HTML_BYTES = 32 * 1024 * 1024
#: The Word importer's notice when the file does not carry the level, and how a web page says it.
_LEVEL_WORD = "机关层级无法从 Word 文件中读出"
_LEVEL_PAGE = "机关层级无法从网页中读出"


def read_html(path: Path) -> Imported:
    try:
        data = read_limited(path, MAX_HTML_BYTES)
    except FileTooLarge as exc:
        raise LoadError(path, f"“{path.name}”有{describe_size(exc.size)}，远大于网页形式的年度报告（通常不到 1 MB，"
                              f"上限{describe_size(MAX_HTML_BYTES)}），不像是报告网页，已拒绝读取。如确为报告，"
                              "请在浏览器中打开后另存为“网页，仅 HTML”再导入。") from None
    page = parse_page(data)
    found = article(page.items, page.title)
    try:
        imported = read_blocks(found.blocks, path, page.metas.get(LEVEL_META, ""), "html")
    except LoadError:
        if page.too_deep:
            raise LoadError(path, f"“{path.name}”的网页标签嵌套过深（超过256层），无法读取。请在浏览器中打开，"
                                  "复制正文和表格到 Word 中另存为 .docx 后再导入。") from None
        raise
    imported.notices = [notice.replace(_LEVEL_WORD, _LEVEL_PAGE) for notice in imported.notices]
    if found.published and imported.report.meta.publish_date == found.published:
        imported.notices.append(f"发布日期按网页上的发布时间读作{format_date(found.published)}，请核对。")
    if page.too_deep:
        imported.notices.insert(0, f"“{path.name}”的网页标签嵌套过深（超过256层），其后的内容未能读取，"
                                   "请核对各部分和表格是否齐全。")
    if not page.complete:
        imported.notices.insert(0, f"“{path.name}”似乎不完整：网页没有结尾（</html>），可能只保存或下载了一部分，"
                                   "请核对各部分和表格是否齐全。")
    return imported
