"""归档 in a Chinese browser: the chair files last year's approved plan away; the page then
says it is read only and offers no editing; no sideways scroll on a phone."""

import datetime as dt

import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    FederationFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
)
from unionplan.plans.models import Plan

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_chair_archives_last_year_s_plan(page, shots):
    school = OrganizationFactory(parent=FederationFactory(name="蜀山区总工会"), name="实验小学工会")
    chair = RoleFactory(organization=school, role="chair").user
    year = dt.date.today().year - 1
    plan = PlanFactory(organization=school, year=year, status="approved", title="上年度工作计划")
    ScheduleItemFactory(plan=plan, month=3, text="三八妇女节活动")
    login(page, chair.username, PASSWORD)
    page.goto(f"{page.base_url}/plans/{plan.pk}/")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("#workflow").screenshot(path=str(shots / "archive-before-1366.png"))
    page.click("text=归档本年度计划")
    page.wait_for_selector("text=计划已归档，今后只能查看。")
    assert Plan.objects.get(pk=plan.pk).status == "archived"
    assert "计划已归档，只能查看，不能直接修改。" in page.inner_text("#workflow")
    assert page.locator("text=归档本年度计划").count() == 0
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"archived-plan-{width}.png"), full_page=False)
        page.locator("#workflow").screenshot(path=str(shots / f"archived-panel-{width}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
