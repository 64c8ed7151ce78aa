"""Fuzzing the Word and Excel readers: valid exports mutated as bytes and as XML, 2,000+ cases per format, with zero
unhandled exceptions (each case is imported or refused with a Chinese message naming the file)."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.office_files import members, outcome, pack, seed_files

pytestmark = pytest.mark.robustness
SEEDS = seed_files()
PARTS = {kind: members(data) for kind, data in SEEDS.items()}
CASES = 1000  # per format and kind of mutation: 2,000 per format in the README's 可靠性 table
XML_SNIPPETS = [b"<", b">", b"</w:tc>", b"<w:tc>", b'w:val="99999999999"', b"&amp;", b"\x00", b"\xff\xfe",
                b'gridSpan w:val="-3"', b"<c r=\"ZZZ99999\">", b"\xe4\xb8", "１２件".encode(), b"9" * 40, b"]]>"]
SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck))


def _mutate_bytes(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for where, insert, delete in edits:
        at = int(where * len(out))
        out[at:at + delete] = insert
    return bytes(out)


def _mutate_xml(kind: str, seed: int, count: int) -> bytes:
    rng = random.Random(seed)
    parts = dict(PARTS[kind])
    names = [n for n in parts if n.endswith(".xml")]
    for _ in range(count):
        name = rng.choice(names)
        data = bytearray(parts[name])
        at = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.4:
            data[at:at + rng.randrange(1, 64)] = b""
        elif choice < 0.8:
            data[at:at] = rng.choice(XML_SNIPPETS)
        else:
            other = rng.randrange(len(data) + 1)
            data[at:at] = data[other:other + rng.randrange(1, 200)]
        parts[name] = bytes(data)
    return pack(parts)


byte_edits = st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=6), st.integers(0, 32)), min_size=1, max_size=4)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_mutated_bytes(kind, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"bytes-{kind}")

    done = Counter()

    @settings(max_examples=CASES, **SETTINGS)
    @given(byte_edits)
    def case(edits):
        path = folder / f"fuzz.{kind}"
        path.write_bytes(_mutate_bytes(SEEDS[kind], edits))
        done[outcome(path)] += 1

    case()
    _report(kind, "byte", done)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_mutated_xml(kind, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"xml-{kind}")

    done = Counter()

    @settings(max_examples=CASES, **SETTINGS)
    @given(st.integers(0, 2**32), st.integers(1, 6))
    def case(seed, count):
        path = folder / f"fuzz.{kind}"
        path.write_bytes(_mutate_xml(kind, seed, count))
        done[outcome(path)] += 1

    case()
    _report(kind, "XML", done)


def _report(kind: str, mutation: str, done: Counter) -> None:
    """Printed in the CI log for the README's 可靠性 table. Each test counts its own cases: no count is shared between
    tests, so any order or subset of them gives the same."""
    print(f"\n{kind} fuzzing: {done.total()} {mutation}-mutated cases ({done['imported']} imported, "
          f"{done['refused']} refused with a message), 0 unhandled exceptions")
    assert done.total() >= CASES
