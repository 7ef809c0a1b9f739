"""The final accounts (决算) as an .xlsx workbook in the layout unions hand in — no Django.

One sheet: 科目 | 预算数 | 调整后预算数 | 决算数 | 差额 | 备注, the income lines and then the
expense lines, each group with its total and on a page of its own (A4 landscape, header
repeated). Differences and totals are formulas carrying their computed value (``cells``), so
a treasurer who corrects a figure in Excel sees them follow, and readers that do not
calculate (calamine, phone previewers) still show them. The sheet ends with ``footer`` (the
经费审查委员会's sign-off, or 未经审查), also printed at the foot of every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.pagebreak import Break

from unionplan.documents import cells
from unionplan.documents.cells import Formula

MONEY = "#,##0.00"
COLUMNS = [("科目", 34), ("预算数", 16), ("调整后预算数", 16), ("决算数", 16), ("差额", 16),
           ("备注", 30)]  # fmt: skip
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EEF1F4")
FIRST_ROW = 4  # title, unit line, header


@dataclass
class AccountLine:
    """One line of the 决算: ``actual`` None leaves 决算数 and 差额 blank for the treasurer."""

    label: str
    budget: Decimal
    adjusted: Decimal
    actual: Decimal | None
    note: str = ""
    detail: bool = False  # a sub-line (其中：…), not counted again in the total

    @property
    def difference(self) -> Decimal | None:
        """调整后预算数 less 决算数, as the sheet's 差额; None while 决算数 is blank."""
        return None if self.actual is None else self.adjusted - self.actual


@dataclass
class AccountGroup:
    name: str  # 一、收入
    total_label: str  # 收入合计
    lines: list[AccountLine] = field(default_factory=list)


def write_final_accounts(
    title: str, note: str, groups: list[AccountGroup], out: str | BinaryIO, *, footer: str = ""
) -> None:
    """Write the 决算 workbook to ``out`` (a path or a binary file object)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "决算表"
    cells.put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    cells.put(sheet, 2, 1, note)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMNS))
    for c, (name, width) in enumerate(COLUMNS, start=1):
        cell = cells.put(sheet, 3, c, name)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEAD_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = width
    row = FIRST_ROW
    for index, group in enumerate(groups):
        if index:
            sheet.row_breaks.append(Break(id=row - 1))  # each group on a page of its own
        row = _group(sheet, row, group)
    if footer:
        _footer(sheet, row + 1, footer)
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.print_title_rows = "3:3"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    cells.save(book, out)


def _footer(sheet, row: int, text: str) -> None:
    """The sign-off under the last group, and at the foot of each printed page."""
    cell = cells.put(sheet, row, 1, text)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(COLUMNS))
    sheet.row_dimensions[row].height = 32
    first = text.split("　审查意见")[0]
    sheet.oddFooter.left.text = first.replace("&", "&&")
    sheet.oddFooter.right.text = "第 &P 页，共 &N 页"


def _group(sheet, row: int, group: AccountGroup) -> int:
    """Write ``group`` from ``row``; the row after it."""
    cells.put(sheet, row, 1, group.name).font = Font(bold=True)
    for c in range(1, len(COLUMNS) + 1):
        sheet.cell(row, c).border = _BORDER
    row += 1
    counted: list[tuple[int, AccountLine]] = []
    for line in group.lines:
        label = f"    其中：{line.label}" if line.detail else line.label
        values = [label, line.budget, line.adjusted, line.actual]
        for c, value in enumerate(values, start=1):
            cells.put(sheet, row, c, value)
        if line.actual is not None:
            cells.put(sheet, row, 5, Formula(f"=C{row}-D{row}", line.adjusted - line.actual))
        cells.put(sheet, row, 6, line.note)
        _style(sheet, row)
        if not line.detail:
            counted.append((row, line))
        row += 1
    cells.put(sheet, row, 1, group.total_label).font = Font(bold=True)
    sums = {
        "B": sum((line.budget for _, line in counted), Decimal(0)),
        "C": sum((line.adjusted for _, line in counted), Decimal(0)),
    }
    actuals = [line.actual for _, line in counted if line.actual is not None]
    if actuals:
        sums["D"] = sum(actuals, Decimal(0))
        sums["E"] = sums["C"] - sums["D"]
    for c, col in enumerate("BCDE", start=2):
        if col not in sums:
            continue
        if col == "E":
            formula = Formula(f"=C{row}-D{row}", sums[col])
        else:
            refs = ",".join(f"{col}{r}" for r, _ in counted) or "0"
            formula = Formula(f"=SUM({refs})", sums[col])
        cells.put(sheet, row, c, formula).font = Font(bold=True)
    _style(sheet, row)
    return row + 1


def _style(sheet, row: int) -> None:
    for c in range(1, len(COLUMNS) + 1):
        cell = sheet.cell(row, c)
        cell.border = _BORDER
        if 2 <= c <= 5:
            cell.number_format = MONEY
        else:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
