"""The month table's order of a plan's activities, the same on the page and in every file."""

from __future__ import annotations

import datetime as dt

from unionplan.plan.data import ItemData


def month_table_key(month: int, end_month: int | None, date: dt.date | None) -> tuple:
    """The one rule of the month table's order: by month, a single month before a span
    starting in it, dated before undated; ties keep the order given (sort stably)."""
    span = end_month if end_month and end_month != month else 0
    return (month, span, date is None, date or dt.date.min)


def ordered_items(items: list[ItemData]) -> list[ItemData]:
    """A plan's activities in the month table's order, as the plan page shows them."""
    return sorted(items, key=lambda item: month_table_key(item.month, item.end_month, item.date))
