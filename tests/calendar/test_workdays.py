import datetime as dt

import pytest

from tests.calendar.schedules import SCHEDULE_2027
from unionplan.calendar import (
    HolidayCalendar,
    days_before_festival,
    move_to_workday,
    next_workday,
    parse_schedule_toml,
    previous_workday,
)
from unionplan.errors import UserInputError

D = dt.date


def test_next_and_previous_workday_skip_the_2026_spring_festival():
    assert next_workday(D(2026, 2, 16)) == D(2026, 2, 24)
    assert previous_workday(D(2026, 2, 16)) == D(2026, 2, 14)  # make-up Saturday
    assert next_workday(D(2026, 3, 9)) == D(2026, 3, 9)
    assert next_workday(D(2026, 3, 9), include_self=False) == D(2026, 3, 10)
    assert previous_workday(D(2026, 3, 9), include_self=False) == D(2026, 3, 6)


def test_move_to_workday_stays_within_the_year():
    # 2022-01-01 is a Saturday in the 元旦 holiday; earlier would be 2021.
    assert move_to_workday(D(2022, 1, 1), prefer="earlier") == D(2022, 1, 4)
    assert move_to_workday(D(2027, 12, 31), prefer="later") == D(2027, 12, 31)
    assert move_to_workday(D(2028, 12, 31), prefer="later") == D(2028, 12, 29)  # Sunday
    with pytest.raises(ValueError):
        move_to_workday(D(2027, 1, 1), prefer="sideways")


def test_double_ninth_visit_2027_without_official_schedule():
    # 重阳 2027-10-08; 3 days before is Tuesday 10-05, unofficially a workday.
    assert days_before_festival(2027, "double_ninth", 3) == D(2027, 10, 5)


def test_double_ninth_visit_2027_with_operator_schedule():
    calendar = HolidayCalendar.with_schedules([parse_schedule_toml(SCHEDULE_2027)])
    # 10-05 is in the 国庆 holiday; the previous workday is Thursday 09-30.
    assert days_before_festival(2027, "double_ninth", 3, calendar) == D(2027, 9, 30)


def test_on_the_day_and_after():
    assert days_before_festival(2027, "womens_day", 0, workday=False) == D(2027, 3, 8)
    # 2026 端午 06-19 is a holiday; two days after is Sunday 06-21: next workday 06-22.
    assert days_before_festival(2026, "dragon_boat", -2) == D(2026, 6, 22)


def test_spring_festival_visits_come_before_the_festival():
    for year in range(2004, 2030):
        visit = days_before_festival(year, "spring_festival", 5)
        assert visit < days_before_festival(year, "spring_festival", 0, workday=False)
        assert HolidayCalendar().is_workday(visit)


def test_festival_missing_in_that_year_is_a_user_error():
    with pytest.raises(UserInputError, match="没有"):
        days_before_festival(2010, "doctors_day", 0)


def test_moves_at_the_edges_of_the_supported_range():
    assert move_to_workday(D(1950, 1, 1), prefer="earlier") == D(1950, 1, 2)  # Monday
    assert move_to_workday(D(2100, 12, 31), prefer="later") == D(2100, 12, 31)  # Friday
    with pytest.raises(UserInputError, match="超出"):
        previous_workday(D(1950, 1, 1))
