"""The ledger (经费明细账) as an .xlsx workbook — plain Python and openpyxl, no Django.

Sheet 1 lists every expense line with its total as a formula (so a treasurer who corrects a
figure in Excel sees the total follow); sheet 2 sets budget against spend by category, with
differences and totals as formulas. Every formula carries its computed value (readers that do
not calculate show it) and typed text is never a formula: cells go through ``cells``. Both
print on A4 landscape with the header repeated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from unionplan.documents import cells
from unionplan.documents.cells import Formula

MONEY = "#,##0.00"
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EEF1F4")


@dataclass
class LedgerRow:
    date: dt.date
    activity: str
    activity_category: str
    category: str
    payee: str
    note: str
    amount: Decimal


@dataclass
class BudgetRow:
    label: str
    budget: Decimal
    spent: Decimal


LEDGER_COLUMNS = [("日期", 12), ("活动", 40), ("活动类别", 14), ("支出类别", 14),
                  ("收款方", 22), ("备注", 30), ("金额（元）", 14)]  # fmt: skip
BUDGET_COLUMNS = [("类别", 18), ("预算（元）", 16), ("支出（元）", 16), ("结余（元）", 16)]


def write_ledger(title: str, rows: list[LedgerRow], budget: list[BudgetRow], out: str | BinaryIO):
    """Write the workbook to ``out`` (a path or a binary file object)."""
    book = Workbook()
    _ledger_sheet(book.active, title, rows)
    _budget_sheet(book.create_sheet("预算执行"), title, budget)
    cells.save(book, out)


def _ledger_sheet(sheet: Worksheet, title: str, rows: list[LedgerRow]) -> None:
    sheet.title = "经费明细"
    _head(sheet, f"{title} 经费明细账", LEDGER_COLUMNS)
    for r, row in enumerate(rows, start=3):
        values = [row.date, row.activity, row.activity_category, row.category, row.payee,
                  row.note, row.amount]  # fmt: skip
        for c, value in enumerate(values, start=1):
            cell = cells.put(sheet, r, c, value)
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(r, 1).number_format = "yyyy-mm-dd"
        sheet.cell(r, 7).number_format = MONEY
    total = len(rows) + 3
    cells.put(sheet, total, 1, "合计").font = Font(bold=True)
    spent = sum((row.amount for row in rows), Decimal(0))
    amount = cells.put(sheet, total, 7, Formula(f"=SUM(G3:G{total - 1})", spent) if rows else 0)
    amount.number_format, amount.font = MONEY, Font(bold=True)
    for c in range(1, 8):
        sheet.cell(total, c).border = _BORDER


def _budget_sheet(sheet: Worksheet, title: str, budget: list[BudgetRow]) -> None:
    _head(sheet, f"{title} 预算执行情况", BUDGET_COLUMNS)
    for r, row in enumerate(budget, start=3):
        left = Formula(f"=B{r}-C{r}", row.budget - row.spent)
        for c, value in enumerate([row.label, row.budget, row.spent, left], start=1):
            cell = cells.put(sheet, r, c, value)
            cell.border = _BORDER
            if c > 1:
                cell.number_format = MONEY
    total = len(budget) + 3
    cells.put(sheet, total, 1, "合计").font = Font(bold=True)
    budgeted = sum((row.budget for row in budget), Decimal(0))
    spent = sum((row.spent for row in budget), Decimal(0))
    sums = {"B": budgeted, "C": spent, "D": budgeted - spent}
    for c, col in ((2, "B"), (3, "C"), (4, "D")):
        formula = Formula(f"=SUM({col}3:{col}{total - 1})", sums[col])
        cell = cells.put(sheet, total, c, formula if budget else 0)
        cell.number_format, cell.font = MONEY, Font(bold=True)
    for c in range(1, 5):
        sheet.cell(total, c).border = _BORDER


def _head(sheet: Worksheet, title: str, columns: list[tuple[str, int]]) -> None:
    """Title row, header row (frozen, repeated on print), widths and A4 landscape."""
    cells.put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    for c, (name, width) in enumerate(columns, start=1):
        cell = cells.put(sheet, 2, c, name)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEAD_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
