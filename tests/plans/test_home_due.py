"""The home page's "what is due in the next 14 days and who owns it"."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganizationFactory, PlanFactory, RoleFactory, dated_item

pytestmark = pytest.mark.django_db


def today() -> dt.date:
    return timezone.localdate()


def test_coming_up_lists_items_with_owner_and_union(chair_client, org):
    plan = PlanFactory(organization=org, year=today().year)
    dated_item(plan, today() + dt.timedelta(days=3), text="近期的活动", owner="张老师")
    response = chair_client.get(reverse("home"))
    due = response.context["due"]
    assert [item.text for item in due] == ["近期的活动"]
    section = response.text[response.text.index('id="due"') :]
    assert "近期的活动" in section and "张老师" in section and org.name in section
    assert reverse("plans:detail", args=[plan.pk]) in section


def test_window_status_and_archive_are_respected(chair_client, org):
    plan = PlanFactory(organization=org)
    dated_item(plan, today() + dt.timedelta(days=13), text="第14天")
    dated_item(plan, today() + dt.timedelta(days=14), text="第15天")
    dated_item(plan, today() - dt.timedelta(days=1), text="昨天的")
    dated_item(plan, today(), text="已完成", status="done")
    span = dated_item(plan, today() - dt.timedelta(days=5), text="正在进行、近日结束")
    span.end_date = today() + dt.timedelta(days=2)
    span.save()
    archived = PlanFactory(organization=org, status="archived")
    dated_item(archived, today(), text="归档计划的活动")
    texts = [item.text for item in chair_client.get(reverse("home")).context["due"]]
    assert texts == ["正在进行、近日结束", "第14天"]


def test_other_organizations_items_are_not_shown(chair_client):
    dated_item(PlanFactory(organization=OrganizationFactory()), today(), text="别人的活动")
    assert "别人的活动" not in chair_client.get(reverse("home")).text


def test_federation_sees_unions_below(client):
    federation = OrganizationFactory(kind="federation")
    child = OrganizationFactory(parent=federation, name="下级工会")
    user = RoleFactory(organization=federation).user
    dated_item(PlanFactory(organization=child), today(), text="下级的活动")
    client.force_login(user)
    assert "下级的活动" in client.get(reverse("home")).text


def test_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    user = RoleFactory().user
    for _ in range(10):
        org = OrganizationFactory()
        RoleFactory(user=user, organization=org)
        plan = PlanFactory(organization=org)
        for n in range(5):
            dated_item(plan, today() + dt.timedelta(days=n))
    client.force_login(user)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("home"))
    assert len(response.context["due"]) == 50
