"""Every members URL of an organization outside the user's reach answers 404, never 403."""

import pytest
from django.urls import reverse

from tests.factories import MemberFactory, OrganizationFactory, PlanFactory, ScheduleItemFactory
from unionplan.members.models import ExportLog

pytestmark = pytest.mark.django_db

ORG_URLS = [
    ("get", "members:list"),
    ("post", "members:list"),
    ("post", "members:export"),
    ("get", "members:import"),
    ("post", "members:import"),
    ("post", "members:import_confirm"),
]
ITEM_URLS = [("get", "members:participants"), ("post", "members:participants_xlsx")]


@pytest.fixture
def other_org():
    org = OrganizationFactory(name="别人的工会")
    MemberFactory(organization=org)
    return org


@pytest.mark.parametrize(("method", "name"), ORG_URLS)
def test_org_urls_of_another_union_are_404(client, chair, other_org, method, name):
    client.force_login(chair)
    response = getattr(client, method)(reverse(name, args=[other_org.pk]), {"token": "x" * 32})
    assert response.status_code == 404


@pytest.mark.parametrize(("method", "name"), ITEM_URLS)
def test_item_urls_of_another_union_are_404(client, chair, other_org, method, name):
    item = ScheduleItemFactory(plan=PlanFactory(organization=other_org))
    client.force_login(chair)
    assert getattr(client, method)(reverse(name, args=[item.pk])).status_code == 404
    assert not ExportLog.objects.exists()


@pytest.mark.parametrize(("method", "name"), ITEM_URLS)
def test_missing_item_is_404(chair_client, method, name):
    assert getattr(chair_client, method)(reverse(name, args=[987654])).status_code == 404


@pytest.mark.parametrize(("method", "name"), ORG_URLS + ITEM_URLS)
def test_anonymous_is_sent_to_login(client, org, method, name):
    pk = ScheduleItemFactory(plan=PlanFactory(organization=org)).pk if "partic" in name else org.pk
    response = getattr(client, method)(reverse(name, args=[pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_union_below_is_reachable_from_the_federation(client, make_user):
    federation = OrganizationFactory(kind="federation")
    school = OrganizationFactory(parent=federation)
    client.force_login(make_user(federation, "viewer"))
    assert client.get(reverse("members:list", args=[school.pk])).status_code == 200
