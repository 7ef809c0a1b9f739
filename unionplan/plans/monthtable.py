"""The plan page's month table (计划表): activities grouped by month, with budget totals.

Works on any objects with ``month``, ``end_month`` and ``budget`` (models or
``unionplan.plan.data.ItemData``). It stays in the app because a group's label is the
month's name in the reader's language (Django's translations); the Chinese wording and the
totals are the plan library's (``unionplan.plan.wording``, ``unionplan.plan.money``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from unionplan.plan.money import total_budget
from unionplan.plan.wording import month_label


@dataclass
class MonthGroup:
    month: int
    end_month: int | None
    items: list[Any] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The month column of the web page: 一月份 in Chinese, "January" in other languages."""
        # Imported here so that the grouping itself can be used (and tested) without settings.
        from django.utils.dates import MONTHS
        from django.utils.translation import get_language

        if (get_language() or "zh-hans").startswith("zh"):
            return month_label(self.month, self.end_month)
        if not self.end_month:
            return str(MONTHS[self.month])
        return f"{MONTHS[self.month]}–{MONTHS[self.end_month]}"

    @property
    def budget(self) -> Decimal:
        return total_budget(self.items)

    def rows(self) -> list[tuple[Any, bool, bool]]:
        """(item, can move up, can move down): dated activities keep their date order, so
        an item moves only past neighbours of the same date (or, undated, other undated)."""
        items = self.items
        return [
            (
                item,
                index > 0 and items[index - 1].date == item.date,
                index + 1 < len(items) and items[index + 1].date == item.date,
            )
            for index, item in enumerate(items)
        ]


def month_groups(items: list[Any]) -> list[MonthGroup]:
    """Consecutive items of the same month (or span) together, in the order given."""
    groups: list[MonthGroup] = []
    for item in items:
        end = item.end_month if item.end_month and item.end_month != item.month else None
        if not groups or (groups[-1].month, groups[-1].end_month) != (item.month, end):
            groups.append(MonthGroup(item.month, end))
        groups[-1].items.append(item)
    return groups
