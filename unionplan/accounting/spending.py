"""Spending against the budget: an expense on a line without a budget, or past it, is refused
with the line, budget and spent shown — unless the chair overrides it with a reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from unionplan.accounting.lines import Line
from unionplan.errors import UserInputError
from unionplan.plan.money import decimal, money


@dataclass
class SpendingCheck:
    line: Line
    budget: Decimal
    spent: Decimal  # before this expense
    amount: Decimal

    @property
    def allowed(self) -> bool:
        return self.budget > 0 and self.spent + self.amount <= self.budget

    @property
    def message(self) -> str:
        if self.budget <= 0:
            return (
                f"科目“{self.line.label}”没有预算（已支出{money(self.spent)}元），"
                f"不能支出{money(self.amount)}元。"
            )
        over = self.spent + self.amount - self.budget
        return (
            f"科目“{self.line.label}”预算{money(self.budget)}元，已支出{money(self.spent)}元，"
            f"本次{money(self.amount)}元将超出预算{money(over)}元。"
        )


def check_spending(
    check: SpendingCheck, *, is_chair: bool, reason: str = "", date: dt.date | None = None,
    year: int | None = None,
) -> bool:  # fmt: skip
    """None of the rules broken: False; overridden by the chair with a reason: True.

    Otherwise UserInputError in Chinese: a date outside the budget year, a non-positive
    amount, no budget or past it without the chair's reason.
    """
    if decimal(check.amount) <= 0:
        raise UserInputError("金额须大于0元。")
    if date is not None and year is not None and date.year != year:
        raise UserInputError(f"支出日期{date:%Y-%m-%d}不在预算年度{year}年内。")
    if check.allowed:
        return False
    reason = (reason or "").strip()
    if not is_chair:
        raise UserInputError(f"{check.message}如确需支出，须由工会主席说明理由后批准。")
    if not reason:
        raise UserInputError(f"{check.message}工会主席批准超预算支出须填写理由。")
    return True
