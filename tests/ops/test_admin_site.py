"""The admin is for operators (superusers) only: staff accounts with view rights see nothing
of the registry, operators see masked lists and every opened member is logged."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import MemberFactory, OrganizationFactory, UserFactory
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory
from unionplan.members.models import ExportLog

pytestmark = pytest.mark.django_db

ADMIN_MODELS = [
    "members_member",
    "members_child",
    "members_exportlog",
    "orgs_organization",
    "plans_plan",
    "plans_scheduleitem",
    "records_activityrecord",
    "records_expenseline",
    "records_attachment",
    "records_targetvalue",
    "records_targetmeasure",
]


@pytest.fixture
def member():
    return MemberFactory(organization=OrganizationFactory(name="第一中学工会"), phone="13912345678")


@pytest.fixture
def staff_client(client):
    """A staff account given every view and change permission there is — but no superuser."""
    user = UserFactory(is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__regex=r"^(view|change)_"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_a_staff_user_who_is_not_a_superuser_is_sent_to_the_login(staff_client, member, model):
    response = staff_client.get(reverse(f"admin:{model}_changelist"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_a_staff_user_cannot_read_id_numbers_or_phones_anywhere_in_the_admin(staff_client, member):
    pages = [
        reverse("admin:index"),
        reverse("admin:members_member_changelist"),
        reverse("admin:members_member_change", args=[member.pk]),
        reverse("admin:members_child_changelist"),
    ]
    for url in pages:
        text = staff_client.get(url, follow=True).content.decode()
        assert member.id_number not in text and member.phone not in text
        assert member.masked_id_number not in text and member.name not in text
    assert not ExportLog.objects.exists()


def test_the_login_page_tells_the_staff_user_in_chinese(staff_client):
    text = staff_client.get(reverse("admin:index"), follow=True).content.decode()
    assert "没有" in text and "权限" in text


def test_an_operator_sees_masked_lists_and_each_opened_member_is_logged(admin_client, member):
    listing = admin_client.get(reverse("admin:members_member_changelist")).content.decode()
    assert member.masked_id_number in listing and member.id_number not in listing
    assert member.phone not in listing
    assert not ExportLog.objects.exists()
    form = admin_client.get(reverse("admin:members_member_change", args=[member.pk]))
    assert member.id_number in form.content.decode()
    log = ExportLog.objects.get()
    assert (log.organization, log.rows, log.masked) == (member.organization, 1, False)
    assert member.name in log.what and log.username == "admin"


def test_records_have_admin_pages(admin_client):
    expense = ExpenseLineFactory(payee="文具店")
    record = expense.record
    ActivityRecordFactory()
    listing = admin_client.get(reverse("admin:records_activityrecord_changelist"))
    assert listing.status_code == 200 and str(record.item.text)[:10] in listing.content.decode()
    form = admin_client.get(reverse("admin:records_activityrecord_change", args=[record.pk]))
    assert form.status_code == 200 and "文具店" in form.content.decode()
    for model in ADMIN_MODELS[-4:]:
        assert admin_client.get(reverse(f"admin:{model}_changelist")).status_code == 200
