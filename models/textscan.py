"""Helpers for reading numbers in narrative text without moving character positions."""

from __future__ import annotations

import re
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
