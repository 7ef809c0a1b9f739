"""Moving a date onto a workday, and dating "N days before festival X".

Used by the plan generator: a visit planned for a Sunday or a day of the 国庆 holiday moves to
the nearest workday in the direction that keeps its meaning (visits before a festival stay
before it) and never leaves the plan's year.
"""

from __future__ import annotations

import datetime as dt

from unionplan.calendar.festivals import festival_date
from unionplan.calendar.holidays import HolidayCalendar
from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.errors import UserInputError

_ONE_DAY = dt.timedelta(days=1)
_MAX_SEARCH_DAYS = 40  # longer than any holiday plus weekends


def next_workday(
    date: dt.date, holidays: HolidayCalendar | None = None, *, include_self: bool = True
) -> dt.date:
    """The first workday on or after ``date`` (strictly after if ``include_self`` is False)."""
    return _found(_search(date, holidays or HolidayCalendar(), _ONE_DAY, include_self), date)


def previous_workday(
    date: dt.date, holidays: HolidayCalendar | None = None, *, include_self: bool = True
) -> dt.date:
    """The last workday on or before ``date`` (strictly before if ``include_self`` is False)."""
    return _found(_search(date, holidays or HolidayCalendar(), -_ONE_DAY, include_self), date)


def _search(
    date: dt.date, holidays: HolidayCalendar, step: dt.timedelta, include_self: bool
) -> dt.date:
    """The nearest workday in direction ``step``; None if the search leaves 1950–2100."""
    day = date if include_self else date + step
    for _ in range(_MAX_SEARCH_DAYS):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return None
        if holidays.is_workday(day):
            return day
        day += step
    raise AssertionError(f"no workday within {_MAX_SEARCH_DAYS} days of {date}")  # pragma: no cover


def _found(day: dt.date | None, date: dt.date) -> dt.date:
    if day is None:
        raise UserInputError(f"{date}附近的工作日超出了{FIRST_YEAR}到{LAST_YEAR}年的范围。")
    return day


def move_to_workday(
    date: dt.date,
    holidays: HolidayCalendar | None = None,
    *,
    prefer: str = "earlier",
    year: int | None = None,
) -> dt.date:
    """``date`` if it is a workday, else the nearest workday in direction ``prefer``.

    When that would leave ``year`` (a 元旦 event cannot move to the previous December), the
    other direction is taken instead.
    """
    if prefer not in {"earlier", "later"}:
        raise ValueError(f"prefer must be 'earlier' or 'later', not {prefer!r}")
    holidays = holidays or HolidayCalendar()
    year = year or date.year
    steps = (-_ONE_DAY, _ONE_DAY) if prefer == "earlier" else (_ONE_DAY, -_ONE_DAY)
    for step in steps:
        moved = _search(date, holidays, step, True)
        if moved is not None and moved.year == year:
            return moved
    return _found(None, date)  # pragma: no cover - every year has workdays


def days_before_festival(
    year: int,
    key: str,
    days: int,
    holidays: HolidayCalendar | None = None,
    *,
    workday: bool = True,
) -> dt.date:
    """The date ``days`` days before festival ``key`` in ``year``, moved off days off.

    With ``workday`` the date moves to the previous workday (the visit still comes before the
    festival); a negative ``days`` means after the festival, and then the date moves later.
    Raises UserInputError if the festival does not fall in ``year`` (医师节 before 2018).
    """
    festival = festival_date(year, key)
    if festival is None:
        raise UserInputError(f"{year}年没有“{key}”这个节日。")
    date = festival - dt.timedelta(days=days)
    if date.year != year:
        date = dt.date(year, 1, 1) if date.year < year else dt.date(year, 12, 31)
    if not workday:
        return date
    return move_to_workday(date, holidays, prefer="earlier" if days >= 0 else "later", year=year)
