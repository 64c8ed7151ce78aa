"""Helpers for reading numbers in narrative text without moving character positions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

# Full-width digits, comma and spaces to half-width, one character for one character, so that spans stay valid.
_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "\u3000": " ", "\xa0": " "})

SENTENCE_END = "。！？!?；;\n"
_SENTENCE = re.compile(f"[^{SENTENCE_END}]+")


@lru_cache(maxsize=128)
def half_width(text: str) -> str:
    """Full-width digits and spaces replaced one for one (length is kept)."""
    return text.translate(_WIDTH)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of `text`, split at 。！？； and line ends."""
    for match in _SENTENCE.finditer(text):
        yield match.start(), match.group()


def to_int(number_text: str) -> int:
    return int(number_text.replace(",", "").replace(" ", ""))


# What does not make two texts different for 雷同: years and other numbers, spaces, punctuation.
_NOT_WORDING = re.compile(r"[\d０-９]+|[\s\u3000]+|[，。、；：！？,.;:!?“”‘’\"'（）()《》〈〉【】\[\]—\-…·]")


def similarity(a: str, b: str) -> float:
    """How alike two texts are in wording, 0 to 1: the Dice coefficient of their character pairs once years,
    numbers, spaces and punctuation are left out. A copy with only the year and figures changed is 1.0."""
    first, second = _pairs(a), _pairs(b)
    total = sum(first.values()) + sum(second.values())
    if not total:
        return 1.0 if not (a.strip() or b.strip()) else 0.0
    common = sum((first & second).values())
    return 2 * common / total


@lru_cache(maxsize=64)
def _pairs(text: str) -> Counter[str]:
    wording = _NOT_WORDING.sub("#", text)
    return Counter(wording[i:i + 2] for i in range(len(wording) - 1) if wording[i:i + 2] != "##")
