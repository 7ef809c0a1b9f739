"""The audit log: added by ``record``, read by the federation above, changed by nobody."""

from django.contrib.admin.sites import site
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import FederationFactory, OrganizationFactory, RoleFactory, UserFactory
from unionplan.audit.models import AuditEntry, record


def test_federation_reads_its_unions_log_strangers_do_not(client, db):
    district = FederationFactory()
    school = OrganizationFactory(parent=district)
    other = OrganizationFactory()
    staff = RoleFactory(organization=district, role="staff").user
    record(school, staff, "plan.submit", "2027年度 计划", {"comment": "请审批"})
    record(other, None, "plan.submit", "别人的计划")
    client.force_login(staff)
    text = client.get(reverse("audit:log", args=[district.pk])).content.decode()
    assert "2027年度 计划" in text and "请审批" in text and "别人的计划" not in text
    assert client.get(reverse("audit:log", args=[other.pk])).status_code == 404
    assert client.post(reverse("audit:log", args=[district.pk])).status_code == 405


def test_log_page_queries_do_not_grow(client, db):
    district = FederationFactory()
    school = OrganizationFactory(parent=district)
    user = RoleFactory(organization=district, role="chair").user
    client.force_login(user)
    url = reverse("audit:log", args=[district.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    record(school, user, "plan.submit", "计划")
    few = count()
    for n in range(30):
        record(school, UserFactory(), "plan.return", f"计划{n}")
    assert count() == few


def test_nobody_edits_the_log_in_the_admin(db):
    admin = site._registry[AuditEntry]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
