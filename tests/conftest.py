"""Shared fixtures: every test gets its own app folders (GOVREPORT_HOME) and Qt runs offscreen.

Qt's system libraries may be missing on a developer's machine (see sysdeps.py). Then pytest-qt is not loaded (it is
disabled in pyproject.toml's addopts and loaded here only when Qt imports), every test module that imports PySide6
is skipped with the package to install, and the Qt-free tests still run. Under CI they fail instead.
"""

from __future__ import annotations

import importlib.abc
import os
import re
import sys
from pathlib import Path

import pytest

from render.offscreen_fonts import offscreen_fonts_on_windows
from tests.environment import missing_here, require

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
offscreen_fonts_on_windows()  # Qt's offscreen plugin on Windows reads fonts only from QT_QPA_FONTDIR

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao"


def _qt_problem() -> str:
    """Why Qt cannot be used in this process ('' when it can)."""
    try:
        import PySide6.QtGui
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return ""


QT_PROBLEM = _qt_problem()


@pytest.fixture
def qt_libraries() -> None:
    """For tests that run Qt in a child process: skip (fail in CI) when Qt's libraries are missing here."""
    if QT_PROBLEM:
        _missing_qt(allow_module_level=False)


@pytest.fixture
def chinese_font() -> None:
    """For tests that draw Chinese (the 一图读懂 page, PDFs): skip (fail in CI) when the machine has no Chinese font."""
    require("fonts")


def _missing_qt(allow_module_level: bool) -> None:
    import sysdeps

    package = sysdeps.library_package(QT_PROBLEM)
    packages = [package] if package else [p.name for p in sysdeps.GROUPS["qt"].packages]
    library = re.search(r"lib[\w.+-]*\.so[.\d]*", QT_PROBLEM)
    missing_here(f"Qt 运行库（{library.group(0) if library else QT_PROBLEM}）", packages,
                 allow_module_level=allow_module_level)


class _QtUnavailable(importlib.abc.MetaPathFinder):
    """Turns `import PySide6…` in a test module into a skip of that module, naming the package to install."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "pytestqt"):
            _missing_qt(allow_module_level=True)
        return None


if QT_PROBLEM:
    for loaded in [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]:
        del sys.modules[loaded]
    sys.meta_path.insert(0, _QtUnavailable())

    @pytest.fixture
    def qapp() -> None:
        _missing_qt(allow_module_level=False)

    @pytest.fixture
    def qtbot() -> None:
        _missing_qt(allow_module_level=False)

    pytest_plugins: list[str] = []
else:
    pytest_plugins = ["pytestqt.plugin"]


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
