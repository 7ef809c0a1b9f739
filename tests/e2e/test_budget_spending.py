"""Spending past the approved budget in a Chinese browser: refused with the figures, the
typed expense kept, then saved with the chair's reason."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
)
from tests.funds.conftest import approved_now

pytestmark = pytest.mark.django_db(transaction=True)

SHOT = "/tmp/unionplan-over-budget-{width}.png"


def test_an_expense_past_the_budget_is_refused_then_overridden(page, settings, tmp_path):
    from unionplan.audit.models import AuditEntry
    from unionplan.records.models import ExpenseLine

    settings.MEDIA_ROOT = tmp_path / "media"
    org = OrganizationFactory(name="实验中学工会", sector="school")
    year = dt.date.today().year
    plan = PlanFactory(organization=org, year=year)
    item = ScheduleItemFactory(plan=plan, month=3, text="三八妇女节女教职工活动",
                               category="women", budget=Decimal(300))  # fmt: skip
    chair = RoleFactory(organization=org, role="chair").user
    approved_now(plan, chair)
    login(page, chair.username, PASSWORD)

    page.goto(f"{page.base_url}/records/item/{item.pk}/new/")
    page.fill("#id_date", f"{year}-03-08")
    page.select_option("select[name='expenses-0-category']", "prize")
    page.fill("input[name='expenses-0-amount']", "320.50")
    page.fill("input[name='expenses-0-payee']", "文具店")
    page.click("button:has-text('保存')")

    alert = page.locator(".alert.error")
    alert.wait_for()
    assert "预算300.00元，已支出0.00元，本次320.50元将超出预算20.50元" in alert.inner_text()
    assert page.input_value("input[name='expenses-0-amount']") == "320.50"
    assert page.input_value("input[name='expenses-0-payee']") == "文具店"
    assert not ExpenseLine.objects.exists()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOT.format(width=width), full_page=True)

    page.fill("#id_override_reason", "奖品价格上涨，经主席批准")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=活动记录已保存")
    assert ExpenseLine.objects.get().amount == Decimal("320.50")
    assert AuditEntry.objects.get(action="funds.override").detail["reason"].startswith("奖品")


def test_a_gift_past_the_budget_asks_for_the_chairs_reason(page, shots):
    from tests.factories import MemberFactory
    from unionplan.funds.models import SpendingOverride
    from unionplan.welfare.models import WelfareEntry

    org = OrganizationFactory(name="合肥第一中学工会", province="安徽省")
    year = dt.date.today().year
    plan = PlanFactory(organization=org, year=year)
    ScheduleItemFactory(plan=plan, month=9, text="中秋慰问", category="festival",
                        budget=Decimal(300))  # fmt: skip
    chair = RoleFactory(organization=org, role="chair").user
    approved_now(plan, chair)
    member = MemberFactory(organization=org, name="张老师")
    login(page, chair.username, PASSWORD)
    page.goto(f"{page.base_url}/welfare/org/{org.pk}/give/")
    assert page.locator("#id_budget_reason").count() == 0
    page.fill("#id_id_number", member.id_number)
    page.select_option("#id_kind", "festival")
    page.fill("#id_date", f"{year}-09-17")
    page.fill("#id_amount", "500")
    page.click("button[value=record]")
    page.locator(".alert.error").wait_for()
    assert "将超出预算200.00元" in page.inner_text(".alert.error")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"welfare-over-budget-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.set_viewport_size({"width": 1366, "height": 900})
    page.fill("#id_budget_reason", "慰问标准提高，经主席批准")
    page.click("button[value=record]")
    page.wait_for_selector("text=已登记")
    assert WelfareEntry.objects.get().amount == Decimal(500)
    assert SpendingOverride.objects.get().reason == "慰问标准提高，经主席批准"
