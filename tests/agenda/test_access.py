"""Every agenda page of another organization answers 404, never 403 or the page."""

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign():
    org = OrganizationFactory(name="别处的工会")
    return org, PlanFactory(organization=org)


def urls(org, plan) -> list[str]:
    return [
        reverse("agenda:wizard", args=[org.pk]),
        reverse("agenda:feed", args=[org.pk]),
        reverse("agenda:plan_grid", args=[plan.pk]),
        reverse("agenda:plan_year", args=[plan.pk]),
    ]


@pytest.mark.parametrize("index", range(4))
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_organizations_pages_are_404(chair_client, foreign, index, method):
    url = urls(*foreign)[index]
    response = getattr(chair_client, method)(url, {"year": "2027", "action": "create"})
    assert response.status_code in {404, 405}
    if method == "get":
        assert response.status_code == 404


@pytest.mark.parametrize("index", range(4))
def test_own_pages_open(chair_client, org, index):
    plan = PlanFactory(organization=org)
    assert chair_client.get(urls(org, plan)[index]).status_code == 200


@pytest.mark.parametrize("index", range(4))
def test_missing_objects_are_404(chair_client, index):
    missing = OrganizationFactory.build(pk=999999)
    plan = PlanFactory.build(pk=999999)
    assert chair_client.get(urls(missing, plan)[index]).status_code == 404
