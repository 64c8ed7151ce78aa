"""The model, rules, importers and exporters know nothing of Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

QT_FREE = ("models", "importers", "exporters", "cli")


def test_core_packages_import_no_qt():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in QT_FREE for p in (ROOT / package).rglob("*.py")
    )
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(','.join(leaked))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert len(modules) > 10
