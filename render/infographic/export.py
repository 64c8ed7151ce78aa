"""The 一图读懂 as an entry of the exporter table (exporters.registry): `export_infographic`, called like every
other build. The rules' findings do not block it (it is not the official report)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.findings import Finding
    from models.report import Report


def export_infographic(report: Report, path: Path, *, findings: list[Finding] | None = None,
                       previous: Report | None = None, options: Mapping[str, Any] | None = None) -> Path:
    """Draw the page of `report` to `path` (.png or .pdf); `options` may give a `dpi` for PNG (None: the default).
    Raises InfographicError."""
    from render import infographic  # looked up when called, so the package's render is the one used

    dpi = (options or {}).get("dpi")
    if dpi is None:
        return infographic.render(report, path, previous)
    return infographic.render(report, path, previous, dpi)
