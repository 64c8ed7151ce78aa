"""The GUI fixtures of tests/ui/gui.py for the GUI robustness tests (the monkey run), registered when Qt can be used
here; the Qt-free robustness tests run without them."""

from tests.conftest import QT_PROBLEM

if not QT_PROBLEM:
    from tests.ui.gui import answers, qapp_cls, window  # noqa: F401 - fixtures for the tests of this folder
