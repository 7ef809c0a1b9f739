"""The words and figures every writer prints the same way: month cells, money, targets.

Word, Excel and iCal each show an activity's time, budget and targets; deciding the text in
one place keeps the three files (and the year-end summary) saying the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from unionplan import vocab
from unionplan.plandata import ItemData, TargetData

DASH = "—"  # 一字线 of GB/T 15835 for ranges: 7—8月, 3月8日—10日


def when_label(item: ItemData) -> str:
    """The 月份 cell: ``3月``, ``7—8月``, ``3月8日``, ``3月8日—10日``, ``3月30日—4月2日``."""
    if item.date:
        return date_range_label(item.date, item.end_date)
    if item.end_month and item.end_month != item.month:
        return f"{item.month}{DASH}{item.end_month}月"
    return f"{item.month}月"


def date_range_label(start: dt.date, end: dt.date | None = None) -> str:
    """``3月8日``; a range repeats the month only when it changes."""
    text = f"{start.month}月{start.day}日"
    if end is None or end == start:
        return text
    if end.month == start.month:
        return f"{text}{DASH}{end.day}日"
    return f"{text}{DASH}{end.month}月{end.day}日"


def decimal(value: Decimal | float | str) -> Decimal:
    """``value`` as a Decimal: PlanData says Decimal, but callers may hand an int or float."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def money(amount: Decimal | None) -> str:
    """Yuan as printed in a plan: ``2,000`` or ``1,234.50``; nothing when there is no budget."""
    if amount is None:
        return ""
    amount = decimal(amount)
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def total_budget(items: Iterable[ItemData]) -> Decimal:
    """The sum of the budgets; activities without one count as nothing."""
    budgets = (decimal(item.budget) for item in items if item.budget is not None)
    return sum(budgets, Decimal("0.00"))


def ordered_items(items: list[ItemData]) -> list[ItemData]:
    """The month table's order (as the plan page): by month, a single month before a span
    starting in it, dated before undated, then the order given."""

    def key(pair: tuple[int, ItemData]) -> tuple:
        index, item = pair
        span = item.end_month if item.end_month and item.end_month != item.month else 0
        return (item.month, span, item.date is None, item.date or dt.date.min, index)

    return [item for _, item in sorted(enumerate(items), key=key)]


def number(value: Decimal | None) -> str:
    """A target value without a needless ``.0``: 4, 90, 2.5."""
    if value is None:
        return ""
    normal = decimal(value).normalize()
    return f"{normal:f}" if normal != normal.to_integral_value() else f"{int(normal)}"


def target_label(target: TargetData) -> str:
    """A target as a phrase: its own text, or one built from its figures (不少于4次)."""
    text = target.text.strip().rstrip("。；;，,")
    if text:
        return text
    if target.comparator == "range":
        return f"{number(target.value)}{DASH}{number(target.value_high)}{target.unit}"
    return f"{vocab.label(vocab.COMPARATORS, target.comparator)}{number(target.value)}{target.unit}"


def targets_sentence(targets: list[TargetData]) -> str:
    """``工作目标：甲；乙。`` — targets inline, as plans write them; empty when there are none."""
    phrases = [target_label(target) for target in targets]
    phrases = [phrase for phrase in phrases if phrase]
    if not phrases:
        return ""
    return "工作目标：" + "；".join(phrases) + "。"


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of a text field, each one paragraph of the document."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
