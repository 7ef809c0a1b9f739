import datetime as dt

import pytest

from tests.factories import (
    ChildFactory,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    ScheduleItemFactory,
    tag_member,
)
from unionplan.members.participants import attach_counts, counts_for_items, item_date, resolve

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(org):
    """Two retired teachers over 70 (one turns 70 on 15 Oct 2027), a young woman, a hardship
    worker with two children (3 and 16 in 2027)."""
    MemberFactory(organization=org, gender="male", status="retired", birth_date=dt.date(1950, 5, 1))
    MemberFactory(
        organization=org, gender="male", status="retired", birth_date=dt.date(1957, 10, 15)
    )
    MemberFactory(organization=org, gender="female", birth_date=dt.date(1995, 3, 3))
    hard = MemberFactory(organization=org, gender="male", birth_date=dt.date(1980, 1, 1))
    tag_member(hard, "困难职工")
    ChildFactory(member=hard, birth_date=dt.date(2024, 1, 1))
    ChildFactory(member=hard, birth_date=dt.date(2011, 1, 1))
    return org


def test_resolve_counts_on_the_given_date(school):
    assert resolve(school, "70周岁以上退休老教师", dt.date(2027, 10, 14)).count() == 1
    assert resolve(school, "70周岁以上退休老教师", dt.date(2027, 10, 15)).count() == 2


def test_resolve_children_scope_counts_children(school):
    participants = resolve(school, "14岁以下职工子女", dt.date(2027, 6, 1))
    assert participants.for_children
    assert participants.count() == 1
    assert participants.members.count() == 1


def test_item_date_is_the_date_or_the_first_of_the_month():
    plan = PlanFactory.build(year=2027)
    assert item_date(ScheduleItemFactory.build(plan=plan, month=10)) == dt.date(2027, 10, 1)
    dated = ScheduleItemFactory.build(plan=plan, month=10, date=dt.date(2027, 10, 20))
    assert item_date(dated) == dt.date(2027, 10, 20)


def test_counts_for_items(school):
    plan = PlanFactory(organization=school, year=2027)
    items = {
        "old": ScheduleItemFactory(plan=plan, month=1, scope="70周岁以上退休老教师"),
        "old_oct": ScheduleItemFactory(
            plan=plan, month=10, date=dt.date(2027, 10, 20), scope="70周岁以上退休老教师"
        ),
        "all": ScheduleItemFactory(plan=plan, scope="全体教职工"),
        "women": ScheduleItemFactory(plan=plan, scope="女教职工"),
        "kids": ScheduleItemFactory(plan=plan, month=6, scope="14岁以下职工子女"),
        "hard": ScheduleItemFactory(plan=plan, scope="困难职工"),
        "vague": ScheduleItemFactory(plan=plan, scope="部分职工"),
        "blank": ScheduleItemFactory(plan=plan, scope=""),
    }
    counts = counts_for_items(plan, items.values())
    by_name = {name: counts[item.pk] for name, item in items.items()}
    assert by_name == {
        "old": 1, "old_oct": 2, "all": 4, "women": 1, "kids": 1, "hard": 1,
        "vague": None, "blank": None,
    }  # fmt: skip


def test_counts_take_three_queries_whatever_the_number_of_items(school, django_assert_num_queries):
    plan = PlanFactory(organization=school)
    scopes = ["全体教职工", "女职工", "困难职工", "14岁以下职工子女", "退休职工", "劳模"]
    items = [ScheduleItemFactory(plan=plan, month=m, scope=s) for m in (1, 5) for s in scopes]
    with django_assert_num_queries(3):
        counts_for_items(plan, items)
    vague = ScheduleItemFactory(plan=plan, scope="部分职工")
    with django_assert_num_queries(0):
        assert counts_for_items(plan, [vague]) == {vague.pk: None}


def test_federation_counts_include_the_unions_below():
    federation = OrganizationFactory(kind="federation")
    inside = MemberFactory(organization=OrganizationFactory(parent=federation), gender="male")
    outside = MemberFactory(organization=OrganizationFactory(), gender="male")
    for parent in (inside, outside):
        ChildFactory(member=parent, birth_date=dt.date(2020, 1, 1))
        ChildFactory(member=parent, birth_date=dt.date(2000, 1, 1))
    tag_member(inside, "困难职工")
    tag_member(outside, "困难职工")
    plan = PlanFactory(organization=federation, year=2027)
    items = [
        ScheduleItemFactory(plan=plan, scope=scope)
        for scope in ("全体会员", "14岁以下职工子女", "男职工子女", "困难职工", "女职工")
    ]
    assert list(counts_for_items(plan, items).values()) == [1, 1, 2, 1, 0]
    on = dt.date(2027, 6, 1)
    assert resolve(federation, "14岁以下职工子女", on).count() == 1
    assert resolve(federation, "男职工子女", on).count() == 2
    assert resolve(federation, "困难职工", on).count() == 1


def test_attach_counts_sets_an_attribute(school):
    plan = PlanFactory(organization=school)
    [item] = attach_counts(plan, [ScheduleItemFactory(plan=plan, scope="女职工")])
    assert item.participant_count == 1


def test_item_snippet_links_the_count_to_the_sign_in_sheet(school):
    from django.template.loader import render_to_string

    plan = PlanFactory(organization=school)
    known, vague = attach_counts(
        plan,
        [
            ScheduleItemFactory(plan=plan, scope="女职工"),
            ScheduleItemFactory(plan=plan, scope="部分职工"),
        ],
    )
    html = render_to_string("members/_item_participants.html", {"item": known})
    assert f"/members/item/{known.pk}/participants/" in html and "1 人" in html
    assert "？人" in render_to_string("members/_item_participants.html", {"item": vague})
