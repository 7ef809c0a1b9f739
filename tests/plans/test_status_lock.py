"""A submitted, approved or archived plan is read-only: the edit URLs refuse in Chinese."""

import pytest
from django.urls import reverse

from tests.factories import ScheduleItemFactory, SectionFactory
from tests.plans.conftest import HTMX
from unionplan.plans.models import Plan, ScheduleItem


@pytest.fixture
def chair_client(client, chair):
    client.force_login(chair)
    return client


def edit_urls(plan, item, section):
    return [
        reverse("plans:header_edit", args=[plan.pk]),
        reverse("plans:items_add", args=[plan.pk]),
        reverse("plans:items_edit", args=[plan.pk, item.pk]),
        reverse("plans:items_delete", args=[plan.pk, item.pk]),
        reverse("plans:items_move", args=[plan.pk, item.pk, "up"]),
        reverse("plans:sections_edit", args=[plan.pk, section.pk]),
    ]


@pytest.mark.parametrize("status", ["submitted", "approved", "archived"])
def test_edit_urls_refuse_a_locked_plan(chair_client, plan, status):
    item, section = ScheduleItemFactory(plan=plan), SectionFactory(plan=plan)
    Plan.objects.filter(pk=plan.pk).update(status=status)
    for url in edit_urls(plan, item, section):
        response = chair_client.post(url, {"text": "改", "month": "4", "version": "1"})
        assert response.status_code == 403, url
        assert "不能直接修改" in response.content.decode()
        response = chair_client.get(url)
        assert response.status_code == 403, url
    assert ScheduleItem.objects.get(pk=item.pk).text == item.text
    assert Plan.objects.get(pk=plan.pk).title == plan.title


def test_htmx_edit_of_a_locked_plan_redirects_with_the_message(chair_client, plan):
    item = ScheduleItemFactory(plan=plan)
    Plan.objects.filter(pk=plan.pk).update(status="submitted")
    url = reverse("plans:items_delete", args=[plan.pk, item.pk])
    response = chair_client.post(url, **HTMX)
    assert response.status_code == 403
    assert response["HX-Redirect"] == reverse("plans:detail", args=[plan.pk])
    assert ScheduleItem.objects.filter(pk=item.pk).exists()
    page = chair_client.get(response["HX-Redirect"]).content.decode()
    assert "不能直接修改" in page


def test_locked_plan_page_has_no_edit_buttons(chair_client, plan):
    ScheduleItemFactory(plan=plan)
    page = chair_client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert reverse("plans:header_edit", args=[plan.pk]) in page
    Plan.objects.filter(pk=plan.pk).update(status="approved")
    page = chair_client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert reverse("plans:header_edit", args=[plan.pk]) not in page
    assert reverse("plans:items_add", args=[plan.pk]) not in page


def test_a_returned_plan_is_edited_again(chair_client, plan):
    Plan.objects.filter(pk=plan.pk).update(status="returned")
    response = chair_client.get(reverse("plans:items_add", args=[plan.pk]))
    assert response.status_code == 200
