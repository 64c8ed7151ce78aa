"""Judge the Windows build's offscreen screenshots (standard library and ImageMagick's `compare`).

    python3 packaging/wine/check_screenshots.py PAGES LATIN_ONLY CJK_ONLY NO_FONT

PAGES: `gov-info-report.exe --screenshots` as the app runs it (Qt's offscreen platform reading C:\\Windows\\Fonts).
LATIN_ONLY, CJK_ONLY and NO_FONT: the same pages drawn with QT_QPA_FONTDIR holding a Latin font only (every Chinese
character a box), a Chinese fallback font only (without Latin letters and digits: those are boxes) and no font at
all. Every page must exist in all four, weigh more than 20 KB, and differ from the Latin-only page in many pixels
(its Chinese text is drawn with glyphs) and from the Chinese-only page too (its digits and letters are).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MIN_BYTES = 20_000
PAGES = 9
#: Pixels that must differ from the Latin-only page: each page has hundreds of Chinese characters. Measured under
#: Wine: 130,000–250,000 per page at 1500×940 (the pages are 1366×768 now: about three quarters of that); a Latin-only
#: page weighs 17–33 KB, so size alone cannot tell boxes.
MIN_DIFFERENT_PIXELS = 50_000
#: Against the Chinese-only page (digits, letters, ✓): measured 36,000–170,000.
MIN_DIFFERENT_PIXELS_LATIN = 10_000


def different_pixels(a: Path, b: Path) -> int:
    result = subprocess.run(["compare", "-metric", "AE", str(a), str(b), "null:"], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"compare failed on {a.name}: {result.stderr.strip()}")
    return int(float(result.stderr.split()[0]))


def main(argv: list[str]) -> int:
    pages, latin, cjk, nofont = (Path(a) for a in argv)
    shots = sorted(pages.glob("*.png"))
    problems = [] if len(shots) >= PAGES else [f"{len(shots)} pages, expected {PAGES}"]
    for shot in shots:
        size = shot.stat().st_size
        versus_latin = different_pixels(shot, latin / shot.name)
        versus_cjk = different_pixels(shot, cjk / shot.name)
        versus_none = different_pixels(shot, nofont / shot.name)
        print(f"{shot.name}: {size} bytes; pixels differing from the Latin-only page {versus_latin}, "
              f"the Chinese-only page {versus_cjk}, the no-font page {versus_none}")
        if size <= MIN_BYTES:
            problems.append(f"{shot.name}: {size} bytes <= {MIN_BYTES}")
        if versus_latin < MIN_DIFFERENT_PIXELS:
            problems.append(f"{shot.name}: Chinese drawn as boxes? only {versus_latin} pixels differ from Latin-only")
        if versus_cjk < MIN_DIFFERENT_PIXELS_LATIN:
            problems.append(f"{shot.name}: digits drawn as boxes? only {versus_cjk} pixels differ from Chinese-only")
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
