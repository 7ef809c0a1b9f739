"""The month table's order of a plan's activities, the same on the page and in every file."""

from __future__ import annotations

import datetime as dt

from unionplan.plan.data import ItemData


def ordered_items(items: list[ItemData]) -> list[ItemData]:
    """The month table's order (as the plan page): by month, a single month before a span
    starting in it, dated before undated, then the order given."""

    def key(pair: tuple[int, ItemData]) -> tuple:
        index, item = pair
        span = item.end_month if item.end_month and item.end_month != item.month else 0
        return (item.month, span, item.date is None, item.date or dt.date.min, index)

    return [item for _, item in sorted(enumerate(items), key=key)]
