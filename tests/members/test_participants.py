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
    """Two retired teachers over 70 (one turns 70 on 15 Oct 2027), a young woman, a model
    worker tagged 困难职工 too, with two children (3 and 16 in 2027)."""
    MemberFactory(organization=org, gender="male", status="retired", birth_date=dt.date(1950, 5, 1))
    MemberFactory(
        organization=org, gender="male", status="retired", birth_date=dt.date(1957, 10, 15)
    )
    MemberFactory(organization=org, gender="female", birth_date=dt.date(1995, 3, 3))
    hard = MemberFactory(organization=org, gender="male", birth_date=dt.date(1980, 1, 1))
    tag_member(hard, "困难职工", "劳模")
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
        "hard": ScheduleItemFactory(plan=plan, scope="困难职工"),  # the hardship files' word
        "model": ScheduleItemFactory(plan=plan, scope="劳动模范"),
        "vague": ScheduleItemFactory(plan=plan, scope="部分职工"),
        "blank": ScheduleItemFactory(plan=plan, scope=""),
    }
    counts = counts_for_items(plan, items.values())
    by_name = {name: counts[item.pk] for name, item in items.items()}
    assert by_name == {
        "old": 1, "old_oct": 2, "all": 4, "women": 1, "kids": 1, "hard": 0, "model": 1,
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
    tag_member(inside, "劳模")
    tag_member(outside, "劳模")
    plan = PlanFactory(organization=federation, year=2027)
    items = [
        ScheduleItemFactory(plan=plan, scope=scope)
        for scope in ("全体会员", "14岁以下职工子女", "男职工子女", "劳动模范", "女职工")
    ]
    assert list(counts_for_items(plan, items).values()) == [1, 1, 2, 1, 0]
    on = dt.date(2027, 6, 1)
    assert resolve(federation, "14岁以下职工子女", on).count() == 1
    assert resolve(federation, "男职工子女", on).count() == 2
    assert resolve(federation, "劳动模范", on).count() == 1


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


@pytest.fixture
def city():
    """A city federation with its own office staff, a district federation, a school and two
    enterprises: chairs, committee members, a finance officer, hire dates."""
    city = OrganizationFactory(kind="federation", sector="federation")
    district = OrganizationFactory(kind="federation", sector="federation", parent=city)
    school = OrganizationFactory(parent=district, sector="school")
    works = OrganizationFactory(parent=city, sector="enterprise")
    OrganizationFactory(parent=city, sector="enterprise")  # no members yet: still a union
    tag_member(MemberFactory(organization=city), "工会委员", "工会干部")
    MemberFactory(organization=city, hired_on=dt.date(2027, 2, 1))
    tag_member(MemberFactory(organization=district), "工会主席")  # a federation's chair
    tag_member(MemberFactory(organization=school), "工会主席", "工会委员", "工会干部")
    tag_member(MemberFactory(organization=school, hired_on=dt.date(2010, 9, 1)), "工会财务人员")
    tag_member(MemberFactory(organization=works, hired_on=dt.date(2027, 5, 1)), "工会主席")
    MemberFactory(organization=works, joined_at=dt.date(2026, 12, 1))  # no hire date
    tag_member(MemberFactory(organization=works), "困难职工")
    return city


FEDERATION_COUNTS = {
    "全市职工": 8,
    "全县": 8,
    "各基层工会": 3,
    "已建工会企业": 2,
    "全市企业职工": 3,
    "基层工会主席": 2,  # not the district federation's chair
    "总工会委员、基层工会主席": 3,
    "总工会机关干部": 2,
    "基层工会干部": 1,
    "基层工会财务人员、经审委员": 1,
    "新入职职工": 3,  # hired 2027-02 and 2027-05, joined 2026-12 without a hire date
    "困难职工": 0,  # a roster label is no hardship file
    "高温一线职工、户外劳动者": None,
}


def test_federation_scopes_count_unions_offices_and_standings(city, django_assert_num_queries):
    plan = PlanFactory(organization=city, year=2027)
    items = [ScheduleItemFactory(plan=plan, month=6, scope=s) for s in FEDERATION_COUNTS]
    with django_assert_num_queries(3):  # is it a federation; its members; its unions
        counts = counts_for_items(plan, items)
    assert {item.scope: counts[item.pk] for item in items} == FEDERATION_COUNTS
    for text, expected in FEDERATION_COUNTS.items():
        if expected is not None:
            assert resolve(city, text, dt.date(2027, 6, 1)).count() == expected, text


def test_a_scope_of_unions_lists_the_grassroots_unions_below(city):
    participants = resolve(city, "各基层工会", dt.date(2027, 6, 1))
    assert participants.for_unions and not participants.members.exists()
    assert all(union.kind == "grassroots" for union in participants.unions)
    assert city not in participants.unions


def test_new_hires_are_counted_on_the_items_date(city):
    # On 1 March 2027 the May 2027 hire counts too: later in the plan year.
    assert resolve(city, "新入职职工", dt.date(2027, 3, 1)).count() == 3
    # A year on, 2028-06-01: only hires after 2027-06-01 or in 2028 are new; none are.
    assert resolve(city, "新入职职工", dt.date(2028, 6, 1)).count() == 0


def test_unions_items_are_marked_for_the_plan_page(city):
    plan = PlanFactory(organization=city, year=2027)
    unions, people = attach_counts(
        plan,
        [
            ScheduleItemFactory(plan=plan, scope="各基层工会"),
            ScheduleItemFactory(plan=plan, scope="基层工会主席"),
        ],
    )
    assert (unions.participants_are_unions, people.participants_are_unions) == (True, False)
    from django.template.loader import render_to_string

    assert "3个工会" in render_to_string("members/_item_participants.html", {"item": unions})
