import datetime as dt
import difflib
import re
from decimal import Decimal

import pytest

from tests.calendar.schedules import SCHEDULE_2027
from tests.generator.pian_san import PIAN_SAN_ITEMS
from unionplan import vocab
from unionplan.calendar import HolidayCalendar, festival_date, parse_schedule_toml
from unionplan.errors import UserInputError
from unionplan.generator import draft_warnings, generate_plan, load_library
from unionplan.plan.checks import check_item, check_target

SECTORS = vocab.codes(vocab.SECTORS)
D = dt.date


def operator_calendar():
    return HolidayCalendar.with_schedules([parse_schedule_toml(SCHEDULE_2027)])


@pytest.mark.parametrize("sector", SECTORS)
@pytest.mark.parametrize("year", [2026, 2027])
def test_every_sector_gives_a_complete_dated_plan(sector, year):
    calendar = HolidayCalendar()
    plan = generate_plan(sector, year, holidays=calendar)
    assert plan.year == year and plan.status == "draft"
    titles = [section.title for section in plan.sections]
    assert titles[0] == "指导思想" and "主要工作" in titles and "保障措施" in titles
    assert next(s for s in plan.sections if s.title == "主要工作").children
    # 指导思想 and 工作目标 live in their numbered sections only, never twice
    assert next(s for s in plan.sections if s.title == "指导思想").body
    assert not plan.guiding_ideas and not plan.goals
    assert len(plan.all_targets()) >= 3
    for target in plan.all_targets():
        check_target(target)
    assert {item.month for item in plan.items} == set(range(1, 13))
    dates = [item.date for item in plan.items]
    assert dates == sorted(dates)
    for item in plan.items:
        check_item(item, year=year)
        assert item.date.year == year and item.month == item.date.month
        assert item.end_date is None or item.date < item.end_date <= D(year, 12, 31)
        assert item.text and item.scope and item.category in vocab.codes(vocab.CATEGORIES)


@pytest.mark.parametrize("sector", SECTORS)
@pytest.mark.parametrize(
    "calendar", [HolidayCalendar(), operator_calendar()], ids=["builtin", "operator"]
)
@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_workday_items_avoid_weekends_and_holidays(sector, calendar, year):
    library = load_library(sector)
    rules = {activity.text: activity.rule for activity in library.activities}
    plan = generate_plan(sector, year, holidays=calendar)
    for item in plan.items:
        if rules[item.text] == "workday":
            assert calendar.is_workday(item.date), (item.date, item.text)
            if item.end_date:
                assert calendar.is_workday(item.end_date), (item.end_date, item.text)


def item_with(plan, words):
    found = [item for item in plan.items if all(word in item.text for word in words)]
    assert found, words
    return found


def test_school_2027_festival_dates():
    plan = generate_plan("school", 2027)
    spring = D(2027, 2, 6)
    assert festival_date(2027, "spring_festival") == spring
    for item in item_with(plan, ["慰问"]):
        if "春节" in item.text or "送温暖" in item.text:
            assert item.date < spring
    assert item_with(plan, ["三八"])[0].date == D(2027, 3, 8)
    assert item_with(plan, ["教师节"])[0].date == D(2027, 9, 10)
    (double_ninth,) = item_with(plan, ["重阳"])
    assert double_ninth.date <= D(2027, 10, 8) and double_ninth.scope == "70周岁以上退休老教师"
    assert double_ninth.date == D(2027, 10, 5)  # 3 days before; unofficially a workday
    assert all(item.date.month == 9 for item in item_with(plan, ["中秋"]))
    assert item_with(plan, ["端午"])[0].date <= D(2027, 6, 9)


def test_school_2027_with_the_operator_schedule_moves_the_double_ninth_visit():
    plan = generate_plan("school", 2027, holidays=operator_calendar())
    (double_ninth,) = item_with(plan, ["重阳"])
    assert double_ninth.date == D(2027, 9, 30)  # 10-05 is in the 国庆 holiday of that schedule


def test_warnings_say_when_dates_are_tentative():
    assert "2027年" in draft_warnings(2027)[0]
    assert draft_warnings(2027, operator_calendar()) == []
    assert draft_warnings(2026) == []


def test_title_and_organization():
    plan = generate_plan("school", 2027, organization="实验中学工会")
    assert plan.title == "实验中学工会2027年工作计划"
    assert plan.organization == "实验中学工会"
    assert generate_plan("hospital", 2027).title == "2027年医院工会工作计划"
    assert "2027" in generate_plan("community", 2027).sections[0].body  # {year} filled in
    assert "{" not in repr(generate_plan("enterprise", 2027, organization="甲公司工会"))


def test_budgets_follow_per_person_times_headcount():
    library = load_library("school")
    plan = generate_plan("school", 2027, library=library)
    activities = {activity.text: activity for activity in library.activities}
    (item,) = item_with(plan, ["重阳"])
    activity = activities[item.text]
    assert item.budget == activity.budget_per_person * activity.headcount
    teachers_day = item_with(plan, ["教师节"])[0]
    assert (
        teachers_day.budget == activities[teachers_day.text].budget_per_person * library.headcount
    )
    assert all(item.budget is None or item.budget >= Decimal(0) for item in plan.items)


def test_other_sector_uses_the_enterprise_library():
    assert [i.text for i in generate_plan("other", 2027).items] == [
        i.text for i in generate_plan("enterprise", 2027).items
    ]


def test_festival_absent_in_the_year_leaves_its_activity_out():
    assert not [i for i in generate_plan("hospital", 2017).items if "医师节" in i.text]
    assert [i for i in generate_plan("hospital", 2018).items if "医师节" in i.text]


@pytest.mark.parametrize("sector", ["factory", "", "School"])
def test_unknown_sector_lists_the_valid_ones(sector):
    with pytest.raises(UserInputError) as caught:
        generate_plan(sector, 2027)
    assert "school（学校）" in str(caught.value) and "federation" in str(caught.value)


@pytest.mark.parametrize("year", [1949, 2101])
def test_year_out_of_range_is_refused(year):
    with pytest.raises(UserInputError, match="年份应在1950到2100之间"):
        generate_plan("school", year)


@pytest.mark.parametrize("year", [1950, 2100])
def test_edge_years_work(year):
    plan = generate_plan("school", year)
    assert all(item.date.year == year for item in plan.items)


# --- coverage of seed.txt 篇三 --------------------------------------------------------------


def _norm(text):
    text = re.sub(r"[^\w]", "", text)
    return text.replace("教职工", "教师").replace("教工", "教师")


def similarity(corpus_text, generated_text):
    """difflib's ratio, or the share of the corpus item's character pairs found in ours."""
    a, b = _norm(corpus_text), _norm(generated_text)
    pairs = {a[i : i + 2] for i in range(len(a) - 1)}
    found = {b[i : i + 2] for i in range(len(b) - 1)}
    containment = len(pairs & found) / len(pairs) if pairs else 0
    return max(difflib.SequenceMatcher(None, a, b).ratio(), containment)


def month_distance(a, b):
    return min((a - b) % 12, (b - a) % 12)


def pian_san_coverage(plan):
    matched = [
        text
        for month, text in PIAN_SAN_ITEMS
        if any(
            similarity(text, item.text) >= 0.6 and month_distance(month, item.month) <= 1
            for item in plan.items
        )
    ]
    return len(matched) / len(PIAN_SAN_ITEMS), matched


@pytest.mark.parametrize("year", [2017, 2026, 2027, 2028])
def test_school_plan_covers_most_of_pian_san(year):
    coverage, matched = pian_san_coverage(generate_plan("school", year))
    assert coverage >= 0.8, set(text for _, text in PIAN_SAN_ITEMS) - set(matched)


def test_coverage_measure_can_fail():
    hospital = pian_san_coverage(generate_plan("hospital", 2027))[0]
    assert hospital < 0.8  # another sector's plan does not pass for a school's
