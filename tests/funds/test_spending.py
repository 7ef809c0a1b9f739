"""authorize(): an expense checked against its line's budget, the chair's override logged."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import RoleFactory
from tests.funds.conftest import budgeted, spend
from unionplan.errors import UserInputError
from unionplan.funds.models import SpendingOverride
from unionplan.funds.spending import authorize

D = Decimal
pytestmark = pytest.mark.django_db


def _authorize(org, user, amount, reason="", expense="prize"):
    return authorize(org, 2027, activity_category="culture", expense_category=expense,
                     amount=D(amount), date=dt.date(2027, 5, 1), user=user, reason=reason)  # fmt: skip


def test_within_budget_logs_nothing(plan, chair):
    spend(budgeted(plan, "culture", 1000), "prize", 600)
    assert _authorize(plan.organization, chair, "400") is None
    assert not SpendingOverride.objects.exists()


def test_past_budget_refused_for_committee_even_with_reason(plan):
    spend(budgeted(plan, "culture", 1000), "prize", 600)
    member = RoleFactory(organization=plan.organization, role="committee").user
    with pytest.raises(UserInputError, match=r"预算1,000\.00元，已支出600\.00元"):
        _authorize(plan.organization, member, "500", reason="急需")
    assert not SpendingOverride.objects.exists()


def test_chair_override_is_logged_with_reason(plan, chair):
    spend(budgeted(plan, "culture", 1000), "prize", 600)
    with pytest.raises(UserInputError, match="须填写理由"):
        _authorize(plan.organization, chair, "500")
    logged = _authorize(plan.organization, chair, "500", reason="比赛规模扩大")
    assert logged.line == "职工活动支出/文体活动" and logged.reason == "比赛规模扩大"
    assert (logged.budget, logged.spent, logged.amount) == (D("1000"), D("600"), D("500"))
    assert logged.approved_by == chair


def test_gift_lands_on_its_own_line_without_budget(plan, chair):
    budgeted(plan, "culture", 1000)
    with pytest.raises(UserInputError, match="职工活动支出—会员活动”没有预算"):
        _authorize(plan.organization, RoleFactory(organization=plan.organization, role="staff").user,
                   "10", expense="gift")  # fmt: skip
