"""Fuzzing the draft loader: mutated bytes and mutated JSON of valid drafts, 2,000+ cases, no unhandled exception.

Every outcome is either a Report or a DraftError with a Chinese message naming the file.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.report import Report
from models.storage.drafts import DraftError, parse_draft_bytes
from tests.conftest import FIXTURES, SAMPLE

pytestmark = pytest.mark.robustness
SEEDS = [SAMPLE.read_bytes(), (FIXTURES / "huaian-city-gov-2024.nianbao").read_bytes(),
         (FIXTURES / "drafts" / "v1.nianbao").read_bytes()]
PATH = Path("模糊测试.nianbao")
BYTE_CASES, JSON_CASES = 1200, 1000  # the README's 可靠性 table: 2,200 cases


def _outcome(data: bytes) -> str:
    try:
        report = parse_draft_bytes(PATH, data, allow_newer=True)
    except DraftError as exc:
        assert PATH.name in exc.message
        return "refused"
    assert isinstance(report, Report)
    report.copy()
    return "loaded"


def _mutate_bytes(seed: bytes, edits: list[tuple[float, bytes, int]]) -> bytes:
    data = bytearray(seed)
    for where, insert, delete in edits:
        at = int(where * len(data))
        data[at:at + delete] = insert
    return bytes(data)


def test_mutated_bytes():
    """Each test counts its own cases (no count shared between tests: any order, any subset gives the same)."""
    done = Counter()

    @settings(max_examples=BYTE_CASES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(SEEDS), st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8), st.integers(0, 16)),
                                            min_size=1, max_size=6))
    def case(seed, edits):
        done[_outcome(_mutate_bytes(seed, edits))] += 1

    case()
    print(f"\ndraft fuzzing: {done.total()} mutated-byte cases ({done['loaded']} loaded, {done['refused']} refused), "
          "0 unhandled exceptions")
    assert done.total() >= BYTE_CASES


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
_json_edits = st.lists(st.tuples(st.sampled_from(["meta", "cells", "texts", "notes", "provenance", "schema_version",
                                                  "template", "format", None]),
                                 st.text(max_size=24), _json_values), min_size=1, max_size=5)


def _mutate_json(seed: bytes, edits: list[tuple[str | None, str, object]]) -> bytes:
    doc = json.loads(seed)
    for section, key, value in edits:
        if section is None:
            doc[key] = value
        elif isinstance(doc.get(section), dict):
            target = key if key or not doc[section] else next(iter(doc[section]))
            doc[section][target] = value
        else:
            doc[section] = value
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def test_mutated_json():
    done = Counter()

    @settings(max_examples=JSON_CASES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(SEEDS), _json_edits)
    def case(seed, edits):
        done[_outcome(_mutate_json(seed, edits))] += 1

    case()
    print(f"\ndraft fuzzing: {done.total()} mutated-JSON cases ({done['loaded']} loaded, {done['refused']} refused), "
          "0 unhandled exceptions")
    assert done.total() >= JSON_CASES
