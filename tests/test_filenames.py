"""File names made from a clerk's text (models.storage.filenames): safe on every system and short enough to leave room
for what the app adds later (temporary, lock, backup names)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.storage.filenames import KEPT_TAIL, MAX_NAME_BYTES, NAME_ROOM, file_name, safe_stem

SUFFIXES = st.sampled_from([".nianbao", ".docx", ".xlsx", ".png", ".pdf", ".csv"])
LIMIT = MAX_NAME_BYTES - NAME_ROOM


@given(stem=st.text(max_size=400), suffix=SUFFIXES)
def test_every_name_fits_every_system_with_room_to_spare(stem, suffix):
    name = file_name(stem, suffix)
    assert name.endswith(suffix) and name != suffix
    assert len(name.encode("utf-8")) <= LIMIT and len(name.encode("utf-16-le")) // 2 <= LIMIT
    assert not set(name) & set('<>:"/\\|?*') and not any(ord(c) < 32 for c in name)
    assert not name[: -len(suffix)].endswith((" ", "."))


@given(agency=st.text(alphabet="市区县人民政府办公室局委员会街道ABC ", min_size=1, max_size=300),
       year=st.integers(2008, 2100))
def test_a_long_name_keeps_its_year_and_kind_and_a_short_one_is_unchanged(agency, year):
    stem = f"{agency}{year}年政府信息公开工作年度报告"
    cleaned = " ".join(stem.split())
    shortened = safe_stem(stem, ".docx")
    if len((cleaned + ".docx").encode("utf-8")) <= LIMIT:
        assert shortened == cleaned
    else:
        assert shortened.endswith(cleaned[-KEPT_TAIL:]) and "…" in shortened


def test_the_names_the_app_adds_to_a_long_name_can_be_created(tmp_path):
    for stem in ("长" * 200 + "2024年度报告", "a" * 400 + "2024年度报告"):
        name = file_name(stem, ".nianbao")
        base = name[: -len(".nianbao")]
        backup = f"{base}-0123abcd-20250101-120000-000000.nianbao"
        for later in (name, f".{name}.abcd1234.tmp", f".~{name}.lock", backup, f"{base}（格式版本12原件）.nianbao"):
            (tmp_path / later).write_bytes(b"x")
            assert (tmp_path / later).exists()
