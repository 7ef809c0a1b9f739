"""The month table (计划表) as an Excel workbook that prints on A4 landscape.

Sheet 计划表: a title row, a frozen and filtered header, one row per activity with the
budget as a number, and a 合计 row whose total is a formula (it stays right when someone
edits a figure in Excel or WPS) carrying its computed value (so readers that do not
calculate — calamine, pandas, phone previewers — show it). Sheet 工作目标: the plan's
quantified targets. Cells are written through ``cells``: typed text is never a formula.
"""

from __future__ import annotations

import copy
import math
import unicodedata
import weakref
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from unionplan import vocab
from unionplan.documents import cells
from unionplan.plan.data import ItemData, PlanData, SectionData, TargetData
from unionplan.plan.money import decimal, total_budget
from unionplan.plan.numbering import MAX_LEVEL, section_number
from unionplan.plan.order import ordered_items
from unionplan.plan.wording import DASH, date_range_label, target_label

FONT_NAME = "宋体"  # present wherever Excel or WPS runs in Chinese; LibreOffice maps it
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = 'm"月"d"日"'
VALUE_FORMAT = "General"

SCHEDULE_SHEET = "计划表"
TARGETS_SHEET = "工作目标"
TITLE_ROW, HEADER_ROW = 1, 3  # row 2: organization, year
FIRST_DATA_ROW = HEADER_ROW + 1


@dataclass(frozen=True)
class XColumn:
    header: str
    width: float  # Excel character units (a Chinese character is about 2)
    horizontal: str = "left"


SCHEDULE_COLUMNS = (
    XColumn("月份", 10, "center"),
    XColumn("日期", 12, "center"),
    XColumn("活动内容", 46),
    XColumn("参加范围", 22),
    XColumn("负责人", 10, "center"),
    XColumn("经费（元）", 13, "right"),
    XColumn("类别", 14, "center"),
    XColumn("状态", 9, "center"),
)
BUDGET_COLUMN = 6  # 1-based: F
TARGET_COLUMNS = (
    XColumn("目标", 50),
    XColumn("比较", 9, "center"),
    XColumn("数值", 10, "right"),
    XColumn("上限", 10, "right"),
    XColumn("单位", 8, "center"),
    XColumn("所属部分", 30),
)

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", start_color="D9D9D9", end_color="D9D9D9")


def write_xlsx(plan: PlanData, out: str | BinaryIO) -> None:
    """Write the plan's schedule (and targets) as .xlsx to ``out`` (path or binary file)."""
    cells.save(plan_workbook(plan), out)


def plan_workbook(plan: PlanData) -> Workbook:
    """The openpyxl Workbook of ``plan``, for callers that add sheets before saving
    (with ``cells.save``, which keeps the totals' values)."""
    workbook = Workbook()
    schedule = workbook.active
    schedule.title = SCHEDULE_SHEET
    _schedule_sheet(schedule, plan)
    targets = _targets_with_homes(plan)
    if targets:
        _targets_sheet(workbook.create_sheet(TARGETS_SHEET), plan, targets)
    return workbook


# --- 计划表 ----------------------------------------------------------------------------


def _schedule_sheet(sheet: Worksheet, plan: PlanData) -> None:
    _title_rows(sheet, plan, len(SCHEDULE_COLUMNS), f"{plan.title}　活动安排表")
    _header(sheet, SCHEDULE_COLUMNS)
    row = FIRST_DATA_ROW
    for item in ordered_items(plan.items):
        _cells(sheet, row, SCHEDULE_COLUMNS, _item_values(item))
        sheet.cell(row, BUDGET_COLUMN).number_format = MONEY_FORMAT
        if item.date and not item.end_date:
            sheet.cell(row, 2).number_format = DATE_FORMAT
        _fit_height(sheet, row, SCHEDULE_COLUMNS)
        row += 1
    _total_row(sheet, row, total_budget(plan.items))
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 1).coordinate
    last = get_column_letter(len(SCHEDULE_COLUMNS))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(row - 1, HEADER_ROW)}"
    _print_setup(sheet)


def _item_values(item: ItemData) -> list:
    """The cells of one activity: a one-day date is a real date, a range is text."""
    if item.date and item.end_date and item.end_date != item.date:
        day = date_range_label(item.date, item.end_date)
    else:
        day = item.date
    month = (
        f"{item.month}{DASH}{item.end_month}月"
        if item.end_month and item.end_month != item.month
        else f"{item.month}月"
    )
    return [
        month,
        day,
        item.text,
        item.scope,
        item.owner,
        float(item.budget) if item.budget is not None else None,
        vocab.label(vocab.CATEGORIES, item.category),
        vocab.label(vocab.ITEM_STATUSES, item.status),
    ]


def _total_row(sheet: Worksheet, row: int, total: Decimal) -> None:
    """合计 over the first five columns, and =SUM of the budget column with its value."""
    letter = get_column_letter(BUDGET_COLUMN)
    last = row - 1
    formula = (
        cells.Formula(f"=SUM({letter}{FIRST_DATA_ROW}:{letter}{last})", total)
        if last >= FIRST_DATA_ROW
        else 0
    )
    values = ["合计", None, None, None, None, formula, None, None]
    _cells(sheet, row, SCHEDULE_COLUMNS, values, bold=True)
    sheet.cell(row, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=BUDGET_COLUMN - 1)
    sheet.cell(row, BUDGET_COLUMN).number_format = MONEY_FORMAT


# --- 工作目标 ---------------------------------------------------------------------------


def _targets_with_homes(plan: PlanData) -> list[tuple[TargetData, str]]:
    """Every target with the numbered section it belongs to (blank: the whole plan)."""
    found = [(target, "") for target in plan.targets]

    def walk(sections: list[SectionData], level: int) -> None:
        for position, section in enumerate(sections, start=1):
            number = section_number(min(level, MAX_LEVEL), position)
            found.extend((target, f"{number}{section.title}") for target in section.targets)
            walk(section.children, level + 1)

    walk(plan.sections, 1)
    return found


def _targets_sheet(sheet: Worksheet, plan: PlanData, targets: list[tuple[TargetData, str]]) -> None:
    _title_rows(sheet, plan, len(TARGET_COLUMNS), f"{plan.title}　工作目标")
    _header(sheet, TARGET_COLUMNS)
    for row, (target, home) in enumerate(targets, start=FIRST_DATA_ROW):
        values = [
            target.text or target_label(target),  # its own words, as typed
            vocab.label(vocab.COMPARATORS, target.comparator),
            _number(target.value),
            _number(target.value_high),
            target.unit,
            home,
        ]
        _cells(sheet, row, TARGET_COLUMNS, values)
        _fit_height(sheet, row, TARGET_COLUMNS)
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 1).coordinate
    _print_setup(sheet)


def _number(value: Decimal | None) -> int | float | None:
    """A cell number: whole values as int, so Excel shows 90 rather than 90.0."""
    if value is None:
        return None
    value = decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


# --- shared layout ---------------------------------------------------------------------


def _title_rows(sheet: Worksheet, plan: PlanData, width: int, title: str) -> None:
    """Row 1: the title, merged and centred; row 2: organization and year."""
    cells.put(sheet, TITLE_ROW, 1, title).font = Font(name=FONT_NAME, size=16, bold=True)
    sheet.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=width)
    sheet.row_dimensions[TITLE_ROW].height = 32
    meta = "　".join(part for part in (plan.organization, _year(plan)) if part)
    cells.put(sheet, TITLE_ROW + 1, 1, meta).font = Font(name=FONT_NAME, size=11)
    sheet.cell(TITLE_ROW + 1, 1).alignment = Alignment(horizontal="left", vertical="center")
    sheet.merge_cells(
        start_row=TITLE_ROW + 1, start_column=1, end_row=TITLE_ROW + 1, end_column=width
    )


def _year(plan: PlanData) -> str:
    return f"{plan.year}年度" if plan.year else ""


def _header(sheet: Worksheet, columns) -> None:
    for index, column in enumerate(columns, start=1):
        cell = cells.put(sheet, HEADER_ROW, index, column.header)
        cell.font = Font(name=FONT_NAME, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        cell.fill = _HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = 22


def _cells(sheet: Worksheet, row: int, columns, values, *, bold: bool = False) -> None:
    """One bordered row of ``values``, each aligned as its column says.

    Each look (alignment, bold) is built from openpyxl's style objects once per workbook;
    later cells take a copy of its style ids. Building a Font and an Alignment for every
    cell and hashing them to find their ids was four fifths of a long plan's export.
    """
    looks = _LOOKS.setdefault(sheet.parent, {})
    for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
        cell = sheet.cell(row, index)
        look = looks.get((column.horizontal, bold))
        if look is None:
            cell.font = Font(name=FONT_NAME, size=11, bold=bold)
            cell.alignment = Alignment(
                horizontal=column.horizontal, vertical="center", wrap_text=True
            )
            cell.border = _BORDER
            looks[(column.horizontal, bold)] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(look)
        cells.put(sheet, row, index, value)  # after the look: it may set the quote prefix


# Per workbook: (alignment, bold) -> the style ids of a cell with that look.
_LOOKS: weakref.WeakKeyDictionary[Workbook, dict] = weakref.WeakKeyDictionary()


def _fit_height(sheet: Worksheet, row: int, columns) -> None:
    """Set the row tall enough for its wrapped text: Excel does not measure on opening."""
    lines = 1
    for index, column in enumerate(columns, start=1):
        value = sheet.cell(row, index).value
        if isinstance(value, str):
            lines = max(lines, math.ceil(_display_width(value) / max(column.width - 1, 1)))
    sheet.row_dimensions[row].height = 15 * lines + 5


def _display_width(text: str) -> int:
    """Width in Excel character units: Chinese (wide) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, one page wide, header row repeated, centred, page numbers in footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.5  # inches
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.3
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.font = FONT_NAME
