"""Export a roster back to .xlsx with openpyxl (write-only mode, so 100,000 rows stay cheap).

Cells go through ``documents.cells``: a name or note typed as ``=…`` stays text. ID numbers
and phones are masked unless the caller says the viewer may see them: the export
leaves the system and is printed, forwarded and lost like any other office file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook

from unionplan.documents import cells
from unionplan.idcard import mask_id_number, mask_phone
from unionplan.roster.reader import MemberRow
from unionplan.vocab import MEMBER_STATUSES, MEMBERSHIP_STANDINGS

HEADERS = ("姓名", "性别", "出生日期", "身份证号", "手机", "部门", "职务", "状态", "入会时间",
           "入职时间", "标签", "子女", "备注", "会籍", "会籍变动日期", "会费缴至",
           "工资列入经费基数", "借调派遣")  # fmt: skip
_WIDTHS = (10, 6, 12, 21, 14, 14, 12, 8, 12, 12, 16, 28, 16, 6, 12, 10, 10, 12)
_GENDER_LABELS = {"male": "男", "female": "女"}
_STATUS_LABELS = dict(MEMBER_STATUSES)
_STANDING_LABELS = dict(MEMBERSHIP_STANDINGS)
_SECONDMENT_LABELS = {"": "否", "here": "本工会发放", "elsewhere": "他处发放"}
_YES_NO = {True: "是", False: "否", None: ""}
_DATE_FORMAT = "yyyy-mm-dd"


def _row_values(member: MemberRow, masked: bool) -> list[object]:
    id_number = (
        mask_id_number(member.id_number) if masked and member.id_number else member.id_number
    )
    phone = mask_phone(member.phone) if masked and member.phone else member.phone
    children = "；".join(f"{name} {born.isoformat()}" for name, born in member.children)
    return [
        member.name, _GENDER_LABELS.get(member.gender or "", ""), member.birth_date, id_number,
        phone, member.department, member.post, _STATUS_LABELS.get(member.status, member.status),
        member.joined_on, member.hired_on, "、".join(member.tags), children, member.note,
        _STANDING_LABELS.get(member.standing, member.standing), member.standing_since,
        member.dues_paid_through.strftime("%Y-%m") if member.dues_paid_through else "",
        _YES_NO[member.in_fund_base], _SECONDMENT_LABELS.get(member.secondment, ""),
    ]  # fmt: skip


def write_roster_xlsx(
    rows: Iterable[MemberRow],
    path: str | Path | BinaryIO,
    *,
    masked: bool = True,
    title: str = "会员名册",
) -> None:
    """Write ``rows`` as an .xlsx that ``read_roster`` reads back (ID/phone masked by default)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for letter, width in zip("ABCDEFGHIJKLMNOPQR", _WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append([cells.write_only_cell(sheet, header) for header in HEADERS])
    for member in rows:
        row = []
        for value in _row_values(member, masked):
            cell = cells.write_only_cell(sheet, value)
            if value is not None and hasattr(value, "isoformat"):
                cell.number_format = _DATE_FORMAT
            row.append(cell)
        sheet.append(row)
    cells.save(workbook, str(path) if isinstance(path, Path) else path)
