import datetime as dt
from decimal import Decimal

import pytest

from unionplan.errors import UserInputError
from unionplan.plan.checks import check_item, check_target, clean_month, clean_title
from unionplan.plan.data import ItemData, PlanData, SectionData, TargetData
from unionplan.plan.money import clean_budget


def test_clean_budget_accepts_yuan_forms():
    assert clean_budget("1,200.5元") == Decimal("1200.50")
    assert clean_budget("") is None
    assert clean_budget(300) == Decimal("300.00")
    assert clean_budget("1.5万") == clean_budget("1.5万元") == Decimal("15000.00")


@pytest.mark.parametrize("bad", ["abc", "-5", "NaN", "1e12"])
def test_clean_budget_refuses_bad_amounts(bad):
    with pytest.raises(UserInputError):
        clean_budget(bad)


@pytest.mark.parametrize("bad", [0, 13, "x", None])
def test_clean_month_refuses(bad):
    with pytest.raises(UserInputError, match="月份"):
        clean_month(bad)


def test_clean_title_refuses_empty_and_huge():
    with pytest.raises(UserInputError):
        clean_title("  ")
    with pytest.raises(UserInputError, match="过长"):
        clean_title("字" * 10_000)


def test_check_item_dates():
    check_item(ItemData("重阳节慰问", 10, date=dt.date(2027, 10, 5)), year=2027)
    with pytest.raises(UserInputError, match="结束日期"):
        check_item(ItemData("x", 3, date=dt.date(2027, 3, 8), end_date=dt.date(2027, 3, 1)))
    with pytest.raises(UserInputError, match="计划年度"):
        check_item(ItemData("x", 3, date=dt.date(2026, 3, 8)), year=2027)
    with pytest.raises(UserInputError, match="结束月份"):
        check_item(ItemData("x", 8, end_month=7))


def test_check_target_range():
    check_target(TargetData("1—2期", "range", Decimal(1), Decimal(2), "期"))
    with pytest.raises(UserInputError):
        check_target(TargetData("x", "range", Decimal(3), Decimal(2), "期"))


def test_all_targets_walks_sections():
    inner = SectionData("培训", targets=[TargetData("b")])
    plan = PlanData(
        "计划", targets=[TargetData("a")], sections=[SectionData("x", children=[inner])]
    )
    assert [t.text for t in plan.all_targets()] == ["a", "b"]
