"""The budget (预算) drawn from a plan: expense lines, estimated income, the balance check.

Expense lines are the plan's item budgets summed by the line of their category; the income is
estimated from the union's finance settings: 会费 at 0.5% of members' wages (the wage base),
拨缴经费 at 2% of the wage bill times the share the province lets the union keep, plus the
lines typed in. Everything is Decimal, read and printed through ``unionplan.plan.money``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from unionplan.accounting.lines import (
    ALLOCATED,
    DUES,
    TYPED_INCOME,
    Line,
    expense_lines,
    income_line,
)
from unionplan.accounting.mapping import LineMap
from unionplan.errors import UserInputError
from unionplan.plan.money import decimal, money, parse_yuan

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
DUES_RATE = Decimal("0.005")  # 会费：会员工资收入的0.5%
ALLOCATION_RATE = Decimal("0.02")  # 拨缴经费：全部职工工资总额的2%
DEFAULT_RETAINED_PERCENT = Decimal("60")  # 基层留成比例，各省规定，可改
MAX_FIGURE = Decimal("1000000000000")  # 一万亿元: more than any wage bill


@dataclass
class LineAmount:
    line: Line
    amount: Decimal = ZERO

    def as_json(self) -> dict:
        data = {"line": self.line.name}
        if self.line.sub or self.line.name == "职工活动支出":
            data["sub"] = self.line.sub
        data["amount"] = json_number(self.amount)
        return data


@dataclass
class FinanceSettings:
    """A union's figures for one year, as the finance settings page keeps them."""

    wage_base: Decimal = ZERO  # 会员工资收入总额（会费基数）
    wage_bill: Decimal = ZERO  # 全部职工工资总额（拨缴经费基数）
    retained_percent: Decimal = DEFAULT_RETAINED_PERCENT  # 拨缴经费留成比例（%）
    carried_over: Decimal = ZERO  # 上年结余
    typed_income: dict[str, Decimal] = field(default_factory=dict)  # line -> amount


@dataclass
class Balance:
    expense: Decimal
    income: Decimal
    carried_over: Decimal

    @property
    def available(self) -> Decimal:
        return self.income + self.carried_over

    @property
    def ok(self) -> bool:
        return self.expense <= self.available

    @property
    def message(self) -> str:
        if self.ok:
            return (
                f"收支平衡：支出预算{money(self.expense)}元，未超过收入预算{money(self.income)}元"
                f"与上年结余{money(self.carried_over)}元之和（结余{money(self.available - self.expense)}元）。"
            )
        return (
            f"预算不平衡：支出预算{money(self.expense)}元，超过收入预算{money(self.income)}元"
            f"与上年结余{money(self.carried_over)}元之和{money(self.available - self.expense).lstrip('-')}元。"
        )


def json_number(amount: Decimal) -> int | float:
    """A JSON number for yuan: whole yuan as an integer, otherwise two decimals."""
    amount = decimal(amount).quantize(CENT)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def expense_budget(items: Iterable[tuple[str, object]], lines: LineMap) -> list[LineAmount]:
    """Every expense line of the chart with the budgets of ``items`` (category, budget) on it.

    Items without a budget count as nothing; the amounts add up to the items' budgets.
    """
    sums = {line: ZERO for line in expense_lines()}
    for category, budget in items:
        if budget is None:
            continue
        line = lines.for_activity(category)
        sums[line] = sums.get(line, ZERO) + decimal(budget)
    return [LineAmount(line, amount.quantize(CENT)) for line, amount in sums.items()]


def income_estimate(settings: FinanceSettings) -> list[LineAmount]:
    """Every income line: 会费 and 拨缴经费 computed, the others as typed (nothing if not)."""
    dues = _cents(decimal(settings.wage_base) * DUES_RATE)
    allocated = _cents(
        decimal(settings.wage_bill) * ALLOCATION_RATE * decimal(settings.retained_percent) / 100
    )
    typed = {income_line(name).name: decimal(v) for name, v in settings.typed_income.items()}
    for name in (DUES, ALLOCATED):
        if name in typed:
            raise UserInputError(f"“{name}”由工资基数计算，不能直接填写。")
    rows = [LineAmount(Line(DUES), dues), LineAmount(Line(ALLOCATED), allocated)]
    rows += [LineAmount(Line(name), _cents(typed.get(name, ZERO))) for name in TYPED_INCOME]
    return rows


def balance(
    expenses: Iterable[LineAmount], income: Iterable[LineAmount], carried_over: object = ZERO
) -> Balance:
    return Balance(
        expense=sum((row.amount for row in expenses), ZERO),
        income=sum((row.amount for row in income), ZERO),
        carried_over=decimal(carried_over or ZERO),
    )


def clean_figure(value: object, *, what: str) -> Decimal:
    """A yuan figure of the finance settings: blank is 0; negative or non-numeric refused."""
    if value is None or str(value).strip() == "":
        return ZERO
    amount = parse_yuan(value, what=what, maximum=MAX_FIGURE)
    if amount < 0:
        raise UserInputError(f"{what}不能为负数。")
    return _cents(amount)


def clean_percent(value: object, *, what: str = "留成比例") -> Decimal:
    """A share in percent (60, 60%), 0–100."""
    text = str(value if value is not None else "").strip().rstrip("%％").strip()
    if not text:
        raise UserInputError(f"请填写{what}。")
    try:
        percent = Decimal(text)
    except ArithmeticError:
        percent = Decimal("NaN")
    if not percent.is_finite() or not 0 <= percent <= 100:
        raise UserInputError(f"{what}应为0到100之间的百分数，而不是“{value}”。")
    return percent.quantize(CENT)


def clean_typed_income(values: Mapping[str, object]) -> dict[str, Decimal]:
    """Typed income lines {line: amount}: unknown lines and bad amounts refused, zeros dropped."""
    cleaned = {}
    for name, value in values.items():
        line = income_line(name)
        if line.name not in TYPED_INCOME:
            raise UserInputError(f"“{line.name}”由工资基数计算，不能直接填写。")
        amount = clean_figure(value, what=line.name)
        if amount:
            cleaned[line.name] = amount
    return cleaned


def _cents(amount: Decimal) -> Decimal:
    return decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
