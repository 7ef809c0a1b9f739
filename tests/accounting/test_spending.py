"""Spending against the budget: refused without or past budget unless the chair gives a reason."""

import datetime as dt
from decimal import Decimal

import pytest

from unionplan.accounting.lines import Line
from unionplan.accounting.spending import SpendingCheck, check_spending
from unionplan.errors import UserInputError

D = Decimal
LINE = Line("职工活动支出", "文体活动")


def test_within_budget_passes():
    assert (
        check_spending(SpendingCheck(LINE, D("1000"), D("600"), D("400")), is_chair=False) is False
    )


def test_past_budget_refused_with_line_budget_and_spent():
    check = SpendingCheck(LINE, D("1000"), D("600"), D("400.01"))
    with pytest.raises(UserInputError) as error:
        check_spending(check, is_chair=False, reason="活动需要")
    assert "职工活动支出—文体活动" in error.value.message
    assert "1,000.00" in error.value.message and "600.00" in error.value.message
    assert "0.01元" in error.value.message and "工会主席" in error.value.message


def test_no_budget_refused():
    with pytest.raises(UserInputError, match="没有预算"):
        check_spending(SpendingCheck(LINE, D("0"), D("0"), D("1")), is_chair=False)


def test_chair_overrides_only_with_a_reason():
    check = SpendingCheck(LINE, D("0"), D("0"), D("50"))
    with pytest.raises(UserInputError, match="须填写理由"):
        check_spending(check, is_chair=True, reason="  ")
    assert check_spending(check, is_chair=True, reason="临时慰问") is True


@pytest.mark.parametrize("amount", [D("0"), D("-5")])
def test_amount_must_be_positive(amount):
    with pytest.raises(UserInputError, match="大于0"):
        check_spending(SpendingCheck(LINE, D("100"), D("0"), amount), is_chair=True, reason="x")


def test_date_outside_budget_year_refused():
    check = SpendingCheck(LINE, D("100"), D("0"), D("5"))
    with pytest.raises(UserInputError, match="不在预算年度2027年内"):
        check_spending(check, is_chair=True, reason="x", date=dt.date(2028, 1, 2), year=2027)
    assert check_spending(check, is_chair=False, date=dt.date(2027, 12, 31), year=2027) is False
