"""The 2021 format's cell keys are frozen: drafts of every year store values under them.

tests/fixtures/keys-2021.txt holds the spec's 200 keys with each key's place in its official table. A key that
disappears, appears unannounced or moves (order or grid position) fails here: a format change is a new template.
"""

from __future__ import annotations

import re
from pathlib import Path

from models.format import format2021 as fmt

GOLDEN = Path(__file__).parent / "fixtures" / "keys-2021.txt"
ROOT = Path(__file__).parent.parent


def read_frozen_keys(path: Path | None = None) -> list[tuple[str, int, int]]:
    """(key, row, column) of each line of a frozen-keys file (keys-2021.txt unless `path` is given)."""
    rows = []
    for line in (path or GOLDEN).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, row, col = line.split("\t")
            rows.append((key, int(row), int(col)))
    return rows


def _current() -> list[tuple[str, int, int]]:
    return [(c.key, *fmt.GRIDS[c.table].position(c.key)) for c in fmt.CELLS]


def test_golden_file_holds_the_spec_200_keys():
    keys = [k for k, _, _ in read_frozen_keys()]
    assert len(keys) == len(set(keys)) == 200


def test_no_key_disappears_or_is_added():
    golden = {k for k, _, _ in read_frozen_keys()}
    current = set(fmt.ALL_CELL_KEYS)
    assert not golden - current, f"keys gone: {sorted(golden - current)}"
    assert not current - golden, f"keys added unannounced: {sorted(current - golden)}"


def test_no_key_moves():
    assert _current() == read_frozen_keys()


def test_keys_are_declared_literally_not_built_from_a_position():
    """No `f"{group}_{i}"`-style key: inserting a row must not renumber the rows after it."""
    positional = re.compile(r"f[\"'][^\"']*\{[^}]*\}_\{[^}]*\}")
    for path in (ROOT / "models" / "format").glob("format*.py"):
        assert not positional.search(path.read_text(encoding="utf-8")), path.name
