import datetime as dt

import pytest

from tests.calendar.schedules import SCHEDULE_2027
from unionplan.calendar import (
    HolidayCalendar,
    festivals_for_year,
    legal_days,
    parse_schedule_toml,
)

D = dt.date


def test_coverage_of_builtin_and_unknown_years():
    calendar = HolidayCalendar()
    assert calendar.coverage(2004) == "official"
    assert calendar.coverage(2026) == "official"
    assert calendar.coverage(2003) is None
    assert calendar.coverage(2027) is None


def test_builtin_workdays_and_makeup_days_2026():
    calendar = HolidayCalendar()
    assert calendar.is_workday(D(2026, 2, 17)) is False  # 春节
    assert calendar.holiday_name(D(2026, 2, 17)) == "春节"
    assert calendar.is_makeup_workday(D(2026, 2, 14)) is True  # Saturday, worked
    assert calendar.is_workday(D(2026, 2, 14)) is True
    assert calendar.is_workday(D(2026, 3, 7)) is False  # an ordinary Saturday
    assert calendar.is_statutory_holiday(D(2026, 3, 7)) is False
    assert calendar.is_workday(D(2026, 3, 9)) is True
    assert calendar.is_official(D(2026, 3, 9)) is True


def test_unknown_year_says_so_and_falls_back_to_weekends_and_legal_days():
    calendar = HolidayCalendar()
    assert calendar.is_statutory_holiday(D(2027, 10, 1)) is None
    assert calendar.holiday_name(D(2027, 10, 1)) is None
    assert calendar.is_makeup_workday(D(2027, 9, 26)) is None
    assert calendar.is_official(D(2027, 10, 5)) is False
    assert calendar.is_workday(D(2027, 10, 5)) is True  # Tuesday: unofficially a workday
    assert calendar.is_workday(D(2027, 10, 2)) is False  # Saturday
    assert calendar.is_workday(D(2027, 10, 1)) is False  # 国庆, fixed by law
    assert calendar.is_workday(D(2027, 2, 5)) is False  # 除夕, a legal day off since 2025
    assert calendar.holidays_in_year(2027) is None


def test_legal_days_follow_the_version_of_the_law_in_force():
    assert D(2027, 5, 2) in legal_days(2027)  # 2025 law: 五一 two days
    assert D(2027, 2, 5) in legal_days(2027)  # and 除夕
    assert D(2016, 5, 2) not in legal_days(2016)
    assert D(2001, 5, 3) in legal_days(2001)  # 1999 law: 五一 three days
    assert D(1990, 10, 2) in legal_days(1990) and D(1990, 10, 3) not in legal_days(1990)
    assert not any(name in {"端午节", "中秋节"} for name in legal_days(2001).values())


def test_operator_schedule_makes_a_year_covered():
    calendar = HolidayCalendar()
    calendar.add(parse_schedule_toml(SCHEDULE_2027))
    assert calendar.coverage(2027) == "operator"
    assert calendar.is_statutory_holiday(D(2027, 10, 5)) is True
    assert calendar.holiday_name(D(2027, 10, 5)) == "国庆节"
    assert calendar.is_workday(D(2027, 10, 5)) is False
    assert calendar.is_workday(D(2027, 10, 9)) is True  # make-up Saturday
    assert calendar.is_makeup_workday(D(2027, 10, 9)) is True
    assert calendar.is_workday(D(2027, 10, 16)) is False  # ordinary Saturday
    assert calendar.is_official(D(2027, 10, 5)) is True
    assert len(calendar.holidays_in_year(2027)) == 3 + 8 + 3 + 5 + 1 + 1 + 7
    flags = {f.key: f.statutory_holiday for f in festivals_for_year(2027, calendar)}
    assert flags["mid_autumn"] is True and flags["double_ninth"] is False


def test_builtin_schedule_wins_over_an_operator_file_for_a_covered_year():
    text = SCHEDULE_2027.replace("2027", "2026")
    text = text.replace("workdays = [2026-02-13, 2026-02-20]", "")  # weekdays in 2026
    text = text.replace("workdays = [2026-05-08]", "").replace(
        "workdays = [2026-09-26, 2026-10-09]", ""
    )
    calendar = HolidayCalendar.with_schedules([parse_schedule_toml(text)])
    assert calendar.coverage(2026) == "official"
    assert calendar.is_statutory_holiday(D(2026, 6, 9)) is False


def test_holidays_in_a_covered_year_are_named_in_chinese():
    days = HolidayCalendar().holidays_in_year(2026)
    assert days[D(2026, 10, 7)] == "国庆节"
    assert set(days.values()) == {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}


@pytest.mark.parametrize("year", [1949, 2101])
def test_coverage_refuses_years_out_of_range(year):
    from unionplan.errors import UserInputError

    with pytest.raises(UserInputError):
        HolidayCalendar().coverage(year)
