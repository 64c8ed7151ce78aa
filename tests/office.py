"""LibreOffice as a real client: headless conversions with a fresh user profile per run, and pdftotext.

Tests that need it skip, naming the packages, when LibreOffice or poppler is missing on a developer's machine; under
CI (tests/environment.py) they fail instead, because .ci/run installs them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.environment import require

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


def require_office() -> None:
    """Skip (locally) or fail (in CI) when LibreOffice (Writer and Calc) or poppler is missing."""
    require("office", "poppler", every=True)


# Recalculate every formula when an .xlsx is loaded (0 = always), whatever cached values the file holds.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def convert(source: Path, target_format: str, outdir: Path) -> Path:
    """`soffice --headless --convert-to` in a fresh profile; returns the converted file."""
    return convert_all([source], target_format, outdir)[0]


def convert_all(sources: list[Path], target_format: str, outdir: Path, timeout: int = 180) -> list[Path]:
    """Several files in one LibreOffice start (a start costs seconds; a page, milliseconds)."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        result = subprocess.run(
            [SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--convert-to", target_format, "--outdir", str(outdir), *map(str, sources)],
            capture_output=True, text=True, timeout=timeout,
        )
    extension = target_format.split(":")[0]
    converted = [outdir / f"{source.stem}.{extension}" for source in sources]
    missing = [path.name for path in converted if not path.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout} {result.stderr}"
    return converted


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """The PDF's text in content order (`pdftotext -raw`), of one page or all."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run([PDFTOTEXT, "-raw", *pages, str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_landscape_pages(pdf: Path) -> list[int]:
    """The numbers of the pages wider than they are high."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pdf_pages(pdf)), str(pdf)], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info, re.MULTILINE)
    return [int(n) for n, width, height in sizes if float(width) > float(height)]
