"""数据采集表 for tests: export one, fill it the way a department would (openpyxl, as Excel saves it), read it back."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import openpyxl

from exporters.collection_sheet import export_collection_sheet
from layouts.collection_layout import positions
from models.format import format2021 as fmt
from models.tools.collection import Part, parse_parts
from models.values import CellValue
from tests.builders import consistent_report


def department_values(parts: tuple[Part, ...], seed: int) -> dict[str, CellValue]:
    """A department's numbers for `parts`: table 三 balanced (T3-A holds), the 万元 amount with decimals."""
    report = consistent_report(seed, high=30)
    values: dict[str, CellValue] = {}
    for part in parts:
        for key in part.keys:
            values[key] = report.cells[key]
    if fmt.AMOUNT_KEY in values:
        values[fmt.AMOUNT_KEY] = Decimal(random.Random(seed).randint(0, 99999)) / 100
    return values


def fill(path: Path, parts: tuple[Part, ...], values: dict[str, object], *, department: str | None = None,
         filler: str = "", phone: str = "") -> Path:
    """Type `values` (key → what the department types) into the sheet and save it."""
    workbook = openpyxl.load_workbook(path)
    for key, (sheet, row, col) in positions(parts).items():
        if key in values:
            value = values[key]
            workbook[sheet].cell(row=row, column=col, value=float(value) if isinstance(value, Decimal) else value)
    guide = workbook["填报说明"]
    if department is not None:
        guide["B3"] = department
    guide["B6"], guide["B7"] = filler or None, phone or None
    workbook.save(path)
    return path


def filled_sheet(folder: Path, name: str, department: str, parts: str, seed: int, *, year: int = 2024,
                 blank_department: bool = False) -> tuple[Path, dict[str, CellValue]]:
    chosen = parse_parts([parts])
    values = department_values(chosen, seed)
    path = export_collection_sheet(folder / name, chosen, year, "" if blank_department else department)
    fill(path, chosen, values, department=department if blank_department else None, filler=f"{department}联系人",
         phone="0512-1234567")
    return path, values
