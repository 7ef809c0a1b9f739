"""The statistics workbook: rows and totals read back by calamine, totals as formulas with
their values, 入会率 a percentage blank where nobody reported employees."""

from decimal import Decimal

import openpyxl
from python_calamine import CalamineWorkbook

from unionplan.documents.stats_xlsx import StatsLine, write_statistics


def line(name, employees, at_work, amount):
    return StatsLine(name, 2, 1, 40, 1 if employees else 0, employees, at_work, 3, 30, 2,
                     Decimal(amount))  # fmt: skip


def test_rows_totals_and_rate(tmp_path):
    lines = [line("区总工会", 50, 40, "300.00"), line("机械厂工会", 0, 0, "0.50")]
    total = StatsLine("合计", 4, 2, 80, 1, 50, 40, 6, 60, 4, Decimal("300.50"))
    out = tmp_path / "统计.xlsx"
    write_statistics("市总工会2027年度工会工作统计表", "统计范围：…", lines, total, str(out))
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "市总工会2027年度工会工作统计表" and rows[2][7] == "入会率"
    assert rows[3][1:8] == [2, 1, 40, 1, 50, 40, 0.8]
    assert rows[4][7] == ""  # nobody reported employees
    assert rows[5][0] == "合计" and rows[5][1] == 4 and rows[5][11] == 300.5
    sheet = openpyxl.load_workbook(out).active
    assert sheet["B6"].value == "=SUM(B4:B5)" and sheet["H6"].value == "=G6/F6"
    assert sheet["H4"].number_format == "0.0%" and sheet["L4"].number_format == "#,##0.00"
