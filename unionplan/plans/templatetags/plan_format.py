"""Numbers on the plan page as a union office writes them: 4 次, 1,200.00 元, 1—2 期."""

from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def plain_number(value: Decimal | None) -> str:
    """4.00 -> "4", 90.50 -> "90.5"; blank for none."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.filter
def yuan(value: Decimal | None) -> str:
    """An amount in yuan with thousands separators: 1200 -> "1,200.00"; blank for none."""
    if value is None:
        return ""
    return f"{value:,.2f}"


@register.filter
def target_value(target) -> str:
    """The value of a target: "4", or a range "1—2"."""
    if target.comparator == "range":
        return f"{plain_number(target.value)}—{plain_number(target.value_high)}"
    return plain_number(target.value)
