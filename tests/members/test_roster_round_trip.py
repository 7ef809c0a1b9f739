"""Roster export → roster import gives back every member, field by field: on the demo's
rosters (exported through the members page, as a chair does) and on a generated roster of
600 people from the demo's people generator plus the shapes the registry also holds (no
phone, a note that starts like a formula, tags, children, every status)."""

import datetime as dt
import io

import pytest
from django.db import transaction
from django.urls import reverse

from tests.factories import (
    ChildFactory,
    MemberFactory,
    OrganizationFactory,
    RoleFactory,
    tag_member,
)
from unionplan.demo import build
from unionplan.members import importing
from unionplan.members.models import Member
from unionplan.orgs.models import Organization
from unionplan.roster import RosterReport, read_roster
from unionplan.roster import synthetic as people

TODAY = dt.date(2026, 11, 24)
SCALARS = ["name", "gender", "birth_date", "id_number", "phone", "department", "post"]
SCALARS += ["status", "joined_at", "hired_on", "note"]
SCALARS += ["standing", "standing_since", "dues_paid_through", "in_fund_base", "secondment"]


def snapshot(org: Organization) -> dict[str, tuple]:
    """Every stored field of every member of ``org``, by ID number."""
    members = Member.objects.filter(organization=org).prefetch_related(
        "children", "member_tags__tag"
    )
    return {
        member.id_number: (
            *(getattr(member, name) for name in SCALARS),
            frozenset(link.tag.name for link in member.member_tags.all()),
            frozenset((child.name, child.birth_date) for child in member.children.all()),
        )
        for member in members
    }


def exported(client, org: Organization) -> bytes:
    chair = RoleFactory(organization=org, role="chair").user  # sees full numbers
    client.force_login(chair)
    response = client.post(reverse("members:export", args=[org.pk]))
    assert response.status_code == 200
    return response.content


def assert_round_trip(client, org: Organization) -> None:
    before = snapshot(org)
    content = exported(client, org)
    elsewhere = OrganizationFactory(name=f"{org.name}（导入副本）")
    outcome = importing.import_bytes(elsewhere, content, "会员名册.xlsx")
    assert outcome.error is None and outcome.skipped == 0
    assert (outcome.created, outcome.updated) == (len(before), 0)
    after = snapshot(elsewhere)
    assert after.keys() == before.keys()
    for number, fields in before.items():
        for name, old, new in zip(
            [*SCALARS, "tags", "children"], fields, after[number], strict=True
        ):
            assert old == new, f"{number} {name}: {old!r} -> {new!r}"
    # and back into the union it came from: every row matched, nothing changed
    again = importing.import_bytes(org, content, "会员名册.xlsx")
    assert (again.created, again.updated, again.skipped) == (0, len(before), 0)
    assert snapshot(org) == before


@pytest.fixture(scope="module")
def demo_unions(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        build.build(today=TODAY)
        yield list(Organization.objects.filter(members__isnull=False).distinct().order_by("pk"))
        transaction.set_rollback(True)  # the demo does not leak into other modules' tests


@pytest.mark.django_db
def test_every_demo_roster_comes_back_field_by_field(client, demo_unions):
    assert len(demo_unions) >= 5
    for org in demo_unions:
        assert_round_trip(client, org)


@pytest.mark.django_db
def test_a_generated_roster_comes_back_field_by_field(client):
    org = OrganizationFactory(name="生成名册工会")
    drawer = people.People(20261124, TODAY)
    rows = drawer.roster(people.HOSPITAL, 600)
    columns = {name: name for name in build.ROSTER_COLUMNS}
    report = RosterReport("生成.xlsx", "会员名册", 1, columns, rows=rows)
    importing.apply(org, importing.ImportPreview(report=report, rows=rows))
    odd = MemberFactory(organization=org, phone="", note="=欠缴会费，待核", status="left")
    MemberFactory(
        organization=org,
        post="+驻外",
        department="-",
        joined_at=dt.date(1990, 7, 1),
        hired_on=dt.date(1989, 9, 1),
    )
    # 会籍 and what the fund rules ask of it, in each of their shapes
    MemberFactory(
        organization=org, status="retired", standing="retained",
        standing_since=dt.date(2024, 7, 1), in_fund_base=False,
    )  # fmt: skip
    MemberFactory(
        organization=org, dues_paid_through=dt.date(2026, 12, 1), in_fund_base=True,
        secondment="elsewhere",
    )  # fmt: skip
    MemberFactory(organization=org, standing="transferred_out", secondment="here")
    MemberFactory(organization=org, standing="withdrawn", standing_since=dt.date(2025, 3, 31))
    tag_member(odd, "劳模", "困难职工")
    ChildFactory(member=odd, name="欧阳小明", birth_date=dt.date(2015, 6, 1))
    assert Member.objects.filter(organization=org).count() == 606
    assert {m.status for m in Member.objects.filter(organization=org)} >= {"active", "retired"}
    assert_round_trip(client, org)


@pytest.mark.django_db
def test_the_roster_file_reads_back_as_the_import_reads_it(client):
    """The exported file is a real roster: calamine opens it and the header is found."""
    org = OrganizationFactory()
    MemberFactory.create_batch(3, organization=org)
    report = read_roster(io.BytesIO(exported(client, org)).getvalue(), "名册.xlsx")
    assert report.header_row == 1 and len(report.rows) == 3 and not report.problems
