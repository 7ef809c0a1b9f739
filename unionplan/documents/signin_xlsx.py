"""Sign-in sheets (签到表) as .xlsx: 序号 | 姓名 | 部门 | 签名, ready to print; the same
layout makes a campaign's receipt sheet (签收表: 序号 | 姓名 | 部门 | 金额（元） | 签名 | 日期).

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
from openpyxl.utils import get_column_letter

from unionplan.documents import cells

SIGNIN_HEADER = ["序号", "姓名", "部门", "签名"]
UNIONS_SIGNIN_HEADER = ["序号", "工会", "上级工会", "签名"]  # 各基层工会: one line per union
RECEIPT_HEADER = ["序号", "姓名", "部门", "金额（元）", "签名", "日期"]  # 签收: signed and dated
_WIDTHS = {"序号": 8, "姓名": 16, "工会": 16, "部门": 22, "上级工会": 22, "金额（元）": 14,
           "签名": 26, "日期": 14}  # fmt: skip
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def signin_sheet_xlsx(
    title: str,
    subtitle: str,
    rows: Iterable[tuple[str, ...]],
    header: list[str] = SIGNIN_HEADER,
    sheet_name: str = "签到表",
) -> bytes:
    """``rows`` are (name, department), or (union, union above) under ``UNIONS_SIGNIN_HEADER``,
    or (name, department, amount) under ``RECEIPT_HEADER``; numbering and the blank columns
    after them (签名, 日期) are added."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    for column, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS.get(name, 16)
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.append([_cell(sheet, title, bold=True, size=14)])
    sheet.append([_cell(sheet, subtitle)])
    sheet.append([_cell(sheet, text, bold=True, box=True) for text in header])
    for number, row in enumerate(rows, 1):
        values = (number, *row) + ("",) * (len(header) - 1 - len(row))
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
