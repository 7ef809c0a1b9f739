"""Money typed by a person: 1,200.50 元 -> Decimal("1200.50"). Plain Python, no Django."""

from __future__ import annotations

from decimal import Decimal

from unionplan.errors import UserInputError
from unionplan.plandata import parse_yuan

MAX_AMOUNT = Decimal("10000000")  # 一千万元: more than any single activity's spending


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
