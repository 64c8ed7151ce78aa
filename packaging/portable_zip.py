"""Zip the frozen app as a portable copy: the folder plus a `portable` marker, so that drafts, autosave, backups and
settings stay in `data` beside the exe (models/storage/locations.py) — for a USB stick or a PC where nothing may be
installed.

    python packaging/portable_zip.py dist/gov-info-report dist/gov-info-report-0.1.0-portable.zip
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

MARKER = "portable"  # models.storage.locations.PORTABLE_MARKER
MARKER_TEXT = ("便携版标记：本文件存在时，草稿、自动保存、备份和设置都保存在本文件夹的 data 目录中。\r\n"
               "删除本文件，则改为保存在当前用户的目录中。\r\n")


def make_portable_zip(frozen: Path, out: Path) -> Path:
    """`out` holds `frozen`'s folder (same name) with the marker beside the exe; returns `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    top = frozen.name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(frozen.rglob("*")):
            if path.is_file() and path.relative_to(frozen).parts[0] != "data":  # never a user's portable data
                archive.write(path, f"{top}/{path.relative_to(frozen).as_posix()}")
        archive.writestr(f"{top}/{MARKER}", MARKER_TEXT.encode("utf-8"))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = make_portable_zip(Path(argv[0]), Path(argv[1]))
    print(f"portable zip: {out} ({out.stat().st_size / 2**20:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
