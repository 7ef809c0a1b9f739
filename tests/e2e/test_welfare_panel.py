"""福利标准提示 in a Chinese browser: on the plan page and in the wizard's preview."""

from decimal import Decimal as D

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, MemberFactory, OrganizationFactory, PlanFactory, RoleFactory
from tests.factories import ScheduleItemFactory as Item

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_plan_page_and_the_wizard_warn_of_gifts_over_the_caps(page, shots):
    org = OrganizationFactory(name="合肥第一中学工会", province="安徽省")
    for _ in range(4):
        MemberFactory(organization=org)
    plan = PlanFactory(organization=org, year=2026, title="2026年合肥第一中学工会工作计划")
    Item(plan=plan, month=3, text="教职工生日慰问（蛋糕券）", scope="全体会员", budget=D(4000))
    Item(plan=plan, month=9, text="中秋节慰问全体会员", scope="全体会员", budget=D(6000))
    Item(plan=plan, month=10, text="国庆节发放慰问品", scope="全体会员", budget=D(4000))
    login(page, RoleFactory(organization=org, role="chair").user.username, PASSWORD)

    page.goto(f"{page.base_url}/plans/{plan.pk}/")
    box = page.inner_text("#welfare-panel")
    assert "福利标准提示" in box and "超过生日慰问每次500.00元的上限" in box
    assert "全年节日慰问人均合计2,500.00元" in box and "待核对" in box
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("#welfare-panel").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"welfare-plan-panel-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{page.base_url}/calendar/wizard/{org.pk}/")
    page.fill("#id_year", "2027")
    page.click("button[value=preview]")
    page.wait_for_selector("#welfare-panel")
    assert "全年节日慰问人均合计" in page.inner_text("#welfare-panel")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"welfare-wizard-panel-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
