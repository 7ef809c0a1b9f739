"""The money pages: a plan's budget, the finance settings, the accounts with constant queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import RoleFactory
from tests.funds.conftest import budgeted, federation_with, spend
from unionplan.funds.models import FinanceYear

D = Decimal
pytestmark = pytest.mark.django_db


def test_budget_page_shows_lines_income_and_balance(chair_client, plan):
    budgeted(plan, "culture", 3000)
    budgeted(plan, "festival", 2000)
    FinanceYear.objects.create(organization=plan.organization, year=2027, wage_base=D("200000"))
    page = chair_client.get(reverse("funds:plan_budget", args=[plan.pk])).content.decode()
    assert "文体活动" in page and "3,000.00" in page
    assert "会员活动" in page and "5,000.00" in page
    assert "会费收入" in page and "1,000.00" in page
    assert "预算不平衡" in page
    assert "待核对" in page


def test_budget_page_of_another_union_is_404(client, stranger, plan):
    client.force_login(stranger)
    assert client.get(reverse("funds:plan_budget", args=[plan.pk])).status_code == 404


def test_finance_settings_saved(chair_client, org):
    url = reverse("funds:finance", args=[org.pk, 2027])
    assert chair_client.get(url).status_code == 200
    response = chair_client.post(
        url,
        {"wage_base": "1,000,000", "wage_bill": "1.2万", "retained_percent": "60%",
         "carried_over": "500", "income_0": "3000", "income_4": ""},
    )  # fmt: skip
    assert response.status_code == 302
    saved = FinanceYear.objects.get(organization=org, year=2027)
    assert saved.wage_base == D("1000000.00") and saved.wage_bill == D("12000.00")
    assert saved.retained_percent == D("60") and saved.carried_over == D("500")
    assert saved.typed_income == {"上级补助收入": "3000.00"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("wage_base", "-5", "不能为负数"),
        ("wage_bill", "很多", "应为数字"),
        ("retained_percent", "120", "0到100之间"),
        ("income_1", "-1", "不能为负数"),
    ],
)
def test_bad_finance_input_changes_nothing(chair_client, org, field, value, message):
    FinanceYear.objects.create(organization=org, year=2027, wage_base=D("10"))
    data = {"wage_base": "100", "wage_bill": "100", "retained_percent": "60", field: value}
    response = chair_client.post(reverse("funds:finance", args=[org.pk, 2027]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert FinanceYear.objects.get(organization=org).wage_base == D("10")


def test_viewer_cannot_change_settings(client, viewer, org):
    client.force_login(viewer)
    url = reverse("funds:finance", args=[org.pk, 2027])
    assert client.get(url).status_code == 404
    assert client.post(url, {"retained_percent": "60"}).status_code == 404
    assert not FinanceYear.objects.exists()
    assert client.get(reverse("funds:accounts", args=[org.pk, 2027])).status_code == 200


def test_accounts_page_by_line_and_month(chair_client, plan):
    item = budgeted(plan, "culture", 1000, month=5)
    spend(item, "prize", 250)
    page = chair_client.get(reverse("funds:accounts", args=[plan.organization.pk, 2027]))
    text = page.content.decode()
    assert "职工活动支出—文体活动" in text and "1,000.00" in text and "250.00" in text
    assert "750.00" in text and "25%" in text


def test_year_out_of_range_is_404(chair_client, org):
    assert chair_client.get(reverse("funds:accounts", args=[org.pk, 3000])).status_code == 404


@pytest.mark.parametrize("unions", [2, 8])
def test_federation_accounts_page_constant_queries(client, django_assert_num_queries, unions):
    federation = federation_with(unions)
    user = RoleFactory(organization=federation, role="chair").user
    client.force_login(user)
    url = reverse("funds:accounts", args=[federation.pk, 2027])
    client.get(url)  # warm the session
    with django_assert_num_queries(7):  # session, user, roles, org, 3 of the books
        page = client.get(url)
    assert "含下级工会合计" in page.content.decode()
    assert f"{unions * 1000:,}.00" in page.content.decode()
