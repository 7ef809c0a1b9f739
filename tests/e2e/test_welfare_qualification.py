"""Who qualifies, in a Chinese browser: a gift to a member whose wages are not in the fund
base is refused on the register form with the condition and the rule cited."""

import datetime as dt

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, MemberFactory, OrganizationFactory, RoleFactory
from unionplan.welfare.models import WelfareEntry

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_gift_to_a_member_who_does_not_qualify_is_refused(page, shots):
    org = OrganizationFactory(name="合肥第一中学工会", province="安徽省")
    member = MemberFactory(
        organization=org, name="孙老师", dues_paid_through=dt.date(2025, 8, 1),
        in_fund_base=False,
    )  # fmt: skip
    login(page, RoleFactory(organization=org, role="chair").user.username, PASSWORD)
    page.goto(f"{page.base_url}/welfare/org/{org.pk}/give/")
    page.fill("#id_id_number", member.id_number)
    page.select_option("#id_kind", "festival")
    page.fill("#id_date", "2025-09-17")
    page.fill("#id_amount", "800")
    page.click("button[value=check]")
    page.wait_for_selector("#decision")
    text = page.inner_text("#decision")
    assert text.startswith("不符合领取条件") and "工资未列入工会经费计提基数" in text
    assert "皖工发〔2025〕18号" in text
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"welfare-not-qualified-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not WelfareEntry.objects.exists()
