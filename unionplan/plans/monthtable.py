"""The month table (计划表) of a plan: activities grouped by month, with budget totals.

Pure Python so the web page and the document writers can group the same way. Works on any
objects with ``month``, ``end_month`` and ``budget`` (models or ``unionplan.plan.data.ItemData``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from unionplan.plan.wording import month_label


@dataclass
class MonthGroup:
    month: int
    end_month: int | None
    items: list[Any] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The month column of the web page: 一月份 in Chinese, "January" in other languages."""
        from django.utils.dates import MONTHS
        from django.utils.translation import get_language

        if (get_language() or "zh-hans").startswith("zh"):
            return month_label(self.month, self.end_month)
        if not self.end_month:
            return str(MONTHS[self.month])
        return f"{MONTHS[self.month]}–{MONTHS[self.end_month]}"

    @property
    def budget(self) -> Decimal:
        return budget_total(self.items)

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


def budget_total(items: list[Any]) -> Decimal:
    """The sum of the budgets given; items without a budget count as nothing."""
    return sum((item.budget for item in items if item.budget is not None), Decimal("0.00"))
