from decimal import Decimal

import pytest

from tests.factories import FederationFactory, OrganizationFactory, PlanFactory, ScheduleItemFactory
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory

D = Decimal


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, year=2027)


def budgeted(plan, category: str, budget, month: int = 3):
    return ScheduleItemFactory(plan=plan, month=month, category=category, budget=D(str(budget)))


def spend(item, category: str, amount, month: int | None = None):
    import datetime as dt

    record = ActivityRecordFactory(item=item, date=dt.date(item.plan.year, month or item.month, 5))
    return ExpenseLineFactory(record=record, category=category, amount=D(str(amount)))


def federation_with(unions: int, *, year: int = 2027):
    """A federation and ``unions`` grassroots unions below it, each with one budgeted, spent plan."""
    federation = FederationFactory(name="区总工会")
    for n in range(unions):
        union = OrganizationFactory(name=f"基层工会{n}", parent=federation)
        item = budgeted(PlanFactory(organization=union, year=year), "culture", 1000, month=5)
        spend(item, "prize", 300)
        spend(item, "gift", 100)
    return federation
