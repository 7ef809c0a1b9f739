"""Reading an operator's official holiday schedule for a year chinese-calendar does not cover.

The file is TOML (or the same structure as JSON, with dates as "YYYY-MM-DD" strings)::

    year = 2027
    source = "国务院办公厅关于2027年部分节假日安排的通知"   # optional

    [[holiday]]
    name = "春节"
    start = 2027-02-05          # first day off
    end = 2027-02-12            # last day off (inclusive)
    workdays = [2027-01-31, 2027-02-20]   # optional: make-up workdays (调休上班)

The loader is strict, because a wrong schedule silently moves every activity of a plan: an
unknown key, a date outside the year, an end before its start, overlapping holidays, a
make-up workday that is not a weekend day or falls inside a holiday — each is refused with a
message in Chinese naming the entry.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import tomllib
from pathlib import Path

from unionplan.calendar.holidays import HolidayPeriod, HolidaySchedule
from unionplan.calendar.years import check_year
from unionplan.errors import UserInputError

MAX_HOLIDAY_DAYS = 15  # the longest official holiday so far is 8 days; more is a typo
_TOP_KEYS = {"year", "source", "holiday"}
_HOLIDAY_KEYS = {"name", "start", "end", "workdays"}


def load_schedule(path: str | Path) -> HolidaySchedule:
    """Read and check a schedule file (.toml or .json)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserInputError(f"找不到节假日安排文件：{path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UserInputError(f"无法读取节假日安排文件{path.name}：{error}") from None
    if path.suffix.lower() == ".json":
        return parse_schedule_json(text, source_name=path.name)
    return parse_schedule_toml(text, source_name=path.name)


def parse_schedule_toml(text: str, *, source_name: str = "节假日安排") -> HolidaySchedule:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UserInputError(f"{source_name}不是有效的TOML格式：{error}") from None
    return schedule_from_dict(data, source_name=source_name)


def parse_schedule_json(text: str, *, source_name: str = "节假日安排") -> HolidaySchedule:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UserInputError(f"{source_name}不是有效的JSON格式：{error}") from None
    if not isinstance(data, dict):
        raise UserInputError(f"{source_name}应是一个对象（含year和holiday）。")
    return schedule_from_dict(data, source_name=source_name)


def schedule_from_dict(data: dict, *, source_name: str = "节假日安排") -> HolidaySchedule:
    """Check an already-parsed schedule (from a file or an admin form)."""
    _refuse_unknown_keys(data, _TOP_KEYS, source_name)
    if "year" not in data:
        raise UserInputError(f"{source_name}缺少年份（year）。")
    year = check_year(data["year"])
    entries = data.get("holiday")
    if not isinstance(entries, list) or not entries:
        raise UserInputError(f"{source_name}中没有任何节假日（[[holiday]]）。")
    periods = [
        _period(entry, year, f"{source_name}第{n}个节假日") for n, entry in enumerate(entries, 1)
    ]
    _refuse_overlaps(periods, source_name)
    source = data.get("source", "")
    if not isinstance(source, str):
        raise UserInputError(f"{source_name}的来源（source）应为文字。")
    return HolidaySchedule(year, tuple(sorted(periods, key=lambda p: p.start)), source.strip())


def _refuse_unknown_keys(data: object, allowed: set[str], where: str) -> None:
    if not isinstance(data, dict):
        raise UserInputError(f"{where}格式不对：应为一组“键 = 值”。")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise UserInputError(
            f"{where}有不认识的项：{'、'.join(unknown)}（可用：{'、'.join(sorted(allowed))}）。"
        )


def _period(entry: object, year: int, where: str) -> HolidayPeriod:
    _refuse_unknown_keys(entry, _HOLIDAY_KEYS, where)
    assert isinstance(entry, dict)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UserInputError(f"{where}缺少名称（name），例如“春节”。")
    where = f"{where}“{name.strip()}”"
    for key in ("start", "end"):
        if key not in entry:
            raise UserInputError(
                f"{where}缺少{'开始' if key == 'start' else '结束'}日期（{key}）。"
            )
    start = _date(entry["start"], year, f"{where}的开始日期")
    end = _date(entry["end"], year, f"{where}的结束日期")
    if end < start:
        raise UserInputError(f"{where}的结束日期{end}早于开始日期{start}。")
    if (end - start).days + 1 > MAX_HOLIDAY_DAYS:
        raise UserInputError(
            f"{where}长达{(end - start).days + 1}天，超过{MAX_HOLIDAY_DAYS}天，请检查日期。"
        )
    workdays = entry.get("workdays", [])
    if not isinstance(workdays, list):
        raise UserInputError(f"{where}的调休上班日（workdays）应为日期列表。")
    makeup = tuple(_makeup_day(value, year, start, end, where) for value in workdays)
    if len(set(makeup)) != len(makeup):
        raise UserInputError(f"{where}的调休上班日有重复。")
    return HolidayPeriod(name.strip(), start, end, makeup)


def _makeup_day(value: object, year: int, start: dt.date, end: dt.date, where: str) -> dt.date:
    day = _date(value, year, f"{where}的调休上班日")
    if start <= day <= end:
        raise UserInputError(f"{where}的调休上班日{day}落在假期之内。")
    if day.weekday() < 5:
        raise UserInputError(f"{where}的调休上班日{day}不是周六或周日，本来就要上班。")
    return day


def _date(value: object, year: int, what: str) -> dt.date:
    """A TOML date or a "YYYY-MM-DD" string, which must lie within ``year``."""
    if isinstance(value, dt.datetime):
        raise UserInputError(f"{what}应为日期（如{year}-10-01），不要带时间。")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise UserInputError(
                f"{what}“{value}”不是有效日期，应写作{year}-10-01这样的格式。"
            ) from None
    if not isinstance(value, dt.date):
        raise UserInputError(f"{what}“{value}”不是日期，应写作{year}-10-01这样的格式。")
    if value.year != year:
        raise UserInputError(f"{what}{value}不在{year}年内。")
    return value


def _refuse_overlaps(periods: list[HolidayPeriod], source_name: str) -> None:
    ordered = sorted(periods, key=lambda p: p.start)
    for before, after in itertools.pairwise(ordered):
        if after.start <= before.end:
            raise UserInputError(
                f"{source_name}中“{before.name}”（{before.start}至{before.end}）与"
                f"“{after.name}”（{after.start}至{after.end}）的日期重叠。"
            )
    workdays = [day for period in periods for day in period.workdays]
    holidays = {day for period in periods for day in period.days()}
    clash = sorted(set(workdays) & holidays)
    if clash:
        raise UserInputError(f"{source_name}中{clash[0]}既是放假日又是调休上班日。")
    if len(set(workdays)) != len(workdays):
        raise UserInputError(f"{source_name}中同一个调休上班日出现在两个节假日里。")
