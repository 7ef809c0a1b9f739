"""Copying a plan into a new year, on plain data (issue 9, item 4)."""

import datetime as dt

import pytest

from unionplan.calendar import HolidayCalendar, festival_date
from unionplan.generator.copying import for_new_year, library_activities, same_weekday_position
from unionplan.generator.dating import date_activity
from unionplan.generator.library import load_library
from unionplan.plan.data import ItemData, PlanData, SectionData

HOLIDAYS = HolidayCalendar()


def copy_items(*items, year=2027, old_year=2026, **kwargs):
    return for_new_year(PlanData("2026年工会工作计划", old_year, items=list(items)), year, **kwargs)


def test_plan_for_new_year_resets_status_and_keeps_the_rest():
    data = PlanData(
        title="2027年工会工作计划",
        year=2027,
        status="approved",
        sections=[SectionData(title="组织建设")],
        items=[
            ItemData(text="慰问", month=1, date=dt.date(2027, 1, 20), status="done"),
            ItemData(text="春游", month=4, status="cancelled"),
        ],
    )
    copy = for_new_year(data, 2028).plan
    assert (copy.title, copy.year, copy.status) == ("2028年工会工作计划", 2028, "draft")
    assert copy.sections[0].title == "组织建设"
    assert [i.status for i in copy.items] == ["planned", "planned"]
    assert copy.items[1].month == 4 and copy.items[1].date is None
    assert data.items[0].date == dt.date(2027, 1, 20)  # the original is untouched


@pytest.mark.parametrize(
    "old, new",
    [
        (dt.date(2026, 3, 10), dt.date(2027, 3, 9)),  # second Tuesday of March
        (dt.date(2026, 1, 5), dt.date(2027, 1, 4)),  # first Monday of January
        (dt.date(2028, 2, 29), dt.date(2029, 2, 27)),  # fifth Tuesday: the last one in 2029
        (dt.date(2026, 12, 31), dt.date(2027, 12, 30)),  # fifth Thursday of December
    ],
)
def test_same_weekday_position(old, new):
    assert same_weekday_position(old, new.year) == new
    assert new.weekday() == old.weekday() and new.month == old.month


def test_an_unrecognised_dated_activity_keeps_month_and_weekday_and_is_listed():
    copied = copy_items(
        ItemData("工会委员会例会", 3, date=dt.date(2026, 3, 10)),
        ItemData("职工运动会", 10, date=dt.date(2026, 10, 16), end_date=dt.date(2026, 10, 17)),
    )
    meeting, games = copied.plan.items
    assert meeting.date == dt.date(2027, 3, 9)
    assert (games.date, games.end_date) == (dt.date(2027, 10, 15), dt.date(2027, 10, 16))
    assert [(m.text, m.before, m.after) for m in copied.moved] == [
        ("工会委员会例会", dt.date(2026, 3, 10), dt.date(2027, 3, 9)),
        ("职工运动会", dt.date(2026, 10, 16), dt.date(2027, 10, 15)),
    ]
    assert copied.moved[0].reason == "同月第2个星期二"


@pytest.mark.parametrize(
    "text, old, festival",
    [
        ("春节前走访慰问退休老职工", dt.date(2026, 2, 7), "spring_festival"),
        ("端午节慰问女职工", dt.date(2026, 6, 16), "dragon_boat"),
        ("中秋、国庆双节慰问一线职工", dt.date(2026, 9, 22), "mid_autumn"),
        ("重阳节组织退休职工登高", dt.date(2026, 10, 16), "double_ninth"),
    ],
)
def test_a_festival_activity_keeps_its_lead_time_on_a_workday(text, old, festival):
    copied = copy_items(ItemData(text, old.month, date=old), holidays=HOLIDAYS)
    (item,) = copied.plan.items
    lead = (festival_date(2026, festival) - old).days
    target = festival_date(2027, festival) - dt.timedelta(days=lead)
    assert item.date <= target  # moved off a day off only towards earlier: never past it
    assert (target - item.date).days <= 4
    assert HOLIDAYS.is_workday(item.date)
    assert item.month == item.date.month
    assert copied.moved[0].reason.endswith("，避开休息日")


def test_the_lunar_festivals_of_the_issue_land_where_a_person_would_put_them():
    copied = copy_items(
        ItemData("春节前走访慰问退休老职工", 2, date=dt.date(2026, 2, 7)),  # 春节 2026-02-17
        ItemData("端午节慰问女职工", 6, date=dt.date(2026, 6, 16)),  # 端午 2026-06-19
        ItemData("中秋节慰问全体职工", 9, date=dt.date(2026, 9, 22)),  # 中秋 2026-09-25
        holidays=HOLIDAYS,
    )
    spring, dragon, moon = (item.date for item in copied.plan.items)
    assert spring == dt.date(2027, 1, 27)  # 10 days before 春节 2027-02-06, a Wednesday
    assert dragon == dt.date(2027, 6, 4)  # 3 days before 端午 (Sunday 6-6) -> Friday
    assert moon == dt.date(2027, 9, 10)  # 3 days before 中秋 (Sunday 9-12) -> Friday
    assert copied.plan.items[0].month == 1  # 春节前 moved into January


def test_a_library_activity_is_dated_by_the_wizards_rule():
    library = load_library("school")
    dragon = next(a for a in library.activities if a.festival == "dragon_boat")
    copied = copy_items(
        ItemData(dragon.text, 6, date=dt.date(2026, 6, 12)),  # moved by hand last year
        holidays=HOLIDAYS,
        activities=library.activities,
    )
    assert copied.plan.items[0].date == date_activity(dragon, 2027, HOLIDAYS)[0]


def test_an_undated_lunar_activity_follows_its_festivals_month():
    copied = copy_items(ItemData("端午节慰问", 6), year=2028)  # 端午 2028-05-28
    assert copied.plan.items[0].month == 5
    assert copied.moved[0].before == 6 and copied.moved[0].after == 5


def test_a_festival_named_far_from_its_date_is_not_an_anchor():
    copied = copy_items(ItemData("筹备国庆文艺汇演", 7, date=dt.date(2026, 7, 14)))
    assert copied.plan.items[0].date == dt.date(2027, 7, 13)  # second Tuesday of July
    assert copied.moved[0].reason == "同月第2个星期二"


def test_a_range_over_new_years_day_loses_its_end():
    copied = copy_items(
        ItemData("年终盘点", 12, date=dt.date(2026, 12, 28), end_date=dt.date(2027, 1, 3))
    )
    item = copied.plan.items[0]
    assert item.date.month == 12 and item.end_date is None


def test_given_title_wins():
    assert copy_items(title="新计划").plan.title == "新计划"


def test_library_activities_cover_every_sector_once():
    activities = library_activities("school")
    texts = [a.text for a in activities]
    assert len(texts) == len(set(texts))
    assert {a.text for a in load_library("hospital").activities} <= set(texts)
