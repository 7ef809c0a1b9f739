"""目标分解 in a Chinese browser: the federation's chair splits a target of its plan, is told
when typed shares do not add up, saves; the union's chair sees the share as 上级下达."""

import datetime as dt

import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    FederationFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    TargetFactory,
)
from unionplan.plans.models import Target

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_federation_splits_a_target_and_the_union_sees_it(page, shots):
    year = dt.date.today().year
    federation = FederationFactory(name="蜀山区总工会")
    chair = RoleFactory(organization=federation, role="chair").user
    school = OrganizationFactory(parent=federation, name="蜀山区实验小学工会")
    hospital = OrganizationFactory(parent=federation, name="蜀山区人民医院工会")
    school_chair = RoleFactory(organization=school, role="chair").user
    plan = PlanFactory(organization=federation, year=year, title="蜀山区总工会工作计划")
    target = TargetFactory(plan=plan, text="开展职工技能培训", comparator=">=", value=10, unit="次")
    school_plan = PlanFactory(organization=school, year=year, title="实验小学工会工作计划")
    login(page, chair.username, PASSWORD)

    page.goto(f"{page.base_url}/plans/{plan.pk}/")
    page.click("text=分解到下级")
    assert page.inner_text("h1") == "目标分解"
    page.check("input[value=typed]")
    page.fill(f"input[name=share-{school.pk}]", "6")
    page.fill(f"input[name=share-{hospital.pk}]", "3")
    page.click("text=保存分解")
    page.wait_for_selector("text=与目标10次不符")
    assert page.input_value(f"input[name=share-{hospital.pk}]") == "3"
    assert not Target.objects.filter(handed_down_from=target).exists()
    page.fill(f"input[name=share-{hospital.pk}]", "4")
    page.click("text=保存分解")
    page.wait_for_selector("text=2个工会的份额有变化")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"target-cascade-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.context.clear_cookies()
    login(page, school_chair.username, PASSWORD)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{page.base_url}/plans/{school_plan.pk}/")
    row = page.inner_text("#targets")
    assert "开展职工技能培训" in row and "上级下达" in row and "由上级分解" in row
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("#targets").screenshot(path=str(shots / f"handed-down-{width}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
