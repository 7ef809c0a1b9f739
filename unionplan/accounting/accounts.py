"""The accounts: budget / spent / remaining / % by account line and by month.

The app sums budgets and expenses in the database by category and month; this module puts
those few grouped rows onto the account lines, so a federation of 1,000 unions costs the same
few queries as one union.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from unionplan.accounting.lines import expense_line, expense_lines
from unionplan.accounting.mapping import LineMap
from unionplan.plan.money import decimal

ZERO = Decimal("0.00")


@dataclass
class AccountRow:
    key: str
    label: str
    budget: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.spent

    @property
    def percent(self) -> int | None:
        return round(self.spent * 100 / self.budget) if self.budget else None

    @property
    def over(self) -> bool:
        return self.spent > self.budget


def by_line(
    budgets: Iterable[tuple[str, object]],
    spending: Iterable[tuple[str, str, object]],
    lines: LineMap,
    direct: Iterable[tuple[str, object]] = (),
) -> list[AccountRow]:
    """One row per expense line of the chart.

    ``budgets`` are (activity category, budget) sums, ``spending`` (activity category,
    expense category, amount) sums, ``direct`` (line key, amount) sums of spending that
    names its line outright (a reimbursement's items).
    """
    rows = {line: AccountRow(line.key, line.label) for line in expense_lines()}
    for category, amount in budgets:
        rows[lines.for_activity(category)].budget += decimal(amount or 0)
    for category, expense_category, amount in spending:
        rows[lines.for_expense(expense_category, category)].spent += decimal(amount or 0)
    for key, amount in direct:
        rows[expense_line(key)].spent += decimal(amount or 0)
    return list(rows.values())


def by_month(
    budgets: Iterable[tuple[int, object]], spending: Iterable[tuple[int, object]]
) -> list[AccountRow]:
    """Twelve rows: budget by the activity's month, spending by the record's month."""
    rows = {m: AccountRow(str(m), f"{m}月") for m in range(1, 13)}
    for month, amount in budgets:
        rows[int(month)].budget += decimal(amount or 0)
    for month, amount in spending:
        rows[int(month)].spent += decimal(amount or 0)
    return list(rows.values())


def total(rows: Iterable[AccountRow]) -> AccountRow:
    rows = list(rows)
    return AccountRow(
        "total", "合计", sum((r.budget for r in rows), ZERO), sum((r.spent for r in rows), ZERO)
    )
