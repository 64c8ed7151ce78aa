"""The common start and end of two lists: what a view keeps when a list it shows changes (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence


def unchanged_ends(old: Sequence[object], new: Sequence[object]) -> tuple[int, int]:
    """How many items at the start and at the end of `old` and `new` are the same (never overlapping)."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail
