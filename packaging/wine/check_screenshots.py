"""Judge the Windows build's offscreen screenshots (standard library and ImageMagick's `compare`).

    python3 packaging/wine/check_screenshots.py PAGES LATIN_ONLY NO_FONT

PAGES: `gov-info-report.exe --screenshots` as the app runs it (Qt's offscreen platform reading C:\\Windows\\Fonts).
LATIN_ONLY and NO_FONT: the same pages drawn with QT_QPA_FONTDIR holding a Latin font only, and no font at all:
what a Windows without a usable Chinese font would give (every Chinese character a box). Every page must exist in
all three, weigh more than 20 KB, and differ from the Latin-only page in many pixels: its Chinese text is drawn with
glyphs, not boxes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MIN_BYTES = 20_000
PAGES = 9
#: Pixels that must differ from the Latin-only page: each page has hundreds of Chinese characters of ~150 pixels;
#: boxes against glyphs differ in far more than this (measured: see packaging/README.md).
MIN_DIFFERENT_PIXELS = 5_000


def different_pixels(a: Path, b: Path) -> int:
    result = subprocess.run(["compare", "-metric", "AE", str(a), str(b), "null:"], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"compare failed on {a.name}: {result.stderr.strip()}")
    return int(float(result.stderr.split()[0]))


def main(argv: list[str]) -> int:
    pages, latin, nofont = (Path(a) for a in argv)
    shots = sorted(pages.glob("*.png"))
    problems = [] if len(shots) >= PAGES else [f"{len(shots)} pages, expected {PAGES}"]
    for shot in shots:
        size = shot.stat().st_size
        versus_latin = different_pixels(shot, latin / shot.name)
        versus_none = different_pixels(shot, nofont / shot.name)
        print(f"{shot.name}: {size} bytes, {versus_latin} pixels differ from the Latin-only page, "
              f"{versus_none} from the no-font page ({(latin / shot.name).stat().st_size} / "
              f"{(nofont / shot.name).stat().st_size} bytes)")
        if size <= MIN_BYTES:
            problems.append(f"{shot.name}: {size} bytes <= {MIN_BYTES}")
        if versus_latin < MIN_DIFFERENT_PIXELS:
            problems.append(f"{shot.name}: Chinese drawn as boxes? only {versus_latin} pixels differ from Latin-only")
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
