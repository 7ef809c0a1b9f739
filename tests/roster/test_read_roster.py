"""Whole roster files: formats, encodings, header detection, bad rows, clear errors, export."""

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from unionplan.errors import UserInputError
from unionplan.idcard import generate_id_number
from unionplan.roster import read_roster, write_roster_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rosters"
TODAY = date(2025, 10, 1)
ZHANG = "11010519491231002X"  # female, 1949-12-31
LI = "110105198001010016"  # male, 1980-01-01
HEADER = ["姓名", "性别", "出生日期", "身份证号", "手机", "部门", "职务"]


def xlsx(tmp_path: Path, rows: list[list[object]], name: str = "roster.xlsx") -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def csv_file(tmp_path: Path, text: str, encoding: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read(path: Path):
    return read_roster(path, today=TODAY)


def test_xlsx_good_rows_are_normalised(tmp_path):
    path = xlsx(tmp_path, [HEADER,
        ["张三", "女", date(1949, 12, 31), ZHANG.lower(), "138 1234 5678", "内科", "护士"],
        ["李四", "", "", LI, "", "外科", ""]])  # fmt: skip
    report = read(path)
    assert report.ok and report.header_row == 1 and report.total_rows == 2
    zhang, li = report.rows
    assert (zhang.row, zhang.name, zhang.id_number, zhang.phone) == (
        2,
        "张三",
        ZHANG,
        "13812345678",
    )
    assert (zhang.gender, zhang.birth_date, zhang.status) == (
        "female",
        date(1949, 12, 31),
        "active",
    )
    assert (li.gender, li.birth_date) == ("male", date(1980, 1, 1))  # from the ID number


@pytest.mark.parametrize(
    "birth",
    ["1975-03-08", "1975/3/8", "1975.3.8", "1975年3月8日", "197503", "19750308", 27461,
     date(1975, 3, 8)],
)  # fmt: skip
def test_every_date_form_agrees_with_the_id_number(tmp_path, birth):
    number = generate_id_number(date(1975, 3, 8), "male", sequence=12)
    report = read(xlsx(tmp_path, [HEADER, ["王五", "男", birth, number, "", "", ""]]))
    assert report.ok, report.problems
    assert report.rows[0].birth_date == date(1975, 3, 8)


def test_header_below_a_title_and_traditional_headers(tmp_path):
    path = xlsx(tmp_path, [["某某醫院工會會員花名冊"], [], ["序號", "姓名", "性別", "出生年月",
        "公民身份號碼", "聯繫電話", "科室", "崗位"], [1, "张三", "女", "1949.12", ZHANG, "", "内科", "护士"]])  # fmt: skip
    report = read(path)
    assert report.header_row == 3
    assert report.columns["id_number"] == "公民身份號碼"
    assert report.columns["department"] == "科室"
    assert "序號" in report.ignored_columns
    assert report.rows[0].row == 4
    assert report.rows[0].birth_date == date(1949, 12, 31)  # 出生年月 compared by month


def test_bad_rows_are_reported_not_raised(tmp_path):
    path = xlsx(tmp_path, [HEADER,
        ["甲", "男", "1975-02-30", "", "", "", ""],
        ["乙", "女", "1980-01-01", LI, "", "", ""],
        ["丙", "", "", "110105194912310021", "", "", ""],
        ["", "女", "1980-01-01", "", "", "", ""],
        ["丁", "女", "1980-01-01", "", "123", "", ""],
        ["戊", "", "", ZHANG, "", "", ""],
        ["己", "", "", ZHANG, "", "", ""]])  # fmt: skip
    report = read(path)
    assert [r.name for r in report.rows] == ["戊"]
    by_row = {}
    for problem in report.problems:
        by_row.setdefault(problem.row, []).append((problem.column, problem.message))
    assert by_row[2] == [("出生日期", "日期“1975-02-30”不存在")]
    assert by_row[3] == [("性别", "性别与身份证号不符（身份证号为男）")]
    assert by_row[4][0][0] == "身份证号" and "校验位" in by_row[4][0][1]
    assert by_row[5] == [("姓名", "缺少姓名")]
    assert by_row[6][0][0] == "手机"
    assert by_row[8] == [("身份证号", "身份证号与第7行重复")]
    assert report.bad_rows == [2, 3, 4, 5, 6, 8]


def test_birth_date_mismatch_with_id_number(tmp_path):
    report = read(xlsx(tmp_path, [HEADER, ["张三", "女", "1949-12-30", ZHANG, "", "", ""]]))
    assert not report.rows
    assert report.problems[0].column == "出生日期"
    assert "1949-12-31" in report.problems[0].message


def test_old_15_digit_id_is_stored_in_18_digit_form(tmp_path):
    report = read(xlsx(tmp_path, [HEADER, ["张三", "女", "", "110105491231002", "", "", ""]]))
    assert report.rows[0].id_number == ZHANG


def test_id_number_rounded_by_excel(tmp_path):
    report = read(xlsx(tmp_path, [HEADER, ["张三", "女", "", 110105194912310020, "", "", ""]]))
    assert "文本" in report.problems[0].message


def test_status_tags_children_joined(tmp_path):
    path = xlsx(tmp_path, [["姓名", "人员状态", "标签", "子女", "入会时间", "备注"],
        ["张三", "退休", "劳动模范、复转军人", "张小明 2012-05-01", "2001年7月1日", "老会员"]])  # fmt: skip
    row = read(path).rows[0]
    assert row.status == "retired"
    assert row.tags == ("劳模", "退役军人")
    assert row.children == (("张小明", date(2012, 5, 1)),)
    assert row.joined_on == date(2001, 7, 1)
    assert row.note == "老会员"


def test_membership_standing_columns(tmp_path):
    header = ["姓名", "会籍", "会籍变动日期", "会费缴至", "工资列入经费基数", "借调/派遣"]
    path = xlsx(tmp_path, [header,
        ["张三", "保留", "2024-07-01", "2025年12月", "否", "他处发放"],
        ["李四", "", "", "2025-06-15", "是", "否"],
        ["王五", "休会", "2026-01-01", "", "也许", "借来的"]])  # fmt: skip
    report = read(path)
    first, second = report.rows
    assert (first.standing, first.standing_since) == ("retained", date(2024, 7, 1))
    # paid in advance is a month after today (2025-10-01), not a problem; a month's 1st
    assert first.dues_paid_through == date(2025, 12, 1) and first.in_fund_base is False
    assert first.secondment == "elsewhere"
    assert (second.standing, second.dues_paid_through, second.in_fund_base) == (
        "normal", date(2025, 6, 1), True
    )  # fmt: skip
    assert second.secondment == ""
    messages = {problem.column: problem.message for problem in report.problems}
    assert "无法识别" in messages["会籍"] and "今天之后" in messages["会籍变动日期"]
    assert "应为 是 或 否" in messages["工资列入经费基数"] and "借调派遣" in messages["借调/派遣"]


def test_future_date_is_a_problem(tmp_path):
    report = read(xlsx(tmp_path, [["姓名", "出生日期"], ["张三", "2030-01-01"]]))
    assert "今天之后" in report.problems[0].message


def test_date_cells_and_padded_id_text_read_as_typed_ones_do(tmp_path):
    """Real date cells (calamine gives ``date``) and an ID number typed with spaces around
    it take the reader's short path: the same rows and problems as the same cells as text."""
    born = date(1980, 5, 6)
    number = generate_id_number(born, "female", sequence=7)
    header = ["姓名", "出生日期", "身份证号", "入会时间", "会费缴至"]
    as_cells = [header, ["王芳", born, f"  {number} ", date(2010, 7, 1), date(2025, 10, 20)],
                ["张三", date(1990, 2, 3), "", date(2030, 1, 1), ""]]  # fmt: skip
    as_text = [[c.isoformat() if isinstance(c, date) else c for c in row] for row in as_cells]
    cells_report = read(xlsx(tmp_path, as_cells, "cells.xlsx"))
    text_report = read(xlsx(tmp_path, as_text, "text.xlsx"))
    assert cells_report.rows == text_report.rows
    assert cells_report.problems == text_report.problems
    assert [(p.row, p.message) for p in cells_report.problems] == [(3, "日期在今天之后")]
    first = cells_report.rows[0]
    assert (first.id_number, first.birth_date, first.joined_on) == (number, born, date(2010, 7, 1))
    assert first.dues_paid_through == date(2025, 10, 1)  # 会费缴至 names a month


CSV_TEXT = (
    "姓名,性别,身份证号,科室\n张三,女,11010519491231002X,内科\n李四,男,110105198001010016,外科\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings_are_detected(tmp_path, encoding):
    report = read(csv_file(tmp_path, CSV_TEXT, encoding))
    assert [r.name for r in report.rows] == ["张三", "李四"]
    assert report.rows[1].department == "外科"


def test_gbk_csv_with_more_chinese_text(tmp_path):
    text = "姓名,部门,职务,备注\n" + "".join(
        f"欧阳{i},行政办公室,科员,联系困难职工慰问事宜\n" for i in range(50)
    )
    report = read(csv_file(tmp_path, text, "gbk"))
    assert report.rows[0].department == "行政办公室" and report.total_rows == 50


def test_big5_csv(tmp_path):
    text = "姓名,部門,職務\n" + "".join(f"陳大文{i},總務處,職員\n" for i in range(30))
    report = read(csv_file(tmp_path, text, "big5"))
    assert report.rows[0].name == "陳大文0"
    assert report.columns["department"] == "部門"


def test_tab_separated_csv(tmp_path):
    report = read(csv_file(tmp_path, "姓名\t科室\n张三\t内科\n", "utf-8"))
    assert report.rows[0].department == "内科"


@pytest.mark.parametrize("name", ["roster_sample.ods", "roster_sample.xls"])
def test_ods_and_xls_fixtures(name):
    report = read(FIXTURES / name)
    assert report.header_row == 3
    assert [r.name for r in report.rows] == ["张三", "李四"]
    assert report.rows[0].tags == ("困难职工", "党员")
    assert report.rows[0].status == "retired"
    assert report.rows[1].phone == "01062345678"
    assert [(p.row, p.column) for p in report.problems] == [(6, "出生年月")]


def test_bytes_source():
    data = (FIXTURES / "roster_sample.xls").read_bytes()
    assert len(read_roster(data, "上传.xls", today=TODAY).rows) == 2


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "a.xlsx", "空"),
        (b"%PDF-1.4 \x00\x01 binary", "a.csv", "不是电子表格"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a.xlsx", "不是电子表格"),
        (b"PK\x03\x04 truncated zip", "a.xlsx", "不是电子表格"),
        (b"just some words\nno names here\n", "a.csv", "姓名"),
    ],
)
def test_files_that_are_not_rosters(tmp_path, content, filename, message):
    path = tmp_path / filename
    path.write_bytes(content)
    with pytest.raises(UserInputError, match=message):
        read_roster(path)


def test_empty_sheet(tmp_path):
    with pytest.raises(UserInputError, match="空"):
        read(xlsx(tmp_path, []))


def test_sheet_without_a_name_column(tmp_path):
    with pytest.raises(UserInputError, match="姓名"):
        read(xlsx(tmp_path, [["部门", "职务"], ["内科", "护士"]]))


def test_docx_renamed_to_xlsx(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("姓名")
    path = tmp_path / "roster.xlsx"
    document.save(path)
    with pytest.raises(UserInputError, match="不是电子表格"):
        read_roster(path)


def test_missing_file():
    with pytest.raises(UserInputError, match="无法读取"):
        read_roster("/nonexistent/roster.xlsx")


def test_many_bad_rows_are_all_reported(tmp_path):
    rows = [["姓名", "出生日期"]] + [[f"人{i}", "1975-02-30"] for i in range(2000)]
    report = read(xlsx(tmp_path, rows))
    assert len(report.problems) == 2000 and not report.rows


def test_export_masks_by_default_and_reads_back(tmp_path):
    source = xlsx(tmp_path, [[*HEADER, "标签", "子女"],
        ["张三", "女", "", ZHANG, "13812345678", "内科", "护士", "劳模", "张小明 2012-05-01"]])  # fmt: skip
    rows = read(source).rows
    masked, plain = tmp_path / "masked.xlsx", tmp_path / "plain.xlsx"
    write_roster_xlsx(rows, masked)
    write_roster_xlsx(rows, plain, masked=False)
    sheet = openpyxl.load_workbook(masked).active
    assert sheet["D2"].value == "110105********002X"
    assert sheet["E2"].value == "138****5678"
    again = read(plain).rows[0]
    assert (again.id_number, again.phone, again.tags) == (ZHANG, "13812345678", ("劳模",))
    assert again.children == rows[0].children and again.birth_date == rows[0].birth_date


@pytest.mark.parametrize("header", ["入职时间", "入职日期", "到岗时间", "来校时间", "进厂时间"])
def test_hire_date_headers(tmp_path, header):
    path = xlsx(tmp_path, [["姓名", header, "参加工作时间"], ["张三", "2024.9", "1990-07-01"]])
    report = read(path)
    assert report.rows[0].hired_on == date(2024, 9, 1)
    # 参加工作时间 is the first job anywhere, not this workplace: not read as the hire date
    assert report.columns["hired_on"] == header and "参加工作时间" in report.ignored_columns
