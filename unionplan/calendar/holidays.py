"""Statutory holidays and make-up workdays: official where known, flagged where not.

Three sources, in order of authority:

1. ``chinese-calendar`` (built in): the State Council's schedules for 2004–2026 today.
2. An operator-supplied schedule (see ``schedule_file``) for a year the package does not
   cover yet, typed in from the State Council notice once it is published.
3. Nothing official: the day is a workday unless it is a weekend or a day that the national
   holiday law itself fixes (元旦, 春节…, see ``LEGAL_DAYS``). Such an answer is *unofficial*:
   make-up workdays (调休) cannot be known, so callers must show it as tentative.

``coverage(year)`` says which source answers for a year: "official", "operator" or None.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

import chinese_calendar

from unionplan.calendar.festivals import (
    FESTIVAL_KEYS,
    RULES,
    RULES_BY_KEY,
    Festival,
    rule_dates,
    spring_festival,
)
from unionplan.calendar.years import check_year


@dataclass(frozen=True)
class HolidayPeriod:
    """One named holiday of an official schedule: 春节 2027-02-05 to 2027-02-11."""

    name: str
    start: dt.date
    end: dt.date
    workdays: tuple[dt.date, ...] = ()  # make-up workdays (调休上班) that belong to it

    def days(self) -> list[dt.date]:
        count = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=n) for n in range(count)]


@dataclass(frozen=True)
class HolidaySchedule:
    """The official holiday schedule of one year, as loaded from an operator's file."""

    year: int
    periods: tuple[HolidayPeriod, ...]
    source: str = ""  # e.g. 国办发明电〔2026〕X号

    def holiday_names(self) -> dict[dt.date, str]:
        return dict(_holiday_names(self))

    def _names(self) -> dict[dt.date, str]:
        return {day: period.name for period in self.periods for day in period.days()}

    def makeup_workdays(self) -> dict[dt.date, str]:
        return {day: period.name for period in self.periods for day in period.workdays}


@functools.lru_cache(maxsize=64)
def _holiday_names(schedule: HolidaySchedule) -> dict[dt.date, str]:
    return schedule._names()


# --- the national holiday law (全国年节及纪念日放假办法), by the year each version began ----
# (first year, lunar days as (month, day) with (12, 0) meaning 除夕, solar days as (m, d),
#  whether 清明/端午/中秋 are holidays). Used only where no official schedule is known.
_LAW_VERSIONS = (
    (1950, [(1, 1), (1, 2), (1, 3)], [(1, 1), (5, 1), (10, 1), (10, 2)], False),
    (2000, [(1, 1), (1, 2), (1, 3)], [(1, 1), (5, 1), (5, 2), (5, 3), (10, 1), (10, 2), (10, 3)], False),
    (2008, [(12, 0), (1, 1), (1, 2)], [(1, 1), (5, 1), (10, 1), (10, 2), (10, 3)], True),
    (2014, [(1, 1), (1, 2), (1, 3)], [(1, 1), (5, 1), (10, 1), (10, 2), (10, 3)], True),
    (2025, [(12, 0), (1, 1), (1, 2), (1, 3)], [(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)], True),
)  # fmt: skip


def legal_days(year: int) -> dict[dt.date, str]:
    """Days the holiday law in force in ``year`` makes days off, whatever the schedule says.

    These are facts of law, not guesses; the schedule adds bridging days and make-up workdays
    around them, which is what only an official schedule can tell.
    """
    return dict(_legal_days(year))


@functools.lru_cache(maxsize=256)
def _legal_days(year: int) -> dict[dt.date, str]:
    """Cached; callers get a copy from ``legal_days``."""
    _, lunar, solar, three_more = [v for v in _LAW_VERSIONS if v[0] <= year][-1]
    days: dict[dt.date, str] = {dt.date(year, m, d): _SOLAR_LAW_NAMES[m] for m, d in solar}
    new_year = spring_festival(year)
    for month, day in lunar:
        offset = -1 if month == 12 else day - 1
        days[new_year + dt.timedelta(days=offset)] = "春节"
    if three_more:
        for key, name in (
            ("qingming", "清明节"),
            ("dragon_boat", "端午节"),
            ("mid_autumn", "中秋节"),
        ):
            for date in rule_dates(RULES_BY_KEY[key], year):
                days[date] = name
    return days


_SOLAR_LAW_NAMES = {1: "元旦", 5: "劳动节", 10: "国庆节"}

_OFFICIAL_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def _builtin_years() -> frozenset[int]:
    return frozenset(day.year for day in chinese_calendar.holidays)


@dataclass
class HolidayCalendar:
    """Answers "is this day off?" for any year, and says how sure the answer is."""

    schedules: dict[int, HolidaySchedule] = field(default_factory=dict)

    @classmethod
    def with_schedules(cls, schedules: Iterable[HolidaySchedule]) -> HolidayCalendar:
        """A calendar with operator schedules added; later schedules of a year replace earlier."""
        return cls({schedule.year: schedule for schedule in schedules})

    def add(self, schedule: HolidaySchedule) -> None:
        self.schedules[schedule.year] = schedule

    def coverage(self, year: int) -> str | None:
        """ "official" (built in), "operator" (loaded from a file) or None (not known).

        The built-in schedule wins over an operator's: once chinese-calendar covers a year,
        an old operator file for it is no longer consulted.
        """
        year = check_year(year)
        if year in _BUILTIN_YEARS:
            return "official"
        if year in self.schedules:
            return "operator"
        return None

    def holiday_name(self, date: dt.date) -> str | None:
        """The statutory holiday ``date`` belongs to (春节, 国庆节…), if a schedule says so."""
        coverage = self.coverage(date.year)
        if coverage == "official":
            name = chinese_calendar.holidays.get(date)
            return _OFFICIAL_NAMES.get(name, name) if name else None
        if coverage == "operator":
            return _holiday_names(self.schedules[date.year]).get(date)
        return None

    def is_statutory_holiday(self, date: dt.date) -> bool | None:
        """True/False from an official or operator schedule; None where the year is unknown."""
        if self.coverage(date.year) is None:
            return None
        return self.holiday_name(date) is not None

    def is_makeup_workday(self, date: dt.date) -> bool | None:
        """Is ``date`` a weekend day worked in exchange for a holiday (调休上班)? None: unknown."""
        coverage = self.coverage(date.year)
        if coverage == "official":
            return date.weekday() >= 5 and chinese_calendar.is_workday(date)
        if coverage == "operator":
            return date in self.schedules[date.year].makeup_workdays()
        return None

    def is_workday(self, date: dt.date) -> bool:
        """Whether people work on ``date``; unofficial where ``coverage`` is None.

        Without a schedule, weekends and the days fixed by the holiday law are days off and
        everything else counts as a workday — see ``is_official``.
        """
        if self.coverage(date.year) is None:
            return date.weekday() < 5 and date not in _legal_days(date.year)
        if self.is_makeup_workday(date):
            return True
        return date.weekday() < 5 and not self.is_statutory_holiday(date)

    def is_official(self, date: dt.date) -> bool:
        """Whether ``is_workday(date)`` rests on an official schedule rather than weekends."""
        return self.coverage(date.year) is not None

    def holidays_in_year(self, year: int) -> dict[dt.date, str] | None:
        """Every statutory holiday day of ``year`` with its name; None where unknown."""
        coverage = self.coverage(year)
        if coverage == "operator":
            return self.schedules[year].holiday_names()
        if coverage == "official":
            days = (dt.date(year, 1, 1) + dt.timedelta(days=n) for n in range(366))
            return {
                d: self.holiday_name(d) for d in days if d.year == year and self.holiday_name(d)
            }
        return None


_BUILTIN_YEARS = _builtin_years()


def festivals_for_year(year: int, holidays: HolidayCalendar | None = None) -> list[Festival]:
    """All festivals of ``year`` in date order, each flagged with its statutory-holiday status.

    ``holidays`` supplies the official schedule (built in from chinese-calendar, plus any the
    operator loaded); without one, only the built-in schedule is known.
    """
    year = check_year(year)
    holidays = holidays or HolidayCalendar()
    found = [
        Festival(date, rule.name, rule.key, rule.lunar, holidays.is_statutory_holiday(date))
        for rule in RULES
        for date in rule_dates(rule, year)
    ]
    return sorted(found, key=lambda festival: (festival.date, FESTIVAL_KEYS.index(festival.key)))
