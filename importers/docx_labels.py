"""Comparing labels as people type them: spaces and line breaks anywhere, full-width forms, `1、` for `1.`, “” vs "".

`norm` makes two spellings of one label equal; `core` also drops the ordinal (一、 （三） 1.); `LabelIndex` finds the
canonical label a cell or heading means, exactly first and then by a cautious similarity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Generic, TypeVar

K = TypeVar("K")

_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』〝〞″")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|\d{1,2}(?:[.、,)]|(?=\D)))")
_LEADING_NUMBER = re.compile(r"^(\d{1,2})、")
CJK = re.compile(r"[\u3400-\u9fff]")
#: Words that end many headings and say nothing about which one it is.
GENERIC_ENDINGS = ("情况", "方面", "工作")
PREFIX_MIN = 4      # a shortened label must keep at least this many characters
RATIO_MIN = 0.8     # SequenceMatcher ratio for a label typed differently


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """One spelling per label: NFKC, no whitespace at all, no quotes, `1、` → `1.`, no trailing colon."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(text.split()).translate(_QUOTES)
    text = _LEADING_NUMBER.sub(r"\1.", text)
    return text.rstrip(":：")


@lru_cache(maxsize=4096)
def core(normed: str) -> str:
    """A normalised label without its ordinal: `(三)不予公开` → `不予公开`, `1.属于国家秘密` → `属于国家秘密`."""
    return _ORDINAL.sub("", normed, count=1)


def without_generic_ending(text: str) -> str:
    for ending in GENERIC_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def overlap(a: str, b: str) -> float:
    """Characters the two have in common, in order, as a share of the shorter one."""
    if not a or not b:
        return 0.0
    matched = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched / min(len(a), len(b)) if matched >= 2 else 0.0


def ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """SequenceMatcher's similarity of `a` and `b`; 0.0 as soon as its cheap upper bounds fall below `at_least`."""
    if 2 * min(len(a), len(b)) < at_least * (len(a) + len(b)):
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


class LabelIndex(Generic[K]):
    """Canonical labels and what each stands for; `match` finds which one a typed label means."""

    def __init__(self, labels: Iterable[tuple[str, K]], *, fuzzy: bool = True) -> None:
        self.exact: dict[str, K] = {}
        cores: dict[str, list[K]] = {}
        for label, value in labels:
            normed = norm(label)
            self.exact.setdefault(normed, value)
            cores.setdefault(core(normed), []).append(value)
        self.cores = {c: values[0] for c, values in cores.items() if len(set(values)) == 1 and c}
        self.fuzzy = fuzzy
        self._cache: dict[str, K | None] = {}

    def match(self, text: str) -> K | None:
        """The value of the label `text` means: exact, then without ordinal, then shortened or slightly different."""
        try:
            return self._cache[text]
        except KeyError:
            pass
        found = self._match(norm(text))
        if len(self._cache) < 4096:
            self._cache[text] = found
        return found

    def _match(self, normed: str) -> K | None:
        if not normed:
            return None
        if normed in self.exact:
            return self.exact[normed]
        typed = core(normed)
        if typed in self.cores:
            return self.cores[typed]
        if not self.fuzzy or not CJK.search(typed):  # every label has Chinese characters; numbers never match
            return None
        return self._closest(typed)

    def _closest(self, typed: str) -> K | None:
        if len(typed) >= PREFIX_MIN:
            found = {v for c, v in self.cores.items()
                     if len(c) >= PREFIX_MIN and (c.startswith(typed) or typed.startswith(c))}
            if len(found) == 1:
                return found.pop()
        best: dict[K, float] = {}
        for c, v in self.cores.items():
            best[v] = max(best.get(v, 0.0), ratio(typed, c, RATIO_MIN))
        ranked = sorted(best.values(), reverse=True)
        if not ranked or ranked[0] < RATIO_MIN or (len(ranked) > 1 and ranked[1] == ranked[0]):
            return None
        return next(v for v, score in best.items() if score == ranked[0])
