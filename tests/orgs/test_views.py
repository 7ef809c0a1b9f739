import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganizationFactory, PlanFactory

pytestmark = pytest.mark.django_db


def test_org_page_lists_plans_and_children(chair_client, org):
    PlanFactory(organization=org, title="2027年工会工作计划")
    OrganizationFactory(parent=org, name="语文组分工会")
    response = chair_client.get(reverse("orgs:detail", args=[org.pk]))
    assert response.status_code == 200
    assert "2027年工会工作计划" in response.text
    assert "语文组分工会" in response.text


def test_org_page_links_the_welfare_register_and_this_years_accounts(chair_client, org):
    html = chair_client.get(reverse("orgs:detail", args=[org.pk])).text
    year = timezone.localdate().year
    for url in (
        reverse("welfare:register", args=[org.pk]),
        reverse("funds:accounts", args=[org.pk, year]),
    ):
        assert url in html
        assert chair_client.get(url).status_code == 200


def test_org_page_of_another_union_is_404(client, stranger, org):
    client.force_login(stranger)
    assert client.get(reverse("orgs:detail", args=[org.pk])).status_code == 404


def test_org_page_needs_login(client, org):
    response = client.get(reverse("orgs:detail", args=[org.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_org_page_query_count_does_not_grow_with_children(
    chair_client, org, django_assert_max_num_queries
):
    for _ in range(60):
        OrganizationFactory(parent=org)
    with django_assert_max_num_queries(10):
        chair_client.get(reverse("orgs:detail", args=[org.pk]))
