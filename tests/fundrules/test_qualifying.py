"""Who qualifies: a rule's conditions on the member, each failed one said in Chinese."""

import datetime as dt

import pytest

from unionplan.errors import UserInputError
from unionplan.fundrules import CONDITIONS, Standing, load_packs, pack_in_force, qualify
from unionplan.fundrules.packs import parse_pack

DAY = dt.date(2025, 9, 17)
ALL = tuple(CONDITIONS)
PAID = dict(dues_paid_through=dt.date(2025, 8, 1), in_fund_base=True)


def test_a_member_in_good_standing_who_pays_and_is_in_the_base_qualifies():
    result = qualify(ALL, Standing(**PAID), DAY)
    assert result.qualifies and result.failed == () and result.unknown == ()


@pytest.mark.parametrize(
    ("who", "condition", "words"),
    [
        (Standing(standing="withdrawn", **PAID), "in_good_standing", "会籍已退会"),
        (Standing(standing="transferred_out", **PAID), "in_good_standing", "会籍已转出"),
        (Standing(retired=True, **PAID), "not_retired", "离退休人员的福利不从工会经费列支"),
        (Standing(standing="retained", **PAID), "not_retired", "已离退休"),
        (Standing(dues_paid_through=dt.date(2025, 6, 1), in_fund_base=True), "dues_paid",
         "会费只缴至2025年6月，须缴至2025年8月或以后"),
        (Standing(dues_paid_through=dt.date(2025, 8, 1), in_fund_base=False), "in_fund_base",
         "工资未列入工会经费计提基数"),
        (Standing(secondment="elsewhere", **PAID), "welfare_here", "集体福利由他处发放"),
    ],
)  # fmt: skip
def test_each_failed_condition_is_named(who, condition, words):
    result = qualify(ALL, who, DAY)
    assert result.failed == (condition,)
    assert words in result.problems[0]


def test_a_condition_the_rule_does_not_require_is_not_checked():
    retired = Standing(retired=True, secondment="elsewhere", **PAID)
    assert qualify(("in_good_standing",), retired, DAY).qualifies


def test_seconded_staff_given_welfare_here_qualify():
    assert qualify(ALL, Standing(secondment="here", **PAID), DAY).qualifies


def test_what_the_registry_does_not_hold_is_unknown_not_a_refusal():
    result = qualify(ALL, Standing(), DAY)
    assert result.qualifies
    assert result.unknown == ("会费缴纳情况", "工资是否列入经费计提基数")


def test_dues_paid_in_january_for_a_gift_in_january_look_back_to_december():
    who = Standing(dues_paid_through=dt.date(2024, 12, 1), in_fund_base=True)
    assert qualify(("dues_paid",), who, dt.date(2025, 1, 20)).qualifies


def test_anhui_2025_reads_who_qualifies_from_the_pack():
    pack = pack_in_force(load_packs(), "安徽省", DAY)
    assert {"dues_paid", "in_fund_base", "not_retired", "welfare_here"} <= set(
        pack.rules["festival"].requires
    )
    assert "not_retired" not in pack.rules["retirement"].requires  # the retiring member's gift
    assert pack.rules["festival"].as_dict()["requires"]["dues_paid"] == CONDITIONS["dues_paid"]


def test_an_unknown_condition_in_a_pack_is_a_chinese_error():
    text = """
[pack]
id = "t"
province = "安徽"
title = "测试"
in_force_from = 2020-01-01
status = "待核对"

[rules.birthday]
per_event = 300
article = "第五条"
requires = ["dues_paid", "has_a_car"]
"""
    with pytest.raises(UserInputError, match="不认识的条件“has_a_car”"):
        parse_pack(text, "t.toml")
