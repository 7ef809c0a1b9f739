"""Sign-in sheets (签到表) as .xlsx: 序号 | 姓名 | 部门 | 签名, ready to print.

Written with openpyxl's write-only mode (constant memory for long lists); the layout — a
title row, a header repeated on every printed page, wide blank 签名 cells, A4 portrait fitted
to the page width — is what a union office prints and passes around at the door. Cells go
through ``documents.cells``, so a title or name typed as ``=…`` stays text.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side

from unionplan.documents import cells

SIGNIN_HEADER = ["序号", "姓名", "部门", "签名"]
UNIONS_SIGNIN_HEADER = ["序号", "工会", "上级工会", "签名"]  # 各基层工会: one line per union
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def signin_sheet_xlsx(
    title: str,
    subtitle: str,
    rows: Iterable[tuple[str, str]],
    header: list[str] = SIGNIN_HEADER,
) -> bytes:
    """``rows`` are (name, department), or (union, union above) under ``UNIONS_SIGNIN_HEADER``;
    numbering and the blank signature column are added."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("签到表")
    for letter, width in zip("ABCD", (8, 16, 22, 26), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.append([_cell(sheet, title, bold=True, size=14)])
    sheet.append([_cell(sheet, subtitle)])
    sheet.append([_cell(sheet, text, bold=True, box=True) for text in header])
    for number, (name, department) in enumerate(rows, 1):
        values = (number, name, department, "")
        sheet.append([_cell(sheet, value, box=True) for value in values])
    buffer = io.BytesIO()
    cells.save(book, buffer)
    return buffer.getvalue()


def _cell(sheet, value, bold: bool = False, size: int = 11, box: bool = False) -> WriteOnlyCell:
    cell = cells.write_only_cell(sheet, value)
    cell.font = Font(bold=bold, size=size)
    if box:
        cell.border = _BOX
        cell.alignment = Alignment(vertical="center")
    return cell
