"""What a ledger cell means: a date, a 申请人类型 (a column of table 三) or a 办理结果 (a leaf row of table 三).

Every accepted spelling is derived from the labels of `models.format.format2021`: a 办理结果 may be written with or
without its group and number (予以公开, （二）部分公开, 1.属于国家秘密, （五）不予处理 2.重复申请,
3、危及"三安全一稳定"), full-width or half-width, with any quotes and spaces. Anything else is not recognised —
never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import cache

from models.format import format2021 as fmt
from models.values import false_digits

#: Earliest plausible date in a ledger (a year typed wrong, e.g. 1024, is refused rather than counted).
MIN_DATE = date(2000, 1, 1)
#: Text in a cell that means "nothing written".
BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "/", "\\", "无"})
#: 办理结果 that say the application is still open (treated as empty).
PENDING_WORDS = frozenset({"办理中", "正在办理", "处理中", "未办结", "尚未办结", "在办", "待办理", "延期答复",
                           "延期办理", "补正中", "待补正"})

_DROP = re.compile(r"[\s\"'“”‘’「」『』《》()\[\]【】{}.,，、:：;；·•\-—–_/\\|>→]")
_NUMBER_PREFIX = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.、．])\s*")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]\s*$")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
                   r"(?:\s*[T ]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
#: Excel serial numbers accepted as dates: 2000-01-01 … 2099-12-31 in the 1900 date system.
SERIAL_RANGE = (36526, 73050)


class BadValue(ValueError):
    """A cell that cannot be read as what its column holds; `reason` (Chinese) says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def squeeze(text: str) -> str:
    """Text as compared: NFKC, lower case, without spaces, quotes, brackets and separators."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower())


def cell_text(value: object) -> str:
    """A cell as text, '' for blank or a blank mark."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return "" if text in BLANK_MARKS else text


# ---------------------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------------------

def parse_date(value: object, *, epoch: date = date(1899, 12, 30), today: date | None = None) -> date | None:
    """A ledger date: a date/datetime cell, an Excel serial number, or text such as 2024-01-05, 2024/1/5,
    2024.1.5, 2024年1月5日 or 20240105 (a time after it is ignored). None when blank. Raises BadValue."""
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, bool):
        raise BadValue(f"“{value}”不是日期")
    elif isinstance(value, int | float):
        found = _from_number(value, epoch)
    else:
        if false_digits(str(value)):
            raise BadValue(f"“{str(value).strip()}”中有不是普通数字的字符（上标、注释序号等），不是日期")
        text = cell_text(value)
        if not text:
            return None
        found = _from_text(text, epoch)
    if found < MIN_DATE:
        raise BadValue(f"“{_show(value)}”早于{MIN_DATE.year}年，请核对年份")
    if today is not None and found > today:
        raise BadValue(f"“{_show(value)}”晚于今天（{today.isoformat()}），请核对")
    return found


def _show(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _from_number(number: float, epoch: date) -> date:
    if number != number or number in (float("inf"), float("-inf")):
        raise BadValue(f"“{number}”不是日期")
    whole = int(number)
    if float(whole) == number and 10_000_000 <= whole <= 99_999_999:
        return _compact(str(whole))
    low, high = SERIAL_RANGE
    if not low <= whole <= high:
        raise BadValue(f"“{_show(number)}”不是日期（Excel 日期序号应在{low}至{high}之间）")
    return epoch + timedelta(days=whole)


def _from_text(text: str, epoch: date) -> date:
    match = _DATE.fullmatch(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise BadValue(f"“{text}”不是有效的日期（没有这一天）") from None
    if _COMPACT_DATE.fullmatch(text):
        return _compact(text)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _from_number(float(text), epoch)
    raise BadValue(f"“{text}”不是可识别的日期（应写成2024-01-05、2024/1/5或2024年1月5日）")


def _compact(text: str) -> date:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise BadValue(f"“{text}”不是有效的日期") from None


# ---------------------------------------------------------------------------------------------------------------
# 申请人类型 and 办理结果
# ---------------------------------------------------------------------------------------------------------------

def _strip_number(label: str) -> str:
    return _NUMBER_PREFIX.sub("", label)


def _add(forms: dict[str, str], text: str, key: str) -> None:
    squeezed = squeeze(text)
    if forms.setdefault(squeezed, key) != key:  # pragma: no cover - guarded by a test of the format's labels
        raise ValueError(f"“{text}”would stand for both {forms[squeezed]} and {key}")


@cache
def applicant_forms() -> dict[str, str]:
    """Every accepted spelling (squeezed) of a 申请人类型 → its column key."""
    forms: dict[str, str] = {}
    for col in fmt.T3_COLUMNS:
        if col.key == "total":
            continue
        _add(forms, col.label, col.key)
        if col.group == "legal":
            _add(forms, fmt.T3_LEGAL_PERSONS + col.label, col.key)
    return forms


@cache
def result_forms() -> dict[str, str]:
    """Every accepted spelling (squeezed) of a 办理结果 → its leaf row key."""
    forms: dict[str, str] = {}
    for key in fmt.T3_LEAF_ROWS:
        row = fmt.T3_ROW_BY_KEY[key]
        cores = {row.label, _strip_number(row.label)}
        cores |= {_TRAILING_NOTE.sub("", c) for c in cores}
        prefixes = {""}
        if row.group:
            group = fmt.T3_GROUP_BY_KEY[row.group].label
            prefixes |= {group, _strip_number(group)}
        for prefix in prefixes:
            for core in cores:
                _add(forms, prefix + core, key)
    return forms


@cache
def _group_forms() -> dict[str, str]:
    """A group named without its leaf (不予公开) → the group's label, for a precise message."""
    return {squeeze(text): g.label for g in fmt.T3_GROUPS for text in (g.label, _strip_number(g.label))}


def _lookup(forms: dict[str, str], aliases: dict[str, str] | None) -> dict[str, str]:
    table = dict(forms)
    for alias, target in (aliases or {}).items():
        key = forms.get(squeeze(target))
        if key is not None:
            table[squeeze(alias)] = key
    return table


def applicant_lookup(aliases: dict[str, str] | None = None) -> dict[str, str]:
    """Squeezed 申请人类型 → column key, with the clerk's own words (`aliases`: their text → a 申请人类型)."""
    return _lookup(applicant_forms(), aliases)


def result_lookup(aliases: dict[str, str] | None = None) -> dict[str, str]:
    """Squeezed 办理结果 → leaf row key, with the clerk's own words (`aliases`: their text → a 办理结果)."""
    return _lookup(result_forms(), aliases)


def match_applicant(text: str, aliases: dict[str, str] | None = None) -> str | None:
    """The table 三 column a 申请人类型 stands for, or None."""
    return applicant_lookup(aliases).get(squeeze(text)) if aliases else applicant_forms().get(squeeze(text))


def match_result(text: str, aliases: dict[str, str] | None = None) -> str | None:
    """The table 三 leaf row a 办理结果 stands for, or None."""
    return result_lookup(aliases).get(squeeze(text)) if aliases else result_forms().get(squeeze(text))


@cache
def _pending() -> frozenset[str]:
    return frozenset(squeeze(w) for w in PENDING_WORDS)


def is_pending(text: str) -> bool:
    """Whether a 办理结果 says the application is still being handled (办理中 …)."""
    return squeeze(text) in _pending()


def why_not_applicant(text: str) -> str:
    if squeeze(text) == squeeze(fmt.T3_LEGAL_PERSONS):
        kinds = "、".join(c.label for c in fmt.T3_COLUMNS if c.group == "legal")
        return f"申请人类型“{text}”未写明是哪一类法人或其他组织（{kinds}）"
    kinds = "、".join(c.label for c in fmt.T3_COLUMNS if c.key != "total")
    return f"申请人类型“{text}”不是表三的申请人类型（应为{kinds}之一）"


def why_not_result(text: str) -> str:
    group = _group_forms().get(squeeze(text))
    if group:
        leaves = "、".join(_strip_number(r.label) for r in fmt.T3_ROWS if r.group and
                          fmt.T3_GROUP_BY_KEY[r.group].label == group)
        return f"办理结果“{text}”未写明是{group}中的哪一种情形（{leaves}）"
    return (f"办理结果“{text}”不是表三的办理结果"
            "（应为予以公开、部分公开、属于国家秘密等表三中的一项，或留空表示尚未办结）")
