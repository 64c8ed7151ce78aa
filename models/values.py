"""Cell values and the parsing of what a clerk types or pastes.

A count is a whole number ≥ 0 of at most 9 digits; the 万元 amount is a Decimal ≥ 0 with at most 6 decimals, kept
exactly as typed. Blank (None) is not 0. A value read from a file that cannot be understood is kept as an
`InvalidValue` so that nothing is lost and rule V-1 can name it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from models.errors import UserError
from models.format.format2021 import CellKind
from models.format.formats import cell_kind

MAX_COUNT_DIGITS = 9
MAX_COUNT = 10**MAX_COUNT_DIGITS - 1
MAX_AMOUNT_DECIMALS = 6
MAX_AMOUNT_INTEGER_DIGITS = 12


@dataclass(frozen=True)
class InvalidValue:
    """A value from a file that is not a valid number; kept verbatim so that nothing is lost."""

    raw: str
    reason: str = field(compare=False)  # derived from raw; equal raw text is the same value

    def __str__(self) -> str:
        return self.raw


CellValue = int | Decimal | InvalidValue | None


class ValueRefused(UserError, ValueError):
    """The text cannot be a value of this cell; `message` says why, in Chinese."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__(message)
        self.text = text
        self.message = message


@dataclass(frozen=True)
class Parsed:
    value: int | Decimal | None
    notice: str = ""  # set when something was dropped or reinterpreted


# Text that means "nothing written" in real documents (spec §7).
_BLANK_MARKS = {"", "—", "——", "-", "--", "/", "／", "、", "－", "―", "─"}
_MINUS_SIGNS = "-−－﹣‐‑–"
_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
_PLAIN = re.compile(r"^[0-9]+(\.[0-9]+)?$")
# What may be dropped around a number: a unit after it and a word like 共 before it. Anything else (万, 千, 约,
# 元整 …) changes what the number means, so it is refused rather than silently dropped.
COUNT_UNITS = frozenset({"件", "个", "项", "条", "次", "人", "人次", "家", "份", "宗", "起", "例", "篇", "期"})
AMOUNT_UNITS = frozenset({"万元"})
PREFIX_WORDS = frozenset({"共", "合计", "计", "总计", "共计"})
_BRACKETS = str.maketrans("", "", "()（）[]【】 ")


#: The only digits: ASCII and full-width. Circled numbers (①), superscripts (¹), subscripts (₁), other scripts' digits
#: (٣) and the like are not: NFKC, str.isdigit(), int() and a regex's \d would all take them for digits.
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def false_digits(text: str) -> str:
    """The characters of `text` that pass for digits but are none: ①, ¹, ₂, ٣, ⑴, ½ … (each once, in order)."""
    return "".join(dict.fromkeys(ch for ch in text if ch not in _DIGITS and _digit_like(ch)))


def false_digits_problem(text: str) -> str:
    """Why `text` cannot be read as a number, year or date because of false digits ('' when it has none)."""
    marks = false_digits(text)
    if not marks:
        return ""
    return (f"“{text.strip()}”中的“{marks}”不是普通数字（注释序号、上标、下标等不能当作数字），"
            "请删去或改写为0–9的数字。")


def _digit_like(ch: str) -> bool:
    if ch.isascii():
        return False
    if unicodedata.digit(ch, None) is not None or unicodedata.decimal(ch, None) is not None:
        return True
    return any("0" <= c <= "9" for c in unicodedata.normalize("NFKC", ch))


def normalize(text: str) -> str:
    """Full-width to half-width (NFKC), every kind of space to a plain space, invisible characters dropped."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if ch.isspace() else ch for ch in text if unicodedata.category(ch) != "Cf")
    return text.strip()


def parse(key: str, text: str) -> Parsed:
    """Parse what a clerk typed or pasted into the cell `key`. Raises ValueRefused with a Chinese reason."""
    kind = cell_kind(key)
    return parse_amount(text) if kind is CellKind.AMOUNT else parse_count(text)


def _split_number(text: str) -> tuple[str, str, str]:
    """(prefix, number, suffix) where number is the single run of digits, commas and dots."""
    runs = list(re.finditer(r"[\d][\d,.]*", text))
    if len(runs) != 1:
        if not runs:
            raise ValueRefused(text, f"“{text}”不是数字。")
        raise ValueRefused(text, f"“{text}”包含多个数字，无法确定应填哪一个。")
    run = runs[0]
    number = run.group().rstrip(",.")
    return text[: run.start()], number, text[run.start() + len(number):]


def _prepare(text: str, units: frozenset[str] = COUNT_UNITS) -> tuple[str | None, str, str]:
    """Common steps: returns (number text or None for blank, notice, original)."""
    original = text
    problem = false_digits_problem(text)
    if problem:
        raise ValueRefused(original, problem)
    text = normalize(text)
    if text in _BLANK_MARKS:
        notice = f"“{original.strip()}”视为空白（未填写）。" if text else ""
        return None, notice, original
    if text[0] in _MINUS_SIGNS or re.match(r"^[\u3400-\u9fff（）()]*\s*[" + _MINUS_SIGNS + r"]\s*\d", text):
        raise ValueRefused(original, f"“{original.strip()}”是负数，数量和金额不能为负。")
    prefix, number, suffix = _split_number(text)
    dropped = (prefix + suffix).strip()
    before, after = prefix.translate(_BRACKETS), suffix.translate(_BRACKETS)
    if (before and before not in PREFIX_WORDS) or (after and after not in units):
        raise ValueRefused(original, f"“{original.strip()}”不是有效的数字（只能写数字，单位可省略）。")
    if "," in number:
        if not _GROUPED.match(number):
            raise ValueRefused(original, f"“{original.strip()}”的千位分隔符不正确。")
        number = number.replace(",", "")
    if not _PLAIN.match(number):
        raise ValueRefused(original, f"“{original.strip()}”不是有效的数字。")
    notice = f"已去掉“{dropped}”，按{number}填写。" if dropped else ""
    return number, notice, original


def parse_count(text: str) -> Parsed:
    """A whole number ≥ 0 of at most 9 digits. ` 12 `, `１２`, `12件`, `1,234` are accepted; `-3`, `1.5`, `abc` not."""
    number, notice, original = _prepare(text)
    if number is None:
        return Parsed(None, notice)
    if "." in number:
        whole, frac = number.split(".")
        if frac.strip("0"):
            raise ValueRefused(original, f"“{original.strip()}”不是整数，件数必须是整数。")
        notice = notice or f"“{original.strip()}”按整数{int(whole)}填写。"
        number = whole
    digits = number.lstrip("0") or "0"
    if len(digits) > MAX_COUNT_DIGITS:
        raise ValueRefused(original, f"“{original.strip()}”超过{MAX_COUNT_DIGITS}位数，请核实。")
    return Parsed(int(digits), notice)


def parse_amount(text: str) -> Parsed:
    """万元 as a Decimal ≥ 0 with at most 6 decimals, digits kept exactly as typed."""
    stripped = normalize(text)
    if "元" in stripped.replace("万元", ""):
        raise ValueRefused(text, f"“{text.strip()}”的单位是元，本栏单位为万元，请换算后填写（1万元＝10000元）。")
    number, notice, original = _prepare(text, AMOUNT_UNITS)
    if number is None:
        return Parsed(None, notice)
    whole, _, frac = number.partition(".")
    if len(frac) > MAX_AMOUNT_DECIMALS:
        raise ValueRefused(original, f"“{original.strip()}”超过{MAX_AMOUNT_DECIMALS}位小数。")
    if len(whole.lstrip("0")) > MAX_AMOUNT_INTEGER_DIGITS:
        raise ValueRefused(original, f"“{original.strip()}”数额过大，请核实单位是否为万元。")
    try:
        return Parsed(Decimal(number), notice)
    except InvalidOperation as exc:  # pragma: no cover - the regex above admits only plain decimals
        raise ValueRefused(original, f"“{original.strip()}”不是有效的金额。") from exc


def check_value(key: str, value: object) -> str:
    """Why `value` is not a valid value of cell `key` ('' when it is valid or blank)."""
    if value is None:
        return ""
    if isinstance(value, InvalidValue):
        return value.reason
    kind = cell_kind(key)
    if kind is CellKind.COUNT:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"“{value}”不是整数。"
        if value < 0:
            return f"“{value}”是负数。"
        if value > MAX_COUNT:
            return f"“{value}”超过{MAX_COUNT_DIGITS}位数。"
        return ""
    if not isinstance(value, Decimal | int) or isinstance(value, bool):
        return f"“{value}”不是金额。"
    dec = Decimal(value)
    if not dec.is_finite():
        return f"“{value}”不是金额。"
    if dec.is_signed():
        return f"“{value}”是负数。"
    whole, _, frac = format(dec, "f").partition(".")
    if len(frac) > MAX_AMOUNT_DECIMALS:
        return f"“{value}”超过{MAX_AMOUNT_DECIMALS}位小数。"
    if len(whole.lstrip("0")) > MAX_AMOUNT_INTEGER_DIGITS:
        return f"“{value}”数额过大。"
    return ""


def is_number(value: object) -> bool:
    """True for a usable number (int or Decimal), False for blank or invalid."""
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def format_value(value: CellValue) -> str:
    """How a value is shown: the digits exactly as kept, blank as ''."""
    if value is None:
        return ""
    if isinstance(value, InvalidValue):
        return value.raw
    return str(value)


def coerce_loaded(key: str, raw: object) -> CellValue:
    """A value as read from a JSON draft: numbers and numeric strings become values, anything else InvalidValue."""
    if raw is None:
        return None
    kind = cell_kind(key)
    if isinstance(raw, bool):
        return InvalidValue(str(raw).lower(), f"“{raw}”不是数字。")
    if isinstance(raw, int | Decimal):
        text = str(raw)
    elif isinstance(raw, str):
        text = raw
    else:
        return InvalidValue(str(raw), "不是数字。")
    try:
        parsed = parse_amount(text) if kind is CellKind.AMOUNT else parse_count(text)
    except ValueRefused as refused:
        return InvalidValue(text, refused.message)
    return parsed.value
