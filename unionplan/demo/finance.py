"""The demo's finance settings (年度经费设置): without them every budget's income is 0 and
the budget page says it does not balance, which is not what a union that keeps its books
looks like.

Wages are an average per head of the union's roster (会费基数) and of its workplace's
employees (拨缴经费基数), at the default retained share; the 上年结余 is set so each
budget balances with a margin, as a union that spent within its means last year would
carry over.
"""

from decimal import ROUND_UP, Decimal

from unionplan.accounting.budget import FinanceSettings, income_estimate
from unionplan.funds.models import FinanceYear
from unionplan.plans.models import Plan

AVERAGE_WAGE = Decimal("110000")  # 元 a year per head, an ordinary city salary
MARGIN = Decimal("1.10")  # carried over: the shortfall plus a tenth of the budget
THOUSAND = Decimal("1000")


def set_finance_years(plans: list[Plan], heads: dict[int, int]) -> None:
    """A FinanceYear for each plan's union and year; ``heads`` is members by union id."""
    for plan in plans:
        org = plan.organization
        members = Decimal(heads.get(org.pk, 0))
        settings = FinanceSettings(
            wage_base=members * AVERAGE_WAGE,
            wage_bill=Decimal(org.employees or heads.get(org.pk, 0)) * AVERAGE_WAGE,
        )
        income = sum((row.amount for row in income_estimate(settings)), Decimal(0))
        expense = sum((item.budget or 0 for item in plan.items.all()), Decimal(0))
        settings.carried_over = _carried_over(expense, income)
        FinanceYear.objects.update_or_create(
            organization=org,
            year=plan.year,
            defaults={
                "wage_base": settings.wage_base,
                "wage_bill": settings.wage_bill,
                "carried_over": settings.carried_over,
            },
        )


def _carried_over(expense: Decimal, income: Decimal) -> Decimal:
    """Enough to cover what income does not, and a margin, in whole thousands of yuan."""
    wanted = max(expense * MARGIN - income, Decimal(0))
    return (wanted / THOUSAND).quantize(Decimal(1), rounding=ROUND_UP) * THOUSAND
