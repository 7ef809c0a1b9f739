import json

import pytest

from tests.calendar.schedules import SCHEDULE_2027
from unionplan.calendar import load_schedule, parse_schedule_json, parse_schedule_toml
from unionplan.errors import UserInputError


def test_good_toml_file_loads(tmp_path):
    path = tmp_path / "2027.toml"
    path.write_text(SCHEDULE_2027, encoding="utf-8")
    schedule = load_schedule(path)
    assert schedule.year == 2027
    assert [p.name for p in schedule.periods][:2] == ["元旦", "春节"]
    assert schedule.source.startswith("示例")
    assert len(schedule.makeup_workdays()) == 5


def test_good_json_file_loads(tmp_path):
    data = {
        "year": 2027,
        "holiday": [
            {"name": "国庆节", "start": "2027-10-01", "end": "2027-10-07",
             "workdays": ["2027-09-26", "2027-10-09"]},
            {"name": "元旦", "start": "2027-01-01", "end": "2027-01-01"},
        ],
    }  # fmt: skip
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    schedule = load_schedule(path)
    assert [p.name for p in schedule.periods] == ["元旦", "国庆节"]  # sorted by date


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserInputError, match="找不到"):
        load_schedule(tmp_path / "none.toml")


def replace(text, old, new):
    assert old in text, old  # the mutation must really happen, or the test proves nothing
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("end = 2027-10-07", "end = 2027-10-32", "TOML"),
        ("start = 2027-10-01", "start = 2028-10-01", "不在2027年内"),
        ("end = 2027-02-12", "end = 2027-02-01", "早于开始日期"),
        ("start = 2027-09-15\nend = 2027-09-15", "start = 2027-09-30\nend = 2027-10-02", "重叠"),
        ("end = 2027-01-03", "end = 2027-02-28", "超过"),
        ("workdays = [2027-05-08]", "workdays = [2027-05-06]", "不是周六或周日"),
        ("workdays = [2027-05-08]", "workdays = [2027-05-02]", "落在假期之内"),
        ("workdays = [2027-05-08]", "workdays = [2027-02-13]", "两个节假日"),
        ('name = "端午节"', 'name = ""', "缺少名称"),
        ('name = "端午节"', 'name = "端午节"\nstrat = 2027-06-09', "不认识的项：strat"),
        ("year = 2027", "year = 1900", "年份应在"),
        ("year = 2027", "", "缺少年份"),
        ("start = 2027-06-09", 'start = "六月九日"', "不是有效日期"),
        ("start = 2027-06-09", "start = 2027-06-09T08:00:00", "不要带时间"),
        ("start = 2027-06-09\n", "", "缺少开始日期"),
        ("workdays = [2027-05-08]", 'workdays = "2027-05-08"', "应为日期列表"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_message(old, new, message):
    text = replace(SCHEDULE_2027, old, new)
    with pytest.raises(UserInputError, match=message):
        parse_schedule_toml(text, source_name="2027.toml")


def test_message_names_the_file_and_the_entry():
    text = replace(SCHEDULE_2027, "end = 2027-06-09", "end = 2027-06-01")
    with pytest.raises(UserInputError) as caught:
        parse_schedule_toml(text, source_name="2027.toml")
    assert "2027.toml" in str(caught.value) and "端午节" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "缺少年份"),
        ("year = 2027", "没有任何节假日"),
        ("year = 2027\nholiday = []", "没有任何节假日"),
        ("year = 2027\nholiday = 3", "没有任何节假日"),
        ("year = 2027\nholiday = [1]", "格式不对"),
        (
            'year = 2027\nsource = 5\n[[holiday]]\nname="元旦"\nstart=2027-01-01\nend=2027-01-01',
            "来源",
        ),
    ],
)
def test_structurally_wrong_files_are_refused(text, message):
    with pytest.raises(UserInputError, match=message):
        parse_schedule_toml(text)


@pytest.mark.parametrize("text", ["[1, 2]", "{", "null"])
def test_bad_json_is_refused(text):
    with pytest.raises(UserInputError):
        parse_schedule_json(text)
