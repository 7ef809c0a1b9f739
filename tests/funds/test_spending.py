"""The spending guard: an expense checked against the budget in force, the chair's override
logged; nothing is checked before the budget is approved with the plan."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import RoleFactory
from tests.funds.conftest import approved_now, budgeted, spend
from unionplan.audit.models import AuditEntry
from unionplan.core.spending import OverBudget
from unionplan.errors import UserInputError
from unionplan.funds import budgeting
from unionplan.funds.models import SpendingOverride
from unionplan.funds.spending import authorize

D = Decimal
pytestmark = pytest.mark.django_db


def _authorize(org, user, amount, reason="", expense="prize", day=dt.date(2027, 5, 1)):
    return authorize(org, 2027, activity_category="culture", expense_category=expense,
                     amount=D(amount), date=day, user=user, reason=reason)  # fmt: skip


def test_within_budget_logs_nothing(plan, chair):
    spend(budgeted(plan, "culture", 1000), "prize", 600)
    approved_now(plan, chair)
    assert _authorize(plan.organization, chair, "400") is None
    assert not SpendingOverride.objects.exists()


def test_nothing_is_checked_before_the_budget_is_approved(plan, chair):
    spend(budgeted(plan, "culture", 1000), "prize", 600)
    assert _authorize(plan.organization, chair, "5000") is None


def test_past_budget_refused_for_committee_even_with_reason(plan):
    spend(budgeted(plan, "culture", 1000), "prize", 600)
    approved_now(plan)
    member = RoleFactory(organization=plan.organization, role="committee").user
    with pytest.raises(OverBudget, match=r"预算1,000\.00元，已支出600\.00元"):
        _authorize(plan.organization, member, "500", reason="急需")
    assert not SpendingOverride.objects.exists()


def test_chair_override_is_logged_with_reason(plan, chair):
    spend(budgeted(plan, "culture", 1000), "prize", 600)
    approved_now(plan, chair)
    with pytest.raises(OverBudget, match="须填写理由"):
        _authorize(plan.organization, chair, "500")
    logged = _authorize(plan.organization, chair, "500", reason="比赛规模扩大")
    assert logged.line == "职工活动支出/文体活动" and logged.reason == "比赛规模扩大"
    assert (logged.budget, logged.spent, logged.amount) == (D("1000"), D("600"), D("500"))
    assert logged.approved_by == chair
    entry = AuditEntry.objects.get(action="funds.override")
    assert entry.detail["reason"] == "比赛规模扩大" and entry.detail["budget"] == "1000.00"


def test_gift_lands_on_its_own_line_without_budget(plan, chair):
    budgeted(plan, "culture", 1000)
    approved_now(plan, chair)
    staff = RoleFactory(organization=plan.organization, role="staff").user
    with pytest.raises(OverBudget, match="职工活动支出—会员活动”没有预算"):
        _authorize(plan.organization, staff, "10", expense="gift")


def test_the_adjusted_budget_is_the_one_in_force(approved_plan, tree):
    adjustment = budgeting.propose(
        tree.school, 2027, tree.chair, {"职工活动支出/文体活动": "5000"}, "新增项目"
    )
    with pytest.raises(OverBudget, match=r"预算3,000\.00元"):
        _authorize(tree.school, tree.committee, "4000")
    budgeting.review(adjustment, tree.reviewer, approve=True)
    assert _authorize(tree.school, tree.committee, "4000") is None


def test_a_date_outside_the_year_is_bad_input_not_over_budget(plan, chair):
    budgeted(plan, "culture", 1000)
    approved_now(plan, chair)
    with pytest.raises(UserInputError, match="不在预算年度2027年内") as refused:
        _authorize(plan.organization, chair, "10", day=dt.date(2028, 1, 2))
    assert not isinstance(refused.value, OverBudget)
