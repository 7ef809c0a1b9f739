"""Between the stored holiday schedules and the pure calendar library.

Every page and command that shows dates gets its ``HolidayCalendar`` from ``calendar()``,
so that a schedule an operator loaded is used everywhere at once, and asks ``notice()``
what to say when a year rests on no official schedule (nothing is shown as fact that is
only a guess). Loading goes through the library's strict parser first: a malformed file is
refused before anything stored is touched.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from unionplan import calendar as cal
from unionplan.agenda.models import HolidayRange, HolidaySchedule, MakeupWorkday
from unionplan.errors import UserInputError


def calendar() -> cal.HolidayCalendar:
    """The built-in official schedules plus every schedule an operator loaded (2 queries)."""
    stored = HolidaySchedule.objects.prefetch_related(
        Prefetch("ranges", queryset=HolidayRange.objects.prefetch_related("workdays"))
    )
    return cal.HolidayCalendar.with_schedules(as_library(row) for row in stored)


def as_library(row: HolidaySchedule) -> cal.HolidaySchedule:
    """A stored schedule as the library's value (its ranges and workdays prefetched)."""
    periods = tuple(
        cal.HolidayPeriod(
            holiday.name,
            holiday.start,
            holiday.end,
            tuple(day.date for day in holiday.workdays.all()),
        )
        for holiday in row.ranges.all()
    )
    return cal.HolidaySchedule(row.year, periods, row.source)


def notice(year: int, holidays: cal.HolidayCalendar) -> str:
    """What to tell the reader about ``year``'s holidays; "" when an official schedule is known."""
    if holidays.coverage(year) is not None:
        return ""
    return _(
        "%(year)d年的法定节假日安排尚未发布/载入，以下仅按周末和法定节日当天推算，"
        "调休上班日未知，日期仅供参考。国务院办公厅发布通知后，请管理员载入放假安排"
        "（unionplan calendar load 文件，或在后台管理上传）。"
    ) % {"year": year}


def parse(text: str, *, filename: str = "节假日安排.toml") -> cal.HolidaySchedule:
    """Check an uploaded or pasted schedule; JSON when the name or the text says so."""
    if filename.lower().endswith(".json") or text.lstrip().startswith("{"):
        return cal.parse_schedule_json(text, source_name=filename)
    return cal.parse_schedule_toml(text, source_name=filename)


def load_file(path: str, *, loaded_by: str = "") -> HolidaySchedule:
    """Read, check and store the schedule file at ``path`` (replacing that year's)."""
    schedule = cal.load_schedule(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError:  # pragma: no cover - just read by load_schedule
        text = ""
    return store(schedule, text=text, loaded_by=loaded_by)


def store(schedule: cal.HolidaySchedule, *, text: str = "", loaded_by: str = "") -> HolidaySchedule:
    """Save a checked schedule in one transaction, replacing any earlier one of its year.

    A year chinese-calendar already covers is refused: its built-in schedule always wins
    (see ``HolidayCalendar.coverage``), so a stored copy would never be used.
    """
    if cal.HolidayCalendar().coverage(schedule.year) == "official":
        raise UserInputError(
            _("%(year)d年的法定节假日安排已内置（chinese-calendar），无需载入。")
            % {"year": schedule.year}
        )
    with transaction.atomic():
        HolidaySchedule.objects.filter(year=schedule.year).delete()
        row = HolidaySchedule.objects.create(
            year=schedule.year, source=schedule.source[:300], file_text=text, loaded_by=loaded_by
        )
        for period in schedule.periods:
            holiday = HolidayRange.objects.create(
                schedule=row, name=period.name[:50], start=period.start, end=period.end
            )
            MakeupWorkday.objects.bulk_create(
                MakeupWorkday(holiday=holiday, date=day) for day in period.workdays
            )
    return row


def describe(schedule: cal.HolidaySchedule) -> list[str]:
    """One line per holiday: 春节：2027-02-05至2027-02-12，调休上班2027-02-13、2027-02-20."""
    lines = []
    for period in schedule.periods:
        line = f"{period.name}：{_span(period.start, period.end)}"
        if period.workdays:
            line += "，调休上班" + "、".join(day.isoformat() for day in period.workdays)
        lines.append(line)
    return lines


def _span(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}至{end.isoformat()}"


@dataclass(frozen=True)
class DayOff:
    """A run of consecutive statutory holiday days of one name, for listing a year."""

    name: str
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return f"{self.name}：{_span(self.start, self.end)}"


def year_days_off(year: int, holidays: cal.HolidayCalendar) -> list[DayOff]:
    """The year's statutory holidays as runs; [] when the year's schedule is unknown."""
    days = sorted((holidays.holidays_in_year(year) or {}).items())
    runs: list[DayOff] = []
    for _name, group in itertools.groupby(
        enumerate(days), key=lambda pair: (pair[1][1], pair[1][0].toordinal() - pair[0])
    ):
        members = [day for _index, day in group]
        runs.append(DayOff(members[0][1], members[0][0], members[-1][0]))
    return runs


def year_makeup_workdays(year: int, holidays: cal.HolidayCalendar) -> list[dt.date]:
    """The year's make-up workdays (调休上班); [] when unknown."""
    if holidays.coverage(year) is None:
        return []
    first = dt.date(year, 1, 1)
    days = (first + dt.timedelta(days=n) for n in range(366))
    return [day for day in days if day.year == year and holidays.is_makeup_workday(day)]
