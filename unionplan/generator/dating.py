"""Putting a library activity on real dates of a given year.

A festival activity lands ``days_before`` days before its festival; a month activity on its
``day``. With the "workday" rule the date then moves to a workday: before the festival for
visits (a 重阳 visit must not slip past 重阳), later within the month for month activities
(the 15th falling on a Sunday becomes the 16th or 17th). Nothing ever leaves the plan's year.
"""

from __future__ import annotations

import calendar
import datetime as dt

from unionplan.calendar import HolidayCalendar, festival_date, move_to_workday, previous_workday
from unionplan.generator.library import Activity


def date_activity(
    activity: Activity, year: int, holidays: HolidayCalendar
) -> tuple[dt.date, dt.date | None] | None:
    """(date, end_date or None) of ``activity`` in ``year``; None if its festival is absent."""
    start = _anchor(activity, year)
    if start is None:
        return None
    if activity.rule == "workday":
        start = _to_workday(activity, start, holidays)
    end = _end(activity, year, start)
    if end is not None and activity.rule == "workday" and not holidays.is_workday(end):
        end = max(previous_workday(end, holidays), start)
    return start, (end if end and end > start else None)


def _anchor(activity: Activity, year: int) -> dt.date | None:
    if activity.festival:
        festival = festival_date(year, activity.festival)
        if festival is None:
            return None  # e.g. 医师节 before 2018: the activity does not apply
        return _clamp(festival - dt.timedelta(days=activity.days_before), year)
    return dt.date(year, activity.month, activity.day)


def _to_workday(activity: Activity, date: dt.date, holidays: HolidayCalendar) -> dt.date:
    if activity.festival:
        prefer = "earlier" if activity.days_before >= 0 else "later"
        return move_to_workday(date, holidays, prefer=prefer, year=date.year)
    moved = move_to_workday(date, holidays, prefer="later", year=date.year)
    if moved.month != date.month:  # keep a month activity in its month
        moved = move_to_workday(date, holidays, prefer="earlier", year=date.year)
    return moved


def _end(activity: Activity, year: int, start: dt.date) -> dt.date | None:
    if activity.end_month:
        last = calendar.monthrange(year, activity.end_month)[1]
        return dt.date(year, activity.end_month, min(activity.end_day or last, last))
    if activity.days > 1:
        return _clamp(start + dt.timedelta(days=activity.days - 1), year)
    return None


def _clamp(date: dt.date, year: int) -> dt.date:
    return min(max(date, dt.date(year, 1, 1)), dt.date(year, 12, 31))
