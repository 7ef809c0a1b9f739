"""The budget approved with the plan, its one adjustment a year, and the 决算's adjusted column."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from tests.factories import PlanFactory
from tests.funds.conftest import budgeted
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.funds import budgeting
from unionplan.funds.final import final_accounts
from unionplan.funds.models import BudgetAdjustment, BudgetApproval

D = Decimal
pytestmark = pytest.mark.django_db
CULTURE = "职工活动支出/文体活动"
FESTIVAL = "职工活动支出/会员活动"


def test_approving_the_plan_approves_its_budget_by_line(approved_plan, tree):
    approval = BudgetApproval.objects.get(plan=approved_plan)
    assert approval.line_amounts() == {CULTURE: D("3000.00"), FESTIVAL: D("2000.00")}
    assert approval.approved_by == tree.reviewer and approval.approved_on == dt.date.today()
    assert AuditEntry.objects.filter(action="plan.approve").count() == 1
    assert budgeting.in_force(tree.school, 2027).amounts == approval.line_amounts()


def test_a_returned_plan_has_no_budget_in_force(tree):
    from unionplan.review import services

    plan = PlanFactory(organization=tree.school, year=2027)
    budgeted(plan, "culture", 3000)
    services.submit(plan, tree.chair)
    plan.refresh_from_db()
    services.review(plan, tree.reviewer, approve=False, comment="请补充")
    assert budgeting.in_force(tree.school, 2027) is None


def _propose(tree, amounts=None, reason="新增职工运动会"):
    return budgeting.propose(
        tree.school, 2027, tree.chair, amounts or {CULTURE: "4,500", FESTIVAL: ""}, reason
    )


def test_adjustment_proposed_reviewed_and_compared(approved_plan, tree):
    adjustment = _propose(tree)
    assert adjustment.state == "submitted" and adjustment.changes == {CULTURE: "4500.00"}
    force = budgeting.in_force(tree.school, 2027)
    assert force.adjusted is None  # in force only once approved
    assert force.amounts[CULTURE] == D("3000.00")
    budgeting.review(adjustment, tree.reviewer, approve=True, comment="同意")
    force = budgeting.in_force(tree.school, 2027)
    assert force.amounts == {CULTURE: D("4500.00"), FESTIVAL: D("2000.00")}
    rows = {row.key: row for row in force.comparison()}
    assert (rows[CULTURE].approved, rows[CULTURE].adjusted) == (D("3000.00"), D("4500.00"))
    assert rows[CULTURE].difference == D("1500.00") and not rows[FESTIVAL].changed
    assert (rows["total"].approved, rows["total"].adjusted) == (D("5000.00"), D("6500.00"))
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("id"))
    assert actions[-2:] == ["funds.adjust.submit", "funds.adjust.approve"]


def test_a_second_adjustment_in_the_year_is_refused(approved_plan, tree):
    budgeting.review(_propose(tree), tree.reviewer, approve=True)
    with pytest.raises(UserInputError, match="每年只能调整一次"):
        _propose(tree, {FESTIVAL: "1000"}, reason="再调一次")
    with translation.override("en"), pytest.raises(UserInputError, match="only once a year"):
        _propose(tree, {FESTIVAL: "1000"}, reason="再调一次")
    assert BudgetAdjustment.objects.count() == 1


def test_a_pending_adjustment_blocks_another_and_a_returned_one_does_not(approved_plan, tree):
    first = _propose(tree)
    with pytest.raises(UserInputError, match="每年只能调整一次"):
        _propose(tree, {FESTIVAL: "1000"})
    budgeting.review(first, tree.reviewer, approve=False, comment="理由不充分")
    again = _propose(tree, {FESTIVAL: "1000"}, reason="节日慰问人数增加")
    assert again.state == "submitted" and BudgetAdjustment.objects.count() == 2


@pytest.mark.parametrize(
    ("amounts", "reason", "message"),
    [
        ({CULTURE: "4000"}, "  ", "须写明调整理由"),
        ({CULTURE: "-100"}, "理由", "不能为负数"),
        ({CULTURE: "很多"}, "理由", "应为数字"),
        ({"职工活动支出/不存在": "100"}, "理由", "下没有明细科目"),
        ({"招待费": "100"}, "理由", "会计科目“招待费”不存在"),
        ({CULTURE: "3000"}, "理由", "没有需要调整的科目"),
    ],
)
def test_bad_adjustment_records_nothing(approved_plan, tree, amounts, reason, message):
    before = AuditEntry.objects.count()
    with pytest.raises(UserInputError, match=message):
        _propose(tree, amounts, reason)
    assert not BudgetAdjustment.objects.exists() and AuditEntry.objects.count() == before


def test_only_the_chair_proposes_and_only_the_federation_above_approves(approved_plan, tree):
    with pytest.raises(UserInputError, match="只有本工会的工会主席"):
        budgeting.propose(tree.school, 2027, tree.committee, {CULTURE: "4000"}, "理由")
    adjustment = _propose(tree)
    with pytest.raises(UserInputError, match="不能审批本工会的计划"):
        budgeting.review(adjustment, tree.chair, approve=True)
    with pytest.raises(UserInputError, match="退回计划必须填写意见"):
        budgeting.review(adjustment, tree.reviewer, approve=False)
    adjustment.refresh_from_db()
    assert adjustment.state == "submitted" and adjustment.reviewed_by is None


def test_no_adjustment_before_the_budget_is_approved(tree):
    PlanFactory(organization=tree.school, year=2027)
    with pytest.raises(UserInputError, match="尚未随计划批准"):
        _propose(tree)


def test_final_accounts_show_the_adjusted_budget(approved_plan, tree):
    budgeting.review(_propose(tree), tree.reviewer, approve=True)
    found = final_accounts(tree.district, 2027)
    lines = {line.label: line for line in found.groups[1].lines}
    assert (lines["文体活动"].budget, lines["文体活动"].adjusted) == (D("3000.00"), D("4500.00"))
    assert lines["职工活动支出"].adjusted == D("6500.00")
    assert lines["会员活动"].adjusted == D("2000.00")
    assert "经批准的预算调整" in found.note


def test_top_level_union_adjusts_by_its_committee_meeting(db):
    from tests.factories import OrganizationFactory, RoleFactory
    from unionplan.review import services

    top = OrganizationFactory(name="集团工会")
    chair = RoleFactory(organization=top, role="chair").user
    staff = RoleFactory(organization=top, role="staff").user
    plan = PlanFactory(organization=top, year=2027)
    budgeted(plan, "culture", 1000)
    services.submit(plan, chair)
    plan.refresh_from_db()
    services.review(plan, staff, approve=True, meeting_date=dt.date.today())
    adjustment = budgeting.propose(top, 2027, chair, {CULTURE: "1200"}, "扩大规模")
    with pytest.raises(UserInputError, match="请填写会议日期"):
        budgeting.review(adjustment, staff, approve=True)
    done = budgeting.review(adjustment, staff, approve=True, meeting_date=dt.date.today())
    assert done.state == "approved" and done.meeting_date == dt.date.today()
