"""What a test needs from the machine, and the one definition of "in CI".

A test that needs something the machine lacks (Qt's system libraries, a Chinese font, LibreOffice, poppler, Xvfb)
skips locally, naming the package to install; under CI (CI=true, as .ci/run and GitHub Actions set it) it fails
instead, because .ci/run installs everything. The package names come from sysdeps.py, which bootstrap.py and .ci/run
install from.
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

import sysdeps

#: The packages of sysdeps.py are Debian's: only a Linux CI (.ci/run) installs them. On Windows (GitHub's runner, or
#: the Windows build's tests under Wine) a test needing one skips, naming it, as it does on a developer's machine.
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"} and sys.platform.startswith("linux")


def require(*groups: str, every: bool = False) -> None:
    """Skip (locally) or fail (in CI) unless the packages of the sysdeps `groups` are here (all of them named)."""
    absent = [p for group in groups for p in sysdeps.missing(group, every=every)]
    if absent:
        titles = [sysdeps.GROUPS[g].title for g in groups if sysdeps.missing(g, every=every)]
        missing_here("、".join(titles), absent)


def missing_here(what: str, packages: list[sysdeps.Package] | list[str], *, allow_module_level: bool = False) -> None:
    """Skip or fail: `what` is missing; `packages` install it."""
    reason = f"{what}未安装：{sysdeps.install_command(packages)}"
    if IN_CI:
        pytest.fail(f"{reason}（CI 中 .ci/run 应已安装）")
    pytest.skip(reason, allow_module_level=allow_module_level)


def require_program(program: str, group: str) -> str:
    """The path of `program`, which a package of `group` provides; skips or fails without it."""
    path = shutil.which(program)
    if path is None:
        missing_here(program, [p for p in sysdeps.GROUPS[group].packages if p.target == program]
                     or list(sysdeps.GROUPS[group].packages))
    assert path is not None
    return path


def require_font(family: str) -> None:
    """Skip or fail unless fontconfig knows `family` (one of sysdeps' CJK fonts)."""
    packages = [p for p in sysdeps.GROUPS["fonts"].packages if p.target == family]
    if family not in sysdeps.font_families():
        missing_here(f"字体“{family}”", packages or list(sysdeps.GROUPS["fonts"].packages))


def under_wine() -> bool:
    """Whether this Windows Python runs under Wine (whose fonts, Droid Sans Fallback and DejaVu, are not a Windows
    PC's: tests that measure a page's layout are judged on Linux, where the fonts are the project's)."""
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")
    except OSError:
        return False
