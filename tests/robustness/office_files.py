"""Valid Word and Excel exports to mutate, and the one outcome every hostile file must have."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from exporters import build_docx, build_xlsx
from importers import LoadError, read_report
from models.storage.drafts import load_draft
from tests.conftest import FIXTURES


def seed_files() -> dict[str, bytes]:
    report = load_draft(FIXTURES / "huaian-city-gov-2024.nianbao")
    return {"docx": build_docx(report), "xlsx": build_xlsx(report)}


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def pack(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def outcome(path: Path) -> str:
    """'imported' or 'refused'; anything else (an unhandled exception) fails the calling test.

    A workbook goes straight to the Excel reader: `importers.load` turns any exception of openpyxl into a refusal,
    which would hide a crash of the reader itself from the fuzzer.
    """
    from importers.xlsx_reader import XlsxReadError, read_xlsx

    if path.suffix == ".xlsx":
        try:
            report, _ = read_xlsx(path)
        except XlsxReadError as exc:
            assert path.name in exc.message, exc.message
            return "refused"
        report.copy()
        return "imported"
    try:
        imported = read_report(path)
    except LoadError as exc:
        assert path.name in exc.message, exc.message
        assert any("\u4e00" <= ch <= "\u9fff" for ch in exc.message), exc.message
        return "refused"
    imported.report.copy()
    return "imported"
