"""Every plan URL answers 404 to a stranger, and nothing changes for a viewer."""

import pytest
from django.urls import reverse

from tests.factories import ScheduleItemFactory, SectionFactory, TargetFactory
from tests.plans.conftest import HTMX
from unionplan.plans import urls
from unionplan.plans.models import Plan, ScheduleItem, Section, Target

pytestmark = pytest.mark.django_db


def url_args(name: str, plan, rows: dict) -> list:
    """The arguments of URL ``name`` for ``plan`` and one row of each kind."""
    if name == "create":
        return [plan.organization_id]
    if name == "block":
        return [plan.pk, "schedule"]
    if name == "export":
        return [plan.pk, "docx"]
    if name in {"detail", "header_edit"} or name.endswith("_add"):
        return [plan.pk]
    kind, action = name.rsplit("_", 1)
    args = [plan.pk, rows[kind].pk]
    return [*args, "up"] if action == "move" else args


ALL_NAMES = sorted(pattern.name for pattern in urls.urlpatterns)
CHANGING = [n for n in ALL_NAMES if n not in {"detail", "block", "export"}]


@pytest.fixture
def rows(plan):
    return {
        "sections": SectionFactory(plan=plan),
        "targets": TargetFactory(plan=plan),
        "items": ScheduleItemFactory(plan=plan),
    }


def snapshot(plan) -> tuple:
    return (
        list(Plan.objects.values_list("title", "version").order_by("id")),
        list(Section.objects.values_list("title", "order", "version").order_by("id")),
        list(Target.objects.values_list("text", "order", "version").order_by("id")),
        list(ScheduleItem.objects.values_list("text", "order", "version").order_by("id")),
    )


def test_every_url_is_covered():
    assert len(ALL_NAMES) == 5 + 4 * 3  # the participant counts are served by members
    assert {"detail", "create", "export", "block", "header_edit", "items_move"} <= set(ALL_NAMES)


@pytest.mark.parametrize("name", ALL_NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_organizations_url_is_404(stranger_client, plan, rows, name, method):
    before = snapshot(plan)
    path = reverse(f"plans:{name}", args=url_args(name, plan, rows))
    response = getattr(stranger_client, method)(path, {"title": "改掉", "text": "改掉"}, **HTMX)
    assert response.status_code == 404
    assert snapshot(plan) == before


@pytest.mark.parametrize("name", ALL_NAMES)
def test_a_plan_that_does_not_exist_is_404(chair_client, plan, rows, name):
    args = url_args(name, plan, rows)
    args[0] = 999_999
    assert chair_client.get(reverse(f"plans:{name}", args=args)).status_code == 404


@pytest.mark.parametrize("name", ALL_NAMES)
def test_anonymous_is_sent_to_log_in(client, plan, rows, name):
    path = reverse(f"plans:{name}", args=url_args(name, plan, rows))
    response = client.get(path)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", CHANGING)
def test_viewer_cannot_change_anything(viewer_client, plan, rows, name):
    before = snapshot(plan)
    path = reverse(f"plans:{name}", args=url_args(name, plan, rows))
    data = {"title": "改掉", "text": "改掉", "month": "1", "year": 2027, "version": 1}
    assert viewer_client.post(path, data, **HTMX).status_code == 404
    assert viewer_client.get(path).status_code == 404
    assert snapshot(plan) == before


@pytest.mark.parametrize("name", ["detail", "block", "export"])
def test_viewer_reads(viewer_client, plan, rows, name):
    path = reverse(f"plans:{name}", args=url_args(name, plan, rows))
    assert viewer_client.get(path).status_code == 200


def test_federation_chair_edits_a_union_below(client, make_user, plan):
    from tests.factories import FederationFactory

    federation = FederationFactory()
    plan.organization.parent = federation
    plan.organization.save()
    client.force_login(make_user(federation, "chair"))
    response = client.post(reverse("plans:sections_add", args=[plan.pk]), {"title": "组织建设"})
    assert response.status_code == 302
    assert Section.objects.filter(plan=plan, title="组织建设").exists()
