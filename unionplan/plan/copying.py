"""Copy last year's plan into a new year: pure, on ``unionplan.plan.data.PlanData``.

The text, sections, targets and the month table are kept; what belongs to the old year is
reset: dates move to the new year (29 February becomes 28 February when the new year has
none), every activity is planned again and the plan starts as a draft.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import replace

from unionplan.plan.data import ItemData, PlanData


def move_date(day: dt.date | None, year: int) -> dt.date | None:
    """``day`` in ``year``; 29 February falls back to 28 February in a common year."""
    if day is None:
        return None
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return day.replace(year=year)


def _item_for_year(item: ItemData, year: int) -> ItemData:
    start = move_date(item.date, year)
    end = move_date(item.end_date, year)
    if start and item.end_date and item.date and item.end_date.year > item.date.year:
        end = None  # a range across new year's day cannot be kept inside one plan year
    if start and end and end < start:
        end = None
    return replace(item, date=start, end_date=end, status="planned")


def for_new_year(data: PlanData, year: int, *, title: str | None = None) -> PlanData:
    """A copy of ``data`` for ``year``: dates moved, activities planned again, a draft.

    Without ``title``, the old year in the title (2026年…) becomes the new one.
    """
    if title is None:
        title = data.title.replace(str(data.year), str(year)) if data.year else data.title
    return replace(
        data,
        title=title,
        year=year,
        status="draft",
        items=[_item_for_year(item, year) for item in data.items],
    )
