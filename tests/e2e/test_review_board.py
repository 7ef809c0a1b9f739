"""The federation's board and statistics in a Chinese browser: counts, the state filter, the
deadline form, one click to a plan, the statistics' download; no sideways scroll on a phone."""

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
from unionplan.review import services
from unionplan.review.models import SubmissionDeadline

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_chair_filters_the_board_sets_a_deadline_and_opens_a_plan(page, shots):
    year = dt.date.today().year
    federation = FederationFactory(name="蜀山区总工会")
    chair = RoleFactory(organization=federation, role="chair").user
    school = OrganizationFactory(parent=federation, name="蜀山区实验小学工会", employees=60)
    plan = PlanFactory(organization=school, year=year, title="实验小学工会工作计划")
    ScheduleItemFactory(plan=plan, month=3)
    services.submit(plan, RoleFactory(organization=school, role="chair").user)
    OrganizationFactory(parent=federation, name="蜀山区人民医院工会")
    login(page, chair.username, PASSWORD)

    page.goto(f"{page.base_url}/orgs/{federation.pk}/")
    page.click("text=审批看板")
    page.wait_for_url(f"{page.base_url}/review/board/{federation.pk}/{year}/")
    assert "审批看板" in page.inner_text("h1")
    # Read the counts by element, not from the laid-out text: a page whose stylesheet is
    # still loading on a busy machine has the same counts in one line.
    counts = {
        link.locator(".muted").inner_text(): link.locator(".big").inner_text()
        for link in page.locator("nav.board-states a.board-state").all()
    }
    assert (counts["全部"], counts["已提交"], counts["未制定"], counts["已通过"]) == (
        "2",
        "1",
        "1",
        "0",
    )
    page.click("a.board-state.submitted")
    table = page.inner_text("table.board tbody")
    assert "蜀山区实验小学工会" in table and "蜀山区人民医院工会" not in table
    page.fill("#id_due_date", f"{year}-12-31")
    page.click("text=保存截止日期")
    page.wait_for_selector(f"text={year}年度计划的报送截止日期为{year}-12-31")
    assert SubmissionDeadline.objects.get().due_date == dt.date(year, 12, 31)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"review-board-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.set_viewport_size({"width": 1366, "height": 900})
    page.click("text=蜀山区实验小学工会")
    page.wait_for_url(f"{page.base_url}/plans/{plan.pk}/")

    page.goto(f"{page.base_url}/review/statistics/{federation.pk}/{year}/")
    assert page.inner_text("#stat-organizations") == "2"
    with page.expect_download() as download:
        page.click("text=下载Excel统计表")
    assert download.value.suggested_filename == f"蜀山区总工会{year}年度工会工作统计表.xlsx"
    page.set_viewport_size({"width": 390, "height": 900})
    page.screenshot(path=str(shots / "review-statistics-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
