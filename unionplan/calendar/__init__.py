"""Festival dates and statutory holidays for any year 1950–2100. No Django imports.

Public API (everything a command, view or the plan generator needs)::

    from unionplan.calendar import (
        festivals_for_year, festival_date, Festival, FESTIVAL_KEYS,
        HolidayCalendar, HolidaySchedule, load_schedule, schedule_from_dict,
        next_workday, previous_workday, move_to_workday, days_before_festival, check_year,
    )

    festivals_for_year(2027)                  # -> [Festival(date, name, key, lunar, statutory_holiday)]
    [f.to_json() for f in festivals_for_year(2026)]   # the `unionplan calendar YEAR --json` shape

    cal = HolidayCalendar()                   # built-in official schedules (chinese-calendar)
    cal.coverage(2026)                        # "official"
    cal.coverage(2027)                        # None: not published in the package yet
    cal.add(load_schedule("2027.toml"))       # the operator types in the State Council notice
    cal.coverage(2027)                        # "operator"
    cal.is_workday(day), cal.is_official(day) # is_official False -> show the answer as tentative
    days_before_festival(2027, "double_ninth", 3, cal)   # 重阳 visit, moved off days off

Lunar festivals and 清明/冬至 come from ``lunar-python``; statutory holidays from
``chinese-calendar`` (2004–2026 in version 1.11) or an operator file (format in
``schedule_file``). Where neither covers a year, ``Festival.statutory_holiday`` is None and
``is_workday`` falls back to weekends plus the days fixed by the holiday law, flagged by
``is_official(day) == False``. A year outside 1950–2100 raises ``UserInputError``.
"""

from unionplan.calendar.festivals import (
    FESTIVAL_KEYS,
    RULES,
    Festival,
    festival_date,
    festivals_named,
)
from unionplan.calendar.holidays import (
    HolidayCalendar,
    HolidayPeriod,
    HolidaySchedule,
    festivals_for_year,
    legal_days,
)
from unionplan.calendar.schedule_file import (
    load_schedule,
    parse_schedule_json,
    parse_schedule_toml,
    schedule_from_dict,
)
from unionplan.calendar.workdays import (
    days_before_festival,
    move_to_workday,
    next_workday,
    previous_workday,
)
from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR, check_year

__all__ = [
    "FESTIVAL_KEYS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "RULES",
    "Festival",
    "HolidayCalendar",
    "HolidayPeriod",
    "HolidaySchedule",
    "check_year",
    "days_before_festival",
    "festival_date",
    "festivals_for_year",
    "festivals_named",
    "legal_days",
    "load_schedule",
    "move_to_workday",
    "next_workday",
    "parse_schedule_json",
    "parse_schedule_toml",
    "previous_workday",
    "schedule_from_dict",
]
