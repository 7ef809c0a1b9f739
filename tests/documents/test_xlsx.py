"""The Excel writer: open what it wrote with openpyxl and check content, layout and print."""

import datetime as dt
import io

import openpyxl

from tests.documents.plans import item, make_plan
from unionplan.documents import write_xlsx
from unionplan.plan.data import TargetData

HEADER = ["月份", "日期", "活动内容", "参加范围", "负责人", "经费（元）", "类别", "状态"]


def written(plan):
    out = io.BytesIO()
    write_xlsx(plan, out)
    out.seek(0)
    return openpyxl.load_workbook(out)


def row_values(sheet, row):
    return [sheet.cell(row, column).value for column in range(1, 9)]


def test_schedule_sheet_has_title_header_and_one_row_per_item():
    sheet = written(make_plan())["计划表"]
    assert sheet["A1"].value.startswith("城关街道工会2027年工作计划")
    assert "A1:H1" in {str(r) for r in sheet.merged_cells.ranges}
    assert "城关街道工会" in sheet["A2"].value and "2027年度" in sheet["A2"].value
    assert row_values(sheet, 3) == HEADER
    first = row_values(sheet, 4)
    assert first[0] == "3月"
    assert first[1] == dt.datetime(2027, 3, 8)  # a real date, shown as 3月8日
    assert sheet.cell(4, 2).number_format == 'm"月"d"日"'
    assert first[2:] == ["庆三八妇女节", "女职工", "王芳", 2000, "其他", "计划中"]
    assert row_values(sheet, 6)[:3] == ["7—8月", None, "协助百年校庆筹备"]


def test_budgets_are_numbers_and_the_total_is_a_sum_formula():
    sheet = written(make_plan())["计划表"]
    assert sheet["F5"].value == 1500.5
    assert sheet["F5"].number_format == "#,##0.00"
    assert sheet["F6"].value is None
    assert sheet["A7"].value == "合计"
    assert sheet["F7"].value == "=SUM(F4:F6)"
    assert sheet["F7"].font.b


def test_a_date_range_is_written_as_text():
    plan = make_plan(
        items=[item("校庆", 10, date=dt.date(2027, 10, 13), end_date=dt.date(2027, 10, 15))]
    )
    assert written(plan)["计划表"]["B4"].value == "10月13日—15日"


def test_header_is_frozen_filtered_and_columns_sized():
    sheet = written(make_plan())["计划表"]
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:H6"
    widths = {col: sheet.column_dimensions[col].width for col in "ABCDEFGH"}
    assert widths["C"] == max(widths.values())  # 活动内容
    assert all(width >= 8 for width in widths.values())


def test_cells_wrap_and_use_a_chinese_font():
    sheet = written(make_plan())["计划表"]
    for cell in sheet[4]:
        assert cell.alignment.wrap_text
        assert cell.font.name == "宋体"
    assert sheet["A3"].font.b


def test_long_activity_text_gets_a_taller_row():
    plan = make_plan(items=[item("短"), item("很长的活动内容" * 12)])
    sheet = written(plan)["计划表"]
    assert sheet.row_dimensions[5].height > sheet.row_dimensions[4].height


def test_prints_on_a4_landscape_one_page_wide_with_repeated_header():
    sheet = written(make_plan())["计划表"]
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert int(setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.print_options.horizontalCentered
    assert sheet.page_margins.left == 0.5
    assert "&P" in sheet.oddFooter.center.text


def test_targets_sheet_lists_every_target_with_its_section():
    plan = make_plan(targets=[TargetData("覆盖率达到90%以上", ">=", 90, unit="%")])
    sheet = written(plan)["工作目标"]
    assert [c.value for c in sheet[3]] == ["目标", "比较", "数值", "上限", "单位", "所属部分"]
    assert [c.value for c in sheet[4]] == ["覆盖率达到90%以上", "不少于", 90, None, "%", None]
    assert [c.value for c in sheet[5]] == [
        "新建工会不少于10家",
        "不少于",
        10,
        None,
        "家",
        "一、组织建设",
    ]
    assert sheet.page_setup.orientation == "landscape"


def test_no_targets_means_no_targets_sheet_and_empty_schedule_totals_zero():
    plan = make_plan(items=[], sections=[])
    workbook = written(plan)
    assert workbook.sheetnames == ["计划表"]
    assert workbook["计划表"]["A4"].value == "合计"
    assert workbook["计划表"]["F4"].value == 0


def _row_styled_one_by_one(
    self, columns, values, *, bold=False, formats=None, centre_first=False, row=0
):
    """The obvious way (new style objects for every cell), as a reference for the fast one."""
    from openpyxl.styles import Alignment, Font

    from unionplan.documents import cells, plan_xlsx

    formats = formats or {}
    written = []
    for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
        cell = cells.write_only_cell(self.sheet)
        cell.font = Font(name=plan_xlsx.FONT_NAME, size=11, bold=bold)
        if centre_first and index == 1:
            cell.alignment = Alignment(horizontal="center", vertical="center")
        else:
            cell.alignment = Alignment(
                horizontal=column.horizontal, vertical="center", wrap_text=True
            )
        cell.border = plan_xlsx._BORDER
        if index in formats:
            cell.number_format = formats[index]
        if isinstance(value, cells.Formula):
            cells.write_only_formula(self.sheet, cell, f"F{row}", value)
        else:
            cells.assign(cell, value)
        written.append(cell)
    return written  # fmt: skip


def _width_char_by_char(text):
    """The obvious width (ask unicodedata for each character), as a reference."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _written_obviously(plan, monkeypatch) -> bytes:
    """``plan`` written with new style objects for every cell and widths counted per
    character: what the fast writer must reproduce exactly."""
    from unionplan.documents import plan_xlsx

    with monkeypatch.context() as patch:
        patch.setattr(plan_xlsx._Looks, "row", _row_styled_one_by_one)
        patch.setattr(plan_xlsx, "_display_width", _width_char_by_char)
        out = io.BytesIO()
        write_xlsx(plan, out)
    return out.getvalue()


def test_shared_cell_styles_write_the_same_sheets_and_styles_as_styling_each_cell(monkeypatch):
    import zipfile

    from tests.documents.plans import generated_plan

    plan = generated_plan(120)
    parts = ["xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]

    def parts_of(data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [archive.read(name) for name in parts if name in archive.namelist()]

    out = io.BytesIO()
    write_xlsx(plan, out)
    fast = parts_of(out.getvalue())
    assert fast == parts_of(_written_obviously(plan, monkeypatch))
    assert any(b'quotePrefix="1"' in part for part in fast)  # formula-like text kept as text


def _cells_of(data: bytes) -> dict:
    """Every sheet's cells (value, number format, font, alignment, border, fill, quote
    prefix), merges, row heights, widths, freeze and filter, as openpyxl reads them back."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    found = {}
    for sheet in book.worksheets:
        found[sheet.title] = {
            "cells": {
                cell.coordinate: (cell.value, cell.number_format, repr(cell.font),
                                  repr(cell.alignment), repr(cell.border), repr(cell.fill),
                                  cell.quotePrefix)
                for row in sheet.iter_rows() for cell in row
            },
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "heights": {n: d.height for n, d in sheet.row_dimensions.items()},
            "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
            "frozen": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
        }  # fmt: skip
    return found


def test_the_export_is_cell_by_cell_what_the_obvious_writer_writes(monkeypatch):
    """Values, number formats, looks, merges and row heights of a wide-character plan
    (hanzi, full-width and ambiguous-width punctuation, a formula-like text) stay exactly
    those of the obvious writer, however the fast one gets there."""
    from dataclasses import replace

    from tests.documents.plans import generated_plan

    plan = generated_plan(60)
    odd = ["７—８月　全体职工（含退休）·篮球赛…", "=SUM(A1)", "Café ａｂｃ 工会", "x" * 90]
    plan = replace(
        plan, items=[replace(i, text=odd[n % 4]) if n < 8 else i for n, i in enumerate(plan.items)]
    )
    out = io.BytesIO()
    write_xlsx(plan, out)
    fast, obvious = _cells_of(out.getvalue()), _cells_of(_written_obviously(plan, monkeypatch))
    assert fast.keys() == obvious.keys() == {"计划表", "工作目标"}
    for name in fast:
        for part in obvious[name]:
            assert fast[name][part] == obvious[name][part], (name, part)
    heights = fast["计划表"]["heights"]
    assert len(set(heights.values())) > 2  # the long texts made taller rows
