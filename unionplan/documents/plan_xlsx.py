"""The month table (计划表) as an Excel workbook that prints on A4 landscape.

Sheet 计划表: a title row, a frozen and filtered header, one row per activity with the
budget as a number, and a 合计 row whose total is a formula (it stays right when someone
edits a figure in Excel or WPS) carrying its computed value (so readers that do not
calculate — calamine, pandas, phone previewers — show it). Sheet 工作目标: the plan's
quantified targets. Cells are written through ``cells``: typed text is never a formula.
"""

from __future__ import annotations

import copy
import functools
import math
import unicodedata
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
    """The openpyxl Workbook of ``plan`` (write-only: rows are streamed out as they are
    made, each look's style ids built once), for callers that add sheets before saving
    (with ``cells.save``, which keeps the totals' values)."""
    workbook = Workbook(write_only=True)
    _schedule_sheet(workbook.create_sheet(SCHEDULE_SHEET), plan)
    targets = _targets_with_homes(plan)
    if targets:
        _targets_sheet(workbook.create_sheet(TARGETS_SHEET), plan, targets)
    return workbook


# --- 计划表 ----------------------------------------------------------------------------


def _schedule_sheet(sheet, plan: PlanData) -> None:
    items = ordered_items(plan.items)
    last_row = FIRST_DATA_ROW + len(items)  # the 合计 row
    _layout(sheet, SCHEDULE_COLUMNS)
    last = get_column_letter(len(SCHEDULE_COLUMNS))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(last_row - 1, HEADER_ROW)}"
    _title_rows(sheet, plan, len(SCHEDULE_COLUMNS), f"{plan.title}　活动安排表")
    _header(sheet, SCHEDULE_COLUMNS)
    looks = _Looks(sheet)
    for row, item in enumerate(items, start=FIRST_DATA_ROW):
        values = _item_values(item)
        formats = {BUDGET_COLUMN: MONEY_FORMAT}
        if item.date and not item.end_date:
            formats[2] = DATE_FORMAT
        _fit_height(sheet, row, SCHEDULE_COLUMNS, values)
        sheet.append(looks.row(SCHEDULE_COLUMNS, values, formats=formats))
    _total_row(sheet, looks, last_row, total_budget(plan.items))


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


def _total_row(sheet, looks: _Looks, row: int, total: Decimal) -> None:
    """合计 over the first five columns, and =SUM of the budget column with its value."""
    letter = get_column_letter(BUDGET_COLUMN)
    last = row - 1
    formula = (
        cells.Formula(f"=SUM({letter}{FIRST_DATA_ROW}:{letter}{last})", total)
        if last >= FIRST_DATA_ROW
        else 0
    )
    values = ["合计", None, None, None, None, formula, None, None]
    sheet.merged_cells.add(f"A{row}:{get_column_letter(BUDGET_COLUMN - 1)}{row}")
    written = looks.row(SCHEDULE_COLUMNS, values, bold=True, formats={BUDGET_COLUMN: MONEY_FORMAT},
                        centre_first=True, row=row)  # fmt: skip
    sheet.append(written)


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


def _targets_sheet(sheet, plan: PlanData, targets: list[tuple[TargetData, str]]) -> None:
    _layout(sheet, TARGET_COLUMNS)
    _title_rows(sheet, plan, len(TARGET_COLUMNS), f"{plan.title}　工作目标")
    _header(sheet, TARGET_COLUMNS)
    looks = _Looks(sheet)
    for row, (target, home) in enumerate(targets, start=FIRST_DATA_ROW):
        values = [
            target.text or target_label(target),  # its own words, as typed
            vocab.label(vocab.COMPARATORS, target.comparator),
            _number(target.value),
            _number(target.value_high),
            target.unit,
            home,
        ]
        _fit_height(sheet, row, TARGET_COLUMNS, values)
        sheet.append(looks.row(TARGET_COLUMNS, values))


def _number(value: Decimal | None) -> int | float | None:
    """A cell number: whole values as int, so Excel shows 90 rather than 90.0."""
    if value is None:
        return None
    value = decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


# --- shared layout ---------------------------------------------------------------------


def _layout(sheet, columns) -> None:
    """Column widths, the frozen header and the page: written before the first row is streamed."""
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    _print_setup(sheet)


def _styled(sheet, value, *, font: Font, alignment: Alignment, border=None, fill=None):
    cell = cells.write_only_cell(sheet)
    cell.font, cell.alignment = font, alignment
    if border is not None:
        cell.border = border
    if fill is not None:
        cell.fill = fill
    cells.assign(cell, value)  # after the look: it may set the quote prefix
    return cell


def _title_rows(sheet, plan: PlanData, width: int, title: str) -> None:
    """Row 1: the title, merged and centred; row 2: organization, year and the edition."""
    sheet.row_dimensions[TITLE_ROW].height = 32
    sheet.append([_styled(sheet, title, font=Font(name=FONT_NAME, size=16, bold=True),
                          alignment=Alignment(horizontal="center", vertical="center"))])  # fmt: skip
    meta = "　".join(part for part in (plan.organization, _year(plan), plan.edition) if part)
    sheet.append([_styled(sheet, meta, font=Font(name=FONT_NAME, size=11),
                          alignment=Alignment(horizontal="left", vertical="center"))])  # fmt: skip
    end = get_column_letter(width)
    sheet.merged_cells.add(f"A{TITLE_ROW}:{end}{TITLE_ROW}")
    sheet.merged_cells.add(f"A{TITLE_ROW + 1}:{end}{TITLE_ROW + 1}")


def _year(plan: PlanData) -> str:
    return f"{plan.year}年度" if plan.year else ""


def _header(sheet, columns) -> None:
    font = Font(name=FONT_NAME, size=11, bold=True)
    alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[HEADER_ROW].height = 22
    sheet.append([
        _styled(sheet, column.header, font=font, alignment=alignment, border=_BORDER,
                fill=_HEADER_FILL)
        for column in columns
    ])  # fmt: skip


class _Looks:
    """The cells of bordered rows, each aligned as its column says.

    Each look (alignment, bold, number format) is built from openpyxl's style objects once
    per sheet; later cells take a copy of its style ids. Building a Font and an Alignment
    for every cell and hashing them to find their ids was four fifths of a long export.
    """

    def __init__(self, sheet):
        self.sheet = sheet
        self.styles: dict[tuple, object] = {}

    def row(self, columns, values, *, bold=False, formats=None, centre_first=False, row=0):
        formats = formats or {}
        written = []
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            horizontal = "center" if centre_first and index == 1 else column.horizontal
            key = (horizontal, bold, formats.get(index, VALUE_FORMAT), centre_first and index == 1)
            look = self.styles.get(key)
            # A new cell takes its look's style ids as it is made (no copy.copy per cell).
            cell = cells.write_only_cell(self.sheet, style=look)
            if look is None:
                cell.font = Font(name=FONT_NAME, size=11, bold=bold)
                cell.alignment = (
                    Alignment(horizontal="center", vertical="center")
                    if centre_first and index == 1
                    else Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
                )
                cell.border = _BORDER
                if index in formats:
                    cell.number_format = formats[index]
                self.styles[key] = copy.copy(cell._style)
            if isinstance(value, cells.Formula):
                cells.write_only_formula(self.sheet, cell, f"{get_column_letter(index)}{row}",
                                         value)  # fmt: skip
            else:
                cells.assign(cell, value)  # after the look: it may set the quote prefix
            written.append(cell)
        return written


def _fit_height(sheet, row: int, columns, values) -> None:
    """Set the row tall enough for its wrapped text: Excel does not measure on opening."""
    lines = 1
    for column, value in zip(columns, values, strict=True):
        if isinstance(value, str):
            lines = max(lines, math.ceil(_display_width(value) / max(column.width - 1, 1)))
    sheet.row_dimensions[row].height = 15 * lines + 5


def _display_width(text: str) -> int:
    """Width in Excel character units: Chinese (wide) characters count two."""
    if text.isascii():  # no ASCII character is wide
        return len(text)
    # map over a cached lookup runs in C: a generator asking unicodedata for every
    # character of every cell was a tenth of a long export.
    return len(text) + sum(map(_is_wide, text))


@functools.cache
def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _print_setup(sheet) -> None:
    """A4 landscape, one page wide, header row repeated, centred, page numbers in footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
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
