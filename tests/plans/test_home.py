import pytest
from django.urls import reverse

from tests.factories import PASSWORD, OrganizationFactory, PlanFactory, RoleFactory

pytestmark = pytest.mark.django_db


def test_home_shows_my_unions_and_their_plans(chair_client, org):
    PlanFactory(organization=org, title="2027年工会工作计划")
    response = chair_client.get(reverse("home"))
    assert org.name in response.text
    assert "2027年工会工作计划" in response.text


def test_home_hides_other_unions(chair_client):
    other = OrganizationFactory(name="别人的工会")
    response = chair_client.get(reverse("home"))
    assert other.name not in response.text


def test_login_with_wrong_password_says_so_in_chinese(client, chair):
    response = client.post(reverse("login"), {"username": chair.username, "password": "x"})
    assert "用户名或密码不正确" in response.text


def test_login_then_home(client, org):
    user = RoleFactory(organization=org).user
    response = client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert org.name in response.text


def test_home_query_count_does_not_grow_with_unions(client, db, django_assert_max_num_queries):
    user = RoleFactory().user
    for _ in range(20):
        org = OrganizationFactory()
        RoleFactory(user=user, organization=org)
        PlanFactory(organization=org)
    client.force_login(user)
    with django_assert_max_num_queries(8):
        client.get(reverse("home"))
