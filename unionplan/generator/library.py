"""The activity library: per-sector TOML files an operator can edit, and their strict loader.

The format is documented in ``library/README.md``. Loading checks every entry, because a
typo in a data file must not turn into a silently wrong plan: an unknown key, festival or
category, a month 13, a 31 April, a budget that is not a number — each is refused with a
``LibraryError`` naming the file and the entry.
"""

from __future__ import annotations

import calendar
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from unionplan import vocab
from unionplan.calendar import FESTIVAL_KEYS
from unionplan.errors import UserInputError
from unionplan.plan.checks import check_target
from unionplan.plan.data import TargetData

LIBRARY_DIR = Path(__file__).with_name("library")
FALLBACK_SECTORS = {"other": "enterprise"}  # a sector with no file of its own borrows one
RULES = ("workday", "fixed")


class LibraryError(UserInputError):
    """A malformed library file: the message names the file and the entry."""


@dataclass(frozen=True)
class Activity:
    """A typical activity, anchored to a festival (with a lead time) or to a day of a month."""

    key: str
    text: str
    category: str
    festival: str = ""  # a key of unionplan.calendar.FESTIVAL_KEYS
    days_before: int = 0  # lead time before the festival; negative: after it
    month: int = 0
    day: int = 15
    end_month: int = 0  # a span of months: 7 to 8 for 暑期 activities
    end_day: int = 0  # 0: the last day of end_month
    days: int = 1  # length in days when not given by end_month
    rule: str = "workday"  # "workday": moved off weekends and holidays; "fixed": stays put
    scope: str = ""
    owner: str = ""
    budget_per_person: Decimal | None = None
    headcount: int | None = None  # people the per-person budget is for; default: library's
    budget: Decimal | None = None  # a fixed amount instead of per person


@dataclass(frozen=True)
class SectionTemplate:
    title: str
    body: str = ""
    children: tuple[SectionTemplate, ...] = ()


@dataclass(frozen=True)
class TargetTemplate:
    target: TargetData
    section: str = ""  # title of the section it belongs to; "" for the plan itself


@dataclass(frozen=True)
class Library:
    """Everything the generator knows about one sector."""

    sector: str
    name: str  # 学校工会
    headcount: int  # default number of members for per-person budgets
    sections: tuple[SectionTemplate, ...]
    targets: tuple[TargetTemplate, ...]
    activities: tuple[Activity, ...] = field(default=())
    source: str = ""  # the file it was read from


def sector_codes() -> list[str]:
    return vocab.codes(vocab.SECTORS)


def check_sector(sector: str) -> str:
    """``sector`` if it is a known code; otherwise a message listing the valid ones."""
    if sector not in sector_codes():
        valid = "、".join(f"{code}（{name}）" for code, name in vocab.SECTORS)
        raise UserInputError(f"未知的行业类型“{sector}”。可用：{valid}。")
    return sector


def load_library(sector: str, directory: str | Path | None = None) -> Library:
    """The library of ``sector`` from ``directory`` (default: the one shipped with unionplan)."""
    check_sector(sector)
    directory = Path(directory) if directory else LIBRARY_DIR
    file_sector = FALLBACK_SECTORS.get(sector, sector)
    library = load_library_file(directory / f"{file_sector}.toml")
    if library.sector != file_sector:
        raise LibraryError(f"活动库文件{file_sector}.toml中的sector应为“{file_sector}”。")
    return library


def load_library_file(path: str | Path) -> Library:
    """Read and check one library file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise LibraryError(f"找不到活动库文件：{path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LibraryError(f"无法读取活动库文件{path.name}：{error}") from None
    except tomllib.TOMLDecodeError as error:
        raise LibraryError(f"活动库文件{path.name}不是有效的TOML格式：{error}") from None
    return parse_library(data, source=path.name)


_TOP_KEYS = {"sector", "name", "headcount", "section", "target", "activity"}
_SECTION_KEYS = {"title", "body", "children"}
_TARGET_KEYS = {"text", "comparator", "value", "value_high", "unit", "section"}
_ACTIVITY_KEYS = {
    "key", "text", "category", "festival", "days_before", "month", "day", "end_month",
    "end_day", "days", "rule", "scope", "owner", "budget_per_person", "headcount", "budget",
}  # fmt: skip


def parse_library(data: dict, *, source: str = "活动库") -> Library:
    """Check an already-parsed library (a dict as tomllib gives it)."""
    _keys(data, _TOP_KEYS, source)
    sector = _text(data, "sector", source, required=True)
    if sector not in sector_codes():
        raise LibraryError(f"{source}：未知的行业类型sector“{sector}”。")
    headcount = _int(data, "headcount", source, 1, 100_000, default=100)
    sections = tuple(
        _section(entry, f"{source}第{n}个section")
        for n, entry in enumerate(_list(data, "section", source), 1)
    )
    if not sections:
        raise LibraryError(f"{source}：至少要有一个章节（[[section]]）。")
    titles = _all_titles(sections)
    targets = tuple(
        _target(entry, f"{source}第{n}个target", titles)
        for n, entry in enumerate(_list(data, "target", source), 1)
    )
    activities = tuple(
        _activity(entry, f"{source}第{n}个activity")
        for n, entry in enumerate(_list(data, "activity", source), 1)
    )
    _unique_keys(activities, source)
    name = _text(data, "name", source, required=True)
    return Library(sector, name, headcount, sections, targets, activities, source)


# --- pieces --------------------------------------------------------------------------------


def _section(entry: object, where: str) -> SectionTemplate:
    _keys(entry, _SECTION_KEYS, where)
    assert isinstance(entry, dict)
    title = _text(entry, "title", where, required=True)
    where = f"{where}“{title}”"
    children = tuple(
        _section(child, f"{where}的第{n}个子章节")
        for n, child in enumerate(_list(entry, "children", where), 1)
    )
    return SectionTemplate(title, _text(entry, "body", where), children)


def _all_titles(sections: tuple[SectionTemplate, ...]) -> set[str]:
    titles: set[str] = set()
    for section in sections:
        titles.add(section.title)
        titles |= _all_titles(section.children)
    return titles


def _target(entry: object, where: str, titles: set[str]) -> TargetTemplate:
    _keys(entry, _TARGET_KEYS, where)
    assert isinstance(entry, dict)
    text = _text(entry, "text", where, required=True)
    where = f"{where}“{text}”"
    target = TargetData(
        text=text,
        comparator=_text(entry, "comparator", where) or ">=",
        value=_decimal(entry, "value", where),
        value_high=_decimal(entry, "value_high", where),
        unit=_text(entry, "unit", where),
    )
    try:
        check_target(target)
    except UserInputError as error:
        raise LibraryError(f"{where}：{error}") from None
    section = _text(entry, "section", where)
    if section and section not in titles:
        raise LibraryError(f"{where}：找不到章节“{section}”。")
    return TargetTemplate(target, section)


def _activity(entry: object, where: str) -> Activity:
    _keys(entry, _ACTIVITY_KEYS, where)
    assert isinstance(entry, dict)
    key = _text(entry, "key", where, required=True)
    where = f"{where}“{key}”"
    activity = Activity(
        key=key,
        text=_text(entry, "text", where, required=True),
        category=_choice(entry, "category", where, vocab.codes(vocab.CATEGORIES), required=True),
        festival=_choice(entry, "festival", where, list(FESTIVAL_KEYS)),
        days_before=_int(entry, "days_before", where, -60, 60, default=0),
        month=_int(entry, "month", where, 1, 12, default=0),
        day=_int(entry, "day", where, 1, 31, default=15),
        end_month=_int(entry, "end_month", where, 1, 12, default=0),
        end_day=_int(entry, "end_day", where, 1, 31, default=0),
        days=_int(entry, "days", where, 1, 366, default=1),
        rule=_choice(entry, "rule", where, list(RULES)) or "workday",
        scope=_text(entry, "scope", where),
        owner=_text(entry, "owner", where),
        budget_per_person=_decimal(entry, "budget_per_person", where),
        headcount=_int(entry, "headcount", where, 1, 100_000, default=0) or None,
        budget=_decimal(entry, "budget", where),
    )
    _check_anchor(activity, entry, where)
    return activity


def _check_anchor(activity: Activity, entry: dict, where: str) -> None:
    """Exactly one anchor; days that exist in every year; spans that go forward."""
    if bool(activity.festival) == bool(activity.month):
        raise LibraryError(f"{where}：festival（节日）和month（月份）须且只能填一个。")
    if activity.festival and {"day", "end_month", "end_day"} & set(entry):
        raise LibraryError(
            f"{where}：按节日安排的活动不能填day/end_month/end_day，可用days表示天数。"
        )
    if activity.month and "days_before" in entry:
        raise LibraryError(f"{where}：days_before只用于按节日安排的活动。")
    if activity.month:
        _check_day(activity.month, activity.day, where, "day")
    if activity.end_month or activity.end_day:
        if not activity.end_month:
            raise LibraryError(f"{where}：填写end_day时须同时填写end_month。")
        if "days" in entry:
            raise LibraryError(f"{where}：end_month与days不能同时填写。")
        _check_day(activity.end_month, activity.end_day or 1, where, "end_day")
        if (activity.end_month, activity.end_day or 31) < (activity.month, activity.day):
            raise LibraryError(f"{where}：结束日期早于开始日期。")
    if activity.budget is not None and activity.budget_per_person is not None:
        raise LibraryError(f"{where}：budget（总额）与budget_per_person（人均）只能填一个。")


def _check_day(month: int, day: int, where: str, key: str) -> None:
    longest = 28 if month == 2 else calendar.monthrange(2027, month)[1]
    if day > longest:
        raise LibraryError(
            f"{where}：{key} {month}月{day}日不是每年都有的日期（{month}月最多{longest}日）。"
        )


def _unique_keys(activities: tuple[Activity, ...], source: str) -> None:
    seen: set[str] = set()
    for activity in activities:
        if activity.key in seen:
            raise LibraryError(f"{source}：活动key“{activity.key}”重复。")
        seen.add(activity.key)


# --- typed field readers -----------------------------------------------------------------


def _keys(entry: object, allowed: set[str], where: str) -> None:
    if not isinstance(entry, dict):
        raise LibraryError(f"{where}格式不对：应为一组“键 = 值”。")
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise LibraryError(
            f"{where}有不认识的项：{'、'.join(unknown)}（可用：{'、'.join(sorted(allowed))}）。"
        )


def _list(entry: dict, key: str, where: str) -> list:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise LibraryError(f"{where}的{key}应为列表（[[{key}]]）。")
    return value


def _text(entry: dict, key: str, where: str, *, required: bool = False) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise LibraryError(f"{where}的{key}应为文字。")
    if required and not value.strip():
        raise LibraryError(f"{where}缺少{key}。")
    return value.strip()


def _choice(
    entry: dict, key: str, where: str, choices: list[str], *, required: bool = False
) -> str:
    value = _text(entry, key, where, required=required)
    if value and value not in choices:
        raise LibraryError(f"{where}的{key}“{value}”不在可选范围内（可用：{'、'.join(choices)}）。")
    return value


def _int(entry: dict, key: str, where: str, low: int, high: int, *, default: int) -> int:
    value = entry.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise LibraryError(f"{where}的{key}应为整数，而不是“{value}”。")
    if key in entry and not low <= value <= high:
        raise LibraryError(f"{where}的{key}应在{low}到{high}之间，而不是{value}。")
    return value


def _decimal(entry: dict, key: str, where: str) -> Decimal | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise LibraryError(f"{where}的{key}应为数字，而不是“{value}”。")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise LibraryError(f"{where}的{key}应为数字，而不是“{value}”。") from None
    if not number.is_finite() or number < 0:
        raise LibraryError(f"{where}的{key}应为不小于0的数字，而不是“{value}”。")
    return number
