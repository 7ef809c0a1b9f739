from decimal import Decimal

import pytest

from unionplan.text.line import Line
from unionplan.text.targets import find_targets


def _found(text):
    return [(t.text, t.comparator, t.value, t.high, t.unit) for t in find_targets(Line.of(text))]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("市总工会不少于4次集中培训。", ("市总工会不少于4次集中培训", ">=", 4, None, "次")),
        ("二是抓好建设，力争再创十家示范工会。", ("力争再创十家示范工会", ">=", 10, None, "家")),
        ("组织1—2期工会干部业务培训，逐步", ("组织1—2期工会干部业务培训", "range", 1, 2, "期")),
        ("每年举办1-2次讲座", ("每年举办1-2次讲座", "range", 1, 2, "次")),
        ("力争20XX年实现协商达到90%以上。", ("协商达到90%以上", ">=", 90, None, "%")),
        ("落实干部下基层不少于90天的要求", ("干部下基层不少于90天", ">=", 90, None, "天")),
        ("确保每年召开两次职工代表大会", ("确保每年召开两次职工代表大会", "=", 2, None, "次")),
        ("至少开展三场活动", ("至少开展三场活动", ">=", 3, None, "场")),
        ("经费支出控制在5%以内", ("经费支出控制在5%以内", "<=", 5, None, "%")),
        ("会议不超过2小时", ("会议不超过2小时", "<=", 2, None, "小时")),
        ("参训人数200人以下", ("参训人数200人以下", "<=", 200, None, "人")),
        ("入会率百分之九十五", ("入会率百分之九十五", "=", 95, None, "%")),
        ("覆盖率达到98.5%", ("覆盖率达到98.5%", ">=", Decimal("98.5"), None, "%")),
        ("確保每年召開兩次大會", ("確保每年召開兩次大會", "=", 2, None, "次")),
    ],
)
def test_targets(text, target):
    assert _found(text) == [target]


def test_a_list_of_counts_gives_one_target_each():
    found = _found("具体内容是：五场球赛、五场演出、五次集体舞会。")
    assert [(t[0], t[2], t[4]) for t in found] == [
        ("五场球赛", 5, "场"),
        ("五场演出", 5, "场"),
        ("五次集体舞会", 5, "次"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "认真落实自治州总工会九届四次委员会议精神",
        "举行35周岁以下教师教学基本功比赛",
        "开展“十个五”活动",
        "确保工会建立一个，巩固一个",
        "第八届职代会第一次会议",
        "学校百年校庆",
        "一次性发放慰问金",
        "在“三个走在前列”中发挥作用",
        "20XX年，我们将以科学发展观为统领",
        "5月1日前完成",
        "读了两次",
    ],
)
def test_not_targets(text):
    assert _found(text) == []


def _figures(text):
    return [(t.comparator, t.value, t.high, t.unit) for t in find_targets(Line.of(text))]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("力争全年培训职工两千五人次", [(">=", Decimal(2500), None, "人次")]),
        ("工会简报每两月一期", [("=", Decimal(1), None, "期")]),
        ("职工讲堂每月一次", [("=", Decimal(1), None, "次")]),
        ("新建职工之家10家、职工书屋15个", [(">=", Decimal(10), None, "家"), (">=", Decimal(15), None, "个")]),
        ("力争组建3个创新工作室", [(">=", Decimal(3), None, "个")]),
        ("入会率达到95%，建会率达到90%", [(">=", Decimal(95), None, "%"), (">=", Decimal(90), None, "%")]),
    ],
)  # fmt: skip
def test_spoken_numerals_frequencies_and_shared_verbs(text, found):
    assert _figures(text) == found


@pytest.mark.parametrize(
    "text",
    ["组织一次职工运动会", "召开一次职代会", "以下是小编整理的工会工作计划5篇", "工会工作计划共5篇",
     "去年共组织活动15次", "围绕一个中心，抓好两个重点", "帮扶困难职工不落一人"],
)  # fmt: skip
def test_one_offs_boilerplate_achievements_slogans_and_idioms_are_not_targets(text):
    assert _figures(text) == []
