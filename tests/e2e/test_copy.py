"""Copy last year's plan to the new year in a Chinese browser: preview what moved, confirm."""

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    SectionFactory,
)
from unionplan.plans.models import Plan

pytestmark = pytest.mark.django_db(transaction=True)


def test_copy_previews_the_moved_dates_then_saves_them(page, tmp_path):
    this_year = dt.date.today().year
    org = OrganizationFactory(name="实验小学工会", sector="school")
    old = PlanFactory(organization=org, year=this_year, title=f"{this_year}年学校工会工作计划")
    SectionFactory(plan=old, title="组织建设")
    festival_items = [
        (2, "春节前走访慰问退休老教师"),
        (6, "端午节慰问全体教职工"),
        (9, "中秋节慰问全体教职工"),
    ]
    for month, text in festival_items:
        ScheduleItemFactory(plan=old, month=month, date=dt.date(this_year, month, 10), text=text)
    ScheduleItemFactory(plan=old, month=7, end_month=8, text="暑期疗休养")
    user = RoleFactory(organization=org, role="chair").user
    login(page, user.username, PASSWORD)
    shots = Path(os.environ.get("UNIONPLAN_SCREENSHOTS", tmp_path))

    page.goto(f"{page.base_url}/plans/{old.pk}/")
    page.click("text=复制到新年度")
    assert page.input_value("#id_year") == str(this_year + 1)  # next year, not the one after
    page.click("button:has-text('新建')")
    page.wait_for_selector("table.moved")
    moved = page.inner_text("table.moved")
    assert "端午节慰问全体教职工" in moved and "端午节前" in moved
    assert not Plan.objects.filter(year=this_year + 1).exists()  # a preview saves nothing
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"copy-preview-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.click("button:has-text('确认新建')")
    page.wait_for_url(f"{page.base_url}/plans/**")
    new = Plan.objects.get(organization=org, year=this_year + 1)
    assert new.title == f"{this_year + 1}年学校工会工作计划"
    for _month, text in festival_items:
        item = new.items.get(text=text)
        assert item.date.year == this_year + 1 and item.date.weekday() < 5
    assert new.items.get(text="暑期疗休养").end_month == 8
