"""Income received in a Chinese browser: the chair records 会费 on the income page, a bad
amount is refused in Chinese, the accounts page shows budget / actual / difference and the
year's 结余; no sideways scroll at 1366 or 390 px."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, OrganizationFactory, PlanFactory, RoleFactory
from tests.funds.conftest import budgeted, spend

pytestmark = pytest.mark.django_db(transaction=True)


def _look(page, shots, name: str) -> None:
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"income-{name}-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_chair_records_income_and_the_accounts_show_it(page, shots):
    from unionplan.funds.models import FinanceYear, IncomeEntry

    year = dt.date.today().year
    org = OrganizationFactory(name="实验中学工会", sector="school")
    FinanceYear.objects.create(organization=org, year=year, wage_base=Decimal(2_000_000),
                               carried_over=Decimal(5000))  # fmt: skip
    spend(budgeted(PlanFactory(organization=org, year=year), "culture", 3000), "prize", 1280)
    chair = RoleFactory(organization=org, role="chair").user
    login(page, chair.username, PASSWORD)

    page.goto(f"{page.base_url}/funds/org/{org.pk}/{year}/income/")
    page.fill("#id_date", f"{year}-01-15")
    page.select_option("#id_line", "会费收入")
    page.fill("#id_amount", "-20")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=金额须大于0元")
    assert not IncomeEntry.objects.exists()
    page.fill("#id_amount", "9,500")
    page.fill("#id_note", "上半年会费")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=收入已保存")
    assert "9,500.00" in page.inner_text("#income")
    _look(page, shots, "list")

    page.goto(f"{page.base_url}/funds/org/{org.pk}/{year}/")
    assert "-500.00" in page.inner_text("#income-lines")  # 10,000 budgeted, 9,500 in
    assert "＝13,220.00元" in page.inner_text("#year-balance")  # 5,000 + 9,500 − 1,280
    _look(page, shots, "accounts")
