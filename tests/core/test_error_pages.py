"""Error pages are ours: Chinese, in the site layout, with a way home (never Django's)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PlanFactory


def assert_our_page(response, status: int, words: str) -> None:
    assert response.status_code == status
    page = response.content.decode()
    assert '<header class="site">' in page  # the site layout
    assert words in page
    assert f'href="{reverse("home")}"' in page and "返回首页" in page
    assert "Not Found" not in page and "Server Error" not in page and "Forbidden" not in page


@pytest.mark.django_db
def test_an_unknown_address_answers_our_404_page(client):
    assert_our_page(client.get("/no/such/page/"), 404, "页面不存在")


def test_another_unions_plan_answers_the_same_404_page(client, stranger, org):
    client.force_login(stranger)
    plan = PlanFactory(organization=org)
    assert_our_page(client.get(reverse("plans:detail", args=[plan.pk])), 404, "页面不存在")


def test_a_server_error_answers_our_500_page(chair, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("unionplan.plans.home.coming_up", broken)
    client = Client(raise_request_exception=False)
    client.force_login(chair)
    assert_our_page(client.get(reverse("home")), 500, "系统出错了")


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_answers_our_expired_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "a", "password": "b"})
    assert_our_page(response, 403, "页面已过期")


def test_a_post_to_a_read_only_page_answers_our_405_page(chair_client, org):
    plan = PlanFactory(organization=org)
    response = chair_client.post(reverse("plans:detail", args=[plan.pk]))
    assert_our_page(response, 405, "不支持的操作")
    assert response["Allow"] == "GET"


def test_a_get_of_a_post_only_action_answers_our_405_page(chair_client, org):
    assert_our_page(chair_client.get(reverse("members:export", args=[org.pk])), 405, "不支持")
