"""The report's pages (render/report): the PDF export next to the Word export, and the print preview's first page
next to the floor of QTextDocument laying out the same text.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_pdf.py

PDF: `export_pdf` (lay out, paint into QPdfWriter, correct the text layer, write) against `export_docx` of the same
report; target ≤ 2×. Preview: from the click to the preview dialog with its pages painted (QPrintPreviewWidget paints
every page before it shows the first), against QTextDocument laying out the same paragraphs and table texts on A4
pages (no tables, no fonts of ours: the floor); target ≤ 300 ms. Also the whole preview's time to all pages.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from _timing import ROOT, median_ms

from exporters import export_docx
from layouts.report_text import paragraphs
from models.format import format2021 as fmt
from models.storage.drafts import load_draft
from models.values import format_value

PDF_MAX_RATIO = 2.0
FIRST_PAGE_MS = 300.0


def report_under_test():
    report = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    sample = load_draft(ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    report.texts.update({key: text for key, text in sample.texts.items() if key != "s1.requests"})
    return report


def floor_document(report):
    """QTextDocument laying out the report's texts (paragraphs, then every table cell's text) on A4 pages."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QTextDocument

    texts = [report.title, *(p for key in fmt.ALL_TEXT_KEYS for p in paragraphs(report.text(key)))]
    for grid in report.format.grids.values():
        texts += [format_value(report.cells.get(c.key)) if c.is_input else c.text for c in grid.cells]
    document = QTextDocument()
    font = QFont()
    font.setPixelSize(16)
    document.setDefaultFont(font)
    document.setPageSize(QSizeF(595, 842))
    document.setPlainText("\n".join(texts))
    return document.pageCount()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from render.report import export_pdf, lay_out
    from ui.printing import PrintPreview

    report = report_under_test()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        pdf, docx = Path(folder) / "bench.pdf", Path(folder) / "bench.docx"
        word = median_ms(lambda: export_docx(report, docx), repeat=15, warmup=3)
        drawn = median_ms(lambda: export_pdf(report, pdf), repeat=15, warmup=3)
    ratio = drawn / word
    ok &= ratio <= PDF_MAX_RATIO
    print(f"PDF export (export_pdf): median {drawn:.1f} ms  |  Word export (export_docx) {word:.1f} ms  |  "
          f"ratio {ratio:.2f}×  |  target ≤ {PDF_MAX_RATIO}×  {'OK' if ratio <= PDF_MAX_RATIO else 'OVER'}")
    layout = median_ms(lambda: lay_out(report), repeat=15, warmup=3)
    print(f"  of which laying out the pages (lay_out): median {layout:.1f} ms")

    floor = median_ms(lambda: floor_document(report), repeat=15, warmup=3)

    def first_page() -> float:
        start = time.perf_counter()
        dialog = PrintPreview(lay_out(report), report.title)
        dialog.show()
        while dialog.page_count() == 0:
            app.processEvents()
        shown = (time.perf_counter() - start) * 1000
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
        return shown

    for _ in range(3):
        first_page()
    samples = sorted(first_page() for _ in range(11))
    shown = samples[len(samples) // 2]
    ok &= shown <= FIRST_PAGE_MS
    print(f"Print preview, first page shown (all pages painted): median {shown:.1f} ms  |  floor (QTextDocument "
          f"laying out the same text) {floor:.1f} ms  |  ratio {shown / floor:.1f}×  |  target ≤ {FIRST_PAGE_MS:.0f} ms"
          f"  {'OK' if shown <= FIRST_PAGE_MS else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
