"""The GUI fixtures of tests/ui/gui.py, registered when Qt can be used here; without Qt's system libraries each test
module of this folder is skipped on its own `import PySide6` (see tests/conftest.py)."""

from tests.conftest import QT_PROBLEM

if not QT_PROBLEM:
    from tests.ui.gui import answers, cjk_family, qapp_cls, window  # noqa: F401 - fixtures for the tests of this folder
