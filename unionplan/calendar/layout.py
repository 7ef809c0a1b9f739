"""Laying a plan's activities out on a calendar: the month grid and the year list.

No Django: works on any objects with ``date``, ``end_date``, ``month`` and ``end_month``
(stored ``ScheduleItem`` rows or generated ``ItemData``), so the wizard's preview and the
plan's calendar pages draw the same way. Days carry their festivals and, where an official
schedule is known, whether they are statutory holidays (休) or make-up workdays (班).
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from unionplan import calendar as cal
from unionplan.plan.wording import when_label

WEEKDAYS = "一二三四五六日"


@dataclass
class DayInfo:
    """What a date is, apart from the plan: festivals, holiday, make-up workday, weekend."""

    date: dt.date
    festivals: list[str] = field(default_factory=list)
    holiday: str = ""  # the statutory holiday the day belongs to (official schedules only)
    makeup: bool = False  # a weekend day worked (调休上班)

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.date.weekday()]

    @property
    def weekend(self) -> bool:
        return self.date.weekday() >= 5

    @property
    def day_off(self) -> bool:
        return bool(self.holiday) or (self.weekend and not self.makeup)


@dataclass
class Cell:
    info: DayInfo
    in_month: bool
    items: list[Any] = field(default_factory=list)


@dataclass
class MonthGrid:
    year: int
    month: int
    weeks: list[list[Cell]]
    ongoing: list[Any]  # dated activities begun in an earlier month and still running
    undated: list[Any]  # activities of the month without a day

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"


class DayBook:
    """The festival and holiday facts of one year, looked up per day without recomputing."""

    def __init__(self, year: int, holidays: cal.HolidayCalendar) -> None:
        self.year = year
        self.holidays = holidays
        self.festivals: dict[dt.date, list[str]] = defaultdict(list)
        for festival in cal.festivals_for_year(year, holidays):
            self.festivals[festival.date].append(festival.name)
        self.days_off = holidays.holidays_in_year(year) or {}
        self.official = holidays.coverage(year) is not None

    def info(self, date: dt.date) -> DayInfo:
        if date.year != self.year:  # the grid's leading/trailing days of another year
            return DayInfo(date)
        makeup = bool(self.official and self.holidays.is_makeup_workday(date))
        return DayInfo(
            date, list(self.festivals.get(date, [])), self.days_off.get(date, ""), makeup
        )


def month_grid(year: int, month: int, items: list[Any], book: DayBook) -> MonthGrid:
    """Weeks Monday–Sunday covering ``month``; each dated activity sits on its first day."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, stdcal.monthrange(year, month)[1])
    by_day: dict[dt.date, list[Any]] = defaultdict(list)
    ongoing, undated = [], []
    for item in items:
        if item.date:
            end = item.end_date or item.date
            if first <= item.date <= last:
                by_day[item.date].append(item)
            elif item.date < first <= end:
                ongoing.append(item)
        elif item.month <= month <= (item.end_month or item.month):
            undated.append(item)
    weeks = []
    for week in stdcal.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [Cell(book.info(day), day.month == month, by_day.get(day, [])) for day in week]
        )
    return MonthGrid(year, month, weeks, ongoing, undated)


@dataclass
class YearRow:
    """A line of the year list: an activity with what its date is."""

    item: Any
    when: str
    info: DayInfo | None


def year_rows(items: list[Any], book: DayBook) -> list[YearRow]:
    """Dated activities by date, then undated ones by month (as the plan's month table)."""
    dated = sorted((item for item in items if item.date), key=lambda item: item.date)
    undated = sorted(
        (item for item in items if not item.date),
        key=lambda item: (item.month, item.end_month or item.month),
    )
    rows = [YearRow(item, when_with_weekday(item), book.info(item.date)) for item in dated]
    rows += [YearRow(item, when_with_weekday(item), None) for item in undated]
    return rows


def when_with_weekday(item: Any) -> str:
    """The plan's "when" (``unionplan.plan.wording.when_label``) with the weekday of a single
    day: ``3月8日（周一）``, ``3月3日—6月30日``, ``3月`` or ``7—8月``."""
    label = when_label(item)
    if item.date and (not item.end_date or item.end_date == item.date):
        label += f"（周{WEEKDAYS[item.date.weekday()]}）"
    return label


def months_of(rows: list[YearRow]) -> list[tuple[int, list[YearRow]]]:
    """Year rows grouped by the month they start in, for the wizard's preview table."""
    groups: dict[int, list[YearRow]] = defaultdict(list)
    for row in rows:
        groups[row.item.date.month if row.item.date else row.item.month].append(row)
    return sorted(groups.items())
