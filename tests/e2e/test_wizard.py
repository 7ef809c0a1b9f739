"""The draft-plan wizard in a real browser: preview, create, land on the plan with its items.

Screenshots of the preview, the month grid and the home page are written to /tmp so they
can be looked at before the issue ends.
"""

import datetime as dt

import pytest
from django.utils import timezone

from tests.e2e.conftest import login
from tests.factories import PASSWORD, OrganizationFactory, RoleFactory
from unionplan.plans.models import Plan, ScheduleItem

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = {
    "preview": "/tmp/unionplan-wizard-preview.png",
    "grid": "/tmp/unionplan-month-grid.png",
    "home": "/tmp/unionplan-home.png",
    "year": "/tmp/unionplan-year-list.png",
    "feed": "/tmp/unionplan-feed.png",
}


@pytest.fixture
def chair_login(page):
    org = OrganizationFactory(name="实验中学工会", sector="school")
    user = RoleFactory(organization=org, role="chair").user
    login(page, user.username, PASSWORD)
    return org


def test_wizard_preview_create_then_calendar_and_home(page, chair_login):
    org = chair_login
    page.goto(f"{page.base_url}/orgs/{org.pk}/")
    page.click("text=按行业生成计划草稿")
    page.fill("#id_year", "2027")
    page.select_option("#id_sector", "school")
    page.click("button:has-text('预览草稿')")

    page.wait_for_selector("h1:has-text('预览：2027年实验中学工会工作计划')")
    page.wait_for_selector("text=2027年的法定节假日安排尚未发布/载入")
    assert page.locator("#preview-schedule tbody tr").count() >= 30
    assert page.locator("#preview-sections h3").first.inner_text().startswith("一、")
    page.screenshot(path=SHOTS["preview"], full_page=True)
    assert not Plan.objects.exists()  # a preview writes nothing

    page.click("button:has-text('生成计划')")
    page.wait_for_selector("h1:has-text('2027年实验中学工会工作计划')")
    plan = Plan.objects.get()
    assert page.url.endswith(f"/plans/{plan.pk}/")
    assert (
        page.locator("#schedule tbody tr").count() == ScheduleItem.objects.filter(plan=plan).count()
    )
    page.wait_for_selector("#schedule td:has-text('重阳节')")

    page.goto(f"{page.base_url}/calendar/plan/{plan.pk}/month/?month=9")
    page.wait_for_selector("td[data-date='2027-09-10'] .item")
    assert "教师节" in page.locator("td[data-date='2027-09-10']").inner_text()
    assert "中秋节" in page.locator("td[data-date='2027-09-15']").inner_text()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=SHOTS["grid"], full_page=True)
    page.click("a:has-text('全年活动列表')")
    page.wait_for_selector("table.year-list td:has-text('10月5日（周二）')")
    page.screenshot(path=SHOTS["year"], full_page=False)

    page.goto(f"{page.base_url}/orgs/{org.pk}/")
    page.click("text=日历订阅")
    page.click("button:has-text('生成订阅地址')")
    feed_url = page.input_value("#feed-url")
    assert feed_url.startswith(page.base_url + "/calendar/feed/") and feed_url.endswith(".ics")
    page.screenshot(path=SHOTS["feed"], full_page=True)
    assert "BEGIN:VCALENDAR" in page.request.get(feed_url).text()

    # the home page lists what is due soon: put one activity within the next 14 days
    soon = timezone.localdate() + dt.timedelta(days=2)
    item = ScheduleItem.objects.filter(plan=plan).first()
    ScheduleItem.objects.filter(pk=item.pk).update(date=soon, month=soon.month)
    Plan.objects.filter(pk=plan.pk).update(year=soon.year)
    page.goto(page.base_url + "/")
    page.wait_for_selector(f"#due td:has-text('{item.text[:10]}')")
    page.screenshot(path=SHOTS["home"], full_page=True)
