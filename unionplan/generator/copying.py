"""Copy last year's plan into a new year: pure, on ``plan.data.PlanData``.

The text, sections, targets and the month table are kept; what belongs to the old year is
reset: every activity is planned again, the plan starts as a draft, and dates move to the
new year the way a person would move them, not by changing the year of the date:

- an activity the activity library knows, or whose text names a festival (春节前走访, 端午
  慰问, 重阳节登高), is dated again by the wizard's rule (``generator.dating``): relative to
  that festival in the new year — the library's lead time, else the one it had last year —
  and moved off weekends and holidays. Lunar festivals move by weeks between years, so
  keeping 6月19日 would put a 端午 visit after 端午;
- any other dated activity keeps its month and its weekday position (the second Tuesday of
  March stays the second Tuesday of March), so a weekday meeting does not fall on a Sunday.

``CopiedPlan.moved`` says which activities got another month or day, and why, for the
preview the user confirms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from unionplan.calendar import HolidayCalendar, festival_date, festivals_named
from unionplan.calendar.festivals import RULES_BY_KEY
from unionplan.generator.dating import date_activity
from unionplan.generator.library import Activity, load_library, sector_codes
from unionplan.plan.data import ItemData, PlanData

# Last year's date more than this many days from a festival it names is not anchored to it
# (筹备国庆 in July): such an activity keeps its weekday position instead.
MAX_FESTIVAL_LEAD_DAYS = 45
_NOT_TEXT_RE = re.compile(r"[\s\W_]+")


@dataclass(frozen=True)
class Moved:
    """An activity that got another month or day in the new year, and the reason."""

    text: str
    before: dt.date | int  # last year's date, or its month when it had no date
    after: dt.date | int
    reason: str  # 端午节前3天，避开休息日 / 同月第2个星期二 / 活动库：…


@dataclass
class CopiedPlan:
    plan: PlanData
    moved: list[Moved] = field(default_factory=list)


def for_new_year(
    data: PlanData,
    year: int,
    *,
    title: str | None = None,
    holidays: HolidayCalendar | None = None,
    activities: Iterable[Activity] = (),
) -> CopiedPlan:
    """A copy of ``data`` for ``year``: dates moved, activities planned again, a draft.

    ``activities``: the activity library the wizard uses (recognised by their text);
    ``holidays``: the official schedules. Without ``title``, the old year in the title
    (2026年…) becomes the new one.
    """
    if title is None:
        title = data.title.replace(str(data.year), str(year)) if data.year else data.title
    holidays = holidays or HolidayCalendar()
    known = {_normalized(activity.text): activity for activity in activities}
    items, moved = [], []
    for item in data.items:
        activity = known.get(_normalized(item.text))
        copy, reason = _redated(item, year, data.year or year - 1, holidays, activity)
        items.append(replace(copy, status="planned"))
        if reason and (_when(copy) != _when(item)):
            moved.append(Moved(item.text, _shown(item), _shown(copy), reason))
    plan = replace(data, title=title, year=year, status="draft", items=items)
    return CopiedPlan(plan, moved)


def library_activities(sector: str) -> list[Activity]:
    """Every library's activities, the ``sector``'s own last so that its wording wins."""
    sectors = sorted(sector_codes(), key=lambda code: code == sector)
    found: dict[str, Activity] = {}
    for code in sectors:
        for activity in load_library(code).activities:
            found[_normalized(activity.text)] = activity
    return list(found.values())


def _normalized(text: str) -> str:
    return _NOT_TEXT_RE.sub("", text)


def _when(item: ItemData) -> tuple:
    day = item.date
    return (item.month, (day.month, day.day) if day else None)


def _shown(item: ItemData) -> dt.date | int:
    return item.date or item.month


def _redated(
    item: ItemData, year: int, old_year: int, holidays: HolidayCalendar, known: Activity | None
) -> tuple[ItemData, str]:
    """``item`` in ``year`` and why it got its date ("" when nothing needed saying)."""
    if known is not None and (known.festival or item.date):
        dated = date_activity(known, year, holidays)
        if dated is not None:
            return _on(item, *dated), _library_reason(known)
    if item.date is None:
        return _month_for_year(item, year, old_year)
    anchored = _festival_anchor(item)
    if anchored is not None:
        activity = _as_activity(item, *anchored)
        dated = date_activity(activity, year, holidays)
        if dated is not None:
            return _on(item, *dated), _festival_reason(activity)
    start = same_weekday_position(item.date, year)
    end = None
    if item.end_date is not None:
        end = start + (item.end_date - item.date)
        end = end if end.year == year else None  # a range over new year's day is not kept
    return _on(item, start, end), _weekday_reason(start)


def _on(item: ItemData, start: dt.date, end: dt.date | None) -> ItemData:
    end_month = item.end_month
    if end_month is not None:
        end_month = end.month if end is not None else end_month
        end_month = end_month if end_month > start.month else None
    return replace(item, month=start.month, end_month=end_month, date=start, end_date=end)


def _festival_anchor(item: ItemData) -> tuple[str, int] | None:
    """(festival, days before it) of the named festival nearest last year's date."""
    assert item.date is not None
    leads = []
    for key in festivals_named(item.text):
        festival = festival_date(item.date.year, key)
        if festival is not None:
            leads.append((abs((festival - item.date).days), key, (festival - item.date).days))
    if not leads:
        return None
    distance, key, days_before = min(leads)
    return (key, days_before) if distance <= MAX_FESTIVAL_LEAD_DAYS else None


def _as_activity(item: ItemData, festival: str, days_before: int) -> Activity:
    days = (item.end_date - item.date).days + 1 if item.date and item.end_date else 1
    return Activity(
        key="copied",
        text=item.text,
        category=item.category,
        festival=festival,
        days_before=days_before,
        days=max(days, 1),
    )


def _month_for_year(item: ItemData, year: int, old_year: int) -> tuple[ItemData, str]:
    """An undated activity naming a lunar festival follows that festival's month."""
    if item.end_month is not None:
        return item, ""
    for key in festivals_named(item.text):
        if not RULES_BY_KEY[key].lunar:
            continue
        old, new = festival_date(old_year, key), festival_date(year, key)
        if old is None or new is None:
            continue
        month = item.month + new.month - old.month
        if 1 <= month <= 12:
            name = RULES_BY_KEY[key].name
            return replace(item, month=month), f"随{name}所在月份"
    return item, ""


def same_weekday_position(day: dt.date, year: int) -> dt.date:
    """The same weekday of the same week of the same month in ``year``.

    2026-03-10, the second Tuesday of March, gives 2027-03-09. A fifth weekday the month
    lacks in ``year`` becomes the month's last such weekday.
    """
    first = dt.date(year, day.month, 1)
    week = (day.day - 1) // 7
    moved = first + dt.timedelta(days=(day.weekday() - first.weekday()) % 7 + 7 * week)
    return moved if moved.month == day.month else moved - dt.timedelta(days=7)


WEEKDAYS = "一二三四五六日"


def _weekday_reason(day: dt.date) -> str:
    return f"同月第{(day.day - 1) // 7 + 1}个星期{WEEKDAYS[day.weekday()]}"


def _festival_reason(activity: Activity) -> str:
    name = RULES_BY_KEY[activity.festival].name
    if activity.days_before > 0:
        lead = f"{name}前{activity.days_before}天"
    elif activity.days_before < 0:
        lead = f"{name}后{-activity.days_before}天"
    else:
        lead = f"{name}当天"
    return f"{lead}，避开休息日" if activity.rule == "workday" else lead


def _library_reason(activity: Activity) -> str:
    if activity.festival:
        return "活动库：" + _festival_reason(activity)
    when = f"{activity.month}月{activity.day}日"
    return f"活动库：{when}前后的工作日" if activity.rule == "workday" else f"活动库：{when}"
