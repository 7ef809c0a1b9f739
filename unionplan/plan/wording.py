"""The words every page and file prints the same way: the "when" of an activity, targets.

Word, Excel, iCal, the plan page and the reminders each show an activity's time and its
targets; deciding the text in one place keeps them all saying the same thing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from unionplan import vocab
from unionplan.numerals import to_chinese
from unionplan.plan.data import ItemData, TargetData
from unionplan.plan.money import decimal

DASH = "—"  # 一字线 of GB/T 15835 for ranges: 7—8月, 3月8日—10日


def when_label(item: ItemData) -> str:
    """The 月份 cell: ``3月``, ``7—8月``, ``3月8日``, ``3月8日—10日``, ``3月30日—4月2日``."""
    if item.date:
        return date_range_label(item.date, item.end_date)
    if item.end_month and item.end_month != item.month:
        return f"{item.month}{DASH}{item.end_month}月"
    return f"{item.month}月"


def month_label(month: int, end_month: int | None = None) -> str:
    """一月份; a span of two months 七、八月份; longer spans 三至五月份."""
    if not end_month or end_month == month:
        return f"{to_chinese(month)}月份"
    joiner = "、" if end_month == month + 1 else "至"
    return f"{to_chinese(month)}{joiner}{to_chinese(end_month)}月份"


def date_range_label(start: dt.date, end: dt.date | None = None) -> str:
    """``3月8日``; a range repeats the month only when it changes."""
    text = f"{start.month}月{start.day}日"
    if end is None or end == start:
        return text
    if end.month == start.month:
        return f"{text}{DASH}{end.day}日"
    return f"{text}{DASH}{end.month}月{end.day}日"


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
