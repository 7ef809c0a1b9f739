"""已归档: at year end an approved plan of a past year is filed away by its chair or by the
operator's command; it is read only for good; every archiving is in the audit log."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganizationFactory, PlanFactory, ScheduleItemFactory
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.plans.models import Plan
from unionplan.review import services

LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def old_plan(tree):
    plan = PlanFactory(organization=tree.school, year=LAST_YEAR, status="approved", title="旧计划")
    ScheduleItemFactory(plan=plan, month=5)
    return plan


def status(plan):
    return Plan.objects.get(pk=plan.pk).status


def test_the_chair_archives_an_approved_plan_of_a_past_year(tree, old_plan):
    services.archive(old_plan, tree.school_chair)
    assert status(old_plan) == "archived"
    entry = AuditEntry.objects.get(action="plan.archive")
    assert entry.user == tree.school_chair and entry.organization == tree.school
    assert entry.detail["from"] == "approved" and entry.detail["to"] == "archived"
    with pytest.raises(UserInputError, match="已通过的计划需要调整"):
        services.adjust(old_plan, tree.school_chair, "改")


@pytest.mark.parametrize(
    ("who", "plan_kwargs", "words"),
    [
        ("school_committee", {}, "只有本工会的工会主席"),
        ("school_chair", {"status": "submitted"}, "只有已通过的计划可以归档"),
        ("school_chair", {"year": LAST_YEAR + 1}, "尚未结束"),
    ],
)
def test_what_may_not_be_archived_stays_as_it_is(tree, who, plan_kwargs, words):
    plan = PlanFactory(
        organization=tree.school, **{"year": LAST_YEAR, "status": "approved", **plan_kwargs}
    )
    with pytest.raises(UserInputError, match=words):
        services.archive(plan, getattr(tree, who))
    assert status(plan) == plan.status and not AuditEntry.objects.exists()


def test_an_archived_plan_is_read_only_on_its_pages(client, tree, old_plan):
    client.force_login(tree.school_chair)
    page = client.get(reverse("plans:detail", args=[old_plan.pk])).content.decode()
    assert reverse("review:archive", args=[old_plan.pk]) in page
    client.post(reverse("review:archive", args=[old_plan.pk]))
    assert status(old_plan) == "archived"
    page = client.get(reverse("plans:detail", args=[old_plan.pk])).content.decode()
    assert (
        "计划已归档，只能查看" in page and reverse("review:archive", args=[old_plan.pk]) not in page
    )
    item = old_plan.items.get()
    response = client.post(reverse("plans:items_edit", args=[old_plan.pk, item.pk]), {"text": "改"})
    assert response.status_code == 403 and "计划已归档" in response.content.decode()
    assert old_plan.items.get().text == item.text
    client.post(reverse("review:archive", args=[old_plan.pk]))  # twice: told, nothing changes
    assert AuditEntry.objects.filter(action="plan.archive").count() == 1


def test_the_command_archives_a_year(tree, old_plan):
    draft = PlanFactory(organization=tree.school, year=LAST_YEAR, title="未通过的计划")
    elsewhere = PlanFactory(
        organization=OrganizationFactory(name="别处工会"), year=LAST_YEAR, status="approved"
    )
    call_command("plan_archive", "--year", str(LAST_YEAR), "--org", tree.district.name)
    assert (status(old_plan), status(draft), status(elsewhere)) == ("archived", "draft", "approved")
    call_command("plan_archive", "--year", str(LAST_YEAR))
    assert status(elsewhere) == "archived"
    entries = AuditEntry.objects.filter(action="plan.archive")
    assert entries.count() == 2 and entries.first().user is None


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--year", str(LAST_YEAR + 1)], "尚未结束"),
        (["--year", "abc"], "年份应为"),
        (["--year", str(LAST_YEAR), "--org", "没有这个工会"], "不存在"),
    ],
)
def test_the_command_refuses_bad_input(tree, old_plan, args, words):
    with pytest.raises(CommandError, match=words):
        call_command("plan_archive", *args)
    assert status(old_plan) == "approved"


def test_archiving_is_a_step_of_the_plans_history(client, tree, old_plan):
    """已归档 is kept like the other steps: who, when, the version; the panel shows it."""
    services.archive(old_plan, tree.school_chair)
    (step,) = services.history(old_plan)
    assert step["state"] == "archived" and step["user"] == tree.school_chair.username
    assert step["version"] == old_plan.version and step["at"]
    client.force_login(tree.school_chair)
    page = client.get(reverse("plans:detail", args=[old_plan.pk])).content.decode()
    assert 'class="step-archived"' in page


def test_the_command_lines_archiving_is_a_step_without_a_user(client, tree, old_plan):
    call_command("plan_archive", "--year", str(LAST_YEAR))
    out = io.StringIO()
    call_command("plan_history", str(old_plan.pk), "--json", stdout=out)
    (step,) = json.loads(out.getvalue())
    assert step["state"] == "archived" and step["user"] is None
    client.force_login(tree.school_chair)
    page = client.get(reverse("plans:detail", args=[old_plan.pk])).content.decode()
    assert "命令行（运维人员）" in page
