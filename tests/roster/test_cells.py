"""Single cells: the date forms people type, genders, phones, statuses, tags, children."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionplan.roster.cells import (
    CellError,
    parse_children,
    parse_date,
    parse_gender,
    parse_id_text,
    parse_name,
    parse_phone,
    parse_status,
    parse_tags,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1975-03-08", (date(1975, 3, 8), False)),
        ("1975/3/8", (date(1975, 3, 8), False)),
        ("1975.3.8", (date(1975, 3, 8), False)),
        ("1975年3月8日", (date(1975, 3, 8), False)),
        ("1975 年 3 月 8 日", (date(1975, 3, 8), False)),
        ("１９７５－０３－０８", (date(1975, 3, 8), False)),
        ("19750308", (date(1975, 3, 8), False)),
        ("197503", (date(1975, 3, 1), True)),
        ("1975年3月", (date(1975, 3, 1), True)),
        ("1975-03", (date(1975, 3, 1), True)),
        ("1975-03-08 00:00:00", (date(1975, 3, 8), False)),
        (27461.0, (date(1975, 3, 8), False)),  # Excel serial number
        (27461, (date(1975, 3, 8), False)),
        (19750308.0, (date(1975, 3, 8), False)),
        (197503, (date(1975, 3, 1), True)),
        (date(1975, 3, 8), (date(1975, 3, 8), False)),
        (datetime(1975, 3, 8, 0, 0), (date(1975, 3, 8), False)),
    ],
)
def test_date_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["1975-02-30", "19750230", "1975年13月1日", "197513", 19750230.0])
def test_impossible_dates(value):
    with pytest.raises(CellError, match="不存在"):
        parse_date(value)


@pytest.mark.parametrize("value", ["三月八日", "75-3-8", "abc", "1975-3-8-9", -5.0])
def test_unreadable_dates(value):
    with pytest.raises(CellError, match="无法识别"):
        parse_date(value)


def test_genders():
    assert parse_gender("男") == "male"
    assert parse_gender("女性") == "female"
    assert parse_gender("F") == "female"
    assert parse_gender("") is None
    with pytest.raises(CellError, match="男"):
        parse_gender("未知")


def test_phones():
    assert parse_phone("138 1234 5678") == "13812345678"
    assert parse_phone("+86 138-1234-5678") == "13812345678"
    assert parse_phone(13812345678.0) == "13812345678"
    assert parse_phone("010-62345678") == "01062345678"
    with pytest.raises(CellError, match="电话"):
        parse_phone("1381234567")


def test_id_number_stored_as_a_float_is_refused():
    with pytest.raises(CellError, match="文本"):
        parse_id_text(1.1010519491231e17)
    assert parse_id_text(110105491231002.0) == "110105491231002"


def test_statuses():
    assert parse_status("在职") == "active"
    assert parse_status("离退休") == "retired"
    assert parse_status("") == "active"
    with pytest.raises(CellError, match="状态"):
        parse_status("休假")


def test_tags_are_split_and_canonical():
    assert parse_tags("困难职工、复转军人, 党员；党员") == ("困难职工", "退役军人", "党员")
    assert parse_tags("") == ()


def test_children():
    assert parse_children("张小明 2012-05-01；李小红(2015.3.2)") == (
        ("张小明", date(2012, 5, 1)),
        ("李小红", date(2015, 3, 2)),
    )
    assert parse_children("无") == ()
    with pytest.raises(CellError, match="出生日期"):
        parse_children("张小明")
    with pytest.raises(CellError, match="不存在"):
        parse_children("张小明 2012-02-30")


def test_names():
    assert parse_name(" 张 三 ") == "张三"
    assert parse_name("John Smith") == "John Smith"
    with pytest.raises(CellError, match="姓名"):
        parse_name("制表人：李四")


CELL_VALUES = st.one_of(
    st.text(max_size=30), st.floats(allow_nan=True), st.integers(-(10**12), 10**12),
    st.dates(), st.datetimes(), st.none(), st.booleans(),
)  # fmt: skip


@given(CELL_VALUES)
def test_any_cell_gives_a_value_or_a_cell_error(value):
    for parse in (parse_date, parse_gender, parse_phone, parse_status, parse_tags,
                  parse_children, parse_name, parse_id_text):  # fmt: skip
        try:
            parse(value)
        except CellError as error:
            assert str(error)
