"""The 一图读懂 page: the year's figures on one A4 portrait page, drawn with QPainter.

    render_png(report, path, previous=None, dpi=200) -> Path
    render_pdf(report, path, previous=None) -> Path
    render(report, path, previous=None, dpi=200) -> Path      # by suffix, .png or .pdf
    paint(painter, target, figures) -> list[DrawnText]        # e.g. a preview widget; figures = summarize(report)

Writes are atomic; failures raise InfographicError with a Chinese `.message`. The numbers come from
models.tools.summary.summarize (Qt-free), which compares with `previous` or the report embedded at carry-over.
"""

from render.infographic.canvas import PAGE_HEIGHT, PAGE_WIDTH, DrawnText
from render.infographic.output import (
    DEFAULT_DPI,
    InfographicError,
    ensure_gui_application,
    pdf_bytes,
    png_bytes,
    render,
    render_image,
    render_pdf,
    render_png,
)
from render.infographic.page import paint

__all__ = [
    "DEFAULT_DPI",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "DrawnText",
    "InfographicError",
    "ensure_gui_application",
    "paint",
    "pdf_bytes",
    "png_bytes",
    "render",
    "render_image",
    "render_pdf",
    "render_png",
]
