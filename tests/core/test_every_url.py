"""Every URL of the project, with real ids, never answers 500 and leaks nothing.

The URLs come from the resolver, so a page added later is walked too. Each is asked, with
fresh data, by a user of another union, by an anonymous visitor, and by the owning union's
chair with both GET and POST (one of them is the wrong method for almost every view): an
empty or unexpected request must give a page or a refusal, never a server error. Pages
that only show something must answer POST with 405; pages about this union's objects answer
404 to the other union's user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import (
    CalendarFeedFactory,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    SectionFactory,
    TargetFactory,
)
from tests.records.factories import ActivityRecordFactory
from unionplan.jobs.models import Job
from unionplan.records.models import Attachment

# Pages that only show something (or send a file): POST is the wrong method for them.
READ_ONLY = {
    "home", "favicon", "orgs:detail", "plans:detail", "plans:block", "members:plan_participant_counts",
    "plans:export", "agenda:plan_grid", "agenda:plan_year", "agenda:feed_ics",
    "members:participants", "records:item", "records:attachment", "records:plan",
    "records:ledger", "dashboard:org", "review:bell", "review:board", "review:statistics",
    "review:statistics_xlsx", "audit:log",
    "api:organizations", "api:organization", "api:plans", "api:plan", "api:plan-history",
    "api:board", "api:schema", "api:docs",
}  # fmt: skip
PUBLIC = {"agenda:feed_ics"}  # reached by its secret token, not by a login
SKIPPED_NAMESPACES = {"admin"}  # Django's own admin, tested by Django


def url_names() -> list[tuple[str, list[str]]]:
    """(name, its keyword arguments) of every named URL outside Django's admin."""
    found: list[tuple[str, list[str]]] = []

    def walk(patterns, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if inner not in SKIPPED_NAMESPACES:
                    walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                fixed = set(pattern.default_args)
                found.append((name, [k for k in pattern.pattern.converters if k not in fixed]))

    walk(get_resolver().url_patterns, None)
    return found


@dataclass
class World:
    """One union with a bit of everything, and the ids each URL argument takes."""

    org: object
    plan: object
    section: object
    target: object
    item: object
    record: object
    attachment: object
    member: object
    feed: object
    owner: object  # the union's chair
    job: object  # a finished background job of the chair's

    def kwargs(self, name: str, arguments: list[str]) -> dict:
        return {argument: self.value(name, argument) for argument in arguments}

    def value(self, name: str, argument: str):
        special = {
            "name": "schedule", "fmt": "docx", "direction": "up", "token": self.feed.token,
        }  # fmt: skip
        if argument in special:
            return special[argument]
        if argument == "org_pk":
            return self.org.pk
        if argument == "item_pk":
            return self.item.pk
        if argument == "job_pk":
            return self.job.pk
        if argument == "row_pk":
            kind = name.split(":")[1].split("_")[0]
            return {"sections": self.section, "targets": self.target, "items": self.item}[kind].pk
        return self.object_for(name).pk

    def object_for(self, name: str):
        """The object a ``pk`` names: told by the URL name, the org for unknown ones."""
        app, view = name.split(":") if ":" in name else ("", name)
        plan_views = ("plan", "ledger", "summary")
        if (
            app in ("plans", "review")
            or view.startswith("plan")
            or (app == "records" and view in plan_views)
        ):
            return self.plan
        if app == "records" and view in ("edit", "delete"):
            return self.record
        if app == "records" and view == "attachment":
            return self.attachment
        if app == "records" and view == "target":
            return self.target
        if app in ("records", "members") and view in ("item", "participants", "participants_xlsx"):
            return self.item
        if app == "members" and view in ("edit", "remove"):
            return self.member
        if app == "jobs":
            return self.job
        return self.org


def make_world() -> World:
    org = OrganizationFactory(name="实验小学工会")
    plan = PlanFactory(organization=org, year=2027)
    item = ScheduleItemFactory(plan=plan, month=3, scope="女职工", date=dt.date(2027, 3, 8))
    record = ActivityRecordFactory(item=item)
    attachment = Attachment(record=record, original_name="签到.jpg", kind="image",
                            content_type="image/jpeg", size=4)  # fmt: skip
    attachment.file.save("签到.jpg", ContentFile(b"\xff\xd8\xff\xe0"), save=True)
    owner = RoleFactory(organization=org, role="chair").user
    job = Job.objects.create(task_path="unionplan.records.tasks.year_summary", title="总结",
                             organization=org, user=owner, status=Job.DONE, result=b"PK",
                             result_name="总结.docx")  # fmt: skip
    return World(
        org=org, plan=plan, section=SectionFactory(plan=plan), target=TargetFactory(plan=plan),
        item=item, record=record, attachment=attachment,
        member=MemberFactory(organization=org), feed=CalendarFeedFactory(organization=org),
        owner=owner, job=job,
    )  # fmt: skip


ALL_URLS = url_names()


def test_the_walk_finds_the_pages_of_every_app():
    names = {name for name, _ in ALL_URLS}
    for expected in ("home", "plans:detail", "members:edit", "records:edit", "imports:upload"):
        assert expected in names
    # a renamed URL must not silently drop out of the stricter checks
    assert not READ_ONLY - names and not PUBLIC - names, (READ_ONLY | PUBLIC) - names


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "arguments"), ALL_URLS, ids=[n for n, _ in ALL_URLS])
def test_no_url_answers_500(name, arguments):
    world = make_world()
    url = reverse(name, kwargs=world.kwargs(name, arguments))
    outsider = RoleFactory(organization=OrganizationFactory(name="别的工会"), role="chair").user
    owner = world.owner
    answers = []
    for who, user in (("another union", outsider), ("anonymous", None), ("owner", owner)):
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            answers.append((who, method, response.status_code))
    broken = [answer for answer in answers if answer[2] >= 500]
    assert not broken, f"{url}: {broken}"
    if name in READ_ONLY:
        assert ("owner", "post", 405) in answers, f"{url}: {answers}"
    if arguments and name not in PUBLIC:  # this union's objects: nothing for an outsider
        outside = [status for who, _method, status in answers if who == "another union"]
        assert set(outside) <= {404, 405}, f"{url}: {answers}"
