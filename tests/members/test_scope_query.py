"""The ORM translation of a scope must select exactly the members ``matches`` selects."""

import datetime as dt
import random

import pytest

from tests.factories import ChildFactory, MemberFactory, OrganizationFactory, tag_member
from unionplan.members.models import STATUSES, Member
from unionplan.members.scope_query import parents_q, scope_q, unions_q
from unionplan.orgs.models import Organization
from unionplan.scope import filter as scope_filter
from unionplan.scope import parse_scope
from unionplan.scope.filter import MemberRecord, ScopeFilter, UnionRecord, matches, union_matches

pytestmark = pytest.mark.django_db

ON = dt.date(2027, 3, 1)
TAGS = ["劳模", "困难职工", "退役军人", "工会干部", "职工代表"]
DEPARTMENTS = ["语文组", "数学组", "后勤处", "办公室"]
POSTS = ["语文教师", "数学教师", "校长", "会计", "班主任", "", "Teacher"]


def _birth(rng: random.Random) -> dt.date | None:
    """Birth dates that hit the edges: birthdays on and around ON, 29 February, none."""
    choice = rng.random()
    if choice < 0.08:
        return None
    if choice < 0.15:
        return dt.date(rng.choice([1948, 1952, 1956, 1960, 2012]), 2, 29)
    if choice < 0.45:
        years = rng.choice([14, 35, 36, 55, 60, 70, 71])
        return ON.replace(year=ON.year - years) + dt.timedelta(days=rng.choice([-1, 0, 1]))
    return dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(365 * 80))


def _hire_date(rng: random.Random) -> dt.date | None:
    """Hire (or joining) dates around the edges of the 新入职 window of each test date."""
    choice = rng.random()
    if choice < 0.3:
        return None
    if choice < 0.7:
        edge = rng.choice([ON, dt.date(2027, 2, 28), dt.date(2028, 2, 29)])
        edge = rng.choice(
            [
                edge.replace(year=edge.year - 1)
                if edge.day != 29
                else dt.date(edge.year - 1, 2, 28),
                dt.date(edge.year, 12, 31),
            ]
        )
        return edge + dt.timedelta(days=rng.choice([-1, 0, 1]))
    return dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(365 * 29))


def _tree(org) -> list:
    """``org`` made a federation with unions of two levels and sectors below it."""
    org.kind, org.sector = "federation", "federation"
    org.save()
    district = OrganizationFactory(parent=org, kind="federation", sector="federation")
    return [
        org,
        district,
        OrganizationFactory(parent=district, sector="school"),
        OrganizationFactory(parent=org, sector="enterprise"),
        OrganizationFactory(parent=org, sector="hospital"),
    ]


def _population(rng: random.Random, org) -> None:
    unions = _tree(org)
    for _ in range(240):
        member = MemberFactory(
            organization=rng.choice(unions),
            hired_on=_hire_date(rng),
            joined_at=_hire_date(rng),
            birth_date=_birth(rng),
            gender=rng.choice(["male", "female", ""]),
            status=rng.choice(["active", "active", "retired", "left"]),
            department=rng.choice(DEPARTMENTS),
            post=rng.choice(POSTS),
        )
        tag_member(member, *rng.sample(TAGS, rng.choice([0, 0, 1, 2, 3])))
        for _ in range(rng.choice([0, 0, 1, 2])):
            ChildFactory(member=member, birth_date=_birth(rng) or dt.date(2010, 5, 5))


def _random_clause(rng: random.Random, allow_nesting: bool) -> ScopeFilter:
    scope = ScopeFilter()
    if rng.random() < 0.4:
        scope.age_min = rng.choice([None, 14, 35, 55, 60, 70])
    if rng.random() < 0.4:
        scope.age_max = rng.choice([None, 14, 35, 36, 60])
    if rng.random() < 0.3:
        scope.gender = rng.choice(["male", "female"])
    if rng.random() < 0.3:
        scope.status = rng.sample(["active", "retired", "left"], rng.choice([1, 2]))
    if rng.random() < 0.3:
        scope.tags = rng.sample(TAGS, rng.choice([1, 2]))
    if rng.random() < 0.2:
        scope.posts = rng.sample(["教师", "校长", "会计", "eacher", "teacher"], rng.choice([1, 2]))
    if rng.random() < 0.2:
        scope.departments = rng.sample(DEPARTMENTS, rng.choice([1, 2]))
    if rng.random() < 0.15:
        scope.birthday_month = rng.choice([2, 3, "current"])
    if rng.random() < 0.2:
        scope.children_age_min = rng.choice([None, 6])
        scope.children_age_max = rng.choice([None, 14, 18])
    if rng.random() < 0.2:
        scope.new_hire = True
    if rng.random() < 0.2:
        scope.union_level = rng.choice(["own", "grassroots"])
    if rng.random() < 0.15:
        scope.sectors = rng.sample(["school", "enterprise", "hospital", "federation"], 2)
    if allow_nesting:
        if rng.random() < 0.15:
            scope.target = "children"
        if rng.random() < 0.2:
            scope.any_of = [_random_clause(rng, False) for _ in range(rng.choice([2, 3]))]
    return scope


def _records(org) -> dict[int, MemberRecord]:
    members = Member.objects.select_related("organization").prefetch_related("children", "tags")
    return {
        m.pk: MemberRecord(
            hired_on=m.hired_on,
            joined_on=m.joined_at,
            own=m.organization_id == org.pk,
            grassroots=m.organization.kind == "grassroots",
            sector=m.organization.sector,
            birth_date=m.birth_date,
            gender=m.gender or None,
            status=m.status,
            tags=frozenset(t.name for t in m.tags.all()),
            department=m.department,
            post=m.post,
            children_birth_dates=tuple(c.birth_date for c in m.children.all()),
        )
        for m in members
    }


HAND_PICKED = [
    ScopeFilter(),
    ScopeFilter(age_min=70, status=["retired"]),
    ScopeFilter(age_max=35, posts=["教师"]),
    ScopeFilter(gender="female"),
    ScopeFilter(children_age_max=14, target="children"),
    ScopeFilter(target="children"),
    ScopeFilter(birthday_month="current"),
    ScopeFilter(tags=["困难职工"]),
    ScopeFilter(any_of=[ScopeFilter(tags=["职工代表"]), ScopeFilter(posts=["校长"])]),
    ScopeFilter(status=["active", "retired"], age_min=60, age_max=60),
    ScopeFilter(new_hire=True),
    ScopeFilter(union_level="own"),
    ScopeFilter(union_level="grassroots", tags=["工会干部"]),
    ScopeFilter(sectors=["enterprise"]),
    ScopeFilter(any_of=[ScopeFilter(union_level="own"), ScopeFilter(sectors=["school"])]),
]


@pytest.mark.parametrize("per_member", [True, False])
def test_orm_agrees_with_matches_on_a_varied_population(per_member):
    rng = random.Random(20270301)
    org = OrganizationFactory()
    _population(rng, org)
    records = _records(org)
    filters = HAND_PICKED + [_random_clause(rng, True) for _ in range(80)]
    non_trivial = 0
    for scope in filters:
        for on_date in (ON, dt.date(2027, 2, 28), dt.date(2028, 2, 29)):
            expected = {pk for pk, rec in records.items() if matches(scope, rec, on_date)}
            condition = scope_q(scope, on_date, per_member, org)
            got = set(Member.objects.filter(condition).values_list("pk", flat=True))
            assert got == expected, (scope, on_date)
            non_trivial += 0 < len(expected) < len(records)
    assert non_trivial > 100  # the comparison is not just "everyone" and "no one"


def test_status_codes_are_the_scope_languages():
    assert [code for code, _ in STATUSES] == [code for code, _ in scope_filter.STATUSES]


@pytest.mark.parametrize("per_member", [True, False])
def test_a_member_with_several_matching_tags_is_counted_once(org, per_member):
    member = MemberFactory(organization=org)
    tag_member(member, "劳模", "职工代表")
    scope = ScopeFilter(tags=["劳模", "职工代表"])
    assert Member.objects.filter(scope_q(scope, ON, per_member)).count() == 1


def test_parents_of_a_children_scope_ignore_the_children_bounds_only():
    scope = ScopeFilter(target="children", children_age_max=14, gender="female")
    assert parents_q(scope, ON) == scope_q(ScopeFilter(gender="female"), ON)
    members_scope = ScopeFilter(children_age_max=14)  # members who have such a child
    assert "Exists" in repr(parents_q(members_scope, ON).children)


def test_whose_union_needs_the_organization():
    with pytest.raises(ValueError):
        scope_q(ScopeFilter(union_level="own"), ON)


@pytest.mark.parametrize("per_member", [True, False])
def test_unions_agree_with_union_matches(per_member):
    org = OrganizationFactory()
    unions = _tree(org)
    OrganizationFactory(sector="enterprise")  # another tree
    scopes = [parse_scope(text).filter for text in ("各基层工会", "已建工会企业", "辖区基层工会")]
    for scope in scopes:
        expected = {
            u.pk for u in unions if u != org and union_matches(scope, UnionRecord(u.kind, u.sector))
        }
        got = set(Organization.objects.filter(unions_q(scope, org)).values_list("pk", flat=True))
        assert got == expected and got
        assert not Member.objects.filter(scope_q(scope, ON, per_member, org)).exists()
