"""会籍 on the member form: the states and their dates, 会费, the fund base, secondment; the
history kept across a transfer (一次入会、动态接转) and the audit entries of both unions."""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from tests.factories import FederationFactory, MemberFactory, OrganizationFactory, RoleFactory
from tests.formhtml import as_post, posted_values
from unionplan.audit.models import AuditEntry
from unionplan.members.models import Member, MembershipChange

pytestmark = pytest.mark.django_db


def edit_url(member) -> str:
    return reverse("members:edit", args=[member.pk])


def form_of(client, member) -> dict:
    html = client.get(edit_url(member)).text
    return as_post(posted_values(html, "form.member-form"))


def stored(member) -> tuple:
    member.refresh_from_db()
    fields = ("standing", "standing_since", "dues_paid_through", "in_fund_base", "secondment")
    return (*(getattr(member, name) for name in fields), member.updated_at)


def test_the_form_shows_the_standing_and_saving_it_unchanged_changes_nothing(chair_client, org):
    member = MemberFactory(
        organization=org, status="retired", standing="retained",
        standing_since=dt.date(2024, 7, 1), dues_paid_through=dt.date(2026, 6, 1),
        in_fund_base=False, secondment="elsewhere",
    )  # fmt: skip
    html = chair_client.get(edit_url(member)).text
    for label in ["会籍", "会籍变动日期", "会费缴至", "工资列入经费计提基数", "借调/派遣"]:
        assert label in html
    data = form_of(chair_client, member)
    assert (data["standing"], data["dues_paid_through"], data["in_fund_base"]) == (
        "retained", "2026-06", "no"
    )  # fmt: skip
    before = stored(member)
    response = chair_client.post(edit_url(member), data, follow=True)
    assert "没有改动" in response.text
    assert stored(member) == before
    assert not LogEntry.objects.exists() and not AuditEntry.objects.exists()
    assert not MembershipChange.objects.exists()


def test_a_change_of_standing_is_kept_with_its_date_and_audited(chair_client, org):
    member = MemberFactory(organization=org)
    data = form_of(chair_client, member) | {"standing": "withdrawn", "standing_since": ""}
    assert chair_client.post(edit_url(member), data).status_code == 302
    member.refresh_from_db()
    assert (member.standing, member.standing_since) == ("withdrawn", timezone.localdate())
    change = MembershipChange.objects.get()
    assert (change.member, change.organization, change.standing) == (member, org, "withdrawn")
    entry = AuditEntry.objects.get(action="member.standing")
    assert entry.organization == org and "会籍：正常→退会" in entry.object_description
    assert "退会" in chair_client.get(edit_url(member)).text  # the history on the page


@pytest.mark.parametrize(
    ("typed", "month"),
    [("2025-12", dt.date(2025, 12, 1)), ("2025年6月", dt.date(2025, 6, 1)),
     ("2025-06-15", dt.date(2025, 6, 1)), ("", None)],
)  # fmt: skip
def test_dues_are_paid_through_a_month(chair_client, org, typed, month):
    member = MemberFactory(organization=org)
    data = form_of(chair_client, member) | {"dues_paid_through": typed, "in_fund_base": "yes"}
    chair_client.post(edit_url(member), data)
    member.refresh_from_db()
    assert member.dues_paid_through == month and member.in_fund_base is True


def test_a_month_that_is_not_one_is_a_chinese_error(chair_client, org):
    member = MemberFactory(organization=org)
    before = stored(member)
    data = form_of(chair_client, member) | {"dues_paid_through": "去年底"}
    response = chair_client.post(edit_url(member), data)
    assert response.status_code == 400 and "无法识别的日期" in response.text
    assert stored(member) == before


def test_a_member_marked_transferred_out_is_taken_over_by_the_union_adding_them(client):
    federation = FederationFactory()
    school, hospital = (OrganizationFactory(parent=federation) for _ in range(2))
    member = MemberFactory(organization=school, name="李老师", joined_at=dt.date(2001, 9, 1))
    member.standing, member.standing_since = "transferred_out", dt.date(2026, 8, 31)
    member.save()
    client.force_login(RoleFactory(organization=hospital, role="chair").user)
    data = form_of_new(client, hospital) | {
        "name": "李老师", "id_number": member.id_number, "joined_at": "2001-09-01",
        "standing_since": "2026-09-01",
    }  # fmt: skip
    response = client.post(reverse("members:add", args=[hospital.pk]), data, follow=True)
    assert "已接转会员“李老师”" in response.text
    assert Member.objects.count() == 1  # the same member, moved: one membership
    member.refresh_from_db()
    assert (member.organization, member.standing) == (hospital, "normal")
    assert member.joined_at == dt.date(2001, 9, 1)
    change = MembershipChange.objects.get()
    assert (change.from_organization, change.to_organization) == (school, hospital)
    assert change.date == dt.date(2026, 9, 1)
    assert set(AuditEntry.objects.values_list("organization", "action")) == {
        (school.pk, "member.transfer_out"), (hospital.pk, "member.transfer_in")
    }  # fmt: skip
    history = client.get(edit_url(member)).text
    assert f"自{school.name}转入{hospital.name}" in history


def form_of_new(client, org) -> dict:
    html = client.get(reverse("members:add", args=[org.pk])).text
    return as_post(posted_values(html, "form.member-form"))


def test_a_member_in_good_standing_elsewhere_is_still_refused(client):
    federation = FederationFactory()
    school, hospital = (OrganizationFactory(parent=federation) for _ in range(2))
    member = MemberFactory(organization=school)
    client.force_login(RoleFactory(organization=hospital, role="chair").user)
    data = form_of_new(client, hospital) | {"name": "王某", "id_number": member.id_number}
    response = client.post(reverse("members:add", args=[hospital.pk]), data)
    assert response.status_code == 400 and "另一个工会" in response.text
    member.refresh_from_db()
    assert member.organization == school and not AuditEntry.objects.exists()


def test_a_federation_cadre_transfers_a_member_between_its_unions(client):
    federation = FederationFactory()
    school, hospital = (OrganizationFactory(parent=federation) for _ in range(2))
    member = MemberFactory(organization=school)
    client.force_login(RoleFactory(organization=federation, role="chair").user)
    html = client.get(edit_url(member)).text
    assert "办理接转" in html and hospital.name in html
    url = reverse("members:transfer", args=[member.pk])
    response = client.post(url, {"to": hospital.pk, "date": "2026-10-08"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.organization == hospital and member.org_key.endswith(f"{hospital.pk:08d}")
    assert MembershipChange.objects.get().date == dt.date(2026, 10, 8)
    assert AuditEntry.objects.filter(organization=school, action="member.transfer_out").exists()
    assert AuditEntry.objects.filter(organization=hospital, action="member.transfer_in").exists()


def test_a_union_cannot_transfer_into_a_union_it_does_not_manage(chair_client, org):
    other = OrganizationFactory()
    member = MemberFactory(organization=org)
    assert "办理接转" not in chair_client.get(edit_url(member)).text
    url = reverse("members:transfer", args=[member.pk])
    response = chair_client.post(url, {"to": other.pk}, follow=True)
    assert "请选择您可以管理的转入工会" in response.text
    member.refresh_from_db()
    assert member.organization == org and not MembershipChange.objects.exists()
