"""Placeholder: sizes only."""
import sys
from pathlib import Path

pages = sorted(Path(sys.argv[1]).glob("*.png"))
for page in pages:
    print(page.name, page.stat().st_size)
nofont = sorted(Path(sys.argv[2]).glob("*.png"))
for page in nofont:
    print("nofont", page.name, page.stat().st_size)
sys.exit(0 if len(pages) >= 9 and all(p.stat().st_size > 20_000 for p in pages) else 1)
