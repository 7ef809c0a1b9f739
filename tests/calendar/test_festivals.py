import datetime as dt

import pytest

from unionplan.calendar import FESTIVAL_KEYS, festival_date, festivals_for_year
from unionplan.errors import UserInputError


def by_key(year):
    return {festival.key: festival for festival in festivals_for_year(year)}


@pytest.mark.parametrize(
    ("year", "key", "expected"),
    [
        (2027, "mid_autumn", "2027-09-15"),
        (2028, "dragon_boat", "2028-05-28"),
        (2027, "spring_festival", "2027-02-06"),
        (2027, "double_ninth", "2027-10-08"),
        (2027, "dragon_boat", "2027-06-09"),
        (2026, "spring_festival", "2026-02-17"),
        (2025, "mid_autumn", "2025-10-06"),
        (2024, "new_years_eve", "2024-02-09"),
        (2027, "qingming", "2027-04-05"),
        (2024, "qingming", "2024-04-04"),
        (2023, "mid_autumn", "2023-09-29"),
        (2024, "lantern", "2024-02-24"),
        (2025, "qixi", "2025-08-29"),
        (2024, "laba", "2024-01-18"),
        (2027, "womens_day", "2027-03-08"),
        (2027, "teachers_day", "2027-09-10"),
        (2027, "national_day", "2027-10-01"),
        (1950, "spring_festival", "1950-02-17"),
        (2100, "spring_festival", "2100-02-09"),
    ],
)
def test_known_dates(year, key, expected):
    assert by_key(year)[key].date == dt.date.fromisoformat(expected)
    assert festival_date(year, key) == dt.date.fromisoformat(expected)


def test_new_years_eve_when_the_twelfth_month_has_29_days():
    # Lunar year 2024's 12th month has 29 days: 2025 had no 年三十, 除夕 was 腊月廿九.
    from lunar_python import Solar

    eve = by_key(2025)["new_years_eve"].date
    assert eve == dt.date(2025, 1, 28)
    lunar = Solar.fromYmd(eve.year, eve.month, eve.day).getLunar()
    assert (lunar.getMonth(), lunar.getDay()) == (12, 29)


def test_new_years_eve_when_the_twelfth_month_has_30_days():
    from lunar_python import Solar

    eve = by_key(2024)["new_years_eve"].date
    lunar = Solar.fromYmd(eve.year, eve.month, eve.day).getLunar()
    assert (lunar.getMonth(), lunar.getDay()) == (12, 30)


@pytest.mark.parametrize("year", [1950, 1984, 2000, 2027, 2100])
def test_every_year_in_range_has_sorted_festivals_within_the_year(year):
    festivals = festivals_for_year(year)
    dates = [festival.date for festival in festivals]
    assert dates == sorted(dates)
    assert all(date.year == year for date in dates)
    keys = {festival.key for festival in festivals}
    assert {"spring_festival", "mid_autumn", "double_ninth", "qingming", "new_year"} <= keys


def test_festivals_are_listed_only_from_the_year_they_began():
    assert "teachers_day" not in by_key(1984)
    assert "teachers_day" in by_key(1985)
    assert "doctors_day" not in by_key(2017)
    assert by_key(2018)["doctors_day"].date == dt.date(2018, 8, 19)
    assert festival_date(2017, "doctors_day") is None


def test_laba_can_fall_twice_in_a_solar_year():
    # 春节 2023-01-22: 腊八 of lunar 2022 on 2022-12-30 and of lunar 2021 on 2022-01-10.
    labas = [f.date for f in festivals_for_year(2022) if f.key == "laba"]
    assert labas == [dt.date(2022, 1, 10), dt.date(2022, 12, 30)]


@pytest.mark.parametrize("year", [1949, 2101, 0, -5, "abc", "", None])
def test_years_outside_the_range_are_refused_in_chinese(year):
    with pytest.raises(UserInputError, match="年份应"):
        festivals_for_year(year)


def test_year_given_as_text_is_accepted():
    assert festivals_for_year("2027") == festivals_for_year(2027)


def test_unknown_festival_key_is_refused():
    with pytest.raises(UserInputError, match="未知的节日"):
        festival_date(2027, "christmas")


def test_json_shape():
    festival = by_key(2027)["dragon_boat"]
    assert festival.to_json() == {
        "date": "2027-06-09",
        "name": "端午节",
        "key": "dragon_boat",
        "lunar": True,
        "statutory_holiday": None,
    }
    assert by_key(2026)["teachers_day"].to_json()["lunar"] is False


def test_statutory_flags_for_2026_come_from_chinese_calendar():
    import chinese_calendar

    festivals = by_key(2026)
    for key in ("new_year", "spring_festival", "new_years_eve", "qingming", "labour_day",
                "dragon_boat", "mid_autumn", "national_day"):  # fmt: skip
        assert festivals[key].statutory_holiday is True, key
    for key in ("womens_day", "teachers_day", "double_ninth", "lantern", "qixi"):
        assert festivals[key].statutory_holiday is False, key
    for festival in festivals.values():
        official = festival.date in chinese_calendar.holidays
        assert festival.statutory_holiday is official


def test_statutory_flags_are_unknown_for_an_uncovered_year():
    assert {f.statutory_holiday for f in festivals_for_year(2027)} == {None}
    assert {f.statutory_holiday for f in festivals_for_year(1990)} == {None}


def test_keys_are_unique_and_stable():
    assert len(set(FESTIVAL_KEYS)) == len(FESTIVAL_KEYS)
    assert {"spring_festival", "dragon_boat", "mid_autumn", "double_ninth", "womens_day",
            "teachers_day", "national_day", "qingming", "new_year", "labour_day"} <= set(FESTIVAL_KEYS)  # fmt: skip
