import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.factories import MemberFactory
from unionplan.jobs.models import Job
from unionplan.members.models import ExportLog

pytestmark = pytest.mark.django_db


def cells(response) -> set[str]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    return {str(v) for row in book.get_sheet_by_index(0).to_python() for v in row}


@pytest.mark.parametrize(
    ("role", "masked"), [("chair", False), ("committee", True), ("staff", True), ("viewer", True)]
)
def test_export_masks_per_role_and_is_logged(client, make_user, org, role, masked):
    member = MemberFactory(organization=org, phone="13812345678")
    MemberFactory(organization=org)
    user = make_user(org, role)
    client.force_login(user)
    response = client.post(reverse("members:export", args=[org.pk]))
    assert response.status_code == 200
    values = cells(response)
    assert (member.id_number in values) is not masked
    assert (member.masked_id_number in values) is masked
    assert ("138****5678" in values) is masked
    log = ExportLog.objects.get()
    assert (log.user, log.username, log.rows, log.masked) == (user, user.username, 2, masked)
    assert org.name in log.what


def test_export_needs_post(chair_client, org):
    assert chair_client.get(reverse("members:export", args=[org.pk])).status_code == 405
    assert not ExportLog.objects.exists()


def test_export_log_is_read_only_in_admin(admin_client):
    log = ExportLog.objects.create(username="x", what="会员名册", rows=3, masked=True)
    assert admin_client.get(reverse("admin:members_exportlog_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:members_exportlog_add")).status_code == 403
    response = admin_client.post(reverse("admin:members_exportlog_delete", args=[log.pk]))
    assert response.status_code == 403
    assert ExportLog.objects.filter(pk=log.pk).exists()


def test_admin_member_list_masks_numbers(admin_client, org):
    member = MemberFactory(organization=org, phone="13812345678")
    text = admin_client.get(reverse("admin:members_member_changelist")).text
    assert member.masked_id_number in text and member.id_number not in text
    assert "13812345678" not in text


@pytest.mark.parametrize(("role", "masked"), [("chair", False), ("committee", True)])
def test_a_large_registry_is_exported_by_a_job_masked_and_logged(
    client, make_user, org, settings, role, masked
):
    settings.BACKGROUND_ROWS = 1
    member = MemberFactory(organization=org, phone="13812345678")
    MemberFactory(organization=org)
    user = make_user(org, role)
    client.force_login(user)
    response = client.post(reverse("members:export", args=[org.pk]), follow=True)
    job = Job.objects.get()
    assert response.redirect_chain == [(reverse("jobs:detail", args=[job.pk]), 302)]
    assert "会员名册共 2 人。" in response.text
    assert ("已按您的权限隐去" in response.text) is masked
    values = cells(client.get(reverse("jobs:download", args=[job.pk])))
    assert (member.id_number in values) is not masked
    assert ("138****5678" in values) is masked
    log = ExportLog.objects.get()
    assert (log.user, log.rows, log.masked) == (user, 2, masked)
