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


def _welfare(org, user, amount, kind="hardship", campaign="", reason=""):
    from unionplan.core.spending import Expense, Spending
    from unionplan.funds.spending import guard

    expense = Expense("", "", D(amount), welfare_kind=kind, campaign_kind=campaign)
    return guard(Spending(org, 2027, dt.date(2027, 1, 20), [expense], user=user, reason=reason))


def test_a_sub_line_the_budget_does_not_name_is_held_to_its_parent_line(plan, chair):
    """帮扶慰问 budgets 维权支出 as a whole: hardship aid (困难职工帮扶费) and 送温暖 (送温暖费)
    spend from it, counted with what was spent on 维权支出 itself, and past it are refused
    naming 维权支出."""
    spend(budgeted(plan, "welfare", 1000), "other", 600)  # a visit's costs: on 维权支出
    approved_now(plan, chair)
    staff = RoleFactory(organization=plan.organization, role="staff").user
    assert _welfare(plan.organization, staff, "400") == []
    assert _welfare(plan.organization, staff, "400", kind="festival", campaign="warmth") == []
    with pytest.raises(OverBudget, match=r"科目“维权支出”预算1,000\.00元，已支出600\.00元"):
        _welfare(plan.organization, staff, "401")
    [logged] = _welfare(plan.organization, chair, "401", campaign="warmth", reason="寒潮")
    assert (logged.line, logged.budget, logged.spent) == ("维权支出", D("1000"), D("600"))


def test_a_sub_line_with_a_budget_of_its_own_is_held_to_that(plan, chair):
    budgeted(plan, "welfare", 1000)
    approved = approved_now(plan, chair)
    assert "维权支出/困难职工帮扶费" not in approved.line_amounts()
    from unionplan.funds.spending import held_to

    amounts = {"维权支出": D("1000"), "维权支出/送温暖费": D("300")}
    assert held_to("维权支出/送温暖费", amounts) == "维权支出/送温暖费"
    assert held_to("维权支出/困难职工帮扶费", amounts) == "维权支出"
    assert (
        held_to("职工活动支出/会员活动", {"职工活动支出/文体活动": D("5")})
        == "职工活动支出/会员活动"
    )
