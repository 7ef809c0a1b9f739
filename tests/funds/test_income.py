"""Income received (实际收入): bad input refused in Chinese with nothing stored, a signed year
refused, the accounts page and the 决算 showing budget / actual / difference, 结余 from actuals."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.factories import PlanFactory, RoleFactory
from tests.funds.conftest import budgeted, spend
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.funds import final_review, income
from unionplan.funds.final import final_accounts
from unionplan.funds.income import IncomeInput
from unionplan.funds.models import FinanceYear, IncomeEntry

D = Decimal
pytestmark = pytest.mark.django_db
YEAR = dt.date.today().year - 1
DAY = dt.date(YEAR, 3, 15)


@pytest.fixture
def books(org):
    """Last year: 会费 budget 500 (wage base 100,000), 上年结余 1,000, 300 spent of 1,000."""
    FinanceYear.objects.create(
        organization=org, year=YEAR, wage_base=D(100000), carried_over=D(1000)
    )
    spend(budgeted(PlanFactory(organization=org, year=YEAR), "culture", 1000), "prize", 300)
    return org


def _add(org, line="会费收入", amount="450", day=DAY, note="上半年会费", user=None):
    return income.save(org, YEAR, IncomeInput(day, line, amount, note), user)


@pytest.mark.parametrize(
    ("line", "amount", "day", "message"),
    [
        ("会费收入", "-5", DAY, "金额须大于0元"),
        ("会费收入", "0", DAY, "金额须大于0元"),
        ("会费收入", "五百", DAY, "金额应为数字"),
        ("会费收入", "100", dt.date(YEAR + 1, 1, 2), f"不在{YEAR}年度内"),
        ("捐赠收入", "100", DAY, "收入科目“捐赠收入”不存在"),
        ("会费收入", "100", None, "请填写收到日期"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_stored(org, line, amount, day, message):
    with pytest.raises(UserInputError, match=message):
        _add(org, line, amount, day)
    assert not IncomeEntry.objects.exists() and not AuditEntry.objects.exists()


def test_a_signed_year_refuses_income(books, chair):
    entry = _add(books, user=chair)
    auditor = RoleFactory(organization=books, role="auditor").user
    final_review.act(books, YEAR, auditor, state="signed", name="李审计", opinion="同意。",
                     on=dt.date(YEAR + 1, 1, 5))  # fmt: skip
    with pytest.raises(UserInputError, match="该年度的收入不能再登记或更改"):
        _add(books, amount="10")
    with pytest.raises(UserInputError, match="收入不能再登记"):
        income.save(books, YEAR, IncomeInput(DAY, "会费收入", "1", ""), chair, entry)
    with pytest.raises(UserInputError, match="收入不能再登记"):
        income.delete(entry, chair)
    assert list(IncomeEntry.objects.values_list("amount", flat=True)) == [D("450.00")]


def test_the_final_accounts_have_actual_income_and_the_balance(books):
    _add(books)
    _add(books, line="上级补助收入", amount="1,200")
    out = io.BytesIO()
    final_accounts(books, YEAR).write(out)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue())).get_sheet_by_index(0)
    by_label = {str(r[0]).strip(): r for r in rows.to_python()}
    assert by_label["会费收入"][1:5] == [500, 500, 450, 50]
    assert by_label["上级补助收入"][3] == 1200
    assert by_label["收入合计"][3] == 1650
    assert by_label["上年结余"][3] == 1000
    assert by_label["减：本年支出"][3] == -300
    assert by_label["本年结余"][3] == 1000 + 1650 - 300


def test_the_accounts_page_shows_income_budget_actual_difference(
    books, chair_client, django_assert_max_num_queries
):
    _add(books)
    url = reverse("funds:accounts", args=[books.pk, YEAR])
    with django_assert_max_num_queries(20):
        page = chair_client.get(url).content.decode()
    assert "会费收入" in page and "500.00" in page and "450.00" in page and "-50.00" in page
    assert "＝1,150.00元" in page  # 1,000 + 450 − 300


def test_the_list_page_adds_income_and_its_queries_do_not_grow(
    books, chair_client, django_assert_num_queries
):
    url = reverse("funds:income", args=[books.pk, YEAR])
    data = {"date": DAY.isoformat(), "line": "拨缴经费收入", "amount": "3000", "note": "一季度"}
    assert chair_client.post(url, data).status_code == 302
    assert IncomeEntry.objects.get().amount == D("3000.00")
    chair_client.get(url)
    with django_assert_num_queries(6) as one:
        chair_client.get(url)
    for _ in range(5):
        _add(books)
    with django_assert_num_queries(len(one.captured_queries)):
        assert "上半年会费" in chair_client.get(url).content.decode()


def test_bad_input_on_the_page_is_shown_and_nothing_stored(books, chair_client):
    url = reverse("funds:income", args=[books.pk, YEAR])
    data = {"date": DAY.isoformat(), "line": "会费收入", "amount": "-1", "note": ""}
    page = chair_client.post(url, data).content.decode()
    assert "金额须大于0元" in page and not IncomeEntry.objects.exists()


def test_the_edit_form_saved_unchanged_changes_nothing(books, chair_client):
    entry = _add(books, amount="450.5")
    before = AuditEntry.objects.count()
    url = reverse("funds:income_edit", args=[entry.pk])
    form = chair_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}  # the date as str(date)
    assert chair_client.post(url, data).status_code == 302
    again = IncomeEntry.objects.get()
    assert (again.date, again.line, again.amount, again.note) == (
        entry.date, entry.line, entry.amount, entry.note,
    )  # fmt: skip
    assert AuditEntry.objects.count() == before


def test_the_auditor_reads_but_does_not_write(books, client):
    _add(books)
    client.force_login(RoleFactory(organization=books, role="auditor").user)
    url = reverse("funds:income", args=[books.pk, YEAR])
    page = client.get(url)
    assert page.status_code == 200 and "上半年会费" in page.content.decode()
    assert "登记收入" not in page.content.decode()
    posted = client.post(url, {"date": DAY.isoformat(), "line": "会费收入", "amount": "1"})
    assert posted.status_code in (403, 404) and IncomeEntry.objects.count() == 1
    entry = IncomeEntry.objects.get()
    assert client.get(reverse("funds:income_edit", args=[entry.pk])).status_code in (403, 404)
