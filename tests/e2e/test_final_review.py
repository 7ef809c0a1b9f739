"""The 经费审查委员会 signs the year's 决算 in a Chinese browser: from the accounts page to
the review page, signed, the accounts page then says the year is locked; no sideways scroll."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, OrganizationFactory, PlanFactory, RoleFactory
from tests.funds.conftest import budgeted, spend

pytestmark = pytest.mark.django_db(transaction=True)

SHOT = "/tmp/shots-c/final-review-{name}-{width}.png"


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_auditor_signs_the_final_accounts(page):
    from unionplan.funds.models import FinalReview

    year = dt.date.today().year - 1
    org = OrganizationFactory(name="实验中学工会", sector="school")
    item = budgeted(PlanFactory(organization=org, year=year), "culture", 3000)
    spend(item, "prize", Decimal("1280.50"))
    auditor = RoleFactory(organization=org, role="auditor").user
    login(page, auditor.username, PASSWORD)

    page.goto(f"{page.base_url}/funds/org/{org.pk}/{year}/")
    assert "决算未经审查" in page.inner_text("#review-line")
    page.click("#final-link")
    page.wait_for_selector("#review-form")
    page.fill("#id_name", "李审计")
    page.fill("#id_opinion", "经审查，收支真实，账实相符，同意决算。")
    page.locator("#id_opinion").blur()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOT.format(name="form", width=width), full_page=True)
        assert _no_sideways_scroll(page)
    page.click("button:has-text('提交审查结果')")
    page.wait_for_selector("text=决算已审查签署，本年度支出已锁定")
    assert "审查人：李审计" in page.inner_text("#final-footer")
    assert FinalReview.objects.get().state == "signed"
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOT.format(name="signed", width=width), full_page=True)
        assert _no_sideways_scroll(page)

    page.goto(f"{page.base_url}/funds/org/{org.pk}/{year}/")
    assert "本年度支出已锁定" in page.inner_text("#review-line")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOT.format(name="accounts", width=width), full_page=True)
        assert _no_sideways_scroll(page)
