"""The review rules on their own: who may submit, who may review, and the bad inputs."""

import datetime as dt

from unionplan.review.rules import (
    Actor,
    PlanFacts,
    RoleHeld,
    check_comment,
    check_meeting_date,
    check_version,
    may_review,
    may_submit,
)

CITY = "00000001/"
DISTRICT = "00000001/00000002/"
SCHOOL = "00000001/00000002/00000003/"
OTHER = "00000001/00000004/00000005/"


def actor(*roles, user_id=1):
    return Actor(user_id, tuple(RoleHeld(path, role) for path, role in roles))


def school_plan(status="draft", items=3, submitted_by=None):
    return PlanFacts(SCHOOL, False, status, items, submitted_by)


def test_the_unions_chair_submits():
    assert may_submit(actor((SCHOOL, "chair")), school_plan()) is None
    assert may_submit(actor((SCHOOL, "chair")), school_plan("returned")) is None


def test_a_chair_above_reaches_the_union():
    assert may_submit(actor((DISTRICT, "chair")), school_plan()) is None


def test_committee_staff_viewer_and_strangers_do_not_submit():
    for role in ("committee", "staff", "viewer"):
        assert "工会主席" in may_submit(actor((SCHOOL, role)), school_plan())
    assert "工会主席" in may_submit(actor((OTHER, "chair")), school_plan())
    assert "工会主席" in may_submit(actor(), school_plan())


def test_no_submission_of_an_empty_or_already_submitted_plan():
    chair = actor((SCHOOL, "chair"))
    assert "没有任何活动" in may_submit(chair, school_plan(items=0))
    assert "已提交" in may_submit(chair, school_plan("submitted"))
    assert "已通过" in may_submit(chair, school_plan("approved"))


def test_chair_or_staff_above_reviews():
    plan = school_plan("submitted", submitted_by=9)
    assert may_review(actor((DISTRICT, "chair")), plan) is None
    assert may_review(actor((CITY, "staff")), plan) is None
    assert "上级工会" in may_review(actor((DISTRICT, "committee")), plan)
    assert "上级工会" in may_review(actor((DISTRICT, "viewer")), plan)
    assert "上级工会" in may_review(actor((OTHER, "chair")), plan)


def test_nobody_reviews_their_own_unions_plan():
    plan = school_plan("submitted", submitted_by=9)
    assert "本工会" in may_review(actor((SCHOOL, "chair")), plan)
    # a federation chair who is also on the union's committee is still reviewing their own
    assert "本工会" in may_review(actor((DISTRICT, "chair"), (SCHOOL, "viewer")), plan)


def test_nobody_reviews_what_they_submitted():
    plan = school_plan("submitted", submitted_by=1)
    assert "自己提交" in may_review(actor((DISTRICT, "chair"), user_id=1), plan)


def test_only_a_submitted_plan_is_reviewed():
    for status in ("draft", "returned", "approved"):
        assert "不在待审批" in may_review(actor((DISTRICT, "chair")), school_plan(status))


def test_top_level_plan_is_decided_by_its_own_committee():
    plan = PlanFacts(CITY, True, "submitted", 3, submitted_by=1)
    assert may_review(actor((CITY, "chair"), user_id=1), plan) is None
    assert may_review(actor((CITY, "staff"), user_id=2), plan) is None
    assert "顶级工会" in may_review(actor((CITY, "committee")), plan)
    assert "顶级工会" in may_review(actor((DISTRICT, "chair")), plan)
    today = dt.date(2027, 1, 10)
    assert "会议日期" in check_meeting_date(plan, True, None, today)
    assert "晚于今天" in check_meeting_date(plan, True, dt.date(2027, 1, 11), today)
    assert check_meeting_date(plan, True, dt.date(2027, 1, 9), today) is None
    assert check_meeting_date(plan, False, None, today) is None  # returning needs no meeting
    assert check_meeting_date(school_plan("submitted"), True, None, today) is None


def test_returning_needs_a_comment():
    assert "必须填写意见" in check_comment("  ", required=True)
    assert check_comment("请补充经费预算", required=True) is None
    assert check_comment("", required=False) is None
    assert "不能超过" in check_comment("字" * 2001, required=False)


def test_approval_applies_to_the_submitted_version():
    assert check_version(3, 3, False) is None
    assert "已被修改" in check_version(3, 4, False)
    assert "已被修改" in check_version(3, 3, True)


def test_only_the_union_s_chair_adjusts_an_approved_plan():
    from unionplan.review.rules import check_reason, may_adjust

    approved = PlanFacts(organization_path="00000001/00000002/", top_level=False, status="approved")
    chair = Actor(1, (RoleHeld("00000001/00000002/", "chair"),))
    above = Actor(2, (RoleHeld("00000001/", "chair"),))
    committee = Actor(3, (RoleHeld("00000001/00000002/", "committee"),))
    assert may_adjust(chair, approved) is None
    assert may_adjust(above, approved) is None  # a chair's role reaches the subtree
    assert "工会主席" in may_adjust(committee, approved)
    for status in ("draft", "submitted", "returned", "archived"):
        draft = PlanFacts(approved.organization_path, False, status)
        assert "只有已通过的计划" in may_adjust(chair, draft)
    assert check_reason("经费调整") is None
    assert "必须填写" in check_reason(" ")
