"""The 决算 workbook: the figures read back by calamine, formulas with values, A4 landscape."""

from decimal import Decimal

import openpyxl
from python_calamine import CalamineWorkbook

from unionplan.documents.accounts_xlsx import AccountGroup, AccountLine, write_final_accounts

D = Decimal


def _groups():
    income = AccountGroup("一、收入", "收入合计", [
        AccountLine("会费收入", D("500"), D("500"), None, "决算数按账簿填写"),
        AccountLine("拨缴经费收入", D("2400"), D("2400"), None),
    ])  # fmt: skip
    expense = AccountGroup("二、支出", "支出合计", [
        AccountLine("职工活动支出", D("1500"), D("1500"), D("1700.50"), "超预算"),
        AccountLine("文体活动", D("1000"), D("1000"), D("1200.50"), detail=True),
        AccountLine("会员活动", D("500"), D("500"), D("500"), detail=True),
        AccountLine("维权支出", D("800"), D("800"), D("0")),
    ])  # fmt: skip
    return [income, expense]


def _rows(path):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_figures_read_back(tmp_path):
    out = tmp_path / "决算.xlsx"
    write_final_accounts("某工会2027年度工会经费收支决算表", "单位：元", _groups(), str(out))
    rows = _rows(out)
    assert rows[0][0] == "某工会2027年度工会经费收支决算表"
    assert rows[2] == ["科目", "预算数", "调整后预算数", "决算数", "差额", "备注"]
    by_label = {str(r[0]).strip(): r for r in rows[3:]}
    assert by_label["会费收入"][1:4] == [500, 500, ""]
    assert by_label["收入合计"][1] == 2900
    assert by_label["职工活动支出"][3:6] == [1700.5, -200.5, "超预算"]
    assert by_label["其中：文体活动"][4] == -200.5
    assert by_label["支出合计"][1:5] == [2300, 2300, 1700.5, 599.5]  # sub-lines not counted twice


def test_formulas_and_print_setup(tmp_path):
    out = tmp_path / "决算.xlsx"
    write_final_accounts("决算", "单位：元", _groups(), str(out))
    sheet = openpyxl.load_workbook(out).active
    labels = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    total = labels.index("支出合计") + 1
    assert sheet.cell(total, 2).value.startswith("=SUM(")
    assert sheet.cell(total, 5).value == f"=C{total}-D{total}"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows == "$3:$3"
    breaks = [b.id for b in sheet.row_breaks.brk]
    assert breaks == [labels.index("收入合计") + 1]  # expenses start a page of their own


def test_typed_labels_are_never_formulas(tmp_path):
    out = tmp_path / "x.xlsx"
    group = AccountGroup(
        "一、收入", "合计", [AccountLine("=1+1", D("1"), D("1"), None, "=HYPERLINK(1)")]
    )
    write_final_accounts("=t", "n", [group], str(out))
    rows = _rows(out)
    assert rows[0][0] == "=t" and rows[4][0] == "=1+1" and rows[4][5] == "=HYPERLINK(1)"
