"""How wide a text is in full-width characters, for line-breaking decisions (title lines, spreadsheet row heights)."""

from __future__ import annotations


def display_width(text: str) -> float:
    """Width in full-width characters: ASCII letters, digits and Latin punctuation count half."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)
