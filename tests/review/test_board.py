"""The federation's board: each union's plan state, days since submission, targets and
spend, computed in a constant number of queries; the page, its filter and who may see it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    FederationFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    TargetFactory,
)
from tests.records.factories import ExpenseLineFactory, TargetMeasureFactory, held
from unionplan.review import services
from unionplan.review.board import board
from unionplan.review.models import PlanStep

JULY = dt.date(2027, 7, 15)


def submitted(plan, chair, on: dt.date) -> None:
    """Submit ``plan`` through the workflow, as if it had happened on ``on``."""
    step = services.submit(plan, chair)
    at = timezone.make_aware(dt.datetime.combine(on, dt.time(10)))
    PlanStep.objects.filter(pk=step.pk).update(at=at)


def plan_with_money(union, status="draft", *, budget="1000.00", spent="250.00"):
    plan = PlanFactory(organization=union, status=status)
    item = ScheduleItemFactory(plan=plan, month=3, budget=Decimal(budget), category="training")
    ExpenseLineFactory(record=held(item)[0], amount=Decimal(spent))
    return plan


@pytest.fixture
def federation(tree, school_plan):
    """The district of ``tree`` with, below it: the school (submitted on 1 July, targets met,
    on track and behind), a returned union, an approved one, an archived one, and one with no
    plan; the district's own plan and a union outside are not on its board."""
    district = tree.district
    submitted(school_plan, tree.school_chair, dt.date(2027, 7, 1))
    done = ScheduleItemFactory(plan=school_plan, month=2, category="training", budget=None)
    held(done)
    met = TargetFactory(plan=school_plan, value=Decimal(1))
    TargetMeasureFactory(target=met, category="training")
    on_track = TargetFactory(plan=school_plan, value=Decimal(10), comparator="<=")
    TargetMeasureFactory(target=on_track)  # a cap not reached yet
    behind = TargetFactory(plan=school_plan, value=Decimal(20))
    TargetMeasureFactory(target=behind)
    ExpenseLineFactory(record=held(school_plan.items.get(month=3))[0], amount=Decimal("120.50"))
    returned = OrganizationFactory(name="退回工会", parent=district)
    plan_with_money(returned, "returned")
    approved = OrganizationFactory(name="通过工会", parent=district)
    plan_with_money(approved, "draft")  # an older draft: the approved plan is shown
    plan_with_money(approved, "approved", budget="400.00", spent="500.00")
    archived = OrganizationFactory(name="归档工会", parent=district)
    plan_with_money(archived, "archived")
    OrganizationFactory(name="未制定工会", parent=district)
    PlanFactory(organization=district)  # the federation's own plan: not a row
    PlanFactory(organization=OrganizationFactory(name="外部工会"))
    return district


def rows_by_name(data):
    return {row.name: row for row in data.rows}


def test_each_union_shows_its_state_days_targets_and_spend(tree, federation):
    data = board(federation, 2027, JULY)
    rows = rows_by_name(data)
    assert set(rows) == {"实验小学工会", "退回工会", "通过工会", "归档工会", "未制定工会"}
    assert {name: row.state for name, row in rows.items()} == {
        "实验小学工会": "submitted",
        "退回工会": "returned",
        "通过工会": "approved",
        "归档工会": "archived",
        "未制定工会": "none",
    }
    school = rows["实验小学工会"]
    assert (school.submitted_on, school.days) == (dt.date(2027, 7, 1), 14)
    assert school.targets["met"] == 1 and school.targets["on_track"] == 1
    assert school.behind == 1 and school.targets_total == 3
    assert school.budget == Decimal("1000.00") and school.spent == Decimal("120.50")
    assert school.spend_percent == 12 and not school.over_budget
    approved = rows["通过工会"]
    assert (approved.budget, approved.spent, approved.over_budget) == (400, 500, True)
    assert approved.days is None  # approved without a submission on record (imported)
    assert rows["退回工会"].days is None and rows["未制定工会"].plan_id is None
    assert data.counts == {
        "none": 1, "draft": 0, "submitted": 1, "returned": 1, "approved": 1, "archived": 1
    }  # fmt: skip
    assert data.budget == Decimal("3400.00") and data.spent == Decimal("1120.50")
    assert [row.name for row in data.in_state("returned")] == ["退回工会"]


def test_a_returned_then_resubmitted_plan_counts_days_from_its_last_submission(tree, school_plan):
    submitted(school_plan, tree.school_chair, dt.date(2027, 3, 1))
    services.review(school_plan, tree.district_chair, approve=False, comment="请补充")
    assert board(tree.district, 2027, JULY).rows[0].days is None
    submitted(school_plan, tree.school_chair, dt.date(2027, 7, 10))
    row = board(tree.district, 2027, JULY).rows[0]
    assert (row.state, row.days) == ("submitted", 5)


def test_a_city_board_lists_the_whole_subtree_with_depth(tree, federation):
    rows = board(tree.city, 2027, JULY).rows
    assert [(row.name, row.depth) for row in rows][:2] == [("区总工会", 1), ("实验小学工会", 2)]
    assert rows[0].state == "draft"  # the district's own plan, seen from the city


def test_the_page_counts_every_state_and_filters_one(client, tree, federation):
    client.force_login(tree.district_staff)
    url = reverse("review:board", args=[federation.pk, 2027])
    text = client.get(url).content.decode()
    assert "审批看板" in text and "未制定工会" in text and "归档工会" in text
    assert reverse("plans:detail", args=[federation.plans.get().pk]) not in text
    school_plan = tree.school.plans.get()
    assert reverse("plans:detail", args=[school_plan.pk]) in text
    filtered = client.get(url, {"state": "returned"}).content.decode()
    assert "退回工会" in filtered and "未制定工会" not in filtered
    assert 'href="?state=none"' in filtered  # the counts stay whole
    wrong = client.get(url, {"state": "bogus"}).content.decode()
    assert "没有“bogus”这种计划状态" in wrong and "未制定工会" in wrong


def test_a_child_unions_chair_is_refused_in_chinese(client, tree, federation):
    client.force_login(tree.school_chair)
    response = client.get(reverse("review:board", args=[federation.pk, 2027]))
    assert response.status_code == 403
    assert "只有本工会联合会（总工会）的主席或工作人员可以查看审批看板" in response.content.decode()


def test_committee_of_the_federation_is_refused_and_strangers_get_404(client, tree, federation):
    committee = RoleFactory(organization=federation, role="committee").user
    client.force_login(committee)
    assert client.get(reverse("review:board", args=[federation.pk, 2027])).status_code == 403
    client.force_login(RoleFactory(organization=OrganizationFactory(), role="chair").user)
    assert client.get(reverse("review:board", args=[federation.pk, 2027])).status_code == 404
    client.force_login(tree.district_chair)
    assert client.get(reverse("review:board", args=[tree.school.pk, 2027])).status_code == 404
    assert client.get(reverse("review:board", args=[federation.pk, 3000])).status_code == 404


def test_the_city_chair_sees_the_district_board_and_links_appear(client, tree, federation):
    client.force_login(tree.city_chair)
    assert client.get(reverse("review:board", args=[federation.pk, 2027])).status_code == 200
    this_year = timezone.localdate().year
    board_url = reverse("review:board", args=[federation.pk, this_year])
    assert board_url in client.get(reverse("orgs:detail", args=[federation.pk])).content.decode()
    dashboard = client.get(reverse("dashboard:org", args=[federation.pk]), {"year": 2027})
    assert reverse("review:board", args=[federation.pk, 2027]) in dashboard.content.decode()
    client.force_login(tree.school_chair)
    detail = client.get(reverse("orgs:detail", args=[tree.school.pk])).content.decode()
    assert "/review/board/" not in detail


def unions_with_plans(federation, count: int) -> None:
    chair = RoleFactory(organization=federation, role="chair").user
    for _ in range(count):
        union = OrganizationFactory(parent=federation)
        plan = plan_with_money(union)
        TargetMeasureFactory(target=TargetFactory(plan=plan, value=Decimal(1)))
        RoleFactory(organization=union, role="chair")
        services.submit(plan, chair)


def page_queries(client, federation) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("review:board", args=[federation.pk, 2027]))
    assert response.status_code == 200
    return len(captured)


def test_queries_stay_the_same_for_3_and_12_unions(client, db):
    small, large = FederationFactory(), FederationFactory()
    unions_with_plans(small, 3)
    unions_with_plans(large, 12)
    with CaptureQueriesContext(connection) as few:
        assert len(board(small, 2027, JULY).rows) == 3
    with CaptureQueriesContext(connection) as many:
        assert len(board(large, 2027, JULY).rows) == 12
    assert len(few) == len(many) == 6
    client.force_login(RoleFactory(organization=small, role="staff").user)
    small_page = page_queries(client, small)
    client.force_login(RoleFactory(organization=large, role="staff").user)
    assert page_queries(client, large) == small_page


def test_a_district_split_target_counts_once_by_its_shares(tree):
    """The district split 不少于10次 6 + 4 among its unions, who reached their shares: on the
    city's board the district's row has that one target met, each union its share."""
    from tests.records.factories import TargetValueFactory

    target = TargetFactory(plan=PlanFactory(organization=tree.district), value=Decimal(10))
    TargetValueFactory(target=target, value=Decimal(0), date=dt.date(2027, 1, 5))
    second = OrganizationFactory(name="第二小学工会", parent=tree.district)
    for union, value in ((tree.school, 6), (second, 4)):
        share = TargetFactory(
            plan=PlanFactory(organization=union), value=Decimal(value), handed_down_from=target
        )
        TargetValueFactory(target=share, value=Decimal(value), date=dt.date(2027, 6, 1))
    rows = {row.org_id: row for row in board(tree.city, 2027, JULY).rows}
    assert rows[tree.district.pk].targets_total == 1
    assert rows[tree.district.pk].targets["met"] == 1
    assert rows[tree.school.pk].targets["met"] == 1 and rows[second.pk].targets["met"] == 1
