"""A federation's statistics for a year as an .xlsx table — no Django.

One sheet: a title, a line saying what is counted, the header, one row per branch (a union
directly under the federation, with everything below it) and the 合计 row. The totals are
formulas carrying their computed value (``cells``): they follow a figure corrected in Excel,
and readers that do not calculate (calamine, phone previewers) still show them. 入会率 is a
percentage cell (a fraction formatted 0.0%), blank where no union of the row records its
employees.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from unionplan.accounting.accounts import LineFigures, figures_total
from unionplan.documents import cells
from unionplan.documents.cells import Formula

MONEY = "#,##0.00"
PERCENT = "0.0%"
# (heading, width, number format); the order of StatsLine's figures.
COLUMNS = [
    ("工会", 30, None),
    ("工会组织数", 11, "0"),
    ("其中基层工会", 12, "0"),
    ("会员人数", 11, "0"),
    ("填报职工人数的工会", 12, "0"),
    ("职工人数", 11, "0"),
    ("其中在职会员", 12, "0"),
    ("入会率", 9, PERCENT),
    ("活动次数", 10, "0"),
    ("参加人次", 10, "0"),
    ("慰问人次", 10, "0"),
    ("慰问金额（元）", 15, MONEY),
    ("专项慰问人数", 11, "0"),
    ("专项慰问户数", 11, "0"),
    ("专项慰问金额（元）", 15, MONEY),
]
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EEF1F4")
FIRST_ROW = 4  # title, note, header
RATE_COLUMN = 8  # 入会率: in-work members of the reporting unions over their employees
SUMMED = [c for c in range(2, len(COLUMNS) + 1) if c != RATE_COLUMN]


@dataclass
class StatsLine:
    name: str
    organizations: int
    grassroots: int
    members: int
    reporting: int  # unions that record their employee count
    employees: int
    members_at_work: int  # members in work of those unions: 入会率's numerator
    activities: int
    participants: int
    welfare_count: int
    welfare_amount: Decimal
    # Of the welfare, what campaigns (送温暖, 金秋助学, 夏送清凉) gave: entries, members, money.
    campaign_people: int = 0
    campaign_households: int = 0
    campaign_amount: Decimal = Decimal("0.00")

    @property
    def rate(self) -> float | None:
        return self.members_at_work / self.employees if self.employees else None

    def figures(self) -> list:
        return [
            self.organizations, self.grassroots, self.members, self.reporting, self.employees,
            self.members_at_work, self.rate, self.activities, self.participants,
            self.welfare_count, self.welfare_amount, self.campaign_people,
            self.campaign_households, self.campaign_amount,
        ]  # fmt: skip


def write_statistics(
    title: str, note: str, lines: list[StatsLine], total: StatsLine, out: str | BinaryIO,
    *, money: list[LineFigures] | None = None,
) -> None:  # fmt: skip
    """Write the statistics workbook to ``out`` (a path or a binary file object); with
    ``money``, a second sheet of plan vs budget vs actual by account line."""
    book = Workbook()
    sheet = book.active
    sheet.title = "统计表"
    width = len(COLUMNS)
    cells.put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    cells.put(sheet, 2, 1, note)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    for c, (name, size, _format) in enumerate(COLUMNS, start=1):
        cell = cells.put(sheet, 3, c, name)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEAD_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = size
    row = FIRST_ROW
    for line in lines:
        _row(sheet, row, line.name, line.figures())
        row += 1
    _total(sheet, row, total)
    sheet.freeze_panes = f"B{FIRST_ROW}"
    sheet.print_title_rows = "3:3"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if money:
        _money_sheet(book.create_sheet("经费"), title, money)
    cells.save(book, out)


MONEY_COLUMNS = [("会计科目", 30), ("计划（元）", 16), ("预算（元）", 16), ("实际（元）", 16),
                 ("执行率", 10)]  # fmt: skip


def _money_sheet(sheet, title: str, money: list[LineFigures]) -> None:
    """计划 / 预算 / 实际 by line, every line of the chart, 合计 as formulas with values."""
    cells.put(sheet, 1, 1, f"{title}（经费：计划、预算与实际）").font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(MONEY_COLUMNS))
    cells.put(
        sheet,
        2,
        1,
        "单位：元；预算为随计划批准（含调整）的支出预算，实际含活动支出、福利慰问和已批准报销",
    )
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(MONEY_COLUMNS))
    for c, (name, size) in enumerate(MONEY_COLUMNS, start=1):
        cell = cells.put(sheet, 3, c, name)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEAD_FILL, _BORDER
        sheet.column_dimensions[cell.column_letter].width = size
    row = FIRST_ROW
    for line in money:
        _money_row(sheet, row, [line.label, line.planned, line.budget, line.actual], line.percent)
        row += 1
    total = figures_total(money)
    last = row - 1
    sums = [
        Formula(f"=SUM({col}{FIRST_ROW}:{col}{last})", value)
        if value is not None else None
        for col, value in zip("BCD", [total.planned, total.budget, total.actual], strict=True)
    ]  # fmt: skip
    _money_row(sheet, row, ["合计", *sums], total.percent)
    for c in range(1, len(MONEY_COLUMNS) + 1):
        sheet.cell(row, c).font = Font(bold=True)
    sheet.print_title_rows = "3:3"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE


def _money_row(sheet, row: int, values: list, percent: int | None) -> None:
    for c, value in enumerate(values, start=1):
        cell = cells.put(sheet, row, c, value)
        cell.border = _BORDER
        if c > 1:
            cell.number_format = MONEY
    rate = cells.put(sheet, row, 5, None if percent is None else percent / 100)
    rate.number_format, rate.border = "0%", _BORDER


def _row(sheet, row: int, name: str, values: list) -> None:
    cells.put(sheet, row, 1, name).border = _BORDER
    for c, value in enumerate(values, start=2):
        cell = cells.put(sheet, row, c, value)
        cell.number_format = COLUMNS[c - 1][2]
        cell.border = _BORDER


def _total(sheet, row: int, total: StatsLine) -> None:
    """The 合计 row: a SUM over the rows above for each count, the rate from the sums."""
    values = total.figures()
    first, last = FIRST_ROW, row - 1
    formulas: list = []
    for c, value in enumerate(values, start=2):
        letter = get_column_letter(c)
        if c == RATE_COLUMN:  # blank where no union reports its employees
            at_work, employees = get_column_letter(7), get_column_letter(6)
            rate = Formula(f"={at_work}{row}/{employees}{row}", value) if value else value
            formulas.append(rate)
        elif last >= first:
            formulas.append(Formula(f"=SUM({letter}{first}:{letter}{last})", value))
        else:
            formulas.append(value)
    _row(sheet, row, "合计", formulas)
    for c in range(1, len(COLUMNS) + 1):
        sheet.cell(row, c).font = Font(bold=True)
