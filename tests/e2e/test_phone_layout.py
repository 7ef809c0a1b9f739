"""Every main page fits a phone: at 390 px nothing makes the whole page scroll sideways.

Wide tables scroll inside their own box, charts take the width they are given, and the
header and forms wrap. The data is the demo's (long activity texts, many members, records
with expenses), as a new user first sees the system.
"""

import pytest

from tests.e2e.conftest import LOCALES, login
from unionplan.demo import build
from unionplan.members.models import Member
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, Target
from unionplan.records.models import ActivityRecord

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def main_pages() -> list[tuple[str, str]]:
    """(user, path) of every main page of the school union and its federation."""
    build.build()
    school = Organization.objects.get(name__contains="实验小学")
    federation = Organization.objects.get(parent__isnull=True)
    plan = Plan.objects.filter(organization=school).order_by("-year").first()
    record = ActivityRecord.objects.filter(item__plan__organization=school).first()
    item, ran = record.item, record.item.plan
    member = Member.objects.filter(organization=school).first()
    target = Target.objects.filter(plan__organization=school).first()
    school_pages = [
        "/", f"/orgs/{school.pk}/", f"/plans/{plan.pk}/", f"/plans/new/{school.pk}/",
        f"/calendar/plan/{plan.pk}/month/", f"/calendar/plan/{plan.pk}/year/",
        f"/calendar/wizard/{school.pk}/", f"/calendar/subscription/{school.pk}/",
        f"/members/org/{school.pk}/", f"/members/{member.pk}/edit/",
        f"/members/org/{school.pk}/add/", f"/members/org/{school.pk}/import/",
        f"/members/item/{item.pk}/participants/", f"/records/plan/{ran.pk}/",
        f"/records/item/{item.pk}/", f"/records/{record.pk}/edit/",
        f"/records/item/{item.pk}/new/", f"/records/target/{target.pk}/",
        f"/imports/{school.pk}/", f"/dashboard/org/{school.pk}/", "/no/such/page/",
    ]  # fmt: skip
    return [(build.SCHOOL_USER, path) for path in school_pages] + [
        (build.DEMO_USER, f"/dashboard/org/{federation.pk}/"),
        (build.DEMO_USER, f"/orgs/{federation.pk}/"),
    ]


def test_every_main_page_fits_390_px(browser, live_server):
    pages = main_pages()
    too_wide = []
    for user in dict.fromkeys(user for user, _ in pages):
        context = browser.new_context(viewport=PHONE, **LOCALES["zh"])
        page = context.new_page()
        page.base_url = live_server.url
        login(page, user, build.DEMO_PASSWORD)
        for _user, path in (p for p in pages if p[0] == user):
            page.goto(live_server.url + path)
            page.wait_for_load_state("load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide.append((path, width))
        context.close()
    assert not too_wide, too_wide


def test_a_wide_table_scrolls_in_its_own_box_and_its_edit_links_are_reachable(browser, live_server):
    build.build()
    school = Organization.objects.get(name__contains="实验小学")
    context = browser.new_context(viewport=PHONE, **LOCALES["zh"])
    page = context.new_page()
    page.base_url = live_server.url
    login(page, build.SCHOOL_USER, build.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/members/org/{school.pk}/")
    box = page.locator(".table-scroll").first
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider: it scrolls
    edit = page.locator("table.members td a[href$='/edit/']").first
    edit.scroll_into_view_if_needed()
    edit.click()
    page.wait_for_selector("h1:has-text('修改会员')")
    context.close()


def test_the_dashboard_charts_take_the_phones_width(browser, live_server):
    build.build()
    federation = Organization.objects.get(parent__isnull=True)
    context = browser.new_context(viewport=PHONE, **LOCALES["zh"])
    page = context.new_page()
    page.base_url = live_server.url
    login(page, build.DEMO_USER, build.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/dashboard/org/{federation.pk}/")
    page.wait_for_selector("#chart-items[data-rendered='1'] canvas")
    width = page.locator("#chart-items canvas").first.evaluate(
        "c => c.getBoundingClientRect().width"
    )
    assert 250 < width <= PHONE["width"] - 20
    context.close()
