"""The chart of account lines and the default mapping of our categories onto it."""

import pytest

from unionplan import vocab
from unionplan.accounting import lines
from unionplan.accounting.lines import Line, expense_line, income_line
from unionplan.accounting.mapping import (
    DEFAULT_ACTIVITY_LINES,
    DEFAULT_CAMPAIGN_LINES,
    DEFAULT_WELFARE_LINES,
    LineMap,
)
from unionplan.errors import UserInputError
from unionplan.fundrules import KINDS


def test_chart_is_marked_to_be_checked():
    assert lines.STATUS == "待核对"
    assert "财会〔2021〕7号" in lines.SOURCE


def test_expense_chart_has_the_lines_of_the_system():
    names = [name for name, _ in lines.EXPENSE_CHART]
    assert names == ["职工活动支出", "职工服务支出", "维权支出", "业务支出", "资本性支出",
                     "补助下级支出", "对附属单位的支出", "上缴上级支出", "其他支出"]  # fmt: skip
    subs = dict(lines.EXPENSE_CHART)["职工活动支出"]
    assert subs == ("职工教育", "文体活动", "宣传活动", "职工集体福利", "会员活动", "其他")
    leaves = lines.expense_lines()
    assert Line("职工活动支出") not in leaves  # amounts go on its sub-lines only
    assert Line("职工活动支出", "文体活动") in leaves
    assert len(leaves) == 6 + 8 + 2
    # 维权支出 is open: amounts on itself (claims, budgets by category) and on its two sub-lines
    assert dict(lines.EXPENSE_CHART)["维权支出"] == ("困难职工帮扶费", "送温暖费")
    assert {
        Line("维权支出"),
        Line("维权支出", "送温暖费"),
        Line("维权支出", "困难职工帮扶费"),
    } <= set(leaves)


def test_income_chart():
    assert lines.INCOME_CHART == ["会费收入", "拨缴经费收入", "上级补助收入", "政府补助收入",
                                  "附属单位上缴收入", "投资收益", "其他收入"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("维权支出", Line("维权支出")),
        ("维权支出/送温暖费", Line("维权支出", "送温暖费")),
        ("职工活动支出/文体活动", Line("职工活动支出", "文体活动")),
        (" 职工活动支出／文体活动 ", Line("职工活动支出", "文体活动")),
        ("职工活动支出/会员活动/节日慰问", Line("职工活动支出", "会员活动")),
        ("职工活动支出/节日慰问", Line("职工活动支出", "会员活动")),
    ],
)
def test_expense_line_reads_keys_and_aliases(text, expected):
    assert expense_line(text) == expected
    assert expense_line(expected.key) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("办公费", "会计科目“办公费”不存在"),
        ("职工活动支出", "须写明明细科目"),
        ("职工活动支出/旅游", "没有明细科目“旅游”"),
        ("维权支出/法律援助", "没有明细科目“法律援助”"),
        ("", "不存在"),
    ],
)
def test_expense_line_refuses_lines_that_do_not_exist(text, message):
    with pytest.raises(UserInputError, match=message):
        expense_line(text)


def test_income_line_refuses_unknown():
    assert income_line("会费收入") == Line("会费收入")
    with pytest.raises(UserInputError, match="收入科目“捐赠收入”不存在"):
        income_line("捐赠收入")


def test_every_activity_category_has_a_valid_default_line():
    assert set(DEFAULT_ACTIVITY_LINES) == set(vocab.codes(vocab.CATEGORIES))
    for key in DEFAULT_ACTIVITY_LINES.values():
        expense_line(key)


def test_expense_category_of_its_own_wins_over_the_activity():
    table = LineMap()
    assert table.for_expense("gift", "culture") == Line("职工活动支出", "会员活动")
    assert table.for_expense("prize", "culture") == Line("职工活动支出", "文体活动")
    assert table.for_expense("prize", "competition") == Line("职工活动支出", "其他")
    assert table.for_activity("unknown-code") == Line("其他支出")


def test_edited_rows_replace_the_defaults():
    table = LineMap({("activity", "culture"): "职工服务支出", ("expense", "gift"): ""})
    assert table.for_activity("culture") == Line("职工服务支出")
    assert table.for_expense("gift", "culture") == Line("职工服务支出")
    with pytest.raises(UserInputError):
        LineMap({("activity", "culture"): "不存在的科目"})


def test_every_welfare_kind_and_campaign_has_a_valid_default_line():
    assert set(DEFAULT_WELFARE_LINES) == set(KINDS)  # campaigns: tests/funds/test_every_expense
    for key in [*DEFAULT_WELFARE_LINES.values(), *DEFAULT_CAMPAIGN_LINES.values()]:
        if key:
            expense_line(key)


def test_welfare_money_lands_by_kind_then_campaign():
    table = LineMap()
    assert table.for_welfare("hospital") == Line("职工活动支出", "会员活动")
    assert table.for_welfare("hardship") == Line("维权支出", "困难职工帮扶费")
    assert table.for_welfare("festival", "warmth") == Line("维权支出", "送温暖费")
    assert table.for_welfare("hardship", "schooling") == Line("维权支出", "困难职工帮扶费")
    assert table.for_welfare("festival", "cooling") == Line("职工活动支出", "会员活动")
    edited = LineMap({("welfare", "hospital"): "职工活动支出/职工集体福利"})
    assert edited.for_welfare("hospital") == Line("职工活动支出", "职工集体福利")
