"""Every page under the Content-Security-Policy, in chromium: nothing is blocked, and the
behaviours that used to be inline (print, select all, confirm, language, progress bars,
charts, htmx) still work."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    TargetFactory,
)
from tests.records.factories import ExpenseLineFactory, TargetMeasureFactory, held

pytestmark = pytest.mark.django_db(transaction=True)

# Collects every CSP violation the page reports, from the first byte on.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.fixture
def union(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    org = OrganizationFactory(name="实验中学工会", sector="school")
    year = dt.date.today().year
    plan = PlanFactory(organization=org, year=year, title=f"{year}年学校工会工作计划")
    item = ScheduleItemFactory(plan=plan, month=3, text="三八妇女节活动", scope="女教职工",
                               category="women", budget=Decimal(500))  # fmt: skip
    for name in ("王芳", "李娜"):
        MemberFactory(organization=org, name=name, gender="female")
    for record in held(item, 1, others_count=3, date=dt.date(year, 3, 8)):
        ExpenseLineFactory(record=record, amount=Decimal(120), category="women")
    target = TargetFactory(plan=plan, text="全年不少于4次集中培训")
    TargetMeasureFactory(target=target, category="women")
    user = RoleFactory(organization=org, role="chair").user
    user.is_staff = user.is_superuser = True
    user.save()
    page.add_init_script(WATCH)
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    login(page, user.username, PASSWORD)
    return org, plan, item, target


def visit(page, path: str) -> None:
    response = page.goto(page.base_url + path)
    assert response.status == 200, path
    page.wait_for_load_state("load")
    assert page.evaluate("window.__violations") == [], path
    assert page.script_errors == [], path


def test_every_page_runs_under_the_policy(page, union):
    org, plan, item, target = union
    csp = page.goto(page.base_url + "/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    for path in [
        "/",
        f"/orgs/{org.pk}/",
        f"/plans/{plan.pk}/",
        f"/calendar/plan/{plan.pk}/month/",
        f"/calendar/plan/{plan.pk}/year/",
        f"/calendar/wizard/{org.pk}/",
        f"/calendar/subscription/{org.pk}/",
        f"/records/plan/{plan.pk}/",
        f"/records/item/{item.pk}/",
        f"/records/item/{item.pk}/new/",
        f"/records/target/{target.pk}/",
        f"/members/org/{org.pk}/",
        f"/members/item/{item.pk}/participants/",
        f"/imports/{org.pk}/",
        "/admin/",
        "/admin/orgs/organization/",
        f"/admin/orgs/organization/{org.pk}/change/",
        "/admin/axes/accessattempt/",
        "/admin/agenda/holidayschedule/upload/",
    ]:
        visit(page, path)


def test_charts_progress_bars_and_htmx_work(page, union, shots):
    org, plan, _item, target = union
    visit(page, f"/dashboard/org/{org.pk}/")
    page.wait_for_selector(".chart[data-rendered='1'] canvas")
    assert page.locator(".chart canvas").count() >= 3
    visit(page, f"/records/target/{target.pk}/")
    width = page.eval_on_selector(".progress .bar span", "e => e.style.width")
    assert width.endswith("%")
    # htmx: the plan page loads its blocks and an edit form by htmx requests.
    visit(page, f"/plans/{plan.pk}/")
    page.wait_for_selector("#targets table, #targets .muted")
    assert page.evaluate("window.__violations") == []
    page.screenshot(path=str(shots / "plan-csp-1366.png"), full_page=True)


def test_select_all_confirm_and_language_work_without_inline_script(page, union):
    _org, _plan, item, _target = union
    visit(page, f"/records/item/{item.pk}/new/")
    page.click("button[data-check-all]")
    assert page.locator(".attendees input:checked").count() == 2
    page.click("button[data-check-none]")
    assert page.locator(".attendees input:checked").count() == 0
    # Deleting asks first; saying no keeps the record.
    visit(page, f"/records/item/{item.pk}/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("form[data-confirm] button")
    assert page.locator("form[data-confirm]").count() == 1
    # The language menu switches on change.
    page.select_option("select[name=language]", "en")
    page.wait_for_selector("html[lang=en]")
    assert page.evaluate("window.__violations") == []
