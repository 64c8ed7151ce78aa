"""Shared fixtures: every test gets its own app folders (GOVREPORT_HOME) and Qt runs offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GOVREPORT_HOME", str(home))
    return home


@pytest.fixture
def huaian_path() -> Path:
    return FIXTURES / "huaian-city-gov-2024.nianbao"


@pytest.fixture
def pingtan_path() -> Path:
    return FIXTURES / "pingtan-2022.nianbao"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
