"""Budget against spend, by activity category and by month, and the ledger of expense lines.

Budgets are set per activity (ScheduleItem.budget); spending is the sum of the expense
lines recorded on its activity records. Both are grouped in the database, so a plan of 200
items or a federation of 1,000 unions costs the same few queries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from unionplan import vocab
from unionplan.documents.ledger_xlsx import LedgerRow
from unionplan.plans.models import Plan, ScheduleItem
from unionplan.records.measuring import Month
from unionplan.records.models import EXPENSE_CATEGORIES, ExpenseLine

ZERO = Decimal("0.00")


@dataclass
class BudgetLine:
    key: str  # a category code or a month number as text
    label: str
    budget: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def percent(self) -> int | None:
        return round(self.spent * 100 / self.budget) if self.budget else None

    @property
    def over(self) -> bool:
        return self.spent > self.budget


def budget_by_category(plans: Q) -> list[BudgetLine]:
    """One line per activity category with a budget or a spend, in the vocabulary's order."""
    budget = _sum_by(ScheduleItem.objects.filter(plans), "category", "budget")
    spent = _sum_by(
        ExpenseLine.objects.filter(_expense_q(plans)), "record__item__category", "amount"
    )
    return lines_by_category(budget, spent)


def budget_by_month(plans: Q) -> list[BudgetLine]:
    """Twelve lines: budget by the activity's month, spend by the record's date."""
    budget = _sum_by(ScheduleItem.objects.filter(plans), "month", "budget")
    lines = ExpenseLine.objects.filter(_expense_q(plans)).annotate(m=Month("record__date"))
    spent = _sum_by(lines, "m", "amount")
    return lines_by_month(budget, spent)


def lines_by_category(
    budget: Mapping[str, Decimal], spent: Mapping[str, Decimal]
) -> list[BudgetLine]:
    """The category lines from sums already made ({code: amount}), in the vocabulary's
    order: callers that group by more than the category (the dashboard) share the shape."""
    return [
        BudgetLine(code, label, budget.get(code, ZERO), spent.get(code, ZERO))
        for code, label in vocab.CATEGORIES
        if code in budget or code in spent
    ]


def lines_by_month(budget: Mapping[int, Decimal], spent: Mapping[int, Decimal]) -> list[BudgetLine]:
    """Twelve month lines from sums already made ({month: amount})."""
    return [
        BudgetLine(str(m), f"{m}月", budget.get(m, ZERO), spent.get(m, ZERO)) for m in range(1, 13)
    ]


def budget_by_plan(plans: Q) -> dict[int, BudgetLine]:
    """{plan id: its budget and spend} for the plans ``plans`` selects with any (two queries:
    a federation's board sums each of its thousand unions' plans at once)."""
    budget = _sum_by(ScheduleItem.objects.filter(plans), "plan_id", "budget")
    spent = _sum_by(
        ExpenseLine.objects.filter(_expense_q(plans)), "record__item__plan_id", "amount"
    )
    return {
        pk: BudgetLine(str(pk), "", budget.get(pk, ZERO), spent.get(pk, ZERO))
        for pk in budget.keys() | spent.keys()
    }


def money(total) -> Decimal:
    """A database sum as yuan with two places: SQLite sums decimals without their scale
    (800, 320.5, or a float)."""
    return Decimal(total).quantize(ZERO)


def totals(lines: list[BudgetLine]) -> BudgetLine:
    return BudgetLine(
        "total", "合计", sum((x.budget for x in lines), ZERO), sum((x.spent for x in lines), ZERO)
    )


def _sum_by(queryset, key: str, field: str) -> dict:
    rows = queryset.values(key).annotate(total=Sum(field)).order_by()
    return {row[key]: money(row["total"]) for row in rows if row["total"] is not None}


def _expense_q(plans: Q) -> Q:
    """``plans`` (a condition on ScheduleItem) restated for ExpenseLine."""
    return Q(record__item__in=ScheduleItem.objects.filter(plans).values("pk"))


def plan_q(plan: Plan) -> Q:
    return Q(plan=plan)


def ledger_rows(plan: Plan) -> list[LedgerRow]:
    """Every expense line of ``plan`` in date order (one query)."""
    expense_labels = dict(EXPENSE_CATEGORIES)
    lines = (
        ExpenseLine.objects.filter(record__item__plan=plan)
        .select_related("record__item")
        .order_by("record__date", "record_id", "id")
    )
    return [
        LedgerRow(
            date=line.record.date,
            activity=line.record.item.text,
            activity_category=vocab.label(vocab.CATEGORIES, line.record.item.category),
            category=str(expense_labels.get(line.category, line.category)),
            payee=line.payee,
            note=line.note,
            amount=line.amount,
        )
        for line in lines
    ]
