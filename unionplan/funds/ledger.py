"""What one union has spent in a year by account line, from everywhere spending is stored.

Activity records' expense lines and approved reimbursements are read here; the welfare
register reports its own (``core.spending.register_source``). Unlike ``books``, which sums
a whole subtree for the accounts page, this is one union's own spending: what its budget
is checked against.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from unionplan.accounting.mapping import LineMap
from unionplan.core.spending import Expense, stored_elsewhere
from unionplan.funds.models import SPENT_STATES, ReimbursementItem
from unionplan.orgs.models import Organization
from unionplan.records.measuring import Month
from unionplan.records.models import ExpenseLine

ZERO = Decimal("0.00")


def expenses_of(org: Organization, year: int) -> list[Expense]:
    """Every stored expense of ``org`` in ``year``, grouped by category (a query per store)."""
    rows = (
        ExpenseLine.objects.filter(
            record__item__plan__organization=org, record__item__plan__year=year
        )
        .values_list("record__item__category", "category")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    found = [Expense(activity, expense, total) for activity, expense, total in rows]
    found += reimbursed(org, year)
    return found + stored_elsewhere(org, year)


def reimbursed(org: Organization, year: int, *, subtree: bool = False) -> list[Expense]:
    """Approved and paid reimbursements count as spending on their items' lines, in the
    month of the claim's date (one query; with ``subtree``, the unions below ``org`` too)."""
    whose = (
        {"claim__organization__path__startswith": org.path}
        if subtree
        else {"claim__organization": org}
    )
    rows = (
        ReimbursementItem.objects.filter(**whose, claim__year=year, claim__state__in=SPENT_STATES)
        .values_list("line", Month("claim__date"))
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return [Expense("", "", total, line=line, month=month) for line, month, total in rows]


def spent_by_line(org: Organization, year: int, lines: LineMap) -> dict[str, Decimal]:
    """{line key: spent} of ``org``'s own spending in ``year``."""
    spent: dict[str, Decimal] = {}
    for expense in expenses_of(org, year):
        key = expense.line_key(lines)
        spent[key] = spent.get(key, ZERO) + Decimal(expense.amount)
    return spent
