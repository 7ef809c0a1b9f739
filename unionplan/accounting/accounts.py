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


@dataclass
class LineFigures:
    """One account line's money three ways: what the plan's items set aside (计划), the
    budget approved with the plan and adjusted (预算; None before any is approved) and what
    was spent (实际)."""

    key: str
    label: str
    planned: Decimal
    budget: Decimal | None
    actual: Decimal

    @property
    def percent(self) -> int | None:
        """实际 over 预算 (over 计划 while no budget is approved), rounded."""
        base = self.planned if self.budget is None else self.budget
        return round(self.actual * 100 / base) if base else None

    def any(self) -> bool:
        return bool(self.planned or self.budget or self.actual)


def plan_budget_actual(
    rows: Iterable[AccountRow], budget: dict[str, Decimal] | None
) -> list[LineFigures]:
    """The accounts' rows (计划 = the items' budgets, 实际 = spent) beside ``budget`` by line
    key (None: no budget approved yet, so none is shown)."""

    def budget_of(key: str) -> Decimal | None:
        return None if budget is None else budget.get(key, ZERO)

    return [LineFigures(r.key, r.label, r.budget, budget_of(r.key), r.spent) for r in rows]


def figures_total(lines: Iterable[LineFigures]) -> LineFigures:
    lines = list(lines)
    budgets = [line.budget for line in lines if line.budget is not None]
    return LineFigures(
        "total", "合计", sum((line.planned for line in lines), ZERO),
        sum(budgets, ZERO) if budgets else None, sum((line.actual for line in lines), ZERO),
    )  # fmt: skip


@dataclass
class IncomeRow:
    """One income line: the budget (estimated from the finance settings) and what came in."""

    key: str
    label: str
    budget: Decimal
    actual: Decimal

    @property
    def difference(self) -> Decimal:
        """实际 − 预算: above zero more came in than was budgeted."""
        return self.actual - self.budget


def income_rows(
    budget: Iterable[tuple[str, Decimal]], actual: dict[str, Decimal]
) -> list[IncomeRow]:
    """Every income line of ``budget`` (line, amount) in order, beside its actual receipts."""
    return [
        IncomeRow(line, line, decimal(amount), decimal(actual.get(line, ZERO)))
        for line, amount in budget
    ]


def income_total(rows: Iterable[IncomeRow]) -> IncomeRow:
    rows = list(rows)
    return IncomeRow(
        "total", "合计", sum((r.budget for r in rows), ZERO), sum((r.actual for r in rows), ZERO)
    )


@dataclass
class YearBalance:
    """结余 of the year from the actual figures: carried over + received − spent."""

    carried_over: Decimal
    income: Decimal
    spent: Decimal

    @property
    def balance(self) -> Decimal:
        return self.carried_over + self.income - self.spent
