"""The one way the app writes a spreadsheet cell, and saves a workbook — openpyxl, no Django.

Every .xlsx the app writes (plan table, ledger, roster export, sign-in sheet) goes through
here, for two reasons a reader of the file meets:

* **Typed text stays text.** An activity named ``=HYPERLINK(...)`` or a payee ``+86 138…``
  would be a live formula (or turn into one when the cell is edited in Excel/WPS): text
  starting with ``= + - @``, a tab or a carriage return is stored as a string cell with the
  quote prefix set, the way Excel itself stores text typed after an apostrophe. The text is
  kept exactly (no apostrophe added), so an export reads back as it went in. Characters
  that XML cannot hold (control characters pasted from other programs) are dropped instead
  of failing the whole export.
* **Totals carry their value.** openpyxl writes a formula without its result, so python-
  calamine, pandas and phone previewers show 合计 blank. ``Formula(expression, value)``
  writes the formula (it stays right when someone edits a figure in Excel) and ``save``
  puts the computed value into the file as the formula's cached result.
"""

from __future__ import annotations

import io
import os
import re
import weakref
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Formula cells written through ``put``, per worksheet: coordinate -> computed value.
_CACHED: weakref.WeakKeyDictionary[Worksheet | WriteOnlyWorksheet, dict[str, object]] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True)
class Formula:
    """A formula the app writes on purpose (``=SUM(F4:F9)``) with the value it computes."""

    expression: str
    value: int | float | Decimal


def put(sheet: Worksheet, row: int, column: int, value: object = None) -> Cell:
    """Write ``value`` into a normal-mode sheet's cell; text is never taken as a formula."""
    cell = sheet.cell(row, column)
    if isinstance(value, Formula):
        cell.value = value.expression
        _CACHED.setdefault(sheet, {})[cell.coordinate] = value.value
    else:
        _assign(cell, value)
    return cell


def write_only_cell(sheet, value: object = None, *, style: StyleArray | None = None) -> Cell:
    """A cell for ``sheet.append`` in write-only mode, with the same rule for text;
    ``style``: the style ids of another cell (``cell._style``), copied into this one."""
    cell = Cell(sheet, row=1, column=1, style_array=style)  # what WriteOnlyCell() makes
    if value is not None:  # a new cell is empty: no need to bind None
        _assign(cell, value)
    return cell


def write_only_formula(sheet, cell: Cell, coordinate: str, formula: Formula) -> Cell:
    """Put ``formula`` into ``cell``, to be appended to write-only ``sheet`` at ``coordinate``
    (``save`` fills in its value as it does for ``put``)."""
    cell.value = formula.expression
    _CACHED.setdefault(sheet, {})[coordinate] = formula.value
    return cell


def assign(cell: Cell, value: object) -> Cell:
    """Write ``value`` into an existing cell (normal or write-only), with the same rule."""
    _assign(cell, value)
    return cell


def is_formula_like(text: str) -> bool:
    """Whether Excel or WPS would take ``text`` (typed into a cell) as a formula."""
    return text.startswith(FORMULA_STARTS)


def _assign(cell: Cell, value: object) -> None:
    if isinstance(value, Formula):
        raise TypeError("formulas are written with put() on a normal-mode sheet")
    if not isinstance(value, str):
        cell.value = value
        return
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = text or None
    if text and is_formula_like(text):
        cell.data_type = "s"  # openpyxl would store "=…" as a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def save(workbook: Workbook, out: str | os.PathLike | BinaryIO) -> None:
    """Save ``workbook`` to a path or binary file, with the values of formulas put by ``put``."""
    cached = {  # openpyxl names the parts by position: xl/worksheets/sheet1.xml, …
        f"xl/worksheets/sheet{position}.xml": _CACHED[sheet]
        for position, sheet in enumerate(workbook.worksheets, start=1)
        if isinstance(sheet, Worksheet | WriteOnlyWorksheet) and _CACHED.get(sheet)
    }
    if not cached:
        workbook.save(out)
        return
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = _with_cached_values(buffer.getvalue(), cached)
    if isinstance(out, str | os.PathLike):
        with open(out, "wb") as handle:
            handle.write(data)
    else:
        out.write(data)


def _with_cached_values(data: bytes, cached: dict[str, dict[str, object]]) -> bytes:
    """The .xlsx ``data`` with each formula cell's ``<v>`` filled from ``cached``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in cached:
                content = _fill_values(content, cached[info.filename])
            target.writestr(info, content)
    return result.getvalue()


_FORMULA_CELL = re.compile(
    rb'(<c r="([A-Z]+[0-9]+)"[^>]*>)(<f(?: [^>]*)?>[^<]*</f>)(?:<v>[^<]*</v>|<v */>)?(</c>)'
)


def _fill_values(sheet_xml: bytes, values: dict[str, object]) -> bytes:
    """The sheet with a ``<v>`` after each formula of ``values`` (a pass over the text as
    openpyxl writes it, rather than parsing and re-serializing a sheet of 1,000s of rows)."""

    def fill(match: re.Match) -> bytes:
        value = values.get(match.group(2).decode())
        if value is None:
            return match.group(0)
        number = _number_text(value).encode()
        return match.group(1) + match.group(3) + b"<v>" + number + b"</v>" + match.group(4)

    return _FORMULA_CELL.sub(fill, sheet_xml)


def _number_text(value: int | float | Decimal) -> str:
    """A number as the ``<v>`` text Excel writes: no exponent, no trailing zeros."""
    number = Decimal(str(value))
    text = format(number.normalize(), "f")
    return text if text not in ("-0", "") else "0"
