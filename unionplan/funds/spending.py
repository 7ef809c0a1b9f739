"""Checking an expense against its line's budget before it is recorded.

The records' forms call ``authorize`` with the expense about to be saved: within budget it
passes; without or past the budget it is refused (UserInputError with line, budget, spent)
unless the union's chair gives a reason, which is logged as a SpendingOverride.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from unionplan.accounting.spending import SpendingCheck, check_spending
from unionplan.funds import books
from unionplan.funds.models import SpendingOverride
from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization


def authorize(
    org: Organization, year: int, *, activity_category: str, expense_category: str,
    amount: Decimal, date: dt.date | None, user, reason: str = "",
) -> SpendingOverride | None:  # fmt: skip
    """None when the expense is within budget; the logged override when the chair approved it."""
    line = books.line_map().for_expense(expense_category, activity_category)
    row = next(r for r in books.org_accounts(org, year).by_line if r.key == line.key)
    check = SpendingCheck(line, row.budget, row.spent, Decimal(amount))
    is_chair = role_in(user, org) == "chair"
    if not check_spending(check, is_chair=is_chair, reason=reason, date=date, year=year):
        return None
    with transaction.atomic():
        return SpendingOverride.objects.create(
            organization=org, year=year, line=line.key, amount=check.amount, budget=check.budget,
            spent=check.spent, reason=reason.strip(), approved_by=user,
        )  # fmt: skip
