"""The results of our formulas, saved in the file as their cached values.

openpyxl writes a formula with an empty cached value, so a reader that does not calculate (a previewer, pandas,
openpyxl's data_only) shows empty totals and checks. The writer knows what each formula shows — a total is the sum
the report holds, a check the outcome of its equation (models/rules/equations.py) — and this module puts those values
into the saved sheets' XML. Excel and LibreOffice still recalculate on opening (openpyxl sets fullCalcOnLoad).
"""

from __future__ import annotations

import datetime
import io
import posixpath
import re
import zipfile
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A formula cell as openpyxl writes it: <c r="E6" s="7"><f>…</f><v/></c> (or <v></v>).
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/>|'
                           r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v></v>')


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part name in the package."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PACKAGE_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets[sheet.get(f"{_REL}id")]
        parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return parts


def _cell(values: dict[str, object], done: set[str], match: re.Match) -> str:
    coord, attributes, formula = (match.group(1), match.group(2), match.group(3)) if match.group(1) else \
        (match.group(4), match.group(5), match.group(6))
    if coord not in values:
        return match.group(0)
    done.add(coord)
    value = values[coord]
    if isinstance(value, str):
        return f'<c r="{coord}"{attributes} t="str"><f>{formula}</f><v>{escape(value)}</v>'
    return f'<c r="{coord}"{attributes}><f>{formula}</f><v>{value!r}</v>'


def save_with_cached_values(workbook: Workbook, cached: dict[str, dict[str, object]]) -> bytes:
    """The workbook's .xlsx bytes with the cached values of `with_cached_values`. openpyxl writes the parts
    uncompressed here (what `Workbook.save` does, without the deflate), so that the parts are compressed once."""
    stored = io.BytesIO()
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    ExcelWriter(workbook, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED, allowZip64=True)).save()
    return with_cached_values(stored.getvalue(), cached)


def with_cached_values(data: bytes, cached: dict[str, dict[str, object]]) -> bytes:
    """The .xlsx `data` with the formula cells of `cached` ({sheet name: {cell reference: value}}) holding those
    values as their cached results (str or number). Raises RuntimeError when a cell named is not a formula cell
    of the saved sheet (the writer and this module disagree: a bug, never the clerk's)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = _sheet_parts(source)
    by_part = {parts[name]: values for name, values in cached.items() if values}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            values = by_part.get(info.filename)
            if values:
                done: set[str] = set()
                text = _FORMULA_CELL.sub(lambda m, v=values, d=done: _cell(v, d, m), content.decode("utf-8"))
                missing = set(values) - done
                if missing:
                    raise RuntimeError(f"no formula cell for cached values {sorted(missing)[:5]} in {info.filename}")
                content = text.encode("utf-8")
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
