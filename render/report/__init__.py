"""The report on 公文 pages, drawn by Qt as the Word export lays it out: print preview, printing and PDF.

    lay_out(report, findings=None, previous=None, official_fonts=True, draft=None) -> ReportPages
    paint_pages(painter, device, pages, turn=True)      # a QPrinter: printing and QPrintPreviewWidget
    pdf_bytes(pages, report) -> bytes                   # QPdfWriter, the text layer corrected
    export_pdf(report, path, findings=…, previous=…, options=…) -> Path

`ReportPages.fonts` lists (wanted, used) for each font the Word export names (render.report.fonts).
"""

from render.report.fonts import FontChoice, describe
from render.report.output import ReportPages, export_pdf, lay_out, paint_page, paint_pages, pdf_bytes

__all__ = ["FontChoice", "ReportPages", "describe", "export_pdf", "lay_out", "paint_page", "paint_pages",
           "pdf_bytes"]
