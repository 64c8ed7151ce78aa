"""The web page for the portal next to the Word report: export and import of the Huaian 2024 report (its fixture
draft as it is), median of 20 runs each, in the same run.

    .venv/bin/python benchmarks/bench_html.py

Export: build_html (the page as text) and export_html (written atomically, fsync) against build_docx and
export_docx. Import: the exported page (importers.html_import) against the exported Word file (importers.docx_import),
and a portal-shaped GB2312 page of the same report (tests/portal_pages.py). The page must not take longer than the
Word file, and stay under 0.5 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _timing import ROOT, median_ms, report_line

from exporters import build_docx, export_docx
from exporters.html_export import build_html, export_html
from importers import read_report
from models.storage.drafts import load_draft
from tests.portal_pages import WORD, Portal, write_portal

BUDGET_MS = 500.0
REPEAT = 20


def main() -> int:
    report = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        page, word = Path(folder) / "bench.html", Path(folder) / "bench.docx"
        docx_built = median_ms(lambda: build_docx(report), repeat=REPEAT, warmup=3)
        html_built = median_ms(lambda: build_html(report), repeat=REPEAT, warmup=3)
        docx_written = median_ms(lambda: export_docx(report, word), repeat=REPEAT, warmup=3)
        html_written = median_ms(lambda: export_html(report, page), repeat=REPEAT, warmup=3)
        ok &= report_line("HTML export (build_html)", html_built, docx_built, "build_docx", BUDGET_MS)
        ok &= report_line("  … written to disk (atomic, fsync)", html_written, docx_written, "export_docx", BUDGET_MS)
        portal = write_portal(Path(folder) / "portal.html", report, Portal("淮安市人民政府网站", WORD))
        docx_read = median_ms(lambda: read_report(word), repeat=REPEAT, warmup=3)
        html_read = median_ms(lambda: read_report(page), repeat=REPEAT, warmup=3)
        portal_read = median_ms(lambda: read_report(portal), repeat=REPEAT, warmup=3)
        ok &= report_line("HTML import (our page)", html_read, docx_read, "Word import of our .docx", BUDGET_MS)
        ok &= report_line("HTML import (portal page, GB2312)", portal_read, docx_read, "Word import of our .docx",
                          BUDGET_MS)
        ok &= html_built <= docx_built and html_written <= docx_written
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
