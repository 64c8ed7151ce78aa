"""One consistent report per format for the contract suite, and the writers and readers every format must serve.

A format registered in models/format/formats.py without a builder here fails `test_every_registered_format_is_covered`:
adding a format means adding its report, and then every contract runs on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.format import format2021 as fmt
from models.report import Report
from models.storage.drafts import save_draft
from tests.builders import consistent_report
from tests.test_format_2019 import report_2019
from tests.test_format_2099 import _report_2099

#: A report without errors, of each format ("2099" is the test-only format of tests/test_format_2099.py).
BUILDERS: dict[str, Callable[[], Report]] = {
    "2021": lambda: consistent_report(4),
    "2019": report_2019,
    "2099": _report_2099,
}


def with_an_error(report: Report) -> Report:
    """The same report with one error (T3-A: 本年新收 one more than the column balances)."""
    broken = report.copy()
    key = fmt.t3("new", "natural")
    broken.set(key, broken.number(key) + 1)
    return broken


def write_draft(report: Report, path: Path, *, allow_errors: bool = False) -> Path:
    """The draft file as a writer: saved with or without errors (a draft is not an official export)."""
    save_draft(report, path)
    return path


#: What each reader gives back of a report written in each format: the cells it reads (None: no reader for that
#: format). The Word importer recognises the 2021 and 2019 formats and reads no 2019 table 二 yet; a 2099 Word file
#: has no reader. Excel and drafts read every format whole.
def word_cells(template: str) -> Callable[[str], bool] | None:
    if template == "2021":
        return lambda key: True
    if template == "2019":
        return lambda key: not key.startswith("t2.")
    return None
