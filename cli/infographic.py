"""`python main.py infographic FILE -o OUT.png|OUT.pdf [--previous FILE] [--dpi N]`: the 一图读懂 page.

Exit codes: 0 written; 2 the input cannot be read or the output cannot be written (or is neither .png nor .pdf).
Qt is imported only when drawing; without a display it runs offscreen (see ui.infographic.output).
"""

from __future__ import annotations

import sys
from pathlib import Path

from importers import LoadError, load

EXIT_OK, EXIT_FILE = 0, 2
SUFFIXES = (".png", ".pdf")


def run_infographic(source: str, output: str, previous_file: str | None = None, dpi: int | None = None) -> int:
    """Draw the page of `source` to `output`; `dpi` None is the renderer's default. Returns the exit code."""
    out = Path(output)
    if out.suffix.lower() not in SUFFIXES:
        print(f"无法导出“{out.name}”：一图读懂只能保存为 PNG 图片（.png）或 PDF 文件（.pdf）。", file=sys.stderr)
        return EXIT_FILE
    try:
        report, _ = load(source)
        previous = load(previous_file)[0] if previous_file else None
    except LoadError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_FILE
    from ui.infographic import InfographicError, render

    try:
        written = render(report, out, previous) if dpi is None else render(report, out, previous, dpi)
    except InfographicError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_FILE
    print(f"已导出：{written}")
    return EXIT_OK
