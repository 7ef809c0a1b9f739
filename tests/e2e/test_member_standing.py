"""会籍 in a Chinese browser: the member form's standing fields, its history, the transfer."""

import datetime as dt

import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    FederationFactory,
    MemberFactory,
    OrganizationFactory,
    RoleFactory,
)
from unionplan.members.models import Member

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_cadre_records_the_standing_and_transfers_a_member(page, shots):
    federation = FederationFactory(name="蜀山区总工会")
    school = OrganizationFactory(parent=federation, name="蜀山区实验小学工会")
    OrganizationFactory(parent=federation, name="蜀山区人民医院工会")
    member = MemberFactory(organization=school, name="周老师", joined_at=dt.date(2003, 9, 1))
    login(page, RoleFactory(organization=federation, role="chair").user.username, PASSWORD)

    page.goto(f"{page.base_url}/members/{member.pk}/edit/")
    page.select_option("#id_standing", "retained")
    page.fill("#id_standing_since", "2026-07-01")
    page.fill("#id_dues_paid_through", "2026-06")
    page.select_option("#id_in_fund_base", "no")
    page.click("form.member-form button[type=submit]")
    page.wait_for_selector("text=已保存会员“周老师”的修改")
    assert "会籍保留" in page.inner_text("table")
    page.goto(f"{page.base_url}/members/{member.pk}/edit/")
    assert "保留" in page.inner_text("#standing-history")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"member-standing-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.set_viewport_size({"width": 1366, "height": 900})
    page.select_option("#id_to", label="蜀山区人民医院工会")
    page.click("text=办理接转")
    page.wait_for_selector("text=已将会员“周老师”转至蜀山区人民医院工会")
    assert Member.objects.get().organization.name == "蜀山区人民医院工会"
