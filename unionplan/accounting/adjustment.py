"""The one budget adjustment (预算调整) of a year: reading the amounts, comparing with the approved.

An adjustment names the expense lines it changes with their new amounts and gives a reason;
lines it does not name keep their approved amount. Amounts are keyed like the mapping table
(``职工活动支出/文体活动``, ``维权支出``), Decimal throughout.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from unionplan.accounting.budget import CENT, MAX_FIGURE
from unionplan.accounting.lines import expense_line, expense_lines
from unionplan.errors import UserInputError
from unionplan.plan.money import decimal, parse_yuan

ZERO = Decimal("0.00")
MAX_REASON_LENGTH = 500


def clean_amounts(values: Mapping[str, object]) -> dict[str, Decimal]:
    """{line key: amount} from what was typed; an unknown line or a bad amount is refused.

    Blank amounts are left out (the line keeps its approved amount); 0 is kept (the line's
    budget is taken away).
    """
    cleaned: dict[str, Decimal] = {}
    for name, value in values.items():
        line = expense_line(name)
        if value is None or str(value).strip() == "":
            continue
        amount = parse_yuan(value, what=f"“{line.label}”的调整后预算", maximum=MAX_FIGURE)
        if amount < 0:
            raise UserInputError(f"“{line.label}”的调整后预算不能为负数。")
        cleaned[line.key] = amount.quantize(CENT)
    return cleaned


def clean_reason(reason: object) -> str:
    """An adjustment is kept with the reason for it: required, at most 500 characters."""
    text = str(reason or "").strip()
    if not text:
        raise UserInputError("预算调整须写明调整理由。")
    if len(text) > MAX_REASON_LENGTH:
        raise UserInputError(f"调整理由不能超过{MAX_REASON_LENGTH}字。")
    return text


def adjusted(approved: Mapping[str, Decimal], changes: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """The whole budget after the adjustment: the approved amounts with the changes applied."""
    result = {key: decimal(amount) for key, amount in approved.items()}
    result.update({key: decimal(amount) for key, amount in changes.items()})
    return result


@dataclass(frozen=True)
class ComparedLine:
    key: str
    label: str
    approved: Decimal
    adjusted: Decimal

    @property
    def difference(self) -> Decimal:
        return self.adjusted - self.approved

    @property
    def changed(self) -> bool:
        return self.adjusted != self.approved


def compare(
    approved: Mapping[str, Decimal], adjusted_amounts: Mapping[str, Decimal] | None
) -> list[ComparedLine]:
    """Every expense line with an amount in either budget, side by side (adjusted = approved
    when there is no adjustment), in the chart's order, then a total line."""
    after = adjusted_amounts if adjusted_amounts is not None else approved
    rows = []
    for line in expense_lines():
        old = decimal(approved.get(line.key, ZERO))
        new = decimal(after.get(line.key, ZERO))
        if old or new:
            rows.append(ComparedLine(line.key, line.label, old, new))
    rows.append(
        ComparedLine(
            "total",
            "合计",
            sum((r.approved for r in rows), ZERO),
            sum((r.adjusted for r in rows), ZERO),
        )
    )
    return rows
