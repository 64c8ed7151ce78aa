"""The fonts of the Word document, chosen in one place.

GB/T 9704-2012 names fonts that offices install with their 公文 tool set (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312)
but that a stock Windows does not have. Word silently substitutes a missing font, usually with 宋体, and the page
then looks wrong. So the export offers two sets:

- `official=True` (the default, for an office PC with the 公文 fonts): the names of the standard. The font table
  of the document also records the stock font as each one's alternative name (`w:altName`), which Word and WPS
  may use when the official font is missing.
- `official=False` ("使用 Windows 自带字体"): 宋体 (bold) for the title, 仿宋 for the body, 黑体 and 楷体 for the
  headings — every one of them ships with Windows, so the document looks the same on any PC.

Tables use 宋体 in both sets: it is the most legible face at 10.5 pt and is present everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The stock-Windows alternative of each official font.
STOCK_ALTERNATIVE = {
    "方正小标宋简体": "宋体",
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "黑体": "黑体",
    "宋体": "宋体",
}


@dataclass(frozen=True)
class FontSet:
    title: str
    title_bold: bool
    body: str
    heading1: str
    heading2: str
    table: str
    page_number: str

    def names(self) -> tuple[str, ...]:
        """Every font name the document uses, each once."""
        return tuple(dict.fromkeys((self.title, self.body, self.heading1, self.heading2, self.table,
                                    self.page_number)))


OFFICIAL = FontSet(title="方正小标宋简体", title_bold=False, body="仿宋_GB2312", heading1="黑体",
                   heading2="楷体_GB2312", table="宋体", page_number="宋体")
STOCK = FontSet(title="宋体", title_bold=True, body="仿宋", heading1="黑体", heading2="楷体", table="宋体",
                page_number="宋体")


def font_set(official: bool = True) -> FontSet:
    """The official 公文 fonts, or the stock-Windows fallbacks (see the module docstring)."""
    return OFFICIAL if official else STOCK
