"""submit and review: the steps they keep, the audit log, and every refusal changing nothing."""

import datetime as dt

import pytest

from tests.factories import PlanFactory, RoleFactory, ScheduleItemFactory
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.plans.models import Plan
from unionplan.review import services
from unionplan.review.models import PlanStep


def snapshot(plan):
    plan = Plan.objects.get(pk=plan.pk)
    return plan.status, plan.version, PlanStep.objects.count(), AuditEntry.objects.count()


def refused(words, call, plan, *args, **kwargs):
    before = snapshot(plan)
    with pytest.raises(UserInputError, match=words):
        call(plan, *args, **kwargs)
    assert snapshot(plan) == before


def test_submit_return_resubmit_approve(tree, school_plan):
    step = services.submit(school_plan, tree.school_chair, "请审批")
    school_plan.refresh_from_db()
    assert (school_plan.status, school_plan.version, step.version) == ("submitted", 2, 2)
    services.review(school_plan, tree.district_chair, approve=False, comment="请补充经费")
    school_plan.refresh_from_db()
    assert school_plan.status == "returned"
    ScheduleItemFactory(plan=school_plan, month=10, text="重阳节慰问退休教师")
    services.submit(school_plan, tree.school_chair)
    services.review(school_plan, tree.district_staff, approve=True, comment="同意")
    school_plan.refresh_from_db()
    assert (school_plan.status, school_plan.version) == ("approved", 3)
    steps = services.history(school_plan)
    assert [(s["state"], s["version"]) for s in steps] == [
        ("submitted", 2),
        ("returned", 2),
        ("submitted", 3),
        ("approved", 3),
    ]
    assert steps[1]["comment"] == "请补充经费" and steps[1]["user"] == tree.district_chair.username
    entries = AuditEntry.objects.filter(organization=tree.school).order_by("at", "id")
    assert [e.action for e in entries] == [
        "plan.submit",
        "plan.return",
        "plan.submit",
        "plan.approve",
    ]
    assert entries[3].detail["from"] == "submitted" and entries[3].detail["to"] == "approved"
    assert entries[3].user == tree.district_staff


def test_submitting_an_empty_plan_is_refused(tree):
    empty = PlanFactory(organization=tree.school)
    refused("没有任何活动", services.submit, empty, tree.school_chair)


def test_only_the_chair_submits(tree, school_plan):
    refused("工会主席", services.submit, school_plan, tree.school_committee)
    refused("工会主席", services.submit, school_plan, RoleFactory(role="chair").user)


def test_a_submitted_plan_is_not_submitted_twice(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    refused("不能提交", services.submit, school_plan, tree.school_chair)


def test_returning_without_a_comment_is_refused(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    refused("必须填写意见", services.review, school_plan, tree.district_chair, approve=False)
    refused(
        "必须填写意见",
        services.review,
        school_plan,
        tree.district_chair,
        approve=False,
        comment="   ",
    )


def test_nobody_reviews_their_own_union(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    refused("本工会", services.review, school_plan, tree.school_chair, approve=True)
    refused("上级工会", services.review, school_plan, tree.school_committee, approve=True)


def test_approving_a_plan_changed_since_submission_is_refused(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    ScheduleItemFactory(plan=school_plan, month=5, text="提交后才加的活动")
    refused("已被修改", services.review, school_plan, tree.district_chair, approve=True)
    # it can still be returned, so that the union resubmits what it means
    services.review(school_plan, tree.district_chair, approve=False, comment="请重新提交")


def test_approving_a_version_the_reviewer_did_not_see_is_refused(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    refused(
        "已被修改",
        services.review,
        school_plan,
        tree.district_chair,
        approve=True,
        seen_version=1,
    )


def test_two_reviewers_at_once_one_wins(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    stale = Plan.objects.select_related("organization").get(pk=school_plan.pk)
    services.review(school_plan, tree.district_chair, approve=True)
    # the second reviewer's decision was taken on the plan as it was before the first's
    refused("不在待审批", services.review, stale, tree.district_staff, approve=False, comment="x")
    before = snapshot(school_plan)
    with pytest.raises(UserInputError, match="刚被他人处理"):
        services._move(stale, "returned", version=stale.version)
    assert snapshot(school_plan) == before and before[0] == "approved"


def test_top_level_plan_needs_a_meeting_date(tree):
    plan = PlanFactory(organization=tree.city)
    ScheduleItemFactory(plan=plan)
    services.submit(plan, tree.city_chair)
    refused("会议日期", services.review, plan, tree.city_chair, approve=True)
    step = services.review(plan, tree.city_chair, approve=True, meeting_date=dt.date(2026, 12, 1))
    assert step.meeting_date == dt.date(2026, 12, 1)
    assert services.history(plan)[-1]["meeting_date"] == "2026-12-01"


def test_an_approved_plan_is_signed_on_its_approval_date(tree, school_plan):
    from unionplan.plans.convert import plan_to_data

    services.submit(school_plan, tree.school_chair)
    step = services.review(school_plan, tree.district_chair, approve=True)
    PlanStep.objects.filter(pk=step.pk).update(at=dt.datetime(2027, 1, 5, 9, tzinfo=dt.UTC))
    school_plan.refresh_from_db()
    assert plan_to_data(school_plan).signed_on == dt.date(2027, 1, 5)
    city_plan = PlanFactory(organization=tree.city)
    ScheduleItemFactory(plan=city_plan)
    services.submit(city_plan, tree.city_chair)
    services.review(city_plan, tree.city_chair, approve=True, meeting_date=dt.date(2026, 11, 20))
    city_plan.refresh_from_db()
    assert plan_to_data(city_plan).signed_on == dt.date(2026, 11, 20)


def test_notifications_go_to_reviewers_then_back_to_the_union(tree, school_plan):
    from unionplan.review.models import Notification

    services.submit(school_plan, tree.school_chair)
    told = set(Notification.objects.values_list("user", flat=True))
    assert told == {tree.district_chair.pk, tree.district_staff.pk, tree.city_chair.pk}
    Notification.objects.all().delete()
    services.review(school_plan, tree.district_staff, approve=True)
    assert list(Notification.objects.values_list("user", "text")) == [
        (tree.school_chair.pk, "《2027年工会工作计划》已通过")
    ]
