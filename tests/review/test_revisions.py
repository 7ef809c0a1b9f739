"""调整: opening one on an approved plan, editing in place, the comparison, approval again."""

import pytest

from tests.factories import ScheduleItemFactory, TargetFactory
from tests.records.factories import ActivityRecordFactory
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.plan.compare import ADDED, CHANGED, REMOVED
from unionplan.plans.models import Plan
from unionplan.review import revisions, services
from unionplan.review.models import Notification, PlanRevision


@pytest.fixture
def approved(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    services.review(school_plan, tree.district_chair, approve=True)
    school_plan.refresh_from_db()
    return school_plan


def _state(plan):
    plan = Plan.objects.get(pk=plan.pk)
    return plan.status, plan.version, PlanRevision.objects.count(), AuditEntry.objects.count()


def test_an_adjustment_keeps_the_approved_plan_and_reopens_it(tree, approved):
    version = approved.version
    revision = services.adjust(approved, tree.school_chair, "区总工会新增部署职工心理健康讲座")
    approved.refresh_from_db()
    assert (approved.status, approved.version) == ("draft", version + 1)
    assert (revision.number, revision.base_version, revision.is_open) == (1, version, True)
    assert [row["text"] for row in revision.base["items"]] == ["三八妇女节活动", "教师节慰问"]
    entry = AuditEntry.objects.filter(action="plan.adjust").get()
    assert entry.detail["reason"] == "区总工会新增部署职工心理健康讲座"
    assert entry.user == tree.school_chair
    notes = Notification.objects.filter(link__endswith=f"/plans/{approved.pk}/revisions/1/")
    assert {n.user for n in notes} == {tree.district_chair, tree.district_staff, tree.city_chair}
    assert "申请调整" in notes.first().text


@pytest.mark.parametrize(
    ("who", "reason", "words"),
    [
        ("school_committee", "原因", "只有本工会的工会主席"),
        ("district_staff", "原因", "只有本工会的工会主席"),
        ("school_chair", "  ", "调整原因"),
        ("school_chair", "长" * 2001, "不能超过"),
    ],
)
def test_a_refused_adjustment_changes_nothing(tree, approved, who, reason, words):
    before = _state(approved)
    with pytest.raises(UserInputError, match=words):
        services.adjust(approved, getattr(tree, who), reason)
    assert _state(approved) == before


def test_only_an_approved_plan_is_adjusted(tree, school_plan):
    before = _state(school_plan)
    with pytest.raises(UserInputError, match="只有已通过的计划需要调整"):
        services.adjust(school_plan, tree.school_chair, "原因")
    assert _state(school_plan) == before


def test_the_revised_plan_is_compared_and_closed_by_its_approval(tree, approved):
    kept, dropped = approved.items.order_by("order", "id")
    record = ActivityRecordFactory(item=kept)
    revision = services.adjust(approved, tree.school_chair, "经费调整")
    kept.text, kept.budget = "三八妇女节女职工健步走", "4500.00"
    kept.save()
    dropped.delete()
    ScheduleItemFactory(plan=approved, month=11, text="职工心理健康讲座", budget="2000.00")
    TargetFactory(plan=approved, text="心理健康讲座不少于2场")

    comparison = revisions.comparison(revision)
    kinds = {(c.kind, (c.after or c.before)["text"]) for c in comparison.parts["items"]}
    assert kinds == {(CHANGED, "三八妇女节女职工健步走"), (REMOVED, "教师节慰问"),
                     (ADDED, "职工心理健康讲座")}  # fmt: skip
    assert [c.kind for c in comparison.parts["targets"]] == [ADDED]

    approved.refresh_from_db()
    services.submit(approved, tree.school_chair, "调整后报批")
    services.review(approved, tree.district_chair, approve=True)
    revision.refresh_from_db()
    assert not revision.is_open and revision.approved_step.state == "approved"
    record.refresh_from_db()
    assert record.item_id == kept.pk  # edited in place: the activity's records stay with it
    assert Plan.objects.get(pk=approved.pk).status == "approved"


def test_a_second_adjustment_is_numbered_and_the_first_compares_to_its_start(tree, approved):
    first = services.adjust(approved, tree.school_chair, "第一次")
    ScheduleItemFactory(plan=approved, month=5, text="劳动竞赛")
    approved.refresh_from_db()
    services.submit(approved, tree.school_chair)
    services.review(approved, tree.district_chair, approve=True)
    approved.refresh_from_db()
    second = services.adjust(approved, tree.school_chair, "第二次")
    ScheduleItemFactory(plan=approved, month=6, text="安全生产月")
    assert second.number == 2
    first_changes = revisions.comparison(first).parts["items"]
    assert [(c.kind, c.after["text"]) for c in first_changes if c.kind == ADDED] == [
        (ADDED, "劳动竞赛")
    ]
    second_added = [c.after["text"] for c in revisions.comparison(second).parts["items"]
                    if c.kind == ADDED]  # fmt: skip
    assert second_added == ["安全生产月"]


def test_a_returned_revision_stays_open(tree, approved):
    revision = services.adjust(approved, tree.school_chair, "原因")
    approved.refresh_from_db()
    services.submit(approved, tree.school_chair)
    services.review(approved, tree.district_chair, approve=False, comment="请说明经费来源")
    revision.refresh_from_db()
    assert revision.is_open
    assert revisions.open_revision(approved) == revision
