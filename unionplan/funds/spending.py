"""Checking spending against its line's budget before it is recorded.

Whatever stores an expense (activity records, the welfare register, reimbursements) calls
``core.spending.check`` inside its transaction; the funds app's ``guard`` answers there.
The budget is the one in force (approved with the plan, or its approved adjustment): before
the plan is approved there is none to hold spending to, and nothing is checked. Within the
budget a save passes; on a line without budget or past it, it is refused (UserInputError
with line, budget and spent) unless the union's chair gives a reason, which is kept as a
SpendingOverride and written to the audit log. A sub-line the budget does not name is held
to its parent line's budget when that has one (``held_to``). An edit is checked only on the lines it
raises, so saving a record unchanged never asks again. Once the year's 决算 is signed by the
经费审查委员会, any change to its spending is refused outright (``final_review``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from unionplan.accounting.lines import expense_line
from unionplan.accounting.mapping import LineMap
from unionplan.accounting.spending import SpendingCheck, check_spending
from unionplan.audit.models import record as audit
from unionplan.core.spending import Expense, OverBudget, Spending
from unionplan.errors import UserInputError
from unionplan.funds import books, budgeting, final_review, ledger
from unionplan.funds.models import SpendingOverride
from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization
from unionplan.plan.money import money

ZERO = Decimal("0.00")


def guard(spending: Spending) -> list[SpendingOverride]:
    """Refuse ``spending`` past the budget in force unless the chair overrides with a reason;
    the overrides logged (none when within budget). Nothing changes in a signed year."""
    if _sums(spending.expenses) != _sums(spending.replaced):
        final_review.refuse_if_signed(spending.organization, spending.year)
    force = budgeting.in_force(spending.organization, spending.year)
    if force is None or not spending.expenses:
        return []
    lines, amounts = books.line_map(), force.amounts
    new = _held(_by_line(spending.expenses, lines), amounts)
    old = _held(_by_line(spending.replaced, lines), amounts)
    raised = [key for key, amount in new.items() if amount > old.get(key, ZERO)]
    if not raised:
        return []
    spent = _held(ledger.spent_by_line(spending.organization, spending.year, lines), amounts)
    # the command line has no user: it records within the budget and cannot override it
    is_chair = (
        spending.user is not None and role_in(spending.user, spending.organization) == "chair"
    )
    overridden = []
    for key in raised:
        check = SpendingCheck(
            expense_line(key), amounts.get(key, ZERO),
            spent.get(key, ZERO) - old.get(key, ZERO), new[key],
        )  # fmt: skip
        try:
            if check_spending(
                check, is_chair=is_chair, reason=spending.reason, date=spending.date,
                year=spending.year,
            ):  # fmt: skip
                overridden.append(check)
        except UserInputError as error:
            if check.allowed or (spending.date and spending.date.year != spending.year):
                raise  # bad input, not a question of budget
            raise OverBudget(error.message) from None
    return [_log(spending, check) for check in overridden]


def _sums(expenses: list[Expense]) -> dict[tuple[str, ...], Decimal]:
    """The amounts by what decides their line: equal sums mean the save changes no figure."""
    sums: dict[tuple[str, str, str], Decimal] = {}
    for e in expenses:
        key = (e.activity_category, e.expense_category, e.line, e.welfare_kind, e.campaign_kind)
        sums[key] = sums.get(key, ZERO) + Decimal(e.amount)
    return {key: amount for key, amount in sums.items() if amount}


def held_to(key: str, amounts: dict[str, Decimal]) -> str:
    """The budget line an amount on ``key`` is held to: its own when the budget gives it
    one, else its parent's when that has a budget (the plan's 帮扶慰问 budgets 维权支出 as a
    whole, which then covers 送温暖费 and 困难职工帮扶费), else its own, which has none."""
    parent = key.split("/", 1)[0]
    if amounts.get(key) or parent == key or not amounts.get(parent):
        return key
    return parent


def _held(sums: dict[str, Decimal], amounts: dict[str, Decimal]) -> dict[str, Decimal]:
    held: dict[str, Decimal] = {}
    for key, amount in sums.items():
        line = held_to(key, amounts)
        held[line] = held.get(line, ZERO) + amount
    return held


def _by_line(expenses: list[Expense], lines: LineMap) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = {}
    for e in expenses:
        key = e.line_key(lines)
        sums[key] = sums.get(key, ZERO) + Decimal(e.amount)
    return sums


def _log(spending: Spending, check: SpendingCheck) -> SpendingOverride:
    """Keep the chair's override and say so in the audit log (inside the caller's transaction)."""
    override = SpendingOverride.objects.create(
        organization=spending.organization, year=spending.year, line=check.line.key,
        amount=check.amount, budget=check.budget, spent=check.spent,
        reason=spending.reason.strip(), approved_by=spending.user,
    )  # fmt: skip
    audit(
        spending.organization, spending.user, "funds.override",
        f"{check.line.label} 超预算支出{money(check.amount)}元 {spending.description}".strip(),
        {
            "override": override.pk, "year": spending.year, "line": check.line.key,
            "amount": str(check.amount), "budget": str(check.budget), "spent": str(check.spent),
            "reason": override.reason, "what": spending.description,
        },
    )  # fmt: skip
    return override


def authorize(
    org: Organization, year: int, *, activity_category: str, expense_category: str,
    amount: Decimal, date: dt.date | None, user, reason: str = "",
) -> SpendingOverride | None:  # fmt: skip
    """One expense through the guard: None when within budget (or no budget in force yet),
    the logged override when the chair approved it; UserInputError when refused."""
    logged = guard(
        Spending(
            org, year, date, [Expense(activity_category, expense_category, Decimal(amount))],
            user=user, reason=reason,
        )
    )  # fmt: skip
    return logged[0] if logged else None
