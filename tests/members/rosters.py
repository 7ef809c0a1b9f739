"""Roster files for the tests, built in memory: .xlsx with openpyxl, CSV in any encoding."""

import csv
import datetime as dt
import io

from openpyxl import Workbook

from unionplan.idcard import generate_id_number

HEADER = ["姓名", "性别", "出生日期", "身份证号", "手机", "部门", "职务", "状态", "标签", "子女"]


def person(n: int, **changes) -> dict:
    """A valid roster row; ``n`` makes the ID number unique."""
    born = changes.pop("born", dt.date(1970 + n % 30, 1 + n % 12, 1 + n % 28))
    gender = changes.pop("gender_code", "female" if n % 2 else "male")
    row = {
        "姓名": f"会员{n}",
        "性别": "女" if gender == "female" else "男",
        "出生日期": born.isoformat(),
        "身份证号": generate_id_number(born, gender, sequence=n % 500),
        "手机": f"138{n:08d}",
        "部门": "语文组",
        "职务": "教师",
        "状态": "在职",
        "标签": "",
        "子女": "",
    }
    row.update(changes)
    return row


def xlsx(rows: list[dict], header: list[str] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(column, "") for column in header])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[dict], encoding: str = "utf-8", header: list[str] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return buffer.getvalue().encode(encoding)
