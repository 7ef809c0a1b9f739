import datetime as dt
from decimal import Decimal

from tests.factories import ScheduleItemFactory
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory
from unionplan.records.accounts import (
    budget_by_category,
    budget_by_month,
    ledger_rows,
    plan_q,
    totals,
)


def test_budget_against_spend_by_category_and_month(plan):
    welfare = ScheduleItemFactory(plan=plan, month=1, category="welfare", budget=Decimal(1000))
    ScheduleItemFactory(plan=plan, month=5, category="culture", budget=Decimal(500))
    record = ActivityRecordFactory(item=welfare, date=dt.date(2027, 2, 3))
    ExpenseLineFactory(record=record, amount=Decimal("300.50"))
    ExpenseLineFactory(record=record, amount=Decimal("100"), category="transport")
    lines = {line.key: line for line in budget_by_category(plan_q(plan))}
    assert lines["welfare"].budget == 1000 and lines["welfare"].spent == Decimal("400.50")
    assert lines["culture"].spent == 0 and lines["welfare"].percent == 40
    months = budget_by_month(plan_q(plan))
    assert months[0].budget == 1000 and months[0].spent == 0  # budget by the item's month
    assert months[1].spent == Decimal("400.50")  # spend by the record's date
    assert totals(list(lines.values())).budget == 1500
    assert str(lines["welfare"].budget) == "1000.00"  # two places on every database


def test_ledger_rows_are_every_expense_line_in_date_order(plan):
    item = ScheduleItemFactory(plan=plan, text="重阳节慰问退休老教师", category="welfare")
    late = ActivityRecordFactory(item=item, date=dt.date(2027, 10, 20))
    early = ActivityRecordFactory(item=item, date=dt.date(2027, 10, 8))
    ExpenseLineFactory(record=late, amount=Decimal(1))
    ExpenseLineFactory(record=early, amount=Decimal(2), payee="果品店")
    rows = ledger_rows(plan)
    assert [r.amount for r in rows] == [2, 1]
    assert (rows[0].activity, rows[0].activity_category, rows[0].category, rows[0].payee) == (
        "重阳节慰问退休老教师",
        "帮扶慰问",
        "慰问金/慰问品",
        "果品店",
    )
