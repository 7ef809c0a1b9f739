import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.dashboard.test_figures import union_year
from tests.factories import FederationFactory, RoleFactory


def test_the_dashboard_draws_with_vendored_echarts(chair_client, org):
    response = chair_client.get(reverse("dashboard:org", args=[org.pk]) + "?year=2027")
    page = response.content.decode()
    assert response.status_code == 200
    assert "vendor/echarts-5.6.0.min.js" in page and "cdn" not in page.lower()
    data = json.loads(
        page.split('id="dashboard-data" type="application/json">')[1].split("</script>")[0]
    )
    assert data["months"][0] == "1月" and len(data["done"]) == 12


def test_a_federation_page_lists_its_unions_and_their_figures(client, db):
    federation = FederationFactory(name="市总工会")
    union_year(federation)
    client.force_login(RoleFactory(organization=federation, role="viewer").user)
    page = client.get(reverse("dashboard:org", args=[federation.pk]) + "?year=2027")
    text = page.content.decode()
    assert "下级工会" in text and "所辖基层工会" in text
    assert (
        json.loads(text.split('type="application/json">')[1].split("</script>")[0])["done"][2] == 1
    )


def test_another_organizations_dashboard_answers_404(client, stranger, org):
    client.force_login(stranger)
    assert client.get(reverse("dashboard:org", args=[org.pk])).status_code == 404


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_federation_page_takes_the_same_queries_for_2_or_12_unions(client, db):
    federation = FederationFactory()
    client.force_login(RoleFactory(organization=federation).user)
    url = reverse("dashboard:org", args=[federation.pk]) + "?year=2027"
    for _ in range(2):
        union_year(federation)
    few = count(client, url)
    for _ in range(10):
        union_year(federation)
    assert count(client, url) == few
