"""Money in a plan: reading the amounts people type and printing them the same way everywhere.

One reader of typed amounts (1,200.50元, ￥300) for a plan's budgets and a record's
expenses, which differ only in what else they require; one way of printing yuan and one
budget total for the plan page, Word, Excel, the summary and the record pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from unionplan.errors import UserInputError
from unionplan.plan.data import ItemData

MAX_BUDGET = Decimal("100000000")  # 一亿元: more than any union's annual activity budget
MAX_AMOUNT = Decimal("10000000")  # 一千万元: more than any single activity's spending


def parse_yuan(value: object, *, what: str, maximum: Decimal) -> Decimal:
    """Money as people type it (1,200.50元, ￥300, 1.5万) in yuan; non-numbers, absurd sums refused.

    The one reader of typed amounts: a plan's budgets and a record's expenses differ only in
    what else they require (a blank budget, an expense above zero).
    """
    text = str(value).strip()
    for mark in (",", "，", "¥", "￥"):
        text = text.replace(mark, "")
    text = text.removesuffix("元").strip()
    scale = 1
    if text.endswith(("万", "萬")):  # 1.5万 as budgets are often written
        text, scale = text[:-1].strip(), 10_000
    try:
        amount = Decimal(text) * scale
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise UserInputError(f"{what}应为数字（单位：元），而不是“{value}”。")
    if amount >= maximum:
        raise UserInputError(f"{what}过大，请检查单位是否为元。")
    return amount


def clean_budget(value: object) -> Decimal | None:
    """A budget in yuan: blank means none; negative, non-numeric or absurd amounts are refused."""
    if value is None or str(value).strip() == "":
        return None
    amount = parse_yuan(value, what="经费", maximum=MAX_BUDGET)
    if amount < 0:
        raise UserInputError("经费不能为负数。")
    return amount.quantize(Decimal("0.01"))


def clean_amount(value: object) -> Decimal:
    """A positive amount in yuan with two decimals, or UserInputError in Chinese."""
    if value is None or str(value).strip() == "":
        raise UserInputError("请填写金额。")
    amount = parse_yuan(value, what="金额", maximum=MAX_AMOUNT)
    if amount <= 0:
        raise UserInputError("金额须大于0元。")
    if amount != amount.quantize(Decimal("0.01")):
        raise UserInputError("金额最多精确到分（两位小数）。")
    return amount.quantize(Decimal("0.01"))


def decimal(value: Decimal | float | str) -> Decimal:
    """``value`` as a Decimal: PlanData says Decimal, but callers may hand an int or float."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def money(amount: Decimal | float | str | None) -> str:
    """Yuan as every page and file prints them: ``3,000.00``; nothing when there is none.

    The plan page, Word, Excel, the reminders, the year-end summary and the record pages
    all show an amount through this one function, so 3,000.00 looks the same everywhere.
    """
    if amount is None:
        return ""
    return f"{decimal(amount):,.2f}"


def total_budget(items: Iterable[ItemData]) -> Decimal:
    """The sum of the budgets; activities without one count as nothing."""
    budgets = (decimal(item.budget) for item in items if item.budget is not None)
    return sum(budgets, Decimal("0.00"))
