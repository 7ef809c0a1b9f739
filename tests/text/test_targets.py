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
