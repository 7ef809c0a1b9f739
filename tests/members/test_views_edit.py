"""One member at a time on the members page: add, change, retire, remove, with the import's
checks, masking for those who may not see full numbers, and a log entry for each change."""

import datetime as dt
import json

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.urls import reverse

from tests.factories import MemberFactory, OrganizationFactory, RoleFactory, tag_member
from unionplan.idcard import generate_id_number
from unionplan.members.models import Member

BORN = dt.date(1962, 5, 17)
NUMBER = generate_id_number(BORN, "female", sequence=42)


def form_data(**changes) -> dict:
    data = {
        "name": "王秀英",
        "id_number": NUMBER,
        "gender": "",
        "birth_date": "",
        "phone": "139 1234 5678",
        "department": "后勤处",
        "post": "职员",
        "status": "active",
        "joined_at": "2001-09-01",
        "tags": "劳模、困难职工",
        "note": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def committee_client(client, org):
    """A committee member: may change the registry, sees masked numbers only."""
    client.force_login(RoleFactory(organization=org, role="committee").user)
    return client


def test_adding_a_member_fills_birth_and_gender_from_the_id_and_logs_it(chair_client, org):
    response = chair_client.post(reverse("members:add", args=[org.pk]), form_data())
    assert response.status_code == 302
    member = Member.objects.get()
    assert (member.organization, member.name, member.id_number) == (org, "王秀英", NUMBER)
    assert (member.birth_date, member.gender, member.phone) == (BORN, "female", "13912345678")
    assert sorted(t.name for t in member.tags.all()) == ["劳模", "困难职工"]
    entry = LogEntry.objects.get()
    assert (entry.action_flag, entry.object_id, entry.user_id) == (
        ADDITION, str(member.pk), response.wsgi_request.user.pk
    )  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id_number": NUMBER[:-1] + ("0" if NUMBER[-1] != "0" else "1")}, "校验位错误"),
        ({"id_number": "12345"}, "应为18位"),
        ({"id_number": ""}, "请填写身份证号"),
        ({"birth_date": "1963-05-17"}, "与身份证号不符"),
        ({"gender": "male"}, "性别与身份证号不符"),
        ({"phone": "12345"}, "格式不对"),
        ({"name": "备注：以上名单"}, "不像姓名"),
    ],
)
def test_the_imports_checks_refuse_bad_input_and_store_nothing(chair_client, org, changes, message):
    response = chair_client.post(reverse("members:add", args=[org.pk]), form_data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Member.objects.exists() and not LogEntry.objects.exists()


def test_an_id_number_registered_in_the_same_tree_is_refused(chair_client, org):
    MemberFactory(organization=org, id_number=NUMBER, name="王秀英")
    response = chair_client.post(reverse("members:add", args=[org.pk]), form_data(name="王秀"))
    assert response.status_code == 400
    assert "已登记为本工会会员“王秀英”" in response.content.decode()
    assert Member.objects.count() == 1


def test_retiring_a_member_changes_only_the_status_and_logs_the_field(chair_client, org):
    member = MemberFactory(organization=org, id_number=NUMBER, birth_date=BORN)
    tag_member(member, "劳模")
    page = chair_client.get(reverse("members:edit", args=[member.pk])).content.decode()
    assert NUMBER in page  # the chair sees the full number
    data = form_data(
        name=member.name, phone=member.phone, department=member.department, post=member.post,
        joined_at="", tags="劳模", status="retired",
    )  # fmt: skip
    response = chair_client.post(reverse("members:edit", args=[member.pk]), data, follow=True)
    member.refresh_from_db()
    assert member.status == "retired"
    assert "状态" in response.content.decode()
    entry = LogEntry.objects.get()
    assert entry.action_flag == CHANGE
    assert json.loads(entry.change_message) == [{"changed": {"fields": ["状态"]}}]
    assert NUMBER not in entry.change_message + entry.object_repr


def test_a_committee_member_sees_masked_numbers_and_an_empty_field_keeps_them(
    committee_client, org
):
    member = MemberFactory(organization=org, id_number=NUMBER, birth_date=BORN)
    page = committee_client.get(reverse("members:edit", args=[member.pk])).content.decode()
    assert NUMBER not in page and member.phone not in page
    assert member.masked_id_number in page
    data = form_data(
        name=member.name, id_number="", phone="", department="工会办", post=member.post,
        joined_at="", tags="",
    )  # fmt: skip
    assert committee_client.post(reverse("members:edit", args=[member.pk]), data).status_code == 302
    member.refresh_from_db()
    assert (member.id_number, member.phone, member.department) == (NUMBER, "13812345678", "工会办")


def test_saving_unchanged_writes_nothing_and_logs_nothing(chair_client, org):
    member = MemberFactory(organization=org, id_number=NUMBER, birth_date=BORN)
    before = Member.objects.filter(pk=member.pk).values().get()
    data = form_data(
        name=member.name, phone=member.phone, department=member.department, post=member.post,
        joined_at="", tags="",
    )  # fmt: skip
    response = chair_client.post(reverse("members:edit", args=[member.pk]), data, follow=True)
    assert "没有改动" in response.content.decode()
    assert Member.objects.filter(pk=member.pk).values().get() == before
    assert not LogEntry.objects.exists()


def test_removing_a_member_deletes_it_and_logs_who_did(chair_client, org):
    member = MemberFactory(organization=org)
    response = chair_client.post(reverse("members:remove", args=[member.pk]))
    assert response.status_code == 302
    assert not Member.objects.exists()
    entry = LogEntry.objects.get()
    assert (entry.action_flag, entry.object_repr) == (DELETION, member.name)


def test_a_retiree_typed_as_a_department_gets_the_status_hint(chair_client, org):
    response = chair_client.post(
        reverse("members:add", args=[org.pk]), form_data(department="退休"), follow=True
    )
    assert "状态仍为“在职”" in response.content.decode()


@pytest.mark.parametrize("name", ["members:edit", "members:remove"])
def test_a_viewer_and_a_stranger_cannot_change_members(client, org, viewer, stranger, name):
    member = MemberFactory(organization=org)
    for user in (viewer, stranger):
        client.force_login(user)
        assert client.post(reverse(name, args=[member.pk]), form_data()).status_code == 404
    assert Member.objects.filter(pk=member.pk, name=member.name).exists()


def test_a_stranger_cannot_add_to_another_union(client, org, stranger):
    client.force_login(stranger)
    assert client.post(reverse("members:add", args=[org.pk]), form_data()).status_code == 404
    assert not Member.objects.exists()


def test_the_list_offers_add_and_edit_only_to_editors(chair_client, client, org, viewer):
    member = MemberFactory(organization=org)
    page = chair_client.get(reverse("members:list", args=[org.pk])).content.decode()
    assert reverse("members:add", args=[org.pk]) in page
    assert reverse("members:edit", args=[member.pk]) in page
    client.force_login(viewer)
    page = client.get(reverse("members:list", args=[org.pk])).content.decode()
    assert reverse("members:edit", args=[member.pk]) not in page


def test_a_member_of_a_union_below_is_reached_from_the_federation(client, org):
    child = OrganizationFactory(parent=org, name="下属工会")
    member = MemberFactory(organization=child)
    client.force_login(RoleFactory(organization=org, role="chair").user)
    assert client.get(reverse("members:edit", args=[member.pk])).status_code == 200


def test_the_hire_date_typed_on_the_form_is_what_new_hire_scopes_count(chair_client, org):
    chair_client.post(reverse("members:add", args=[org.pk]), form_data(hired_on="2026-03-01"))
    member = Member.objects.get()
    assert (member.hired_on, member.new_hire_date) == (dt.date(2026, 3, 1), dt.date(2026, 3, 1))
    edit = reverse("members:edit", args=[member.pk])
    assert 'value="2026-03-01"' in chair_client.get(edit).text
    chair_client.post(edit, form_data(hired_on=""))
    member.refresh_from_db()
    assert (member.hired_on, member.new_hire_date) == (None, dt.date(2001, 9, 1))
