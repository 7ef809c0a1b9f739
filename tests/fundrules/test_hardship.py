import datetime as dt
from decimal import Decimal as D

import pytest

from unionplan.errors import UserInputError
from unionplan.fundrules.hardship import (
    Aid,
    Household,
    Person,
    aid_cap,
    check_aid,
    classify,
    mask_name,
    recheck_outcome,
)

DIBAO = D(800)  # 合肥 monthly 低保, yuan per person
DAY = dt.date(2025, 9, 1)


def household(income, costs=D(0), size=3, **extra) -> Household:
    """``size`` people; the worker has all the income and costs."""
    people = [Person("本人", D(income), D(costs))]
    people += [Person("配偶") for _ in range(size - 1)]
    return Household(tuple(people), DIBAO, **extra)


# (income − costs) ÷ 12 ÷ 3 = 800 exactly at 28,800 + costs.
def test_exactly_the_dibao_a_month_per_person_is_deep():
    result = classify(household(D(38800), D(10000)))
    assert result.code == "deep" and result.per_capita == D("800.00")
    assert "深度困难" in result.reason and "月人均800.00元" in result.reason


def test_a_cent_above_the_dibao_is_relative():
    result = classify(household(D("28800.36")))
    assert result.code == "relative" and result.per_capita == D("800.01")


def test_exactly_twice_the_dibao_is_relative_a_cent_more_is_not():
    assert classify(household(D(57600))).code == "relative"
    assert classify(household(D("57600.36"))).code == "none"


def test_the_exact_quotient_decides_not_the_rounded_one():
    # 28,800.12 ÷ 36 = 800.0033…: shown as 800.00, yet above the standard.
    result = classify(household(D("28800.12")))
    assert result.per_capita == D("800.00") and result.code == "relative"


def test_costs_above_80_percent_of_income_are_accident():
    # 400,000 income, 320,001 costs: 2,222.19 a month each, above 2 × 低保.
    assert classify(household(D(400000), D(320001))).code == "accident"
    assert classify(household(D(400000), D(320000))).code == "none"


def test_a_disaster_is_accident_whatever_the_costs():
    result = classify(household(D(200000), disaster=True))
    assert result.code == "accident" and "灾害" in result.reason


def test_household_income_and_costs_add_over_its_members():
    people = (
        Person("本人", D(20000), D(2000)),
        Person("配偶", D(10000)),
        Person("子女", D(0), D(4000)),
    )
    result = classify(Household(people, DIBAO))
    assert (result.income, result.costs, result.size) == (D(30000), D(6000), 3)
    assert result.per_capita == D("666.67") and result.code == "deep"


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"homes": 2}, "两套及以上住房"),
        ({"business": True}, "个体工商户"),
        ({"private_school_fee": D(20001), "public_school_fee": D(10000)}, "私立学校"),
        ({"study_abroad": True}, "自费出国留学"),
    ],
)
def test_each_exclusion_refuses_with_its_reason(extra, reason):
    result = classify(household(D(10000), **extra))
    assert result.code == "excluded" and not result.recognised
    assert reason in result.reason


def test_private_schooling_at_exactly_twice_the_public_fee_is_not_an_exclusion():
    result = classify(household(D(10000), private_school_fee=D(20000), public_school_fee=D(10000)))
    assert result.code == "deep"


def test_one_home_is_not_an_exclusion():
    assert classify(household(D(10000), homes=1)).code == "deep"


@pytest.mark.parametrize(
    "bad",
    [
        Household((), DIBAO),
        Household((Person("本人", D(-1)),), DIBAO),
        Household((Person("本人", D(1), D(-5)),), DIBAO),
        Household((Person("本人", D(1)),), D(0)),
    ],
)
def test_bad_figures_are_refused_in_chinese(bad):
    with pytest.raises(UserInputError) as error:
        classify(bad)
    assert any("\u4e00" <= c <= "\u9fff" for c in error.value.message)


def test_living_aid_caps_are_12_and_8_months_of_dibao():
    assert aid_cap("deep", "living", DIBAO) == D(9600)
    assert aid_cap("relative", "living", DIBAO) == D(6400)
    assert aid_cap("accident", "living", DIBAO) == D(0)


def test_schooling_caps_by_school_level():
    assert aid_cap("deep", "schooling", DIBAO, "compulsory") == D(3000)
    assert aid_cap("deep", "schooling", DIBAO, "high_school") == D(3000)
    assert aid_cap("relative", "schooling", DIBAO, "university") == D(10000)
    with pytest.raises(UserInputError, match="就读阶段"):
        aid_cap("deep", "schooling", DIBAO)


def test_training_and_accident_caps():
    assert aid_cap("relative", "training", DIBAO) == D(3000)
    assert aid_cap("accident", "accident", DIBAO) == D(10000)
    assert aid_cap("deep", "accident", DIBAO) == D(0)


def test_living_aid_up_to_the_cap_is_allowed_a_cent_more_refused():
    deep = classify(household(D(20000)))
    history = [Aid("living", dt.date(2025, 1, 20), D(4800))]
    within = check_aid(deep, "living", D(4800), DAY, history)
    assert within.allowed and (within.cap, within.used, within.remaining) == (
        D(9600), D(4800), D(4800)
    )  # fmt: skip
    over = check_aid(deep, "living", D("4800.01"), DAY, history)
    assert not over.allowed and "还可发4,800.00元" in over.reason


def test_last_years_aid_and_other_kinds_do_not_count():
    deep = classify(household(D(20000)))
    history = [Aid("living", dt.date(2024, 12, 31), D(9600)), Aid("training", DAY, D(3000))]
    decision = check_aid(deep, "living", D(9600), DAY, history)
    assert decision.allowed and decision.used == D(0)


def test_schooling_counts_per_school_level():
    deep = classify(household(D(20000)))
    history = [Aid("schooling", DAY, D(3000), "compulsory")]
    assert not check_aid(deep, "schooling", D(1), DAY, history, "compulsory").allowed
    assert check_aid(deep, "schooling", D(10000), DAY, history, "university").allowed


def test_a_class_without_the_aid_is_refused_with_the_reason():
    relative = classify(household(D(40000)))
    decision = check_aid(relative, "accident", D(100), DAY, [])
    assert not decision.allowed and "相对困难家庭不能领取意外救助" in decision.reason


def test_a_non_positive_aid_amount_is_bad_input():
    with pytest.raises(UserInputError):
        check_aid(classify(household(D(20000))), "living", D(0), DAY, [])


def test_names_on_the_public_list_are_masked():
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳明月") == "欧***"
    assert mask_name("王") == "王*"
    assert mask_name("") == ""


def test_recheck_keeps_adjusts_or_exits():
    assert recheck_outcome("deep", classify(household(D(20000)))) == (True, "复核仍为深度困难。")
    still, text = recheck_outcome("deep", classify(household(D(40000))))
    assert still and "调整为相对困难" in text
    still, text = recheck_outcome("deep", classify(household(D(100000))))
    assert not still and "脱困" in text
