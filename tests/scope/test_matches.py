"""The reference evaluator and the age → birth-date range the database query relies on."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionplan.scope import (
    MemberRecord,
    ScopeFilter,
    UnionRecord,
    age_bounds_to_birth_dates,
    age_on,
    matches,
    parse_scope,
    union_matches,
)

ON = date(2025, 10, 1)


def member(**fields) -> MemberRecord:
    fields.setdefault("birth_date", date(1980, 6, 1))
    fields.setdefault("gender", "female")
    return MemberRecord(**fields)


def test_age_on_counts_completed_years():
    assert age_on(date(1955, 10, 1), ON) == 70
    assert age_on(date(1955, 10, 2), ON) == 69
    assert age_on(date(2000, 2, 29), date(2025, 2, 28)) == 24
    assert age_on(date(2000, 2, 29), date(2025, 3, 1)) == 25


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)),
    st.one_of(st.none(), st.integers(0, 100)),
    st.one_of(st.none(), st.integers(0, 100)),
)
def test_birth_date_range_agrees_with_ages(birth, on_date, age_min, age_max):
    earliest, latest = age_bounds_to_birth_dates(age_min, age_max, on_date)
    by_range = (earliest is None or birth >= earliest) and (latest is None or birth <= latest)
    age = age_on(birth, on_date)
    by_age = (age_min is None or age >= age_min) and (age_max is None or age <= age_max)
    assert by_range == by_age


def test_open_bounds_are_none():
    assert age_bounds_to_birth_dates(None, None, ON) == (None, None)
    assert age_bounds_to_birth_dates(70, None, ON) == (None, date(1955, 10, 1))
    assert age_bounds_to_birth_dates(None, 35, ON) == (date(1989, 10, 2), None)


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        ("70周岁以上退休老教师", member(birth_date=date(1955, 10, 1), status="retired", post="教师"), True),
        ("70周岁以上退休老教师", member(birth_date=date(1955, 10, 2), status="retired", post="教师"), False),
        ("70周岁以上退休老教师", member(birth_date=date(1950, 1, 1), status="active", post="教师"), False),
        ("35周岁以下教师", member(birth_date=date(1990, 1, 1), post="语文教师"), True),
        ("35周岁以下教师", member(birth_date=date(1990, 1, 1), post="会计"), False),
        ("35周岁以下教师", member(birth_date=None, post="教师"), False),
        ("全体女职工", member(gender="female"), True),
        ("全体女职工", member(gender="male"), False),
        ("劳动模范", member(tags=("劳模", "党员")), True),
        ("劳动模范", member(tags=("党员",)), False),
        ("青年职工", member(birth_date=date(1990, 10, 1)), True),  # 35 on the day
        ("青年职工", member(birth_date=date(1989, 10, 1)), False),  # 36
        ("新入职职工", member(hired_on=date(2024, 10, 2)), True),  # within the last 12 months
        ("新入职职工", member(hired_on=date(2024, 10, 1)), False),
        ("新入职职工", member(hired_on=date(2025, 12, 31)), True),  # later in the plan year
        ("新入职职工", member(hired_on=date(2026, 1, 1)), False),
        ("新入职职工", member(joined_on=date(2025, 3, 1)), True),  # no hire date: joined then
        ("新入职职工", member(hired_on=date(2010, 1, 1), joined_on=date(2025, 3, 1)), False),
        ("新入职职工", member(), False),
        ("基层工会主席", member(tags=("工会主席",), own=False, grassroots=True), True),
        ("基层工会主席", member(tags=("工会主席",), own=True, grassroots=False), False),
        ("总工会机关干部", member(own=True, grassroots=False), True),
        ("总工会机关干部", member(own=False, grassroots=True), False),
        ("全市企业职工", member(sector="enterprise"), True),
        ("全市企业职工", member(sector="school"), False),
        ("各基层工会", member(), False),  # unions take part, not members
        ("复转军人、现役军人家属", member(tags=("军属",)), True),
        ("当月过生日的会员", member(birth_date=date(1980, 10, 31)), True),
        ("当月过生日的会员", member(birth_date=date(1980, 9, 30)), False),
        ("14岁以下的职工子女", member(children_birth_dates=(date(2011, 10, 1),)), True),
        # 以下 includes the number (民法典 第1259条): a child of exactly 14 takes part.
        ("14岁以下的职工子女", member(children_birth_dates=(date(2010, 10, 2),)), True),
        ("14岁以下的职工子女", member(children_birth_dates=(date(2010, 10, 1),)), False),
        ("不满14周岁的职工子女", member(children_birth_dates=(date(2011, 10, 1),)), False),
        ("14岁以下的职工子女", member(children_birth_dates=()), False),
        ("职工子女", member(children_birth_dates=(date(1999, 1, 1),)), True),
        ("职工子女", member(), False),
        ("职工代表与部门负责人", member(post="部门负责人"), True),
        ("职工代表与部门负责人", member(tags=("职工代表",)), True),
        ("职工代表与部门负责人", member(), False),
        ("内科职工", member(department="内科"), True),
        ("内科职工", member(department="外科"), False),
        ("在职、退休", member(status="left"), False),
        ("全体教职工", member(status="left"), True),
        ("困难职工", member(hardship=frozenset({"relative"})), True),
        ("困难职工", member(tags=frozenset({"困难职工"})), False),  # a label is no file
        ("特困职工", member(hardship=frozenset({"relative"})), False),
        ("特困职工", member(hardship=frozenset({"deep"})), True),
        ("困难女职工", member(gender="male", hardship=frozenset({"deep"})), False),
    ],
)  # fmt: skip
def test_matches(text, person, expected):
    assert matches(parse_scope(text).filter, person, ON) is expected


def test_unions_scope_counts_grassroots_unions_of_its_sectors():
    unions = parse_scope("各基层工会").filter
    enterprises = parse_scope("已建工会企业").filter
    assert union_matches(unions, UnionRecord("grassroots", "school"))
    assert not union_matches(unions, UnionRecord("federation", "school"))
    assert union_matches(enterprises, UnionRecord("grassroots", "enterprise"))
    assert not union_matches(enterprises, UnionRecord("grassroots", "school"))
    assert not union_matches(parse_scope("全体会员").filter, UnionRecord("grassroots", ""))


def test_birthday_month_number():
    scope = ScopeFilter(birthday_month=3)
    assert matches(scope, member(birth_date=date(1980, 3, 5)), ON)
    assert not matches(scope, member(birth_date=None), ON)


def test_from_dict_round_trips():
    scope = parse_scope("职工代表与部门负责人").filter
    assert ScopeFilter.from_dict(scope.to_dict()) == scope
    assert ScopeFilter.from_dict({"gender": "male"}) == ScopeFilter(gender="male")
