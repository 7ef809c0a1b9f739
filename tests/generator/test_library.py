import shutil

import pytest

from unionplan import vocab
from unionplan.errors import UserInputError
from unionplan.generator import (
    LIBRARY_DIR,
    LibraryError,
    generate_plan,
    load_library,
    load_library_file,
)

GOOD = """
sector = "school"
name = "学校工会"
headcount = 50

[[section]]
title = "指导思想"
body = "坚持……"

[[section]]
title = "主要工作"

[[section.children]]
title = "关心教职工生活"
body = "1、……"

[[target]]
text = "全年开展文体活动不少于6次"
value = 6
unit = "次"
section = "关心教职工生活"

[[activity]]
key = "double_ninth"
text = "重阳节老教师慰问活动"
festival = "double_ninth"
days_before = 3
scope = "70周岁以上退休老教师"
category = "welfare"
budget_per_person = 300
headcount = 15

[[activity]]
key = "accounts"
text = "工会账务上交"
month = 12
day = 16
end_month = 12
category = "finance"
"""


def write(tmp_path, text, name="school.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("sector", vocab.codes(vocab.SECTORS))
def test_shipped_libraries_load(sector):
    library = load_library(sector)
    assert library.activities and library.sections and library.targets
    keys = [activity.key for activity in library.activities]
    assert len(keys) == len(set(keys))


def test_a_good_file_loads_and_generates(tmp_path):
    write(tmp_path, GOOD)
    library = load_library("school", tmp_path)
    assert library.headcount == 50
    plan = generate_plan("school", 2027, library=library)
    assert [item.text for item in plan.items] == ["重阳节老教师慰问活动", "工会账务上交"]
    assert plan.sections[1].children[0].targets[0].text == "全年开展文体活动不少于6次"
    assert plan.items[0].budget == 4500
    assert plan.items[1].end_date.isoformat() == "2027-12-31"


def mutate(old, new):
    assert old in GOOD, old  # the mutation must happen, or the test proves nothing
    return GOOD.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('category = "welfare"', 'category = "party"', "category“party”不在可选范围内"),
        ('festival = "double_ninth"', 'festival = "christmas"', "festival“christmas”"),
        ("month = 12", "month = 13", "month应在1到12之间"),
        ("day = 16", "day = 31\nmonth_x = 1", "不认识的项：month_x"),
        ("month = 12\nday = 16", "month = 4\nday = 31", "4月最多30日"),
        ("month = 12\nday = 16", "month = 2\nday = 29", "2月最多28日"),
        ("days_before = 3", "days_before = 3\nmonth = 10", "须且只能填一个"),
        ('festival = "double_ninth"\n', "", "须且只能填一个"),
        ("days_before = 3", 'days_before = "三天"', "days_before应为整数"),
        ("budget_per_person = 300", 'budget_per_person = "三百"', "应为数字"),
        ("budget_per_person = 300", "budget_per_person = -5", "不小于0"),
        ("budget_per_person = 300", "budget_per_person = 300\nbudget = 1000", "只能填一个"),
        ('key = "accounts"', 'key = "double_ninth"', "重复"),
        ('text = "工会账务上交"', 'text = ""', "缺少text"),
        ("end_month = 12", "end_month = 11", "结束日期早于开始日期"),
        (
            'category = "finance"',
            'category = "finance"\nrule = "sometimes"',
            "rule“sometimes”",
        ),
        ('section = "关心教职工生活"', 'section = "没有这一章"', "找不到章节"),
        ("value = 6", 'value = 6\ncomparator = "range"', "区间目标"),
        ('sector = "school"', 'sector = "factory"', "未知的行业类型"),
        ('name = "学校工会"', "", "缺少name"),
        ("headcount = 50", "headcount = 0", "headcount应在1到100000之间"),
        ("days_before = 3", "days_before = 3\nday = 5", "不能填day"),
    ],
)
def test_malformed_entries_are_refused_naming_file_and_entry(tmp_path, old, new, message):
    path = write(tmp_path, mutate(old, new))
    with pytest.raises(LibraryError, match=message) as caught:
        load_library_file(path)
    assert "school.toml" in str(caught.value)
    assert isinstance(caught.value, UserInputError)


def test_error_names_the_activity(tmp_path):
    path = write(tmp_path, mutate('category = "welfare"', 'category = "party"'))
    with pytest.raises(LibraryError, match="double_ninth"):
        load_library_file(path)


@pytest.mark.parametrize("text", ["sector = ", "[[activity]\nkey = 1", "\x00\x01"])
def test_not_toml_is_refused(tmp_path, text):
    with pytest.raises(LibraryError, match="TOML"):
        load_library_file(write(tmp_path, text))


def test_missing_file_and_wrong_sector_are_refused(tmp_path):
    with pytest.raises(LibraryError, match="找不到"):
        load_library("school", tmp_path)
    write(tmp_path, GOOD, name="hospital.toml")
    with pytest.raises(LibraryError, match="hospital"):
        load_library("hospital", tmp_path)


def test_an_edited_copy_of_the_shipped_library_is_used(tmp_path):
    shutil.copy(LIBRARY_DIR / "school.toml", tmp_path / "school.toml")
    text = (tmp_path / "school.toml").read_text(encoding="utf-8")
    (tmp_path / "school.toml").write_text(
        text.replace("慈善一日捐", "爱心一日捐"), encoding="utf-8"
    )
    texts = [
        item.text
        for item in generate_plan("school", 2027, library=load_library("school", tmp_path)).items
    ]
    assert any("爱心一日捐" in t for t in texts) and not any("慈善一日捐" in t for t in texts)
