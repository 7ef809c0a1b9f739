"""Money typed by a person: 1,200.50 元 -> Decimal("1200.50"). Plain Python, no Django."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from unionplan.errors import UserInputError

MAX_AMOUNT = Decimal("10000000")  # 一千万元: more than any single activity's spending


def clean_amount(value: object) -> Decimal:
    """A positive amount in yuan with two decimals, or UserInputError in Chinese."""
    text = str(value if value is not None else "").strip()
    text = text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    text = text.removesuffix("元").strip()
    if not text:
        raise UserInputError("请填写金额。")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise UserInputError(f"金额应为数字（单位：元），而不是“{value}”。") from None
    if not amount.is_finite():
        raise UserInputError(f"金额应为数字（单位：元），而不是“{value}”。")
    if amount <= 0:
        raise UserInputError("金额须大于0元。")
    if amount >= MAX_AMOUNT:
        raise UserInputError("金额过大，请检查单位是否为元。")
    if amount != amount.quantize(Decimal("0.01")):
        raise UserInputError("金额最多精确到分（两位小数）。")
    return amount.quantize(Decimal("0.01"))
