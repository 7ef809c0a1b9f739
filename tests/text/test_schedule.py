from decimal import Decimal

import pytest

from unionplan.text.blocks import Table
from unionplan.text.line import Line
from unionplan.text.markers import When
from unionplan.text.schedule import (
    guess_scope,
    make_item,
    parse_budget,
    split_activities,
    table_entries,
)


@pytest.mark.parametrize(
    ("cell", "activities"),
    [
        ("春节送温暖工程 春节联欢会  职代会", ["春节送温暖工程", "春节联欢会", "职代会"]),
        ("1、庆元旦 2、慰问退休教师", ["庆元旦", "慰问退休教师"]),
        ("庆元旦；慰问退休教师。", ["庆元旦", "慰问退休教师"]),
        ("（1）学习（2）培训", ["学习（2）培训"]),
        ("6.1儿童节联欢、慰问品", ["6.1儿童节联欢、慰问品"]),
        ("", []),
    ],
)
def test_split_activities(cell, activities):
    assert [a.text for a in split_activities(Line.of(cell))] == activities


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("慰问70周岁以上退休老教师", "70周岁以上退休老教师"),
        ("举行35周岁以下教师教学基本功比赛", "35周岁以下教师"),
        ("慰問女教工", "女教工"),
        ("重阳节老教师慰问活动", "老教师"),
        ("迎国庆活动", None),
    ],
)
def test_guess_scope(text, scope):
    assert guess_scope(Line.of(text)) == scope


def test_make_item_takes_the_day_and_strips_punctuation():
    item = make_item(Line.of("3.8妇女节联欢；"), When(3, 3))
    assert (item.text, item.day) == ("3.8妇女节联欢", (3, 8))
    dated = make_item(Line.of("运动会"), When(4, 4, day=20, end_day=22))
    assert (dated.day, dated.end_day) == ((4, 20), (4, 22))


def _texts(entries):
    return [(e.when.months, [(i.text, i.scope) for i in e.items]) for e in entries]


def test_table_with_header_pairs_scopes_in_order():
    table = Table(
        [
            ["时间", "活动内容", "参加范围", "负责人", "经费"],
            ["一月", "春节联欢会 登塔比赛", "全院职工 部分职工", "", ""],
            ["", "元宵节", "全院职工", "王", "1.5万元"],
            ["七、八月", "暑期托管班", "", "", ""],
        ]
    )
    entries = table_entries(table)
    assert _texts(entries) == [
        ([1], [("春节联欢会", "全院职工"), ("登塔比赛", "部分职工")]),
        ([1], [("元宵节", "全院职工")]),
        ([7, 8], [("暑期托管班", None)]),
    ]
    assert entries[1].items[0].owner == "王"
    assert entries[1].items[0].budget == Decimal("15000")


def test_table_scopes_that_do_not_pair_are_left_empty():
    table = Table([["时间", "内容", "范围"], ["六月", "联欢 高考慰问 划船", "子女 全院职工"]])
    assert [i.scope for i in table_entries(table)[0].items] == [None, None, None]


def test_table_without_header_finds_the_month_column():
    table = Table([["1", "一月", "联欢会", "全体"], ["2", "二月", "比赛", "全体"]])
    assert _texts(table_entries(table)) == [([1], [("联欢会", "全体")]), ([2], [("比赛", "全体")])]


def test_table_without_months_is_not_a_schedule():
    assert table_entries(Table([["指标", "目标值"], ["入会率", "95%"]])) == []


@pytest.mark.parametrize(
    ("cell", "amount"), [("2000元", Decimal(2000)), ("1.5万", Decimal(15000)), ("无", None)]
)
def test_parse_budget(cell, amount):
    assert parse_budget(cell) == amount
