"""目标分解: a federation's target split into shares for its child unions. Pure arithmetic.

Three ways to split (``METHODS``): equally, in proportion to each union's members, or typed
per union. Shares are whole numbers when the target is a whole number (4次, 10家) and
hundredths otherwise; rounding is by largest remainder (Hamilton's method), so the shares
always add up to the target exactly and no union is more than one unit off its exact part.
Typed shares must add up to the target themselves. A level (a rate in %) or a range is not
split: each union sets its own. The federation's progress is the sum of its unions'
(``rolled_up``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from unionplan.errors import UserInputError
from unionplan.plan.wording import number

EQUAL, MEMBERS, TYPED = "equal", "members", "typed"
METHODS = [(EQUAL, "平均分配"), (MEMBERS, "按会员人数"), (TYPED, "逐个填写")]
SPLITTABLE_COMPARATORS = frozenset({">=", "<=", "="})
RATE_UNITS = frozenset({"%", "％"})
MAX_SHARE_PLACES = 2


def check_splittable(comparator: str, value: Decimal | None, unit: str) -> None:
    """Refuse a target that cannot be shared out (no number, a range, a rate)."""
    if comparator not in SPLITTABLE_COMPARATORS:
        raise UserInputError("区间目标不能分解，请改为单一数值后再分解。")
    if value is None or value <= 0:
        raise UserInputError("目标没有大于零的数值，不能分解。")
    if unit.strip() in RATE_UNITS:
        raise UserInputError("比率（%）目标不能按份额分解，请由各工会分别设定。")


def step_of(total: Decimal) -> Decimal:
    """The unit shares are counted in: 1 for a whole-number target, else 0.01."""
    return Decimal(1) if total == total.to_integral_value() else Decimal("0.01")


def split(total: Decimal, weights: Sequence[Decimal | int]) -> list[Decimal]:
    """``total`` shared in proportion to ``weights``; the shares add up to ``total``."""
    if not weights:
        raise UserInputError("没有下级工会，无法分解目标。")
    if any(weight < 0 for weight in weights):
        raise UserInputError("分配依据不能为负数。")
    whole = sum(Decimal(weight) for weight in weights)
    if whole <= 0:
        raise UserInputError("下级工会都还没有会员，不能按会员人数分解；请平均分配或逐个填写。")
    step = step_of(total)
    units = int(total / step)
    exact = [Decimal(weight) * units / whole for weight in weights]
    floors = [int(part.to_integral_value(rounding=ROUND_FLOOR)) for part in exact]
    left = units - sum(floors)
    by_remainder = sorted(range(len(exact)), key=lambda i: (floors[i] - exact[i], i))
    for i in by_remainder[:left]:
        floors[i] += 1
    return [Decimal(count) * step for count in floors]


def equal(total: Decimal, count: int) -> list[Decimal]:
    """``total`` shared equally among ``count`` unions (the first ones get the remainder)."""
    return split(total, [1] * count)


def check_typed(total: Decimal, shares: Sequence[Decimal], unit: str = "") -> None:
    """Typed shares: none negative, at most hundredths, adding up to ``total``."""
    for share in shares:
        if share < 0:
            raise UserInputError("份额不能为负数。")
        if share != share.quantize(Decimal("0.01")):
            raise UserInputError(f"份额最多保留{MAX_SHARE_PLACES}位小数。")
    given = sum(shares, Decimal(0))
    if given != total:
        raise UserInputError(
            f"各工会份额合计{number(given)}{unit}，与目标{number(total)}{unit}不符，"
            f"请调整后再保存（相差{number(abs(total - given))}{unit}）。"
        )


def rolled_up(currents: Sequence[Decimal | None]) -> Decimal | None:
    """The federation's value: the sum of what its unions report (None when none has)."""
    known = [current for current in currents if current is not None]
    return sum(known, Decimal(0)) if known else None
