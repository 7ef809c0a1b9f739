"""The plan page's participant counts, composed by the members app in a request of its own."""

import pytest
from django.urls import reverse

from tests.factories import PlanFactory, ScheduleItemFactory
from tests.plans.conftest import fill_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, year=2027, title="2027年工会工作计划")


@pytest.mark.parametrize("items", [10, 200])
def test_participant_counts_take_the_same_queries_for_any_number_of_items(
    chair_client, plan, items, django_assert_num_queries
):
    fill_plan(plan, items)
    url = reverse("members:plan_participant_counts", args=[plan.pk])
    chair_client.get(url)  # warm the session
    # session, user, roles, plan, sections, targets, items, union tree, one aggregate over
    # members and one over their children, whatever the number of items and scopes
    with django_assert_num_queries(PARTICIPANT_COUNT_QUERIES):
        response = chair_client.get(url)
    assert response.text.count('hx-swap-oob="true"') == items


PARTICIPANT_COUNT_QUERIES = 10


def test_participant_counts_say_when_a_scope_is_unclear(chair_client, plan):
    from tests.factories import ScheduleItemFactory

    clear = ScheduleItemFactory(plan=plan, scope="全体女职工")
    unclear = ScheduleItemFactory(plan=plan, scope="部分职工")
    response = chair_client.get(reverse("members:plan_participant_counts", args=[plan.pk]))
    assert f'id="participants-{clear.pk}"' in response.text
    assert "0人" in response.text
    assert "？人" in response.text
    assert f'id="participants-{unclear.pk}"' in response.text


def test_participant_counts_of_unions_are_unions(chair_client, plan):
    from tests.factories import OrganizationFactory

    OrganizationFactory(parent=plan.organization)
    OrganizationFactory(parent=plan.organization)
    unions = ScheduleItemFactory(plan=plan, scope="各基层工会")
    response = chair_client.get(reverse("members:plan_participant_counts", args=[plan.pk]))
    assert f'id="participants-{unions.pk}"' in response.text
    assert "2个工会" in response.text and "参加的基层工会名单" in response.text
