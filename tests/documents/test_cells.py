"""The one cell writer: in every .xlsx the app writes, typed text is text and totals show.

Each writer's file is opened three ways: its raw sheet XML (no ``<f>`` holds typed text),
openpyxl (a string cell with the quote prefix) and python-calamine (the exact text back; the
合计 with its number, as pandas and phone previewers read it).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

import unionplan
from tests.documents.plans import item, make_plan
from unionplan.documents import cells, write_xlsx
from unionplan.documents.ledger_xlsx import BudgetRow, LedgerRow, write_ledger
from unionplan.documents.signin_xlsx import signin_sheet_xlsx
from unionplan.roster import MemberRow, write_roster_xlsx

# Text a cadre may type or paste that a spreadsheet would take as a formula.
HOSTILE = [
    '=HYPERLINK("http://example.com/x","点击领取慰问金")',
    "+86 138 0013 8000",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=cmd|' /C calc'!A0",
    "=1+1",
]


def _xlsx_bytes(write) -> bytes:
    out = io.BytesIO()
    write(out)
    return out.getvalue()


def plan_file(text: str) -> bytes:
    plan = make_plan(items=[item(text, 3, scope=text, owner=text, budget=100)], title=text)
    return _xlsx_bytes(lambda out: write_xlsx(plan, out))


def ledger_file(text: str) -> bytes:
    row = LedgerRow(dt.date(2027, 3, 8), text, "其他", "慰问品", text, text, Decimal("120.50"))
    budget = [BudgetRow(text, Decimal(500), Decimal("120.50"))]
    return _xlsx_bytes(lambda out: write_ledger(text, [row], budget, out))


def signin_file(text: str) -> bytes:
    return signin_sheet_xlsx(text, text, [(text, text)])


def roster_file(text: str) -> bytes:
    member = MemberRow(row=2, name=text, department=text, post=text, note=text, tags=(text,))

    def write(out):
        write_roster_xlsx([member], out, masked=False)

    return _xlsx_bytes(write)


WRITERS = {"plan": plan_file, "ledger": ledger_file, "signin": signin_file, "roster": roster_file}


def calamine_texts(data: bytes) -> list[object]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [
        value
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for value in row
    ]


def formulas_in(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = "".join(archive.read(name).decode() for name in sheets)
    return re.findall(r"<f>(.*?)</f>", xml)


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_looks_like_a_formula_is_stored_as_text(writer, text):
    data = WRITERS[writer](text)
    assert not [f for f in formulas_in(data) if not f.startswith("SUM(") and "-C" not in f]
    assert text in calamine_texts(data)
    book = openpyxl.load_workbook(io.BytesIO(data))
    found = [c for s in book.worksheets for row in s.iter_rows() for c in row if c.value == text]
    assert found, "the text comes back unchanged"
    for cell in found:
        assert cell.data_type == "s" and cell.quotePrefix


def test_ordinary_text_gets_no_quote_prefix():
    book = openpyxl.load_workbook(io.BytesIO(plan_file("慰问退休教师")))
    assert not book["计划表"]["C4"].quotePrefix


def test_control_characters_that_xml_cannot_hold_are_dropped_not_fatal():
    data = plan_file("慰问\x07退休\x1b教师")
    assert "慰问退休教师" in calamine_texts(data)


def test_plan_total_carries_its_value_for_readers_that_do_not_calculate():
    plan = make_plan()  # budgets 2000 + 1500.50 + none
    data = _xlsx_bytes(lambda out: write_xlsx(plan, out))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("计划表")
    total = rows.to_python()[6]
    assert total[0] == "合计" and total[5] == pytest.approx(3500.5)
    assert openpyxl.load_workbook(io.BytesIO(data))["计划表"]["F7"].value == "=SUM(F4:F6)"


def test_ledger_totals_and_balances_carry_their_values():
    rows = [
        LedgerRow(dt.date(2027, 3, 8), "三八", "其他", "慰问品", "超市", "", Decimal("120.50")),
        LedgerRow(dt.date(2027, 5, 1), "五一", "其他", "奖品", "商店", "", Decimal("79.50")),
    ]
    budget = [
        BudgetRow("慰问品", Decimal(500), Decimal("120.50")),
        BudgetRow("奖品", Decimal(100), Decimal("79.50")),
    ]
    data = _xlsx_bytes(lambda out: write_ledger("2027年", rows, budget, out))
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    ledger = book.get_sheet_by_name("经费明细").to_python()
    assert ledger[4][0] == "合计" and ledger[4][6] == pytest.approx(200)
    spending = book.get_sheet_by_name("预算执行").to_python()
    assert [row[3] for row in spending[2:4]] == [pytest.approx(379.5), pytest.approx(20.5)]
    assert spending[4][1:4] == [pytest.approx(600), pytest.approx(200), pytest.approx(400)]
    formulas = openpyxl.load_workbook(io.BytesIO(data))["预算执行"]
    assert (formulas["D3"].value, formulas["B5"].value) == ("=B3-C3", "=SUM(B3:B4)")


def test_number_text_has_no_exponent_or_trailing_zeros():
    assert [cells._number_text(v) for v in (Decimal("1E+3"), Decimal("2.50"), 0, -0.0)] == [
        "1000",
        "2.5",
        "0",
        "0",
    ]


def test_a_formula_cannot_be_written_into_a_write_only_sheet():
    sheet = openpyxl.Workbook(write_only=True).create_sheet()
    with pytest.raises(TypeError):
        cells.write_only_cell(sheet, cells.Formula("=1+1", 2))


def test_a_workbook_is_saved_to_a_path_as_to_a_file(tmp_path):
    plan = make_plan()
    write_xlsx(plan, tmp_path / "计划.xlsx")
    write_xlsx(plan, str(tmp_path / "plan.xlsx"))
    for name in ("计划.xlsx", "plan.xlsx"):
        sheet = CalamineWorkbook.from_path(str(tmp_path / name)).get_sheet_by_name("计划表")
        assert sheet.to_python()[6][5] == pytest.approx(3500.5)


# Ways of putting a value into a cell or saving a workbook without the cell writer.
_BYPASSES = [
    re.compile(r"WriteOnlyCell\("),
    re.compile(r"\.cell\([^()]*,[^()]*,[^()]*\)"),  # sheet.cell(row, column, value)
    re.compile(r"\.value\s*=[^=]"),
    re.compile(r"\b\w*(book|workbook)\.save\("),
]


def test_every_spreadsheet_writer_goes_through_the_cell_writer():
    """A new .xlsx writer (or a change to one) that writes cells or saves on its own fails
    here: it would let typed text become a formula, or a total lose its value."""
    package = Path(unionplan.__file__).parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "openpyxl" not in source or path.name == "cells.py":
            continue
        code = [line.split("#", 1)[0] for line in source.splitlines()]
        offenders += [
            f"{path.relative_to(package)}:{number}: {line.strip()}"
            for number, line in enumerate(code, start=1)
            if any(pattern.search(line) for pattern in _BYPASSES)
        ]
    writers = [p for p in package.rglob("*.py") if "openpyxl" in p.read_text(encoding="utf-8")]
    assert len(writers) >= 4  # plan table, ledger, roster, sign-in sheet (and cells itself)
    assert not offenders
