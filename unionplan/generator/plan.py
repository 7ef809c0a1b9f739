"""The draft plan: a sector's library laid out on the dates of one year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from unionplan.calendar import HolidayCalendar, check_year
from unionplan.generator.dating import date_activity
from unionplan.generator.library import (
    Activity,
    Library,
    SectionTemplate,
    check_sector,
    load_library,
)
from unionplan.plan.checks import check_item
from unionplan.plan.data import ItemData, PlanData, SectionData, TargetData

_CENT = Decimal("0.01")


def generate_plan(
    sector: str,
    year: int,
    *,
    organization: str = "",
    holidays: HolidayCalendar | None = None,
    library: Library | None = None,
) -> PlanData:
    """A complete draft plan for ``sector`` in ``year``: sections, targets and dated items.

    ``holidays`` carries the official schedules (built in, plus any an operator loaded);
    ``library`` replaces the shipped library (an operator's edited copy, or a test's).
    Items whose festival does not fall in ``year`` are left out; all others are dated.
    """
    check_sector(sector)
    year = check_year(year)
    library = library or load_library(sector)
    holidays = holidays or HolidayCalendar()
    fill = _filler(year, organization or library.name)
    sections = [_section(template, fill) for template in library.sections]
    plan_targets = _place_targets(library, sections, fill)
    items = _items(library, year, holidays, fill)
    return PlanData(
        title=_title(library, year, organization),
        year=year,
        organization=organization,
        status="draft",
        sections=sections,
        targets=plan_targets,
        items=items,
    )


def draft_warnings(year: int, holidays: HolidayCalendar | None = None) -> list[str]:
    """Messages to show beside a draft, e.g. that its dates rest on no official schedule."""
    holidays = holidays or HolidayCalendar()
    if holidays.coverage(year) is None:
        return [
            f"尚未收录{year}年的法定节假日安排（国务院办公厅通知），活动日期只避开了周末和法定节日当天，"
            "调休情况未知，仅供参考。导入官方放假安排后重新生成即可得到准确日期。"
        ]
    return []


def item_budget(activity: Activity, library: Library) -> Decimal | None:
    """A fixed ``budget``, or ``budget_per_person`` × (the activity's or library's headcount)."""
    if activity.budget is not None:
        return activity.budget.quantize(_CENT)
    if activity.budget_per_person is not None:
        people = activity.headcount or library.headcount
        return (activity.budget_per_person * people).quantize(_CENT)
    return None


def _filler(year: int, organization: str):
    def fill(text: str) -> str:
        return text.replace("{year}", str(year)).replace("{organization}", organization)

    return fill


def _title(library: Library, year: int, organization: str) -> str:
    if organization:
        return f"{organization}{year}年工作计划"
    return f"{year}年{library.name}工作计划"


def _section(template: SectionTemplate, fill) -> SectionData:
    return SectionData(
        title=fill(template.title),
        body=fill(template.body),
        children=[_section(child, fill) for child in template.children],
    )


def _place_targets(library: Library, sections: list[SectionData], fill) -> list[TargetData]:
    """Attach each target to its named section; the rest are returned as plan-level targets."""
    by_title: dict[str, SectionData] = {}

    def index(found: list[SectionData]) -> None:
        for section in found:
            by_title.setdefault(section.title, section)
            index(section.children)

    index(sections)
    plan_level = []
    for template in library.targets:
        target = TargetData(**{**template.target.__dict__, "text": fill(template.target.text)})
        home = by_title.get(fill(template.section)) if template.section else None
        (home.targets if home else plan_level).append(target)
    return plan_level


def _items(library: Library, year: int, holidays: HolidayCalendar, fill) -> list[ItemData]:
    dated = []
    for order, activity in enumerate(library.activities):
        dates = date_activity(activity, year, holidays)
        if dates is None:
            continue
        item = _item(activity, library, dates, fill)
        check_item(item, year=year)
        dated.append((item.date, order, item))
    return [item for _, _, item in sorted(dated, key=lambda entry: entry[:2])]


def _item(
    activity: Activity, library: Library, dates: tuple[dt.date, dt.date | None], fill
) -> ItemData:
    start, end = dates
    return ItemData(
        text=fill(activity.text),
        month=start.month,
        end_month=end.month if end and end.month != start.month else None,
        date=start,
        end_date=end,
        scope=fill(activity.scope),
        owner=activity.owner,
        budget=item_budget(activity, library),
        category=activity.category,
    )
