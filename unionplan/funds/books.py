"""Reading the books: the plan's budget by account line, and a union's accounts for a year.

Sums are grouped in the database by category and month (one query each) and put onto the
account lines by ``unionplan.accounting``; the mapping is one more query. So the accounts of
a federation with a thousand unions cost the same few queries as those of one union.

Every kind of expense is counted, each once, where the spending gate checked it: activity
records' expense lines (by their activity's and their own category), approved and paid
reimbursements (on their items' lines) and the welfare register (``core.spending``'s
sources, on the line of each entry's kind or campaign), each in the month it was spent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import F, Sum

from unionplan.accounting import accounts
from unionplan.accounting.budget import (
    Balance,
    FinanceSettings,
    LineAmount,
    balance,
    expense_budget,
    income_estimate,
)
from unionplan.accounting.mapping import LineMap
from unionplan.core.spending import stored_elsewhere
from unionplan.funds import ledger
from unionplan.funds.income import actual_by_line
from unionplan.funds.models import FinanceYear, LineMapping
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, ScheduleItem
from unionplan.records.measuring import Month
from unionplan.records.models import ActivityRecord, ExpenseLine

CENT = Decimal("0.01")


def line_map() -> LineMap:
    """The editable table as a LineMap (defaults fill in any category it lacks)."""
    return LineMap({(m.kind, m.code): m.line for m in LineMapping.objects.all()})


def finance_of(org: Organization, year: int) -> FinanceYear | None:
    return FinanceYear.objects.filter(organization=org, year=year).first()


@dataclass
class PlanBudget:
    expenses: list[LineAmount]
    income: list[LineAmount]
    balance: Balance
    finance: FinanceYear | None

    def as_json(self) -> dict:
        return {
            "lines": [row.as_json() for row in self.expenses],
            "income": [row.as_json() for row in self.income],
        }


def plan_budget(plan: Plan) -> PlanBudget:
    """The plan's expense lines, the income estimated from its year's settings, the balance."""
    rows = (
        ScheduleItem.objects.filter(plan=plan, budget__isnull=False)
        .values_list("category")
        .annotate(total=Sum("budget"))
        .order_by()
    )
    expenses = expense_budget(((c, Decimal(t)) for c, t in rows), line_map())
    finance = finance_of(plan.organization, plan.year)
    settings = finance.as_settings() if finance else FinanceSettings()
    income = income_estimate(settings)
    return PlanBudget(expenses, income, balance(expenses, income, settings.carried_over), finance)


@dataclass
class Accounts:
    by_line: list[accounts.AccountRow]
    by_month: list[accounts.AccountRow]

    @property
    def total(self) -> accounts.AccountRow:
        return accounts.total(self.by_line)


def org_accounts(org: Organization, year: int) -> Accounts:
    """Budget and spending of ``org`` and every union below it in ``year`` (5 queries)."""
    in_subtree = {"plan__organization__path__startswith": org.path, "plan__year": year}
    budgets = list(
        ScheduleItem.objects.filter(budget__isnull=False, **in_subtree)
        .values_list("category", "month")
        .annotate(total=Sum("budget"))
        .order_by()
    )
    records = ActivityRecord.objects.filter(
        **{f"item__{key}": value for key, value in in_subtree.items()}
    )
    spent = spending_by_record_kind(records)
    others = ledger.reimbursed(org, year, subtree=True) + stored_elsewhere(org, year, subtree=True)
    lines = line_map()
    by_category = [(c, e, t) for c, e, _m, t in spent]
    named = [(x.line_key(lines), x.amount) for x in others]
    return Accounts(
        by_line=accounts.by_line([(c, t) for c, _m, t in budgets], by_category, lines, named),
        by_month=accounts.by_month(
            [(m, t) for _c, m, t in budgets],
            [(m, t) for _c, _e, m, t in spent] + [(x.month, x.amount) for x in others],
        ),
    )


def spending_by_record_kind(records) -> list[tuple[str, str, int, Decimal]]:
    """(activity category, expense category, month, sum) of the expense lines of ``records``,
    in one statement.

    The lines are first summed per record and expense category along the index on
    (record, category, amount), which the database reads in order without sorting and
    without touching the table; only those few sums per record are then grouped by the
    record's activity category and month. Grouping the 300,000 lines of a federation
    directly by the three keys sorted every line and was nine tenths of the page (SQLite).
    """
    expense = ExpenseLine._meta.db_table
    records = records.order_by()
    ids_sql, ids_params = records.values("pk").query.sql_with_params()
    scope_sql, scope_params = (
        records.annotate(rid=F("pk"), cat=F("item__category"), m=Month("date"))
        .values("rid", "cat", "m")
        .query.sql_with_params()
    )
    sql = (
        f"SELECT s.cat, x.category, s.m, SUM(x.total) FROM "
        f"(SELECT e.record_id, e.category, SUM(e.amount) AS total FROM {expense} e "
        f"WHERE e.record_id IN ({ids_sql}) GROUP BY e.record_id, e.category) x "
        f"JOIN ({scope_sql}) s ON s.rid = x.record_id GROUP BY s.cat, x.category, s.m"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*ids_params, *scope_params))
        rows = cursor.fetchall()
    # SQLite sums decimals as floats: give every sum its two places.
    return [(c, e, int(m), Decimal(str(t)).quantize(CENT)) for c, e, m, t in rows]


def subtree_income(org: Organization, year: int) -> tuple[list[LineAmount], Decimal, int]:
    """Income estimated from the finance settings of ``org`` and the unions below it, the
    funds they carry over, and how many settings there were (one query)."""
    totals = {row.line: row for row in income_estimate(FinanceSettings())}
    carried, found = Decimal("0.00"), 0
    for finance in FinanceYear.objects.filter(organization__path__startswith=org.path, year=year):
        settings = finance.as_settings()
        for row in income_estimate(settings):
            totals[row.line].amount += row.amount
        carried += settings.carried_over
        found += 1
    return list(totals.values()), carried, found


@dataclass
class Income:
    rows: list[accounts.IncomeRow]
    balance: accounts.YearBalance

    @property
    def total(self) -> accounts.IncomeRow:
        return accounts.income_total(self.rows)


def org_income(org: Organization, year: int, spent: Decimal) -> Income:
    """Income budget beside income received of ``org``'s subtree in ``year``, and the year's
    结余 from the actual figures (carried over + received − ``spent``); two queries."""
    budget, carried, _found = subtree_income(org, year)
    rows = accounts.income_rows(
        [(row.line.name, row.amount) for row in budget], actual_by_line(org, year)
    )
    return Income(rows, accounts.YearBalance(carried, accounts.income_total(rows).actual, spent))
