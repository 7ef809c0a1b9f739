"""The books: the seeded mapping table, a plan's budget by line, a union's accounts."""

from decimal import Decimal

import pytest

from tests.funds.conftest import budgeted, federation_with, spend
from unionplan import vocab
from unionplan.accounting.lines import Line
from unionplan.accounting.mapping import DEFAULT_EXPENSE_LINES
from unionplan.funds import books
from unionplan.funds.models import FinanceYear, LineMapping
from unionplan.records.models import EXPENSE_CATEGORIES

D = Decimal
pytestmark = pytest.mark.django_db


def test_migration_seeds_every_category():
    rows = set(LineMapping.objects.values_list("kind", "code"))
    assert {("activity", c) for c in vocab.codes(vocab.CATEGORIES)} <= rows
    assert {("expense", c) for c, _ in EXPENSE_CATEGORIES} <= rows
    assert set(DEFAULT_EXPENSE_LINES) == {c for c, _ in EXPENSE_CATEGORIES}


def test_edited_mapping_moves_the_budget(plan):
    budgeted(plan, "culture", 1000)
    LineMapping.objects.filter(kind="activity", code="culture").update(line="职工服务支出")
    amounts = {r.line: r.amount for r in books.plan_budget(plan).expenses if r.amount}
    assert amounts == {Line("职工服务支出"): D("1000.00")}


def test_plan_budget_lines_add_up_to_items(plan):
    budgeted(plan, "culture", "1200.50")
    budgeted(plan, "festival", 3000)
    budgeted(plan, "rights", 800)
    budgeted(plan, "other", 0)
    item = budgeted(plan, "training", 1)
    item.budget = None
    item.save()
    budget = books.plan_budget(plan)
    assert sum(r.amount for r in budget.expenses) == D("5000.50")
    assert budget.balance.expense == D("5000.50")
    assert budget.finance is None and budget.balance.income == 0 and not budget.balance.ok


def test_plan_budget_income_from_the_year_settings(plan):
    budgeted(plan, "culture", 1000)
    FinanceYear.objects.create(
        organization=plan.organization,
        year=2027,
        wage_base=D("100000"),
        wage_bill=D("200000"),
        retained_percent=D("60"),
        typed_income={"上级补助收入": "300.00"},
    )
    budget = books.plan_budget(plan)
    income = {r.line.name: r.amount for r in budget.income}
    assert income["会费收入"] == D("500.00")
    assert income["拨缴经费收入"] == D("2400.00")
    assert income["上级补助收入"] == D("300.00")
    assert budget.balance.ok
    data = budget.as_json()
    assert {"line": "职工活动支出", "sub": "文体活动", "amount": 1000} in data["lines"]
    assert {"line": "会费收入", "amount": 500} in data["income"]


def test_accounts_by_line_and_by_month(plan):
    culture = budgeted(plan, "culture", 1000, month=5)
    spend(culture, "prize", 300, month=5)
    spend(culture, "gift", 100, month=6)
    found = books.org_accounts(plan.organization, 2027)
    by_key = {r.key: r for r in found.by_line}
    assert by_key["职工活动支出/文体活动"].budget == D("1000")
    assert by_key["职工活动支出/文体活动"].spent == D("300")
    assert by_key["职工活动支出/会员活动"].spent == D("100")
    assert found.total.spent == D("400") and found.total.budget == D("1000")
    assert found.by_month[4].budget == D("1000") and found.by_month[4].spent == D("300")
    assert found.by_month[5].spent == D("100")
    assert books.org_accounts(plan.organization, 2026).total.budget == 0


def test_federation_sees_its_subtree(db):
    federation = federation_with(3)
    found = books.org_accounts(federation, 2027)
    by_key = {r.key: r for r in found.by_line}
    assert by_key["职工活动支出/文体活动"].budget == D("3000")
    assert by_key["职工活动支出/文体活动"].spent == D("900")
    assert by_key["职工活动支出/会员活动"].spent == D("300")
    child = federation.children.first()
    assert books.org_accounts(child, 2027).total.budget == D("1000")


@pytest.mark.parametrize("unions", [1, 6])
def test_accounts_cost_constant_queries(django_assert_num_queries, unions):
    federation = federation_with(unions)
    with django_assert_num_queries(5):  # budgets, spending, reimbursements, welfare, the mapping
        books.org_accounts(federation, 2027)


def test_spending_summed_per_record_first_equals_each_line_added_up(db):
    """The accounts sum the lines per record and kind in SQL, then by activity category and
    month; adding up every line here in Python, on a varied subtree with cents, several
    lines of one kind on a record, records in other months and a union outside, agrees."""
    import datetime as dt
    import random
    from collections import Counter

    from tests.factories import FederationFactory, OrganizationFactory, PlanFactory
    from tests.factories import ScheduleItemFactory as Item
    from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory
    from unionplan.records.models import ActivityRecord, ExpenseLine

    rng = random.Random(12)
    federation = FederationFactory()
    district = FederationFactory(parent=federation)
    kinds = [code for code, _label in EXPENSE_CATEGORIES]
    for parent in (federation, district, district, OrganizationFactory()):
        plan = PlanFactory(organization=OrganizationFactory(parent=parent), year=2027)
        for _ in range(6):
            item = Item(
                plan=plan,
                month=rng.randint(1, 12),
                category=rng.choice(["culture", "welfare", "training"]),
            )
            for _ in range(rng.randint(0, 3)):
                record = ActivityRecordFactory(item=item, date=dt.date(2027, rng.randint(1, 12), 9))
                for _ in range(rng.randint(0, 4)):
                    ExpenseLineFactory(record=record, category=rng.choice(kinds[:4]),
                                       amount=D(rng.randint(1, 99999)) / 100)  # fmt: skip
    records = ActivityRecord.objects.filter(
        item__plan__organization__path__startswith=federation.path
    )
    expected = Counter()
    for line in ExpenseLine.objects.filter(record__in=records).select_related("record__item"):
        key = (line.record.item.category, line.category, line.record.date.month)
        expected[key] += line.amount
    found = {(c, e, m): total for c, e, m, total in books.spending_by_record_kind(records)}
    assert found == dict(expected) and len(found) > 10
    assert all(total.as_tuple().exponent == -2 for total in found.values())
