"""The layers: which package may import which, checked two ways.

Every import statement of every module, lazy ones inside functions included, is read with `ast` (what the code may
import at some point); and the packages are imported in a fresh interpreter whose `sys.modules` shows what loading
them really pulls in. The layers, from the bottom:

- models/     the report, the format, the rules: Qt-free, imports none of the packages below
- layouts/    where things sit in the files we write and read back: Qt-free, below both readers and writers
- importers/  readers; exporters/ writers: Qt-free, and neither imports the other
- render/     drawing to PNG/PDF: QtGui and QtCore only, never QtWidgets, never ui/
- cli/        the command line: Qt-free at import, draws through render/, never imports ui/ (main.py, above every
              layer, hands it the function that loads the window)
- ui/         the window: may import all of the above
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import QT_PROBLEM, ROOT

QT = ("PySide6", "shiboken6")
QT_FREE = ("models", "layouts", "importers", "exporters", "cli")
#: package → the packages of ours (and Qt) it must never import, at module level or lazily.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "models": ("layouts", "importers", "exporters", "render", "ui", "cli", *QT),
    "layouts": ("importers", "exporters", "render", "ui", "cli", *QT),
    "importers": ("exporters", "render", "ui", "cli", *QT),
    "exporters": ("importers", "render", "ui", "cli", *QT),
    "render": ("ui", "cli", "PySide6.QtWidgets"),
    "cli": ("ui", *QT),
}


def package_files(package: str) -> list[Path]:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"no package {package}/"
    return files


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def imported_names(path: Path) -> set[str]:
    """Every module an import statement of `path` names (`from a import b` names a and a.b)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"  # every import here is absolute, so this reads them
            names.add(node.module or "")
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def within(name: str, module: str) -> bool:
    """Whether `name` is `module` or something inside it."""
    return name == module or name.startswith(module + ".")


def violations(package: str) -> list[str]:
    found = []
    for path in package_files(package):
        where = path.relative_to(ROOT).as_posix()
        for name in sorted(imported_names(path)):
            if any(within(name, banned) for banned in FORBIDDEN[package]):
                found.append(f"{where} imports {name}")
    return found


@pytest.mark.parametrize("package", list(FORBIDDEN))
def test_no_import_statement_crosses_a_layer(package):
    assert violations(package) == []


def test_only_main_py_joins_the_command_line_and_the_window():
    """cli/ opens the window only through the loader main.py gives it; main.py is where ui/ is imported."""
    assert "ui.app" in imported_names(ROOT / "main.py")
    assert not [name for name in imported_names(ROOT / "cli" / "main.py") if within(name, "ui")]


def loaded_after_importing(packages: tuple[str, ...]) -> set[str]:
    """The modules a fresh interpreter holds after importing every module of `packages`."""
    modules = [module_name(p) for package in packages for p in package_files(package)]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print('\\n'.join(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_core_packages_load_no_qt():
    loaded = loaded_after_importing(QT_FREE)
    assert sorted(m for m in loaded if m.split(".")[0] in QT) == []
    assert "ui" not in {m.split(".")[0] for m in loaded}


def test_importers_load_no_exporters():
    loaded = loaded_after_importing(("importers",))
    assert sorted(m for m in loaded if m.split(".")[0] in ("exporters", "render", "ui", "cli")) == []
    assert "layouts.xlsx_layout" in loaded


@pytest.mark.skipif(bool(QT_PROBLEM), reason="Qt cannot be loaded here")
def test_render_loads_no_widgets():
    loaded = loaded_after_importing(("render",))
    assert "PySide6.QtGui" in loaded
    assert sorted(m for m in loaded if m == "PySide6.QtWidgets" or m.split(".")[0] == "ui") == []


def test_drawing_from_the_command_line_goes_through_render():
    assert "render.infographic.export" in imported_names(ROOT / "cli" / "infographic.py")


def test_every_build_named_by_module_path_is_also_imported_by_name():
    """A build the exporter table names as "module:function" is loaded with importlib, which a freezer (PyInstaller)
    cannot follow: some module of the app must import it by name too, or the frozen app lacks it (it did)."""
    from exporters.registry import EXPORTERS

    imported = set().union(*(imported_names(path) for package in ("cli", "ui", "exporters", "render")
                             for path in (ROOT / package).rglob("*.py")))
    modules = {exporter.build.partition(":")[0] for exporter in EXPORTERS.values()}
    assert sorted(modules - imported) == []


RULE_ID = re.compile(r"""["'](?:T[0-9]|V|W|X|TXT)-[0-9A-Z]+["']""")


def test_the_ui_never_branches_on_a_rule_id():
    """What a view needs of a finding (its page, whether it is only a blank, a year-on-year swing) is on the finding;
    a rule renamed or split never silently changes what the window shows."""
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sorted((ROOT / "ui").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if RULE_ID.search(line.split("#")[0])]
    assert found == []
