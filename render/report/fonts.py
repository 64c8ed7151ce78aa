"""The fonts the report's pages are drawn with: the families the Word export names (exporters.fonts.FontSet), or
the nearest the machine has.

An office PC with the 公文 fonts draws with 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312 and 宋体 themselves; one
without them uses the stock Windows names (宋体, 仿宋, 楷体); a Linux machine (UOS, Kylin) the open faces of the same
kind (Noto Serif CJK for the 宋/仿宋 faces, Noto Sans CJK for 黑体), then whatever Chinese font the window uses
(render.fonts). What was used for what is said on the preview's status line (`FontChoice`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase

from exporters.fonts import STOCK_ALTERNATIVE, FontSet
from render import fonts as ui_fonts

_SERIF = ("SimSun", "NSimSun", "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN",
          "AR PL SungtiL GB")
#: Faces of the same kind as each font the Word export names, best first (after the name itself and its stock
#: Windows alternative).
_KIN: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", *_SERIF),
    "宋体": _SERIF,
    "仿宋_GB2312": ("FangSong_GB2312", "FangSong", "华文仿宋", "STFangsong", *_SERIF),
    "仿宋": ("FangSong", "华文仿宋", "STFangsong", *_SERIF),
    "楷体_GB2312": ("KaiTi_GB2312", "KaiTi", "华文楷体", "STKaiti", "AR PL UKai CN", *_SERIF),
    "楷体": ("KaiTi", "华文楷体", "STKaiti", "AR PL UKai CN", *_SERIF),
    "黑体": ("SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei"),
}


@dataclass(frozen=True)
class FontChoice:
    """A font the Word export names and the family drawn for it here ("" when no Chinese font is installed)."""

    wanted: str
    used: str

    @property
    def substituted(self) -> bool:
        return self.wanted != self.used


def candidates(name: str) -> tuple[str, ...]:
    """The families tried for `name`, in order: itself, its stock alternative, its kin, the window's fonts."""
    alternative = STOCK_ALTERNATIVE.get(name, name)
    return tuple(dict.fromkeys((name, alternative, *_KIN.get(name, ()), *_KIN.get(alternative, ()),
                                *ui_fonts.UI_FONT_FAMILIES)))


def resolve(name: str, installed: set[str] | None = None) -> str:
    """The family drawn for `name` on this machine ("" when none of its candidates is installed)."""
    installed = set(QFontDatabase.families()) if installed is None else installed
    return next((family for family in candidates(name) if family in installed), "")


@dataclass(frozen=True)
class PageFonts:
    """The families of each part of the page (title, body, headings, tables, page numbers) as used here."""

    wanted: FontSet
    title: str
    body: str
    heading1: str
    heading2: str
    table: str
    page_number: str

    @classmethod
    def of(cls, wanted: FontSet) -> PageFonts:
        installed = set(QFontDatabase.families())
        return cls(wanted, *(resolve(name, installed) for name in (
            wanted.title, wanted.body, wanted.heading1, wanted.heading2, wanted.table, wanted.page_number)))

    def choices(self) -> list[FontChoice]:
        """(wanted, used) for each font the document names, each once, in the order of FontSet.names."""
        used = dict(zip((self.wanted.title, self.wanted.body, self.wanted.heading1, self.wanted.heading2,
                         self.wanted.table, self.wanted.page_number),
                        (self.title, self.body, self.heading1, self.heading2, self.table, self.page_number),
                        strict=True))
        return [FontChoice(name, used[name]) for name in self.wanted.names()]

    def font(self, family: str, twips: float, bold: bool = False) -> QFont:
        """`family` at `twips` (1/20 pt: the page's unit), then the window's Chinese fonts for what it lacks."""
        font = QFont()
        font.setFamilies([f for f in dict.fromkeys((family, *ui_fonts.UI_FONT_FAMILIES)) if f])
        font.setPixelSize(max(1, round(twips)))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)
        return font


def describe(choices: list[FontChoice]) -> str:
    """The status line's words: 字体：方正小标宋简体→Noto Serif CJK SC，黑体 …"""
    parts = [c.wanted if not c.substituted else f"{c.wanted}→{c.used or '无'}" for c in choices]
    return "字体：" + "，".join(parts)
